// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticspane.h"

#include "models/displaytime.h"
#include "models/logmodel.h"
#include "monitor/logexportjob.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

DiagnosticsPane::DiagnosticsPane(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(databasePath)
    , m_model(new LogModel(databasePath, this))
{
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(QString(), int(LogLevel::Debug));
    m_level->addItem(QString(), int(LogLevel::Info));
    m_level->addItem(QString(), int(LogLevel::Warning));
    m_level->addItem(QString(), int(LogLevel::Error));

    m_hook = new QComboBox(this);
    m_hook->setObjectName(QStringLiteral("hookFilter"));
    m_hook->addItem(QString(), QString());

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);

    m_pause = new QPushButton(this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);

    m_exportCsv = new QPushButton(this);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportJson = new QPushButton(this);
    m_exportJson->setObjectName(QStringLiteral("exportJsonButton"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: measuring a million rows would freeze the view.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("logDetails"));
    m_details->setReadOnly(true);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("logMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    m_exportProgress = new QProgressBar(this);
    m_exportProgress->setObjectName(QStringLiteral("exportProgress"));
    m_exportProgress->setRange(0, 100);
    m_exportProgress->hide();
    m_cancelExport = new QPushButton(this);
    m_cancelExport->setObjectName(QStringLiteral("cancelExportButton"));
    m_cancelExport->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_level);
    filters->addWidget(m_hook);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_pause);
    filters->addWidget(m_exportCsv);
    filters->addWidget(m_exportJson);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto *exporting = new QHBoxLayout;
    exporting->addWidget(m_exportProgress, 1);
    exporting->addWidget(m_cancelExport);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(exporting);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(&m_searchDelay, &QTimer::timeout, this, &DiagnosticsPane::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &DiagnosticsPane::applyFilter);
    connect(m_level, &QComboBox::currentIndexChanged, this, &DiagnosticsPane::applyFilter);
    connect(m_hook, &QComboBox::currentIndexChanged, this, &DiagnosticsPane::applyFilter);
    connect(m_pause, &QPushButton::toggled, this, &DiagnosticsPane::setPaused);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExportPath(LogExporter::Format::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { chooseExportPath(LogExporter::Format::Json); });
    connect(m_cancelExport, &QPushButton::clicked, this, &DiagnosticsPane::cancelExport);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DiagnosticsPane::onRowsInserted);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &DiagnosticsPane::onRowsAboutToChange);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &DiagnosticsPane::onRowsAboutToChange);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DiagnosticsPane::onRowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DiagnosticsPane::onRowsChanged);
    connect(m_model, &LogModel::reloaded, this, &DiagnosticsPane::onScrolled);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &DiagnosticsPane::onScrolled);
    connect(m_model, &LogModel::readFailed, this, &DiagnosticsPane::showMessage);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiagnosticsPane::onCurrentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DiagnosticsPane::onCurrentChanged);
    retranslateUi();
}

void DiagnosticsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DiagnosticsPane::retranslateUi()
{
    m_level->setItemText(0, tr("Debug and above"));
    m_level->setItemText(1, tr("Info and above"));
    m_level->setItemText(2, tr("Warnings and errors"));
    m_level->setItemText(3, tr("Errors only"));
    m_hook->setItemText(0, tr("All hooks"));
    m_search->setPlaceholderText(tr("Search messages, details, request or document ids"));
    m_pause->setText(isPaused() ? tr("&Resume") : tr("&Pause"));
    m_pause->setToolTip(tr("Keep the view still while new rows arrive"));
    m_exportCsv->setText(tr("Export &CSV…"));
    m_exportJson->setText(tr("Export &JSON…"));
    m_details->setPlaceholderText(tr("Select a row to see its details"));
    m_exportProgress->setFormat(tr("Exporting… %p%"));
    m_cancelExport->setText(tr("Cancel e&xport"));
    fitColumns();
    onCurrentChanged(); // the selected row's details, in the new language
}

// Widths from samples of each column's text in this language, not from the rows: measuring a million rows would freeze
// the view, and widths that follow the rows would jump while they stream in. The ids show their first 11 characters
// (enough to tell them apart; the row's details have them whole); the message takes the rest.
void DiagnosticsPane::fitColumns()
{
    const QFontMetrics metrics = m_view->fontMetrics();
    const QHeaderView *header = m_view->horizontalHeader();
    const auto fit = [&](int column, const QStringList &samples) {
        int width = header->sectionSizeHint(column);
        for (const QString &sample : samples)
            width = std::max(width, metrics.horizontalAdvance(sample) + 16);
        m_view->setColumnWidth(column, width);
    };
    fit(LogModel::AtColumn, {DisplayTime::text(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58, 888)),
                                               DisplayTime::Precision::Milliseconds)});
    fit(LogModel::LevelColumn, {LogModel::levelText(LogLevel::Debug), LogModel::levelText(LogLevel::Info),
                                LogModel::levelText(LogLevel::Warning), LogModel::levelText(LogLevel::Error)});
    fit(LogModel::CategoryColumn, LogModel::categoryTexts());
    fit(LogModel::HookColumn, {QStringLiteral("customerorder/UPDATE")});
    fit(LogModel::RequestIdColumn, {QStringLiteral("0f6c2d8e-6b…")});
    fit(LogModel::DocumentIdColumn, {QStringLiteral("0f6c2d8e-6b…")});
}

bool DiagnosticsPane::isPaused() const
{
    return m_pause->isChecked();
}

