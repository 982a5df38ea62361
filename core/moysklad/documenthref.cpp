// SPDX-License-Identifier: GPL-3.0-or-later
#include "moysklad/documenthref.h"

namespace DocumentHref {

QString of(QStringView entityType, QStringView documentId)
{
    return kEntityPrefix + entityType + u'/' + documentId;
}

QStringView idIn(QStringView href, QStringView entityType)
{
    const qsizetype typeEnd = kEntityPrefix.size() + entityType.size();
    if (entityType.isEmpty() || !href.startsWith(kEntityPrefix) ||
        !href.sliced(kEntityPrefix.size()).startsWith(entityType) || href.size() <= typeEnd + 1 ||
        href.at(typeEnd) != u'/')
        return {};
    const QStringView id = href.sliced(typeEnd + 1);
    if (id.contains(u'/') || id.contains(u'?') || id.contains(u'#'))
        return {};
    return id;
}

} // namespace DocumentHref
