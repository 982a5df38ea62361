// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QCoreApplication>

QString SecretError::toString() const
{
    QString text;
    switch (kind) {
    case Kind::Unavailable:
        text = QCoreApplication::translate(
            "SecretError", "No keychain is available (no Secret Service such as GNOME Keyring or KWallet on the "
                           "session bus). Start one, or explicitly allow keeping secrets in the settings file "
                           "(secrets.store = file).");
        break;
    case Kind::Locked:
        text = QCoreApplication::translate("SecretError",
                                           "The keychain is locked or refused access. Unlock it (e.g. log in to the "
                                           "desktop session or unlock the login keyring) and try again.");
        break;
    case Kind::Denied:
        text = QCoreApplication::translate(
            "SecretError", "Access to the keychain was denied. Allow SkladHook to use the keychain and try again.");
        break;
    case Kind::Other:
        text = QCoreApplication::translate("SecretError", "The keychain reported an error.");
        break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(detail);
    return text;
}

QString SecretStore::shownDescription() const
{
    return QCoreApplication::translate("LogMessage", description().toUtf8().constData());
}
