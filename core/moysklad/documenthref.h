// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

// MoySklad's own address of a document, as its deliveries carry it in meta.href: …/entity/<type>/<id>. Known by
// comparison, so that the receiver does not parse it with QUrl and the queue need not store it for every task
// (issue 11's cost per delivery: a third of the receiver's own work and of a task row's bytes).
namespace DocumentHref {

inline constexpr QLatin1StringView kEntityPrefix{"https://api.moysklad.ru/api/remap/1.2/entity/"};

QString of(QStringView entityType, QStringView documentId);

// The id `href` names when it is MoySklad's own address of a document of `entityType`; empty otherwise.
QStringView idIn(QStringView href, QStringView entityType);

} // namespace DocumentHref
