// SPDX-License-Identifier: GPL-3.0-or-later
#include "assistantpage.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

AssistantPage::AssistantPage(const QString &name, QWidget *parent)
    : QWizardPage(parent)
    , m_body(new QVBoxLayout)
    , m_statusLabel(new QLabel(this))
    , m_skip(new QCheckBox(this))
{
    setObjectName(name + QStringLiteral("Page"));
    m_statusLabel->setObjectName(name + QStringLiteral("Status"));
    m_skip->setObjectName(name + QStringLiteral("Skip"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setFrameShape(QFrame::StyledPanel);
    m_statusLabel->setMargin(6);
    m_statusLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_body);
    layout->addStretch(1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_skip);
    connect(m_skip, &QCheckBox::toggled, this, &AssistantPage::completeChanged);
}

void AssistantPage::setStatus(Status status, const QString &text)
{
    m_status = status;
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
    QString style;
    if (status == Status::Problem)
        style = QStringLiteral("QLabel { color: #a00000; }");
    else if (status == Status::Warning)
        style = QStringLiteral("QLabel { color: #8a4b00; }");
    else if (status == Status::Ok)
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
