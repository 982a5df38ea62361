// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncpanel.h"

#include "diagnostics/sqlitediagnosticslog.h"
#include "models/displaytime.h"
#include "store/database.h"
#include "workspace/catchupscheduler.h"
#include "workspace/queueadmin.h"
#include "workspace/workspace.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString localText(const QDateTime &at)
{
    return DisplayTime::text(at);
}

} // namespace

SyncPanel::SyncPanel(Workspace *workspace, QueueAdmin *queue, QWidget *parent)
    : QGroupBox(parent)
    , m_workspace(workspace)
    , m_scheduler(&workspace->catchUp())
    , m_queue(queue)
    , m_reader(workspace->storeLocation())
{
    setObjectName(QStringLiteral("syncPanel"));
    m_complete = new QLabel(this);
    m_complete->setObjectName(QStringLiteral("syncComplete"));
    m_lastRun = new QLabel(this);
    m_lastRun->setObjectName(QStringLiteral("syncLastRun"));
    m_lastRun->setWordWrap(true);
    m_nextRun = new QLabel(this);
    m_nextRun->setObjectName(QStringLiteral("syncNextRun"));
    auto *form = new QFormLayout;
    m_completeLabel = new QLabel(this);
    m_lastRunLabel = new QLabel(this);
    m_nextRunLabel = new QLabel(this);
    m_comparisonLabel = new QLabel(this);
    form->addRow(m_completeLabel, m_complete);
    form->addRow(m_lastRunLabel, m_lastRun);
    form->addRow(m_nextRunLabel, m_nextRun);
    m_comparison = new QLabel(this);
    m_comparison->setObjectName(QStringLiteral("comparisonResult"));
    m_comparison->setWordWrap(true);
    form->addRow(m_comparisonLabel, m_comparison);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("syncStopButton"));
    m_stop->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("syncMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_syncNow = new QPushButton(this);
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_syncSince = new QPushButton(this);
    m_syncSince->setObjectName(QStringLiteral("syncSinceButton"));
    m_compare = new QPushButton(this);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    m_fetchDifferences = new QPushButton(this);
    m_fetchDifferences->setObjectName(QStringLiteral("fetchDifferencesButton"));
    m_fetchDifferences->hide();
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_syncSince);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_fetchDifferences);
    buttons->addStretch(1);

    auto *top = new QHBoxLayout;
    top->addLayout(form, 1);
    top->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);
    layout->addLayout(progressRow);
    layout->addWidget(m_message);

    connect(m_syncNow, &QPushButton::clicked, this, &SyncPanel::syncNow);
    connect(m_syncSince, &QPushButton::clicked, this, &SyncPanel::askSince);
    connect(m_compare, &QPushButton::clicked, this, &SyncPanel::compare);
    connect(m_fetchDifferences, &QPushButton::clicked, this, &SyncPanel::fetchDifferences);
    connect(m_stop, &QPushButton::clicked, this, &SyncPanel::stop);
    {
        connect(m_scheduler, &CatchUpScheduler::progress, this, &SyncPanel::showProgress);
        connect(m_scheduler, &CatchUpScheduler::finished, this, &SyncPanel::showFinished);
        connect(m_scheduler, &CatchUpScheduler::scheduleChanged, this, &SyncPanel::refresh);
        connect(m_scheduler, &CatchUpScheduler::started, this, [this] {
            m_progress->setRange(0, 0); // busy until the first page says how many there are
            m_progress->setFormat(tr("Starting…"));
            showBusy(true);
            refresh();
        });
    }
    m_refresh.setInterval(5000); // a run in another process shows up here
    connect(&m_refresh, &QTimer::timeout, this, &SyncPanel::refresh);
    m_refresh.start();
    retranslateUi();
}

void SyncPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void SyncPanel::retranslateUi()
{
    setTitle(tr("Catch-up with MoySklad"));
    m_complete->setToolTip(tr("Every change MoySklad made up to this moment is in the shop store, whether its "
                              "delivery arrived or not"));
    m_completeLabel->setText(tr("Store complete up to:"));
    m_lastRunLabel->setText(tr("Last sync:"));
    m_nextRunLabel->setText(tr("Next sync:"));
    m_comparisonLabel->setText(tr("Last comparison:"));
    m_stop->setText(tr("St&op"));
    m_stop->setToolTip(tr("Stop the sync or the comparison: what was applied stays"));
    m_syncNow->setText(tr("&Sync now"));
    m_syncNow->setToolTip(tr("Fetch what MoySklad changed since the store was last complete"));
    m_syncSince->setText(tr("Sync s&ince…"));
    m_syncSince->setToolTip(tr("Fetch every document changed since a moment you choose, older ones included"));
    m_compare->setText(tr("&Compare with MoySklad"));
    m_compare->setToolTip(tr("List every handled document in MoySklad and compare it with the shop store: missing, "
                             "outdated, or deleted in MoySklad but not here"));
    // A message from before the switch is not said again in the new language: it goes, the state it told of stays.
    m_message->clear();
    m_message->hide();
    refresh(); // the texts made from values (times, the last run and comparison)
}

