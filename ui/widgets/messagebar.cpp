// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_action->setObjectName(QStringLiteral("messageActionButton"));
    m_close->setObjectName(QStringLiteral("messageCloseButton"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_action->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, &MessageBar::clear);
    connect(m_action, &QPushButton::clicked, this, [this] { Q_EMIT actionTriggered(m_actionId); });
    retranslate();
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText, const QString &actionId)
{
    m_kind = kind;
    m_actionId = actionId;
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());

    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString colours = QStringLiteral("background: #e8f1fb; border: 1px solid #8fb5e0;");
    if (kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        colours = QStringLiteral("background: #fdf3dc; border: 1px solid #e0b85c;");
    } else if (kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        colours = QStringLiteral("background: #fbe7e7; border: 1px solid #e08f8f;");
    }
    // What the colour and the icon say, for a screen reader.
    m_icon->setAccessibleName(kindName(kind));
    setAccessibleDescription(kindName(kind) + QStringLiteral(": ") + text);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    setStyleSheet(QStringLiteral("MessageBar { %1 border-radius: 4px; } QLabel { border: none; background: "
                                 "transparent; color: #202020; }")
                      .arg(colours));
    show();
}

void MessageBar::clear()
{
    m_text->clear();
    m_actionId.clear();
    m_action->hide();
    hide();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // A message was written in the language of its moment. An information is not worth keeping in another one;
        // a warning or an error still asks for something, so it stays until it is dealt with or replaced.
        if (m_kind == Kind::Info && isVisibleTo(parentWidget()))
            clear();
    }
    QFrame::changeEvent(event);
}

void MessageBar::retranslate()
{
    setAccessibleName(tr("Message"));
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close this message"));
    m_icon->setAccessibleName(kindName(m_kind));
}

QString MessageBar::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Info:
        return tr("Information");
    case Kind::Warning:
        return tr("Warning");
    case Kind::Error:
        return tr("Error");
    }
    return {};
}
