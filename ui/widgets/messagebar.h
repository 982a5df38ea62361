// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

// An inline message above the window's content, for what the user can fix (KMessageWidget-like): a coloured
// frame with the text, an optional action button and a close button.
class MessageBar final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text`; with `actionText`, a button that emits actionTriggered(actionId).
    void showMessage(Kind kind, const QString &text, const QString &actionText = {}, const QString &actionId = {});
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;
    QString actionId() const { return m_actionId; }

Q_SIGNALS:
    void actionTriggered(const QString &actionId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    static QString kindName(Kind kind); // "Warning"…, the accessible name of the icon

    Kind m_kind = Kind::Info;
    QString m_actionId;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};
