// SPDX-License-Identifier: GPL-3.0-or-later
// config and webhooks plan/apply/mode through skladhook-cli, against the fake MoySklad server.
#include "clirunner.h"
#include "common/secretmasker.h"
#include "diagnostics/logreader.h"
#include "fakemoysklad.h"
#include "serveprocess.h"
#include "store/database.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace {

class CliConfigTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(fake.start());
        cli.setEnv(QStringLiteral("MOYSKLAD_TOKEN"), fake.token());
        // No keychain in this process tree: the secrets go to the data directory after the explicit opt-in.
        cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        ASSERT_EQ(cli.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("secrets.store"),
                           QStringLiteral("file")})
                      .exitCode,
                  0);
        ASSERT_EQ(cli.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.url"),
                           fake.baseUrl().toString()})
                      .exitCode,
                  0);
    }

    CliRunner::Output run(const QStringList &arguments) { return cli.run(arguments); }

    void set(const QString &key, const QString &value)
    {
        const auto result = run({QStringLiteral("config"), QStringLiteral("set"), key, value});
        ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    }

    int writes() const
    {
        return fake.countRequests(QStringLiteral("POST"), QStringLiteral("/entity/webhook")) +
               fake.countRequests(QStringLiteral("PUT"), QStringLiteral("/entity/webhook")) +
               fake.countRequests(QStringLiteral("DELETE"), QStringLiteral("/entity/webhook"));
    }

    void fullExchange()
    {
        set(QStringLiteral("site.url"), QStringLiteral("https://shop.example.com/skladhook/"));
        set(QStringLiteral("site.secret"), secret);
        set(QStringLiteral("exchange.payments"), QStringLiteral("full"));
        set(QStringLiteral("exchange.shipments"), QStringLiteral("full"));
        set(QStringLiteral("import.orders"), QStringLiteral("on"));
    }

    FakeMoySklad fake;
    CliRunner cli;
    const QString secret = QStringLiteral("CliSecret_abcdefghijklmnopqrstuvwxyz0123456");
};

} // namespace

TEST_F(CliConfigTest, SetGetAndListWithValidation)
{
    set(QStringLiteral("exchange.payments"), QStringLiteral("full"));
    auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("exchange.payments")});
    EXPECT_EQ(got.out.trimmed(), QStringLiteral("full"));
    // With --json, the one key as `config list --json` gives every key.
    got = run({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("get"),
               QStringLiteral("exchange.payments")});
    ASSERT_EQ(got.exitCode, 0) << got.err.toStdString();
    EXPECT_EQ(got.json().object(), (QJsonObject{{QStringLiteral("exchange.payments"), QStringLiteral("full")}}))
        << got.out.toStdString();
    const auto bad = run(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("import.orders"), QStringLiteral("maybe")});
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("import.orders")));
    const auto list = run({QStringLiteral("config"), QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(list.exitCode, 0);
    const QJsonObject all = list.json().object();
    for (const char *key : {"api.url", "site.url", "exchange.payments", "exchange.shipments", "import.orders",
                            "receiver.listen", "worker.interval"})
        EXPECT_TRUE(all.contains(QLatin1String(key))) << key;
    EXPECT_EQ(all.value(QLatin1String("exchange.payments")).toString(), QStringLiteral("full"));
}

TEST_F(CliConfigTest, SecretsAreShownMaskedAndNeverPrinted)
{
    set(QStringLiteral("site.secret"), secret);
    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("site.secret")});
    ASSERT_EQ(got.exitCode, 0);
    EXPECT_FALSE(got.out.contains(secret));
    EXPECT_TRUE(got.out.startsWith(secret.left(2)));
    const auto json =
        run({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("site.secret")});
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_FALSE(json.out.contains(secret));
    EXPECT_EQ(json.json().object().value(QStringLiteral("site.secret")).toString(), SecretMasker::maskValue(secret));
    // Not set: null, and exit 1 as without --json.
    const auto none =
        run({QStringLiteral("--json"), QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("api.token")});
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_TRUE(none.json().object().value(QStringLiteral("api.token")).isNull()) << none.out.toStdString();
}

