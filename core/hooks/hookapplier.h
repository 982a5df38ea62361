// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hooks/hookplan.h"
#include "moysklad/apierror.h"

#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

class DiagnosticsLog;
class MoySkladClient;

struct ApplyOptions final
{
    bool createMissing = true;   // create the catalog's missing hooks
    bool enableDisabled = true;  // enable our hooks MoySklad disabled
    bool updateOwn = false;      // rewrite our outdated URLs
    bool removeUnwanted = false; // delete our hooks no longer in the catalog
    // When set, only these hook ids are updated (the GUI's "Update" checkboxes), whatever updateOwn says.
    std::optional<QSet<QString>> updateOnly;
};

// The writes an apply sends: creates and updates (one array POST), deletions (one delete-many POST).
struct HookWrites final
{
    QList<Webhook> saves; // without href: create; with href: update in place
    QList<Webhook> deletions;
    bool isEmpty() const { return saves.isEmpty() && deletions.isEmpty(); }
};

struct ApplyReport final
{
    int created = 0;
    int updated = 0;
    int enabled = 0;
    int deleted = 0;
    QStringList lines;             // one per write, for people (secrets masked)
    std::optional<ApiError> error; // MoySklad's refusal, original text kept
    QString explanation;           // the refusal in plain words, with what to do
    bool ok() const { return !error; }
    int writes() const { return created + updated + enabled + deleted; }
};

// Applies a HookPlan through the client. Never writes a hook that is not ours, whatever the options say.
class HookApplier final : public QObject
{
    Q_OBJECT

public:
    HookApplier(MoySkladClient *client, DiagnosticsLog *log, QObject *parent = nullptr);

    // Pure: what apply() would send for this plan and these options.
    static HookWrites writesFor(const HookPlan &plan, const ApplyOptions &options);

    void apply(const HookPlan &plan, const ApplyOptions &options, std::function<void(ApplyReport)> done);

private:
    void finishWith(ApplyReport report, const std::function<void(ApplyReport)> &done);

    MoySkladClient *m_client = nullptr;
    DiagnosticsLog *m_log = nullptr;
};
