// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The settings SkladHook knows. Code names a setting by this enum, so a renamed key is a compile error; the dotted
// names ("site.url") exist for people and scripts only (`config get/set`, the INI file).
enum class SettingKey {
    ApiUrl,
    SiteUrl,
    ExchangePayments,
    ExchangeShipments,
    ImportOrders,
    ReceiverListen,
    ReceiverAllowExternal,
    WorkerInterval,
    WorkerMaxAttempts,
    RetentionDays,
    SecretsStore,
    UiCloseToTray,
    UiLanguage,
    QueuePaused,
    SiteSecretOverlapHours,
    SyncInterval,
    HooksCheckInterval,
    HooksAutoRepair,
    ReceiverMaxConnectionsPerAddress,
    StoreUrl,
};

// Where a setting belongs. Machine-local ones describe this computer (where the receiver listens, where secrets
// live, the desktop's look); account-wide ones describe the MoySklad account and the shop (site URL, exchange,
// execution modes, worker), and are what every process serving that account must agree on.
enum class SettingScope { Machine, Account };
