// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logtext.h"
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

// What one write does to one hook.
enum class HookWriteKind {
    Create, // a missing catalog hook
    Update, // our outdated URL rewritten in place (enabled at the same time when it was disabled)
    Enable, // our hook MoySklad disabled, URL unchanged
    Delete, // our hook no longer in the catalog
};
QString hookWriteKindName(HookWriteKind kind); // "create" | "update" | "enable" | "delete"

struct PlannedWrite final
{
    HookWriteKind kind = HookWriteKind::Create;
    Webhook hook; // as it will be saved (Create, Update, Enable) or as it is (Delete)
};

// The writes an apply sends: creates and updates (one array POST), deletions (one delete-many POST).
struct HookWrites final
{
    QList<Webhook> saves; // without href: create; with href: update in place
    QList<Webhook> deletions;
    QList<PlannedWrite> planned; // every write above with its kind, saves first, in plan order
    bool isEmpty() const { return saves.isEmpty() && deletions.isEmpty(); }
};

// The outcome of one write, for the GUI's rows and the CLI's lines.
struct ApplyRowResult final
{
    HookWriteKind kind = HookWriteKind::Create;
    QString entityType;
    QString action;
    QString id;        // the hook's id (for a created hook: the id MoySklad gave it, when known)
    QString maskedUrl; // the URL written, key masked
    bool ok = false;
    QString message; // why it failed, or "not attempted" when an earlier write of the same apply failed
};

struct ApplyReport final
{
    int created = 0;
    int updated = 0;
    int enabled = 0;
    int deleted = 0;
    QList<LogText> lines;          // one per write, for people (secrets masked), in any face's language
    QList<ApplyRowResult> results; // one per write attempted or planned, in the order of HookWrites::planned
    // MoySklad's refusal (original text kept), or Kind::InvalidInput when the applier refused before any request.
    std::optional<ApiError> error;
    QString explanation; // the refusal in plain words, with what to do
    bool ok() const { return !error; }
    int writes() const { return created + updated + enabled + deleted; }
};

// Applies a HookPlan through the client: creates, updates and enables in one array POST, deletions in one
// delete-many POST; nothing at all when every hook is right. Never writes a hook that is not ours, whatever the
// options say: writesFor() skips foreign rows and apply() checks every write again before any request (ownership
// under the plan's sites, the 255-character URL limit). Every write and its result goes to the DiagnosticsLog.
class HookApplier final : public QObject
{
    Q_OBJECT

public:
    HookApplier(MoySkladClient *client, DiagnosticsLog *log, QObject *parent = nullptr);

    // Pure: what apply() would send for this plan and these options.
    static HookWrites writesFor(const HookPlan &plan, const ApplyOptions &options);

    // `done` runs once, on this object's thread, after the last request (or at once when nothing is to be written
    // or a write was refused before sending).
    void apply(const HookPlan &plan, const ApplyOptions &options, std::function<void(ApplyReport)> done);

private:
    void finishWith(ApplyReport report, const std::function<void(ApplyReport)> &done);

    MoySkladClient *m_client = nullptr;
    DiagnosticsLog *m_log = nullptr;
};
