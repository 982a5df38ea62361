// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretgenerator.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace SecretGenerator {

QString verificationString()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace SecretGenerator