TEST_F(CliConfigTest, ATokenPipedThroughStandardInputIsSavedAndNeverPrinted)
{
    const QString token = QStringLiteral("piped-token-0123456789abcdef0123456789abcdef");
    const auto saved =
        cli.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.token"), QStringLiteral("-")},
                token.toUtf8() + "\n");
    ASSERT_EQ(saved.exitCode, 0) << saved.err.toStdString();
    EXPECT_FALSE(saved.out.contains(token));
    EXPECT_FALSE(saved.err.contains(token));
    EXPECT_FALSE(saved.err.contains(QStringLiteral("not shown"))) << "no prompt when stdin is not a terminal";

    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("api.token")});
    ASSERT_EQ(got.exitCode, 0) << got.err.toStdString();
    EXPECT_FALSE(got.out.contains(token));
    EXPECT_FALSE(got.err.contains(token));
    // Masked: the first two characters, and the trailing newline was not saved with it.
    EXPECT_TRUE(got.out.startsWith(token.left(2))) << got.out.toStdString();
    EXPECT_EQ(got.out.trimmed().size(), SecretMasker::maskValue(token).size()) << got.out.toStdString();

    // The verification string the same way, checked like one given as an argument.
    const auto secretSaved =
        cli.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.secret"), QStringLiteral("-")},
                secret.toUtf8() + "\r\n");
    ASSERT_EQ(secretSaved.exitCode, 0) << secretSaved.err.toStdString();
    const auto secretGot = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("site.secret")});
    EXPECT_EQ(secretGot.out.trimmed(), SecretMasker::maskValue(secret));
}

TEST_F(CliConfigTest, EmptyStandardInputIsRefusedAndKeepsTheSavedToken)
{
    set(QStringLiteral("api.token"), QStringLiteral("kept-token-0123456789"));
    for (const QByteArray &input : {QByteArray(), QByteArray("\n"), QByteArray("   \nsecond line\n")}) {
        const auto refused = cli.run(
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.token"), QStringLiteral("-")}, input);
        EXPECT_EQ(refused.exitCode, 2) << input.toStdString();
        EXPECT_TRUE(refused.err.contains(QStringLiteral("standard input"))) << refused.err.toStdString();
        EXPECT_EQ(refused.err.count(QLatin1Char('\n')), 1) << refused.err.toStdString();
    }
    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("api.token")});
    EXPECT_TRUE(got.out.startsWith(QStringLiteral("ke"))) << got.out.toStdString();
}

namespace {

// skladhook-cli with a pseudo-terminal as standard input, as when the user types the value.
class TerminalInput final
{
public:
    TerminalInput()
    {
        if (openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0)
            ADD_FAILURE() << "openpty: " << std::strerror(errno);
    }
    ~TerminalInput()
    {
        ::close(m_master);
        ::close(m_slave);
    }
    TerminalInput(const TerminalInput &) = delete;
    TerminalInput &operator=(const TerminalInput &) = delete;

    bool echoes() const
    {
        termios now{};
        return tcgetattr(m_slave, &now) == 0 && (now.c_lflag & ECHO) != 0;
    }
    void start(QProcess &process, const CliRunner &cli, const QStringList &arguments) const
    {
        process.setProcessEnvironment(cli.environment());
        process.setInputChannelMode(QProcess::ForwardedInputChannel);
        const int slave = m_slave;
        process.setChildProcessModifier([slave] { ::dup2(slave, STDIN_FILENO); });
        process.start(QStringLiteral(SKLADHOOK_CLI_PATH),
                      QStringList{QStringLiteral("--data-dir"), cli.dataDir()} + arguments);
    }
    void type(const QByteArray &keys) const
    {
        ASSERT_EQ(::write(m_master, keys.constData(), keys.size()), keys.size());
    }
    // What the terminal has shown so far (the line discipline's echo).
    QByteArray shown() const
    {
        QByteArray all;
        pollfd ready{m_master, POLLIN, 0};
        char buffer[256];
        while (::poll(&ready, 1, 0) == 1 && (ready.revents & POLLIN)) {
            const ssize_t got = ::read(m_master, buffer, sizeof buffer);
            if (got <= 0)
                break;
            all.append(buffer, got);
        }
        return all;
    }

private:
    int m_master = -1;
    int m_slave = -1;
};

} // namespace

