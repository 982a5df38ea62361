// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantpage.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

AssistantPage::AssistantPage(const QString &name, QWidget *parent)
    : QWizardPage(parent)
    , m_body(new QVBoxLayout)
    , m_statusLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
    , m_skip(new QCheckBox(this))
{
    setObjectName(name + QStringLiteral("Page"));
    m_statusLabel->setObjectName(name + QStringLiteral("Status"));
    m_busy->setObjectName(name + QStringLiteral("Busy"));
    m_cancel->setObjectName(name + QStringLiteral("Cancel"));
    m_skip->setObjectName(name + QStringLiteral("Skip"));
    m_busy->setRange(0, 0); // how long MoySklad takes is not known: a busy indicator, not a percentage
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_cancel->hide();
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setFrameShape(QFrame::StyledPanel);
    m_statusLabel->setMargin(6);
    m_statusLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_body);
    layout->addStretch(1);
    layout->addWidget(m_statusLabel);
    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busy, 1);
    busyRow->addWidget(m_cancel);
    layout->addLayout(busyRow);
    layout->addWidget(m_skip);
    connect(m_skip, &QCheckBox::toggled, this, &AssistantPage::completeChanged);
    connect(m_cancel, &QPushButton::clicked, this, &AssistantPage::cancelRequested);
    retranslate();
}

void AssistantPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    Q_EMIT completeChanged();
}

bool AssistantPage::isBusy() const
{
    return m_cancel->isVisibleTo(this);
}

void AssistantPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void AssistantPage::retranslate()
{
    // Not "Cancel": that is the assistant's own button, which closes it.
    m_cancel->setText(tr("&Stop waiting"));
    m_busy->setAccessibleName(tr("Waiting for the answer"));
    showStatus();
}

void AssistantPage::setStatus(Status status, const QString &text)
{
    setStatus(status, [text] { return text; });
}

void AssistantPage::setStatus(Status status, std::function<QString()> wording)
{
    m_status = status;
    m_wording = std::move(wording);
    showStatus();
}

void AssistantPage::showStatus()
{
    const QString text = m_wording ? m_wording() : QString();
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
    QString style;
    if (m_status == Status::Problem)
        style = QStringLiteral("QLabel { color: #a00000; }");
    else if (m_status == Status::Warning)
        style = QStringLiteral("QLabel { color: #8a4b00; }");
    else if (m_status == Status::Ok)
        style = QStringLiteral("QLabel { color: #1b7f3b; }");
    m_statusLabel->setStyleSheet(style);
    // A screen reader hears what went wrong, not only a colour.
    m_statusLabel->setAccessibleDescription(text);
    Q_EMIT completeChanged();
}

QString AssistantPage::statusText() const
{
    return m_statusLabel->text();
}

void AssistantPage::setSkipText(const QString &text)
{
    m_skip->setText(text);
}

bool AssistantPage::isSkipped() const
{
    return m_skip->isChecked();
}

bool AssistantPage::isComplete() const
{
    if (isBusy())
        return false; // Next waits for the answer or the Cancel
    if (m_skip->isChecked())
        return true;
    if (m_ready)
        return m_ready();
    return m_status == Status::Ok || m_status == Status::Warning;
}

void AssistantPage::initializePage()
{
    if (m_enter)
        m_enter();
}

bool AssistantPage::validatePage()
{
    if (m_skip->isChecked() || !m_leave)
        return true;
    return m_leave();
}
