// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QTranslator;

// Installs SkladHook's translation (compiled into the app under :/i18n) and Qt's own for one language.
// Switching at run time sends QEvent::LanguageChange to every widget, which retranslates itself at once.
class LanguageManager final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~LanguageManager() override;

    // "system" | "ru" | "en". Unknown names count as "system".
    void setLanguage(const QString &setting);
    // The language in use: "ru" or "en".
    QString current() const { return m_current; }

    // "ru" or "en" for a setting; "system" follows the system locale (Russian → ru, else en).
    static QString resolve(const QString &setting);
    // Languages shipped, for tests: "en", "ru".
    static QStringList available();

private:
    void removeTranslators();

    QString m_current;
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};