TEST_F(CliConfigTest, ATokenTypedOnATerminalIsNotEchoedAndEchoComesBack)
{
    const QByteArray token = "typed-token-0123456789abcdef0123456789";
    TerminalInput terminal;
    ASSERT_TRUE(terminal.echoes());
    QProcess process;
    terminal.start(process, cli,
                   {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.token"), QStringLiteral("-")});
    ASSERT_TRUE(process.waitForStarted());
    // Typed before echo is off, the terminal would show it (and the switch would drop it): wait for the switch.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !terminal.echoes(); }, 20000));
    terminal.type(token + "\n");
    ASSERT_TRUE(process.waitForFinished(60000));
    const QByteArray err = process.readAllStandardError();
    EXPECT_EQ(process.exitCode(), 0) << err.toStdString();
    EXPECT_TRUE(err.contains("api.token (not shown): ")) << err.toStdString();
    EXPECT_FALSE(err.contains(token));
    EXPECT_FALSE(process.readAllStandardOutput().contains(token));
    EXPECT_FALSE(terminal.shown().contains(token));
    EXPECT_TRUE(terminal.echoes()) << "the terminal's echo was not restored";

    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("api.token")});
    EXPECT_EQ(got.out.trimmed(), SecretMasker::maskValue(QString::fromUtf8(token)));
}

TEST_F(CliConfigTest, CtrlCWhileATokenIsTypedRestoresTheTerminal)
{
    TerminalInput terminal;
    QProcess process;
    terminal.start(process, cli,
                   {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("api.token"), QStringLiteral("-")});
    ASSERT_TRUE(process.waitForStarted());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !terminal.echoes(); }, 20000));
    terminal.type("half-typed");
    ASSERT_EQ(::kill(pid_t(process.processId()), SIGINT), 0);
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitStatus(), QProcess::CrashExit); // ended by the signal, as Ctrl+C ends a command
    EXPECT_TRUE(terminal.echoes()) << "the terminal's echo was not restored";
    EXPECT_NE(run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("api.token")}).exitCode, 0);
}

TEST_F(CliConfigTest, AnUnusableVerificationStringIsRefusedWithoutEchoingIt)
{
    const QString unusable = QStringLiteral("has spaces & an ampersand, long enough");
    const auto result = run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.secret"), unusable});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("site.secret"))) << result.err.toStdString();
    EXPECT_FALSE(result.err.contains(unusable));
    EXPECT_FALSE(result.out.contains(unusable));
    // Nothing was saved: reading it back finds no secret.
    const auto got = run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("site.secret")});
    EXPECT_EQ(got.exitCode, 1);
    EXPECT_TRUE(got.out.isEmpty());
    EXPECT_TRUE(got.err.contains(QStringLiteral("site.secret is not set"))) << got.err.toStdString();
    QFile ini(cli.dataDir() + QStringLiteral("/settings.ini"));
    ASSERT_TRUE(ini.open(QIODevice::ReadOnly));
    EXPECT_FALSE(ini.readAll().contains("ampersand"));
}

TEST_F(CliConfigTest, WithoutAKeychainAndWithoutTheOptInSecretsAreRefusedClearly)
{
    CliRunner bare;
    bare.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    const auto result =
        bare.run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.secret"), secret});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QStringLiteral("No keychain is available"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("secrets.store = file"))) << result.err.toStdString();
    EXPECT_FALSE(result.err.contains(secret));
    QFile ini(bare.dataDir() + QStringLiteral("/settings.ini"));
    if (ini.open(QIODevice::ReadOnly)) {
        EXPECT_FALSE(ini.readAll().contains(secret.toUtf8())); // no silent plaintext fallback
    }
}

