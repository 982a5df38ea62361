// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticspane.h"

#include "models/logmodel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

DiagnosticsPane::DiagnosticsPane(const QString &databasePath, QWidget *parent)
    : QWidget(parent)
    , m_databasePath(databasePath)
    , m_model(new LogModel(databasePath, this))
{
    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("levelFilter"));
    m_level->addItem(tr("Debug and above"), int(LogLevel::Debug));
    m_level->addItem(tr("Info and above"), int(LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), int(LogLevel::Warning));
    m_level->addItem(tr("Errors only"), int(LogLevel::Error));

    m_hook = new QComboBox(this);
    m_hook->setObjectName(QStringLiteral("hookFilter"));
    m_hook->addItem(tr("All hooks"), QString());

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search messages, details, request or document ids"));
    m_search->setClearButtonEnabled(true);

    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Keep the view still while new rows arrive"));

    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportJson = new QPushButton(tr("Export JSON…"), this);
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
    m_details->setPlaceholderText(tr("Select a row to see its details"));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("logMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

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

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
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
    connect(m_model, &LogModel::rowsArrived, this, &DiagnosticsPane::onRowsArrived);
    connect(m_model, &LogModel::readFailed, this, &DiagnosticsPane::showMessage);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DiagnosticsPane::onCurrentChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DiagnosticsPane::onCurrentChanged);

    QStringList hooks;
    for (int row = 0; row < m_model->rowCount(); ++row)
        hooks.append(m_model->entry(row).hook);
    addHooks(hooks);
}

bool DiagnosticsPane::isPaused() const
{
    return m_pause->isChecked();
}

void DiagnosticsPane::setPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    if (!paused)
        m_view->scrollToTop();
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
    m_model->setFilter(filter);
    m_view->scrollToTop();
}

void DiagnosticsPane::onRowsArrived(int count)
{
    QStringList hooks;
    for (int row = 0; row < count; ++row)
        hooks.append(m_model->entry(row).hook);
    addHooks(hooks);
    if (!isPaused()) {
        m_view->scrollToTop();
        return;
    }
    // Rows were inserted above and the view kept its offset, so its top row is now `count` rows further down:
    // scroll there to keep the rows being read in place. The view scrolls per row, after a layout it has now.
    const int top = qMax(0, m_view->rowAt(0));
    m_view->doItemsLayout();
    m_view->scrollTo(m_model->index(qMin(top + count, m_model->rowCount() - 1), 0), QAbstractItemView::PositionAtTop);
}

void DiagnosticsPane::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const LogEntry &e = m_model->entry(current.row());
    QStringList lines{e.message};
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
        auto written = exportTo(format, path);
        if (!written.ok())
            showMessage(written.error());
    });
    dialog->open();
}

Result<int, QString> DiagnosticsPane::exportTo(LogExporter::Format format, const QString &path)
{
    auto written = LogExporter::write(m_databasePath, m_model->filter(), format, path);
    if (written.ok()) {
        showMessage(tr("Exported %n row(s) to %1.", nullptr, written.value()).arg(path));
        Q_EMIT exported(path, written.value());
    }
    return written;
}

void DiagnosticsPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}
