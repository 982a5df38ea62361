// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinefixture.h"

#include "builders.h"
#include "queue/taskqueue.h"
#include "service/service.h"
#include "settings/settings.h"
#include "store/database.h"
#include "store/readconnection.h"
#include "testworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

void PipelineFixture::SetUp()
{
    ASSERT_TRUE(fake.start());
    workspace = openWorkspace();
    Settings &settings = workspace->settings();
    for (const auto &[key, value] :
         QList<std::pair<SettingKey, QString>>{{SettingKey::SecretsStore, QStringLiteral("file")},
                                               {SettingKey::ApiUrl, fake.baseUrl().toString()},
                                               {SettingKey::SiteUrl, QStringLiteral("https://shop.example.com/")},
                                               {SettingKey::ReceiverListen, QStringLiteral("127.0.0.1:0")},
                                               {SettingKey::WorkerInterval, QStringLiteral("3600")},
                                               {SettingKey::ImportOrders, QStringLiteral("on")}})
        ASSERT_TRUE(settings.set(key, value).ok()) << Settings::nameOf(key).toStdString();
    ASSERT_TRUE(succeeded([this](auto done) { workspace->saveSiteSecret(secret, done); }));
    ASSERT_TRUE(succeeded([this](auto done) { workspace->saveToken(fake.token(), done); }));
}

std::unique_ptr<Workspace> PipelineFixture::openWorkspace(int changePollMs)
{
    Workspace::Options options = testWorkspaceOptions(dir.path(), nullptr, changePollMs);
    options.keychain = [this, made = options.keychain] {
        ++keychainsMade;
        return made();
    };
    auto ws = std::make_unique<Workspace>(options);
    const auto opened = ws->open();
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? std::string() : opened.error().toStdString());
    return ws;
}

bool PipelineFixture::loadSecrets(Workspace &ws, Workspace::MissingSiteSecret missing)
{
    bool done = false;
    ws.loadSecrets(missing, [&done](std::optional<SecretError>) { done = true; });
    return QTest::qWaitFor([&done] { return done; }, 5000);
}

bool PipelineFixture::serve(Workspace &ws)
{
    if (!loadSecrets(ws))
        return false;
    ws.runService();
    return ws.role() == Workspace::Role::Serving;
}

bool PipelineFixture::succeeded(const std::function<void(SecretStore::Callback<Done>)> &call)
{
    std::optional<bool> ok;
    call([&ok](Result<Done, SecretError> result) { ok = result.ok(); });
    return QTest::qWaitFor([&ok] { return ok.has_value(); }, 5000) && *ok;
}

int PipelineFixture::post(const QString &entityType, const QString &action, const QStringList &ids, const QString &key,
                          Workspace *ws)
{
    Workspace &target = ws ? *ws : *workspace;
    if (!target.service())
        return 0;
    return postTo(*target.service()->receiver(), entityType, action, ids, key);
}

int PipelineFixture::postTo(const Receiver &receiver, const QString &entityType, const QString &action,
                            const QStringList &ids, const QString &key, const QString &requestId)
{
    QUrl url(QStringLiteral("http://%1%2moysklad/%3/%4")
                 .arg(receiver.listenAddress(), receiver.pathPrefix(), entityType, action.toLower()));
    url.setQuery(QStringLiteral("key=%1&requestId=%2")
                     .arg(key, requestId.isEmpty() ? QStringLiteral("pipeline-%1").arg(++m_requests) : requestId));
    QJsonArray events;
    for (const QString &id : ids)
        events.append(
            QJsonObject{{QStringLiteral("meta"), Builders::meta(entityType, id)}, {QStringLiteral("action"), action}});
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply =
        network.post(request, QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson());
    EXPECT_TRUE(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

QueueStats PipelineFixture::stats(Workspace *ws) const
{
    ReadConnection reader(Database::fileIn((ws ? ws : workspace.get())->dataDir()));
    if (!reader.isOpen())
        return {};
    return TaskQueue::readStats(reader.db()).valueOr({});
}

QList<ShopStore::Order> PipelineFixture::orders() const
{
    ReadConnection reader(Database::fileIn(dir.path()));
    if (!reader.isOpen())
        return {};
    return ShopStore::orders(reader.db()).valueOr({});
}
