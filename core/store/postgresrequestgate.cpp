// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresrequestgate.h"

#include "common/logcategories.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <cmath>

namespace {

// One bucket per database: the store holds one MoySklad account.
constexpr QLatin1String gateBucketName("moysklad");
constexpr int slotBits = 16; // a SlotId is (session << slotBits) | (slot + 1)

QString gateNumber(double value)
{
    return QString::number(value, 'g', 17);
}

} // namespace

PostgresRequestGate::PostgresRequestGate(QString storeUrl, const RateLimiter::Config &limits)
    : m_connection(std::move(storeUrl), QStringLiteral("request-gate"))
    , m_maxInFlight(std::clamp(limits.maxInFlight, 1, (1 << slotBits) - 2))
    , m_units(std::max(1, limits.units))
    , m_windowMs(std::max(1, limits.windowMs))
{}

PostgresRequestGate::~PostgresRequestGate()
{
    disconnect();
}

void PostgresRequestGate::disconnect()
{
    m_held.clear();
    m_connection.close();
}

QString PostgresRequestGate::failed(const QString &error)
{
    // Whatever went wrong, a fresh connection is the way back; closing this one frees its slots for the others
    // (PostgreSQL does the same when the connection broke), so the slots handed out under it are forgotten.
    disconnect();
    m_lastError = error;
    m_retryAt = QDeadlineTimer(m_reconnectMs);
    return error;
}

Result<QVariantList, QString> PostgresRequestGate::run(const QString &sql)
{
    QVariantList row;
    QString error;
    {
        QSqlQuery query(m_connection.database());
        if (!query.exec(sql)) {
            error = query.lastError().text().trimmed();
            if (error.isEmpty())
                error = QStringLiteral("the statement failed");
        } else if (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
        }
    }
    // The query is gone before failed() may remove the connection it used.
    if (!error.isEmpty())
        return failed(QStringLiteral("the shared rate limit's database failed: %1").arg(error));
    return row;
}

Result<Done, QString> PostgresRequestGate::connectIfNeeded()
{
    if (m_connection.isOpen())
        return Done{};
    if (!m_retryAt.hasExpired())
        return m_lastError;
    if (const auto opened = m_connection.open(); !opened.ok())
        return failed(opened.error());
    // The bucket's row is made by whichever process comes first; the table is schema step 11's.
    const auto created = run(QStringLiteral("INSERT INTO rate_bucket (name, level, updated_ms, granted) VALUES "
                                            "('%1', 0, 0, 0) ON CONFLICT (name) DO NOTHING")
                                 .arg(gateBucketName));
    if (!created.ok())
        return created.error();
    qCDebug(lcStore) << "the shared rate limit's connection is open";
    return Done{};
}

Result<SharedRequestGate::Grant, QString> PostgresRequestGate::tryAcquire(double weightUnits)
{
    const auto connected = connectIfNeeded();
    if (!connected.ok())
        return connected.error();
    const int busyWaitMs = m_busyPollMs + int(QRandomGenerator::global()->bounded(m_busyPollMs / 2 + 1));

    // A free slot, tried in order in one round trip: CASE evaluates its conditions one after the other and stops at
    // the first true one, so at most one lock is taken. Slots this session holds are left out, as an advisory lock
    // taken twice by one session is simply held twice.
    QString cases;
    for (int slot = 0; slot < m_maxInFlight; ++slot) {
        if (std::find(m_held.cbegin(), m_held.cend(), slot) == m_held.cend())
            cases += QStringLiteral(" WHEN pg_try_advisory_lock(%1, %2) THEN %2").arg(advisoryNamespace).arg(slot);
    }
    if (cases.isEmpty())
        return Grant{0, busyWaitMs};
    const auto locked = run(QStringLiteral("SELECT CASE%1 ELSE -1 END").arg(cases));
    if (!locked.ok())
        return locked.error();
    const int slot = locked.value().isEmpty() ? -1 : locked.value().constFirst().toInt();
    if (slot < 0)
        return Grant{0, busyWaitMs};

    // Room in the bucket, in one statement: the level drained since the last update, plus the weight when that
    // fits. The row lock serialises the processes; under READ COMMITTED a concurrent update makes PostgreSQL compute
    // the SET expressions again from the row it left, so nothing is lost. `now` is read once per statement, and may
    // be a little older than the row's time after such a wait: hence the GREATESTs.
    const double weight = std::clamp(weightUnits, 0.0, m_units);
    const double drainPerMs = m_units / m_windowMs;
    const QString drained =
        QStringLiteral("GREATEST(0, b.level - GREATEST(0, n.ms - b.updated_ms) * %1)").arg(gateNumber(drainPerMs));
    const QString fits = QStringLiteral("%1 + %2 <= %3").arg(drained, gateNumber(weight), gateNumber(m_units));
    const auto taken =
        run(QStringLiteral("UPDATE rate_bucket AS b SET level = %1 + CASE WHEN %2 THEN %3 ELSE 0 END, "
                           "granted = CASE WHEN %2 THEN 1 ELSE 0 END, updated_ms = GREATEST(b.updated_ms, "
                           "n.ms) FROM (SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS "
                           "ms) AS n WHERE b.name = '%4' RETURNING b.granted, b.level")
                .arg(drained, fits, gateNumber(weight), gateBucketName));
    if (!taken.ok())
        return taken.error(); // the connection, and the slot with it, is gone
    if (taken.value().size() < 2)
        return failed(QStringLiteral("the shared rate limit's bucket row is missing"));
    if (taken.value().at(0).toInt() == 1) {
        m_held.push_back(slot);
        return Grant{(m_connection.session() << slotBits) | SlotId(slot + 1), 0};
    }
    const double level = taken.value().at(1).toDouble();
    const auto unlocked = run(QStringLiteral("SELECT pg_advisory_unlock(%1, %2)").arg(advisoryNamespace).arg(slot));
    if (!unlocked.ok())
        return unlocked.error();
    const auto untilFits = qint64(std::ceil((level + weight - m_units) / drainPerMs));
    return Grant{0, std::max<qint64>(1, untilFits)};
}

void PostgresRequestGate::release(SlotId slotId)
{
    const int slot = int(slotId & ((SlotId(1) << slotBits) - 1)) - 1;
    if ((slotId >> slotBits) != m_connection.session() || !m_connection.isOpen())
        return; // taken under an earlier connection: PostgreSQL freed it when that one went
    const auto held = std::find(m_held.begin(), m_held.end(), slot);
    if (held == m_held.end())
        return;
    m_held.erase(held);
    const auto unlocked = run(QStringLiteral("SELECT pg_advisory_unlock(%1, %2)").arg(advisoryNamespace).arg(slot));
    if (!unlocked.ok())
        qCWarning(lcStore) << unlocked.error() << "(its slots are freed with its connection)";
}