TEST_F(CliConfigTest, ApplyInstallsTheTenHooksThenWritesNothing)
{
    fullExchange();
    const auto first = run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("10 created")));
    ASSERT_EQ(fake.hooks().size(), 10);
    for (const Webhook &hook : fake.hooks()) {
        EXPECT_TRUE(hook.url.startsWith(QStringLiteral("https://shop.example.com/skladhook/")));
        EXPECT_TRUE(hook.url.endsWith(QStringLiteral("key=") + secret));
    }
    EXPECT_FALSE(first.out.contains(secret));
    EXPECT_FALSE(first.err.contains(secret));
    // Every write went to the diagnostics log, masked.
    LogReader reader(Database::fileIn(cli.dataDir()));
    LogReader::Filter created;
    created.text = QStringLiteral("created customerorder/UPDATE");
    const auto logged = reader.readLatest(created, 10);
    ASSERT_TRUE(logged.ok()) << logged.error().toStdString();
    ASSERT_EQ(logged.value().size(), 1);
    EXPECT_FALSE(logged.value().first().message.contains(secret));
    EXPECT_EQ(logged.value().first().category, QStringLiteral("hooks"));
    LogReader::Filter listed;
    listed.text = QStringLiteral("listed 0 webhooks: 0 in sync, 10 missing");
    const auto listing = reader.readLatest(listed, 10);
    ASSERT_TRUE(listing.ok());
    EXPECT_EQ(listing.value().size(), 1);
    const auto everything = reader.readLatest({}, 1000);
    ASSERT_TRUE(everything.ok());
    for (const LogEntry &entry : everything.value()) {
        EXPECT_FALSE(entry.message.contains(secret)) << entry.message.toStdString();
        EXPECT_FALSE(entry.details.contains(secret)) << entry.details.toStdString();
    }

    fake.clearRequests();
    const auto second = run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_EQ(writes(), 0);

    const auto plan = run({QStringLiteral("webhooks"), QStringLiteral("plan"), QStringLiteral("--json")});
    ASSERT_EQ(plan.exitCode, 0);
    const QJsonArray rows = plan.json().array();
    ASSERT_EQ(rows.size(), 10);
    for (const QJsonValue &row : rows) {
        EXPECT_EQ(row.toObject().value(QLatin1String("state")).toString(), QStringLiteral("in-sync"));
        EXPECT_EQ(row.toObject().value(QLatin1String("owner")).toString(), QStringLiteral("ours"));
    }
    EXPECT_FALSE(plan.out.contains(secret));
}

TEST_F(CliConfigTest, ANewSecretIsAppliedInPlaceWithUpdateOwn)
{
    fullExchange();
    ASSERT_EQ(run({QStringLiteral("webhooks"), QStringLiteral("apply")}).exitCode, 0);
    QStringList ids;
    for (const Webhook &hook : fake.hooks())
        ids.append(hook.id);

    const QString newSecret = QStringLiteral("NewCliSecret_abcdefghijklmnopqrstuvwxyz01234");
    set(QStringLiteral("site.secret"), newSecret);
    fake.clearRequests();
    const auto withoutFlag = run({QStringLiteral("webhooks"), QStringLiteral("apply")});
    ASSERT_EQ(withoutFlag.exitCode, 0);
    EXPECT_EQ(writes(), 0);
    EXPECT_TRUE(withoutFlag.out.contains(QStringLiteral("--update-own")));
    EXPECT_FALSE(withoutFlag.out.contains(QStringLiteral("in sync"))) << withoutFlag.out.toStdString();

    const auto update = run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own")});
    ASSERT_EQ(update.exitCode, 0) << update.err.toStdString();
    QStringList after;
    for (const Webhook &hook : fake.hooks()) {
        after.append(hook.id);
        EXPECT_TRUE(hook.url.endsWith(QStringLiteral("key=") + newSecret));
    }
    EXPECT_EQ(after, ids);
    EXPECT_EQ(fake.countRequests(QStringLiteral("DELETE"), QString()), 0);
    EXPECT_EQ(fake.countRequests(QStringLiteral("POST"), QStringLiteral("/delete")), 0);
}