void DiagnosticsPane::setPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    if (paused)
        return;
    m_view->scrollToTop();
    // Back to the newest rows, which the window may have dropped while the view was lower down.
    if (m_model->hasNewer())
        m_model->reload();
}

void DiagnosticsPane::setKnownHooks(const QStringList &hooks)
{
    addHooks(hooks);
}

void DiagnosticsPane::addHooks(const QStringList &hooks)
{
    for (const QString &hook : hooks) {
        if (!hook.isEmpty() && m_hook->findData(hook) < 0)
            m_hook->addItem(hook, hook);
    }
}

void DiagnosticsPane::applyFilter()
{
    m_searchDelay.stop();
    LogReader::Filter filter;
    filter.minimumLevel = LogLevel(m_level->currentData().toInt());
    filter.hook = m_hook->currentData().toString();
    filter.text = m_search->text().trimmed();
    const LogReader::Filter &current = m_model->filter();
    if (filter.minimumLevel == current.minimumLevel && filter.hook == current.hook && filter.text == current.text)
        return; // e.g. Enter after the typing delay already applied it: no second read
    m_model->setFilter(filter);
    m_view->scrollToTop();
}

void DiagnosticsPane::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    Q_UNUSED(parent)
    QSet<QString> hooks;
    for (int row = first; row <= last; ++row)
        hooks.insert(m_model->entry(row).hook);
    addHooks(hooks.values());
}

void DiagnosticsPane::onRowsAboutToChange()
{
    const int top = m_view->verticalScrollBar()->value(); // the top row: the view scrolls per row
    m_following = !isPaused() && top == 0 && !m_model->hasNewer();
    m_anchorId = top < m_model->rowCount() ? m_model->entry(top).id : 0;
}

void DiagnosticsPane::onRowsChanged()
{
    if (m_model->rowCount() == 0)
        return;
    if (m_following || m_anchorId == 0) {
        m_view->scrollToTop();
        return;
    }
    // Rows came or went above the one at the top of the view: scroll to where that row is now, so the rows being
    // read do not move. The view knows the new row count only after a layout.
    const int row = qMin(m_model->rowOfId(m_anchorId), m_model->rowCount() - 1);
    m_view->doItemsLayout();
    m_view->verticalScrollBar()->setValue(row);
    onScrolled();
}

void DiagnosticsPane::onScrolled()
{
    const int first = m_view->verticalScrollBar()->value();
    const int shown = qMax(1, m_view->viewport()->height() / qMax(1, m_view->verticalHeader()->defaultSectionSize()));
    m_model->setVisibleRows(first, first + shown);
    // Within a screen of an edge of the window with more rows beyond it: read them before the view reaches the edge.
    // (The view itself fetches older rows at the very bottom, but asks before it has told the model where it is.)
    if (first < shown && m_model->hasNewer())
        m_model->fetchNewer();
    else if (first + 2 * shown >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void DiagnosticsPane::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const LogEntry &e = m_model->entry(current.row());
    QStringList lines{e.shownMessage()};
    if (!e.requestId.isEmpty())
        lines.append(tr("Request: %1").arg(e.requestId));
    if (!e.documentId.isEmpty())
        lines.append(tr("Document: %1").arg(e.documentId));
    if (!e.details.isEmpty())
        lines.append(QString() + QLatin1Char('\n') + e.details);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

void DiagnosticsPane::chooseExportPath(LogExporter::Format format)
{
    // Non-modal: no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Export the log"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    if (format == LogExporter::Format::Csv) {
        dialog->setNameFilter(tr("CSV files (*.csv)"));
        dialog->setDefaultSuffix(QStringLiteral("csv"));
    } else {
        dialog->setNameFilter(tr("JSON files (*.json)"));
        dialog->setDefaultSuffix(QStringLiteral("json"));
    }
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString &path) {
        if (!exportTo(format, path))
            showMessage(tr("An export is already running."));
    });
    dialog->open();
}

bool DiagnosticsPane::exportTo(LogExporter::Format format, const QString &path)
{
    if (m_export)
        return false;
    m_export = new LogExportJob(m_databasePath, m_model->filter(), format, path, this);
    connect(m_export, &LogExportJob::progressChanged, m_exportProgress, &QProgressBar::setValue);
    connect(m_export, &LogExportJob::finished, this, &DiagnosticsPane::onExportFinished);
    m_exportProgress->setValue(0);
    m_exportProgress->show();
    m_cancelExport->show();
    m_exportCsv->setEnabled(false);
    m_exportJson->setEnabled(false);
    m_export->start();
    return true;
}

bool DiagnosticsPane::isExporting() const
{
    return !m_export.isNull();
}

void DiagnosticsPane::cancelExport()
{
    if (m_export)
        m_export->cancel();
}

void DiagnosticsPane::onExportFinished(const Result<int, QString> &result)
{
    const QString path = m_export->path();
    m_export->deleteLater();
    m_export = nullptr;
    m_exportProgress->hide();
    m_cancelExport->hide();
    m_exportCsv->setEnabled(true);
    m_exportJson->setEnabled(true);
    if (!result.ok()) {
        showMessage(result.error());
        Q_EMIT exportFailed(path, result.error());
        return;
    }
    showMessage(tr("Exported %n row(s) to %1.", nullptr, result.value()).arg(path));
    Q_EMIT exported(path, result.value());
}

void DiagnosticsPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}