SyncPanel::~SyncPanel() = default;

void SyncPanel::refresh()
{
    const bool running = m_scheduler->isRunning();
    m_syncNow->setEnabled(!running);
    m_syncSince->setEnabled(!running);
    m_compare->setEnabled(!m_check || !m_check->isRunning());
    if (!m_reader.ensureOpen()) {
        m_complete->setText(tr("unknown (no database yet)"));
        return;
    }
    showLastComparison();
    const CatchUpScheduler::Status status = CatchUpScheduler::readStatus(m_reader.db(), m_scheduler->entityTypes());
    m_complete->setText(status.completeUntil ? localText(*status.completeUntil) : tr("not synced yet"));
    if (!status.lastRun) {
        m_lastRun->setText(tr("none yet"));
    } else {
        const SyncLedger::Run &run = *status.lastRun;
        const QJsonObject s = run.summary;
        m_lastRun->setText(run.ok ? tr("%1: %2 fetched, %3 applied, %4 marked deleted")
                                        .arg(localText(run.finishedAt))
                                        .arg(s.value(QLatin1String("fetched")).toInt())
                                        .arg(s.value(QLatin1String("applied")).toInt())
                                        .arg(s.value(QLatin1String("deleted")).toInt())
                           : run.cancelled() ? tr("%1: stopped by the user").arg(localText(run.finishedAt))
                                             : tr("%1: failed — %2").arg(localText(run.finishedAt), run.error));
        m_lastRun->setStyleSheet(run.ok || run.cancelled() ? QString() : QStringLiteral("color: #b00020"));
    }
    m_nextRun->setText(running ? tr("running now")
                       : status.nextRun.isValid() && status.nextRun > QDateTime::currentDateTimeUtc()
                           ? localText(status.nextRun)
                           : tr("at the next start of the service, or when you ask"));
}

void SyncPanel::syncNow()
{
    start(std::nullopt);
}

void SyncPanel::syncSince(const QDateTime &since)
{
    start(since);
}

void SyncPanel::askSince()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Sync since…"));
    auto *edit = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-1), &dialog);
    edit->setObjectName(QStringLiteral("syncSinceEdit"));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(DisplayTime::editFormat());
    edit->setMaximumDateTime(QDateTime::currentDateTime());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QFormLayout(&dialog);
    layout->addRow(new QLabel(tr("Fetch every order, payment and shipment MoySklad changed since (this computer's "
                                 "time):"),
                              &dialog));
    layout->addRow(edit);
    layout->addRow(buttons);
    if (dialog.exec() == QDialog::Accepted)
        syncSince(edit->dateTime().toUTC());
}

void SyncPanel::start(std::optional<QDateTime> since)
{
    const auto started =
        m_scheduler->runNow(since, QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the desktop app")));
    if (!started.ok())
        setMessage(started.error(), true);
    else
        m_message->hide();
    refresh();
}

void SyncPanel::showProgress(const CatchUpSync::Progress &progress)
{
    // Pages left are known per type: the bar shows this type's pages, the text what came so far.
    const int done = progress.fetched > 0 ? 1 : 0;
    m_progress->setRange(0, done + progress.pagesLeft);
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1: %2 fetched, %n page(s) left", nullptr, progress.pagesLeft)
                              .arg(progress.entityType)
                              .arg(progress.fetched));
    showBusy(true);
}

void SyncPanel::showBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_stop->setVisible(busy);
}

void SyncPanel::stop()
{
    if (m_check && m_check->isRunning())
        m_check->cancel();
    if (m_scheduler && m_scheduler->isRunning())
        m_scheduler->cancel();
}

void SyncPanel::showFinished(const CatchUpSync::Report &report)
{
    showBusy(false);
    if (report.cancelled)
        setMessage(tr("Sync stopped: what was fetched so far is applied, and the next sync starts where this one "
                      "stopped."),
                   false);
    else if (report.ok)
        setMessage(tr("Sync done: %1 fetched, %2 applied, %3 marked deleted, %4 requests")
                       .arg(report.total.fetched)
                       .arg(report.total.applied)
                       .arg(report.total.deleted)
                       .arg(report.total.requests),
                   false);
    else
        setMessage(report.unauthorized
                       ? tr("MoySklad refused the API token: save a working one on the Connection tab")
                       : tr("Sync stopped: %1. What was applied stays; run it again.").arg(report.error),
                   true);
    refresh();
}

void SyncPanel::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    m_message->show();
}

