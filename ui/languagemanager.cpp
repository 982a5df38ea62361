// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QString LanguageManager::resolve(const QString &setting)
{
    if (available().contains(setting))
        return setting;
    return QLocale::system().language() == QLocale::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

void LanguageManager::setLanguage(const QString &setting)
{
    const QString language = resolve(setting);
    if (language == m_current)
        return;
    removeTranslators();
    m_current = language;
    // Dates and numbers follow the UI's language (a Russian UI on an English system shows 01.12.2026 and 2 450,00),
    // in the system's own variant when it speaks that language.
    const QLocale wanted(language);
    QLocale::setDefault(QLocale::system().language() == wanted.language() ? QLocale::system() : wanted);

    m_app = new QTranslator(this);
    if (m_app->load(QStringLiteral(":/i18n/skladhook_%1.qm").arg(language)))
        QCoreApplication::installTranslator(m_app);
    // Qt's own strings (standard buttons, context menus); absent translations are not an error.
    m_qt = new QTranslator(this);
    if (language != QLatin1String("en") && m_qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                                                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
}

void LanguageManager::removeTranslators()
{
    for (QTranslator *translator : {m_app, m_qt}) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    m_app = nullptr;
    m_qt = nullptr;
}
