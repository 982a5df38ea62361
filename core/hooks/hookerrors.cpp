// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookerrors.h"

#include <QCoreApplication>

namespace HookErrors {

QString explain(const ApiError &error)
{
    // Our own refusal before any request: its text already says what to fix.
    if (error.kind == ApiError::Kind::InvalidInput && !error.detail.isEmpty())
        return error.detail;
    if (error.hasCode(30003))
        return QCoreApplication::translate(
            "HookErrors", "A webhook for this entity, action and URL already exists in MoySklad. Refresh the "
                          "list: it is probably already installed.");
    if (error.hasCode(30004))
        return QCoreApplication::translate(
            "HookErrors", "Only the MoySklad account administrator may manage webhooks. Use an administrator's "
                          "token or login.");
    if (error.hasCode(30006))
        return QCoreApplication::translate(
            "HookErrors", "The free MoySklad tariff cannot create or change webhooks. Switch the account to a "
                          "paid tariff.");
    if (error.hasCode(30007))
        return QCoreApplication::translate(
            "HookErrors", "MoySklad allows at most 5 webhooks per entity and action. Delete unused webhooks of "
                          "the same event (other applications' or old ones) in MoySklad.");
    if (error.hasCode(30005) || error.hasCode(30010))
        return QCoreApplication::translate(
            "HookErrors", "MoySklad refused the hook URL. Check the site URL (site.url): it must be a public "
                          "http(s) address and hook URLs may have at most 255 characters.");
    if (error.hasCode(30000) || error.hasCode(30002) || error.hasCode(30009))
        return QCoreApplication::translate("HookErrors",
                                           "MoySklad refused the hook's entity type, action or diff type.");
    switch (error.kind) {
    case ApiError::Kind::Unauthorized:
        return QCoreApplication::translate(
            "HookErrors", "MoySklad did not accept the credentials: check the token, or the login and password.");
    case ApiError::Kind::Forbidden:
        return QCoreApplication::translate("HookErrors", "This MoySklad user may not do this.");
    case ApiError::Kind::RateLimited:
        return QCoreApplication::translate(
            "HookErrors", "MoySklad's request limit was reached even after waiting; try again in a minute.");
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return QCoreApplication::translate(
            "HookErrors", "MoySklad could not be reached: check the network and the API URL (api.url).");
    default:
        return QCoreApplication::translate("HookErrors", "MoySklad refused the request.");
    }
}

} // namespace HookErrors
