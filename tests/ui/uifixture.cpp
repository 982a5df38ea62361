// SPDX-License-Identifier: GPL-3.0-or-later
#include "uifixture.h"

#include "hooks/hookcatalog.h"
#include "hooks/hookurl.h"
#include "testworkspace.h"

#include <QAbstractButton>
#include <QLabel>
#include <QTest>

UiFixture::UiFixture()
    : ini(std::make_unique<QSettings>(Settings::fileIn(dir.path()), QSettings::IniFormat))
{
    workspace = std::make_unique<Workspace>(testWorkspaceOptions(dir.path(), &secrets));
    const auto opened = workspace->open();
    if (!opened.ok())
        qFatal("cannot open the test workspace: %s", qPrintable(opened.error()));
    settings = &workspace->settings();
}

UiFixture::~UiFixture()
{
    window.reset();
    workspace.reset();
}

bool UiFixture::startFake()
{
    if (!fake.start())
        return false;
    const bool ok = settings->set(QStringLiteral("api.url"), fake.baseUrl().toString()).ok() &&
                    settings->set(QStringLiteral("site.url"), siteUrl).ok() &&
                    settings->set(QStringLiteral("exchange.payments"), QStringLiteral("full")).ok() &&
                    settings->set(QStringLiteral("exchange.shipments"), QStringLiteral("full")).ok() &&
                    settings->set(QStringLiteral("import.orders"), QStringLiteral("on")).ok() &&
                    settings->set(QStringLiteral("ui.language"), QStringLiteral("en")).ok();
    secrets->write(SecretKey::apiToken, fake.token(), [](auto) {});
    secrets->write(SecretKey::siteSecret, secret, [](auto) {});
    return ok;
}

QList<Webhook> UiFixture::seedOurHooks(const QStringList &except)
{
    const QUrl site = HookUrl::normalizeSite(siteUrl).value();
    QList<Webhook> seeded;
    for (const HookSpec &spec : HookCatalog::all()) {
        if (except.contains(spec.key()))
            continue;
        Webhook hook;
        hook.entityType = spec.entityType;
        hook.action = spec.action;
        hook.url = HookUrl::build(site, spec.entityType, spec.action, secret);
        seeded.append(fake.seedHook(hook));
    }
    return seeded;
}

QList<Webhook> UiFixture::seedForeignHooks()
{
    QList<Webhook> seeded;
    Webhook app;
    app.entityType = QStringLiteral("customerorder");
    app.action = QStringLiteral("UPDATE");
    app.url = QStringLiteral("https://apps.example.net/moysklad/hook?acc=42");
    app.authorApplication = QUrl(QStringLiteral("https://api.moysklad.ru/api/remap/1.2/entity/application/"
                                                "9e5a3f70-2b1c-11ee-0a80-0d1e00012345"));
    seeded.append(fake.seedHook(app));

    Webhook lookalike;
    lookalike.entityType = QStringLiteral("customerorder");
    lookalike.action = QStringLiteral("CREATE");
    lookalike.url = QStringLiteral("https://shop.example.com.evil.example/skladhook/moysklad/customerorder/create");
    seeded.append(fake.seedHook(lookalike));

    Webhook other;
    other.entityType = QStringLiteral("demand");
    other.action = QStringLiteral("UPDATE");
    other.url = QStringLiteral("https://crm.example.org/webhooks/moysklad");
    other.enabled = false;
    seeded.append(fake.seedHook(other));
    return seeded;
}

MainWindow *UiFixture::createWindow()
{
    language.setLanguage(settings->language());
    window = std::make_unique<MainWindow>(MainWindow::Services{workspace.get(), &dialogs, &language});
    window->show();
    return window.get();
}

bool UiFixture::waitIdle(int timeoutMs) const
{
    return QTest::qWaitFor([this] { return !window->controller()->isBusy(); }, timeoutMs);
}

QList<FakeMoySklad::Request> UiFixture::writes() const
{
    QList<FakeMoySklad::Request> result;
    for (const FakeMoySklad::Request &request : fake.requests()) {
        if (request.method != QLatin1String("GET"))
            result.append(request);
    }
    return result;
}

QChar mnemonicOf(const QString &text)
{
    const qsizetype at = text.indexOf(QLatin1Char('&'));
    return at >= 0 && at + 1 < text.size() ? text.at(at + 1).toLower() : QChar();
}

QStringList mnemonicProblems(const QWidget *parent, QHash<QChar, QString> used)
{
    QStringList texts;
    for (const QAbstractButton *button : parent->findChildren<QAbstractButton *>()) {
        if (!button->text().isEmpty())
            texts.append(button->text());
    }
    for (const QLabel *label : parent->findChildren<QLabel *>()) {
        if (label->buddy())
            texts.append(label->text());
    }
    QStringList problems;
    for (const QString &text : std::as_const(texts)) {
        const QChar letter = mnemonicOf(text);
        if (letter.isNull())
            problems.append(QStringLiteral("no mnemonic in %1").arg(text));
        else if (used.contains(letter))
            problems.append(QStringLiteral("%1 and %2 share their mnemonic").arg(text, used.value(letter)));
        else
            used.insert(letter, text);
    }
    return problems;
}
