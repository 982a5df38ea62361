// SPDX-License-Identifier: GPL-3.0-or-later
// The site URL the user types, the verification string, and hook URLs MoySklad lists (ours, a neighbour's, hostile
// look-alikes). Input: up to three lines, "site\nsecret\nhook URL".
#include "fuzzsupport.h"
#include "hooks/hookurl.h"

#include <QStringList>

namespace {

// Verification strings SkladHook generates or the user could type into the settings: URL-safe characters.
bool isPlainSecret(const QString &secret)
{
    if (secret.size() < 8)
        return false;
    for (const QChar c : secret) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_')
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzSupport::initQt();
    const QStringList lines = QString::fromUtf8(FuzzSupport::bytes(data, size)).split(u'\n');
    const QString siteText = lines.value(0);
    const QString secret = lines.value(1);
    Webhook foreign;
    foreign.url = lines.value(2);

    (void)HookUrl::mask(foreign.url);
    (void)HookUrl::mask(siteText);

    const auto site = HookUrl::normalizeSite(siteText);
    if (!site)
        return 0;
    const QUrl &url = site.value();
    FuzzSupport::require(url.isValid() && url.path().endsWith(u'/'), "normalized site");
    FuzzSupport::require(url.scheme() == u"https" || url.scheme() == u"http", "site scheme");
    FuzzSupport::require(HookUrl::receiverPathPrefix(url).startsWith(u'/'), "receiver prefix");
    (void)HookUrl::validate(url, secret);
    (void)HookUrl::isOurs(foreign, url);

    if (isPlainSecret(secret)) {
        Webhook ours;
        ours.url = HookUrl::build(url, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), secret);
        // A hook SkladHook made for this site is recognised as its own (else the planner would create it again and
        // again), and its key never reaches a log unmasked.
        FuzzSupport::require(HookUrl::isOurs(ours, url), "a built hook URL is ours");
        // The site's own path may contain the same characters: only the key's occurrence must go.
        const QString keyless =
            HookUrl::mask(HookUrl::build(url, QStringLiteral("customerorder"), QStringLiteral("UPDATE"), QString()));
        FuzzSupport::require(HookUrl::mask(ours.url).count(secret) <= keyless.count(secret), "mask hides the key");
    }
    return 0;
}