TEST_F(CliConfigTest, ForeignHooksAreNeverWritten)
{
    Webhook lookalike;
    lookalike.entityType = QStringLiteral("customerorder");
    lookalike.action = QStringLiteral("UPDATE");
    lookalike.url = QStringLiteral("https://shop.example.com.evil.example/skladhook/moysklad/customerorder/update");
    lookalike.enabled = false;
    const Webhook seeded = fake.seedHook(lookalike);
    fullExchange();
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("apply"), QStringLiteral("--update-own"),
                             QStringLiteral("--remove-unwanted")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    for (const auto &request : fake.requests()) {
        EXPECT_FALSE(request.path.contains(seeded.id));
        EXPECT_FALSE(request.body.contains(seeded.id.toUtf8()));
    }
    EXPECT_EQ(fake.hooks().first(), seeded);
}

TEST_F(CliConfigTest, ATooLongSiteUrlIsRefusedBeforeAnyRequest)
{
    const auto result = run({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.url"),
                             QStringLiteral("https://shop.example.com/") + QString(210, QLatin1Char('p'))});
    EXPECT_NE(result.exitCode, 0);
    EXPECT_TRUE(result.err.contains(QStringLiteral("255"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("site.url")));
    EXPECT_TRUE(fake.requests().isEmpty());
}

TEST_F(CliConfigTest, ModesAreStoredPerHookAndShownInThePlan)
{
    fullExchange();
    ASSERT_EQ(run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                   QStringLiteral("CREATE"), QStringLiteral("first-immediate")})
                  .exitCode,
              0);
    EXPECT_EQ(run({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                   QStringLiteral("CREATE"), QStringLiteral("sometimes")})
                  .exitCode,
              2);
    const auto plan = run({QStringLiteral("webhooks"), QStringLiteral("plan"), QStringLiteral("--json")});
    ASSERT_EQ(plan.exitCode, 0) << plan.err.toStdString();
    bool found = false;
    for (const QJsonValue &row : plan.json().array()) {
        const QJsonObject object = row.toObject();
        if (object.value(QLatin1String("entityType")).toString() == QLatin1String("demand") &&
            object.value(QLatin1String("action")).toString() == QLatin1String("CREATE")) {
            found = true;
            EXPECT_EQ(object.value(QLatin1String("mode")).toString(), QStringLiteral("first-immediate"));
            EXPECT_EQ(object.value(QLatin1String("state")).toString(), QStringLiteral("missing"));
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(CliConfigTest, PlanNeedsASiteUrl)
{
    const auto result = run({QStringLiteral("webhooks"), QStringLiteral("plan")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("site.url")));
}

TEST(CliDataDirectory, IsTheUsersAloneWhateverTheUmask)
{
    FakeMoySklad fake;
    ASSERT_TRUE(fake.start());
    CliRunner cli;
    // As an older version, or a person, left it: readable by everyone.
    ASSERT_TRUE(QFile::setPermissions(cli.dataDir(), QFile::Permissions(0x7755)));
    QFile stray(cli.dataDir() + QStringLiteral("/notes.txt"));
    ASSERT_TRUE(stray.open(QIODevice::WriteOnly));
    stray.close();
    ASSERT_TRUE(stray.setPermissions(QFile::Permissions(0x6644)));

    const mode_t previous = ::umask(022); // the usual umask, inherited by the commands
    ASSERT_TRUE(cli.prepareServe(fake.baseUrl(), QStringLiteral("Umask_Secret_abcdefghijklmnopqrstuvwxyz0123456")));
    ServeProcess serve(cli);
    ASSERT_TRUE(serve.start());
    EXPECT_EQ(serve.stop(), 0);
    ::umask(previous);

    const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
    EXPECT_EQ(QFile::permissions(cli.dataDir()), ownerOnly | QFile::ExeOwner | QFile::ExeUser);
    const QFileInfoList files = QDir(cli.dataDir()).entryInfoList(QDir::Files | QDir::Hidden);
    ASSERT_GE(files.size(), 4) << "settings.ini, skladhook.db and more, and the stray file";
    for (const QFileInfo &file : files) {
        // A file SkladHook did not make is not its to change.
        const QFile::Permissions wanted =
            file.fileName() == u"notes.txt" ? QFile::Permissions(0x6644) : QFile::Permissions(ownerOnly);
        EXPECT_EQ(QFile::permissions(file.filePath()), wanted) << file.fileName().toStdString();
    }
}

// --json is honoured by every command that changes something (a script reads its answer rather than parsing prose).
TEST_F(CliConfigTest, CommandsThatChangeSomethingAnswerJsonWhenAsked)
{
    const auto json = [this](const QStringList &arguments, int exitCode = 0) {
        const auto result = run(QStringList{QStringLiteral("--json")} + arguments);
        EXPECT_EQ(result.exitCode, exitCode)
            << arguments.join(QLatin1Char(' ')).toStdString() << ": " << result.err.toStdString();
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        EXPECT_TRUE(document.isObject()) << arguments.join(QLatin1Char(' ')).toStdString() << ": "
                                         << result.out.toStdString();
        return document.object();
    };
    EXPECT_EQ(json({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("worker.interval"),
                    QStringLiteral("90")}),
              (QJsonObject{{QStringLiteral("worker.interval"), QStringLiteral("90")}}));
    const QJsonObject secretSet =
        json({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("site.secret"), secret});
    EXPECT_FALSE(secretSet.value(QLatin1String("site.secret")).toString().isEmpty());
    EXPECT_FALSE(QJsonDocument(secretSet).toJson().contains(secret.toUtf8())); // masked
    EXPECT_EQ(json({QStringLiteral("webhooks"), QStringLiteral("mode"), QStringLiteral("demand"),
                    QStringLiteral("update"), QStringLiteral("queued")}),
              (QJsonObject{{QStringLiteral("hook"), QStringLiteral("demand/UPDATE")},
                           {QStringLiteral("mode"), QStringLiteral("queued")}}));
    EXPECT_EQ(json({QStringLiteral("queue"), QStringLiteral("pause")}).value(QLatin1String("paused")),
              QJsonValue(true));
    EXPECT_EQ(json({QStringLiteral("queue"), QStringLiteral("resume")}).value(QLatin1String("paused")),
              QJsonValue(false));
    EXPECT_EQ(json({QStringLiteral("queue"), QStringLiteral("retry-dead")}),
              (QJsonObject{{QStringLiteral("changed"), 0}}));

    fullExchange();
    const QJsonObject applied = json({QStringLiteral("webhooks"), QStringLiteral("apply")});
    EXPECT_EQ(applied.value(QLatin1String("ok")), QJsonValue(true));
    EXPECT_EQ(applied.value(QLatin1String("created")).toInt(), 10);
    const QJsonArray results = applied.value(QLatin1String("results")).toArray();
    ASSERT_EQ(results.size(), 10);
    for (const QJsonValue &result : results) {
        EXPECT_EQ(result.toObject().value(QLatin1String("kind")).toString(), QStringLiteral("create"));
        EXPECT_FALSE(result.toObject().value(QLatin1String("id")).toString().isEmpty());
        EXPECT_FALSE(result.toObject().value(QLatin1String("url")).toString().contains(secret)); // masked
    }
}

// A server's first set-up: no keychain at all, so no secrets to move; the opt-in says what it does and nothing else.
TEST_F(CliConfigTest, OptingIntoTheSettingsFileWithoutAKeychainSaysOnlyWhereSecretsGo)
{
    CliRunner bare;
    bare.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    const auto result = bare.run(
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("secrets.store"), QStringLiteral("file")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_EQ(result.err.trimmed().count(QLatin1Char('\n')), 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("plaintext"))) << result.err.toStdString();
    EXPECT_EQ(
        bare.run({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("secrets.store")}).out.trimmed(),
        QStringLiteral("file"));
}