void SyncPanel::compare()
{
    if (m_check && m_check->isRunning())
        return;
    if (!m_workspace->hasCredentials()) {
        setMessage(tr("No API token: save one on the Connection tab first"), true);
        return;
    }
    m_check = std::make_unique<ConvergenceCheck>(
        m_workspace->client(), m_workspace->writer(), m_workspace->log(),
        m_scheduler->comparisonOptions(QString::fromUtf8(QT_TRANSLATE_NOOP("LogMessage", "from the desktop app"))),
        m_workspace->clock());
    connect(m_check.get(), &ConvergenceCheck::progress, this, [this](const QString &type, int listed, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(listed);
        m_progress->setFormat(tr("Comparing %1: %2 of %3 listed").arg(type).arg(listed).arg(total));
        showBusy(true);
    });
    connect(m_check.get(), &ConvergenceCheck::finished, this, &SyncPanel::showComparison);
    m_fetchDifferences->hide();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Comparing with MoySklad…"));
    showBusy(true);
    m_check->run();
    refresh();
}

void SyncPanel::showComparison(const ConvergenceCheck::Report &report)
{
    showBusy(false);
    m_differences.clear();
    if (report.cancelled) {
        setMessage(tr("Comparison stopped before it ended: nothing was changed. Compare again to see the "
                      "differences."),
                   false);
        refresh();
        return;
    }
    if (!report.ok()) {
        const bool unauthorized = report.apiError && report.apiError->kind == ApiError::Kind::Unauthorized;
        setMessage(unauthorized ? tr("MoySklad refused the API token: save a working one on the Connection tab")
                                : tr("The comparison stopped: %1").arg(report.error),
                   true);
        refresh();
        return;
    }
    int count = 0;
    for (const ConvergenceCheck::TypeReport &type : report.types) {
        const QStringList ids = type.missingIds + type.staleIds + type.extraIds;
        if (!ids.isEmpty())
            m_differences.insert(type.entityType, ids);
        count += int(ids.size());
    }
    if (report.converged()) {
        setMessage(tr("The store matches MoySklad"), false);
        m_fetchDifferences->hide();
    } else {
        setMessage(tr("The store differs from MoySklad (see the last comparison)"), true);
        m_fetchDifferences->setText(tr("&Fetch the %n differing document(s)", nullptr, count));
        m_fetchDifferences->show();
    }
    refresh();
}

void SyncPanel::showLastComparison()
{
    const auto last = SyncLedger::lastRun(m_reader.db(), QStringLiteral("verify"));
    if (!last.ok() || !last.value()) {
        m_comparison->setText(tr("never"));
        m_comparison->setStyleSheet(QString());
        return;
    }
    const SyncLedger::Run &run = *last.value();
    if (run.cancelled()) {
        m_comparison->setText(tr("%1: stopped by the user").arg(localText(run.finishedAt)));
        m_comparison->setStyleSheet(QString());
        return;
    }
    if (!run.ok) {
        m_comparison->setText(tr("%1: failed — %2").arg(localText(run.finishedAt), run.error));
        m_comparison->setStyleSheet(QStringLiteral("color: #b00020"));
        return;
    }
    QStringList differences;
    for (auto it = run.summary.constBegin(); it != run.summary.constEnd(); ++it) {
        const QJsonObject type = it.value().toObject();
        const int missing = type.value(QLatin1String("missing")).toInt();
        const int stale = type.value(QLatin1String("stale")).toInt();
        const int extra = type.value(QLatin1String("extra")).toInt();
        if (missing + stale + extra > 0)
            differences.append(tr("%1: %2 missing, %3 outdated, %4 deleted in MoySklad")
                                   .arg(it.key())
                                   .arg(missing)
                                   .arg(stale)
                                   .arg(extra));
    }
    m_comparison->setText(differences.isEmpty() ? tr("%1: the store matches MoySklad").arg(localText(run.finishedAt))
                                                : localText(run.finishedAt) + QStringLiteral(": ") +
                                                      differences.join(QStringLiteral("; ")));
    m_comparison->setStyleSheet(differences.isEmpty() ? QString() : QStringLiteral("color: #b00020"));
}

void SyncPanel::fetchDifferences()
{
    if (!m_queue || m_differences.isEmpty())
        return;
    m_fetchDifferences->setEnabled(false);
    m_queue->refetch(m_differences, [this](Result<int, QString> queued) {
        m_fetchDifferences->setEnabled(true);
        if (!queued.ok()) {
            setMessage(queued.error(), true);
            return;
        }
        m_fetchDifferences->hide();
        m_differences.clear();
        setMessage(tr("%n document(s) queued: the worker fetches them at its next run (see the queue below)", nullptr,
                      queued.value()),
                   false);
    });
}
