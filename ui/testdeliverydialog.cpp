// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdeliverydialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

TestDeliveryDialog::TestDeliveryDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent)
    , m_delivery(new TestDelivery(workspace, this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_view(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_again(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("testDeliveryDialog"));
    m_view->setObjectName(QStringLiteral("testDeliveryResults"));
    m_summary->setObjectName(QStringLiteral("testDeliverySummary"));
    m_again->setObjectName(QStringLiteral("testDeliveryAgainButton"));
    m_stop->setObjectName(QStringLiteral("testDeliveryStopButton"));
    m_close->setObjectName(QStringLiteral("testDeliveryCloseButton"));
    m_stop->hide();

    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(true);
    m_view->header()->setStretchLastSection(true);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_again, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_again, &QPushButton::clicked, this, &TestDeliveryDialog::start);
    connect(m_stop, &QPushButton::clicked, this, &TestDeliveryDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_delivery, &TestDelivery::targetStarted, this, &TestDeliveryDialog::onTargetStarted);
    connect(m_delivery, &TestDelivery::stepFinished, this, &TestDeliveryDialog::onStepFinished);
    retranslate();
    resize(900, 420);
}

QString TestDeliveryDialog::stepText(TestDeliveryStep::Kind kind)
{
    switch (kind) {
    case TestDeliveryStep::Kind::Resolve:
        return tr("Name resolution");
    case TestDeliveryStep::Kind::Connect:
        return tr("Connection");
    case TestDeliveryStep::Kind::Tls:
        return tr("TLS handshake");
    case TestDeliveryStep::Kind::Http:
        return tr("HTTP answer");
    case TestDeliveryStep::Kind::Recorded:
        return tr("Recorded by the receiver");
    }
    return {};
}

void TestDeliveryDialog::start()
{
    if (m_delivery->isRunning())
        return;
    m_model->removeRows(0, m_model->rowCount());
    if (const std::optional<QString> problem = m_delivery->problem()) {
        m_state = State::Problem;
        m_problem = *problem;
        showSummary();
        return;
    }
    m_state = State::Running;
    m_again->setEnabled(false);
    m_stop->show();
    showSummary();
    m_delivery->run([this](const TestDeliveryReport &report) { onReport(report); });
}

void TestDeliveryDialog::cancel()
{
    if (!m_delivery->isRunning())
        return;
    m_delivery->cancel();
    m_state = State::Cancelled;
    m_again->setEnabled(true);
    m_stop->hide();
    showSummary();
    Q_EMIT cancelled();
}

void TestDeliveryDialog::done(int result)
{
    cancel(); // a closed window sends nothing more
    QDialog::done(result);
}

void TestDeliveryDialog::onTargetStarted(int index, const QString &url, const QString &hook)
{
    auto *row = new QStandardItem(hook);
    row->setToolTip(url);
    auto *detail = new QStandardItem(url);
    m_model->insertRow(index, {row, new QStandardItem, new QStandardItem, detail});
    m_view->expand(row->index());
}

void TestDeliveryDialog::onStepFinished(int index, const TestDeliveryStep &step)
{
    QStandardItem *target = m_model->item(index, StepColumn);
    if (!target)
        return;
    auto *result = new QStandardItem(step.skipped ? tr("Skipped") : step.ok ? tr("OK") : tr("Failed"));
    if (!step.skipped)
        result->setForeground(step.ok ? QColor(0x1b, 0x7f, 0x3a) : QColor(0xb0, 0x1c, 0x1c));
    auto *detail = new QStandardItem(step.skipped ? tr("Not tried: an earlier step failed") : step.detail);
    detail->setToolTip(step.detail);
    target->appendRow({new QStandardItem(stepText(step.kind)), result,
                       new QStandardItem(step.skipped ? QString() : tr("%1 ms").arg(step.elapsedMs)), detail});
    if (!step.ok && !step.skipped) {
        m_model->item(index, ResultColumn)->setText(tr("Failed"));
        m_model->item(index, ResultColumn)->setForeground(QColor(0xb0, 0x1c, 0x1c));
    }
    m_view->expand(target->index());
    m_view->resizeColumnToContents(StepColumn);
}

void TestDeliveryDialog::onReport(const TestDeliveryReport &report)
{
    m_total = int(report.targets.size());
    m_failed = 0;
    for (int i = 0; i < report.targets.size(); ++i) {
        const bool ok = report.targets.at(i).ok();
        m_failed += ok ? 0 : 1;
        if (QStandardItem *result = m_model->item(i, ResultColumn); result && ok) {
            result->setText(tr("OK"));
            result->setForeground(QColor(0x1b, 0x7f, 0x3a));
        }
    }
    m_state = State::Done;
    m_again->setEnabled(true);
    m_stop->hide();
    showSummary();
    Q_EMIT reportReady(report);
}

void TestDeliveryDialog::showSummary()
{
    switch (m_state) {
    case State::Idle:
        m_summary->clear();
        break;
    case State::Running:
        m_summary->setText(tr("Sending a test delivery to each hook URL, as MoySklad would. It never creates a task "
                              "and never reaches MoySklad…"));
        break;
    case State::Problem:
        m_summary->setText(tr("Cannot send a test delivery: %1").arg(m_problem));
        break;
    case State::Cancelled:
        m_summary->setText(tr("The test delivery was stopped before it ended: the steps shown are those that "
                              "finished. Click Send again to try the whole way."));
        break;
    case State::Done:
        m_summary->setText(m_failed == 0 ? tr("Every hook URL reached the receiver and was recorded: the way from "
                                              "MoySklad to this computer works. No task was created.")
                                         : tr("%1 of %2 hook URL(s) failed: the first step marked Failed says where "
                                              "the way breaks.")
                                               .arg(m_failed)
                                               .arg(m_total));
        break;
    }
}

void TestDeliveryDialog::retranslate()
{
    setWindowTitle(tr("Test delivery"));
    m_model->setHorizontalHeaderLabels({tr("Hook / step"), tr("Result"), tr("Time"), tr("Detail")});
    m_again->setText(tr("&Send again"));
    m_stop->setText(tr("S&top"));
    m_close->setText(tr("&Close"));
    showSummary();
}

void TestDeliveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}
