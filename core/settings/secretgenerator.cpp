// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretgenerator.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <algorithm>

namespace SecretGenerator {

QString verificationString()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<Done, QString> check(const QString &secret)
{
    const auto urlSafe = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_') ||
               c == QLatin1Char('.') || c == QLatin1Char('~');
    };
    if (!std::all_of(secret.cbegin(), secret.cend(), urlSafe))
        return QStringLiteral("site.secret may contain only the letters A-Z and a-z, digits and - _ . ~ (it is part of "
                              "every hook URL)");
    if (secret.size() < minimumLength || secret.size() > maximumLength)
        return QStringLiteral("site.secret must have %1 to %2 characters (it has %3); leave it unset and one is "
                              "generated")
            .arg(minimumLength)
            .arg(maximumLength)
            .arg(secret.size());
    return Done{};
}

} // namespace SecretGenerator
