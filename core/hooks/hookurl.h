// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "moysklad/webhook.h"

#include <QString>
#include <QUrl>

// Our hook URLs: <site URL ending in '/'>moysklad/<entityType>/<action lowercase>?key=<verification string>.
// MoySklad appends requestId=<uuid> to the query when it delivers.
namespace HookUrl {

inline constexpr int maxLength = 255; // MoySklad's limit on a hook URL (error 30010)
inline constexpr char secretParameter[] = "key";

// The site URL made canonical (absolute http(s), path ending in '/'), or a message naming the setting to fix.
Result<QUrl, QString> normalizeSite(const QString &siteUrl);
// The hook URL for one entity and action.
QString build(const QUrl &site, const QString &entityType, const QString &action, const QString &secret);
// Every URL of the catalog fits MoySklad's 255 characters? Otherwise a message naming the setting to fix.
Result<Done, QString> validate(const QUrl &site, const QString &secret);
// Ours: same scheme, host, port and path prefix as the site URL, and not created by an application.
// "https://shop.example.com.evil.example/" is not "https://shop.example.com/".
bool isOurs(const Webhook &hook, const QUrl &site);
// The URL with the key= value masked, for display and logs.
QString mask(const QString &url);
// The path below which the receiver serves ("/skladhook/" for https://shop.example.com/skladhook/).
QString receiverPathPrefix(const QUrl &site);

} // namespace HookUrl
