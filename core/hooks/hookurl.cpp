// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookurl.h"

#include "common/secretmasker.h"
#include "hooks/hookcatalog.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace HookUrl {

Result<QUrl, QString> normalizeSite(const QString &siteUrl)
{
    const QString trimmed = siteUrl.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate(
            "HookUrl", "The site URL (site.url) is empty: enter the public address of the shop, e.g. "
                       "https://shop.example.com/");
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QCoreApplication::translate(
                   "HookUrl", "The site URL (site.url) '%1' is not an absolute URL, e.g. https://shop.example.com/")
            .arg(trimmed);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QCoreApplication::translate("HookUrl",
                                           "The site URL (site.url) must start with http:// or https://, not '%1:'")
            .arg(scheme);
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return QCoreApplication::translate(
            "HookUrl", "The site URL (site.url) must not contain a query, a fragment or a user name");
    url.setScheme(scheme);
    url.setHost(url.host().toLower());
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

QString build(const QUrl &site, const QString &entityType, const QString &action, const QString &secret)
{
    QUrl url = site;
    url.setPath(site.path() + QStringLiteral("moysklad/%1/%2").arg(entityType, action.toLower()));
    QUrlQuery query;
    query.addQueryItem(QString::fromLatin1(secretParameter), secret);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

Result<Done, QString> validate(const QUrl &site, const QString &secret)
{
    qsizetype longest = 0;
    QString longestUrl;
    for (const HookSpec &spec : HookCatalog::all()) {
        const QString url = build(site, spec.entityType, spec.action, secret);
        if (url.size() > longest) {
            longest = url.size();
            longestUrl = url;
        }
    }
    // A generated verification string has 43 characters; a longer one typed by the user shares the blame.
    if (longest > maxLength && secret.size() > 43)
        return QCoreApplication::translate(
                   "HookUrl", "The site URL (site.url) with this verification string (site.secret) is too long: hook "
                              "URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site "
                              "URL's path or the verification string by %3 characters.")
            .arg(longest)
            .arg(maxLength)
            .arg(longest - maxLength);
    if (longest > maxLength)
        return QCoreApplication::translate(
                   "HookUrl", "The site URL (site.url) is too long: hook URLs would have up to %1 characters and "
                              "MoySklad accepts at most %2. Shorten the site URL's path by %3 characters.")
            .arg(longest)
            .arg(maxLength)
            .arg(longest - maxLength);
    return Done{};
}

namespace {

// RFC 3986's remove_dot_segments on a path: "/a/./b/../c" → "/a/c". Qt 6.4's QUrl::NormalizePathSegments also
// drops segments that merely start with a dot ("/a/.z/" became "/a/"; found by fuzz_hookurl), so it is not used.
QString withoutDotSegments(const QString &path)
{
    const QStringList segments = path.split(QLatin1Char('/'));
    QStringList kept;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == QLatin1String(".") || segment == QLatin1String("..")) {
            if (segment == QLatin1String("..") && kept.size() > 1)
                kept.removeLast();
            if (last)
                kept.append(QString()); // "/a/b/.." is the directory "/a/"
            continue;
        }
        kept.append(segment);
    }
    return kept.join(QLatin1Char('/'));
}

} // namespace

bool isOurs(const Webhook &hook, const QUrl &site)
{
    if (hook.createdByApplication() || !site.isValid())
        return false;
    // "/skladhook/../elsewhere/" is not under "/skladhook/": compare the path the server will actually see.
    const QUrl url(hook.url);
    if (!url.isValid())
        return false;
    return url.scheme().compare(site.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(site.host(), Qt::CaseInsensitive) == 0 &&
           url.port(url.scheme() == QLatin1String("https") ? 443 : 80) ==
               site.port(site.scheme() == QLatin1String("https") ? 443 : 80) &&
           withoutDotSegments(url.path()).startsWith(withoutDotSegments(site.path()));
}

QString mask(const QString &url)
{
    QUrl parsed(url);
    QUrlQuery query(parsed);
    const QString key = QString::fromLatin1(secretParameter);
    if (!query.hasQueryItem(key))
        return SecretMasker::instance().mask(url);
    const QString secret = query.queryItemValue(key, QUrl::FullyDecoded);
    query.removeAllQueryItems(key);
    query.addQueryItem(key, SecretMasker::maskValue(secret));
    parsed.setQuery(query);
    return parsed.toString(QUrl::PrettyDecoded);
}

QString receiverPathPrefix(const QUrl &site)
{
    return site.path().isEmpty() ? QStringLiteral("/") : site.path();
}

} // namespace HookUrl
