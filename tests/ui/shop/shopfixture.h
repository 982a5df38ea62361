// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "builders.h"
#include "documents/documentprocessors.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QDateTime>
#include <QLocale>
#include <QTemporaryDir>

// A real skladhook.db in a temporary directory, filled the way the service fills it: MoySklad-shaped documents
// through the document processors, on the store's one writer.
class ShopFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(writer.start().ok());
        QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    }
    void TearDown() override { QLocale::setDefault(QLocale::c()); }

    // Writes `document` of `entityType` as a fetched answer, and waits for the commit.
    void apply(const QString &entityType, const QJsonObject &document)
    {
        write([this, entityType, document](QSqlDatabase &db) {
            return processors.processorFor(entityType)->apply(db, document, QDateTime::currentDateTimeUtc());
        });
    }
    void markDeleted(const QString &entityType, const QString &id)
    {
        write([this, entityType, id](QSqlDatabase &db) {
            return processors.processorFor(entityType)->markDeleted(db, id, QDateTime::currentDateTimeUtc());
        });
    }
    void write(StoreWriter::Job job)
    {
        QString error;
        writer.submit(std::move(job), [&error](Result<Done, QString> result) {
            if (!result.ok())
                error = result.error();
        });
        writer.flush();
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    }

    // An order numbered `name`, of `agent`, dated `moment` ("2026-12-01 10:00:00"), sums in kopecks.
    static QJsonObject order(const QString &id, const QString &name, qint64 sum, const QString &state,
                             const QString &agent, const QString &moment = QStringLiteral("2026-12-01 10:00:00"))
    {
        QJsonObject document = Builders::customerOrder(id, sum, state, Builders::defaultUpdated, agent);
        document.insert(QStringLiteral("name"), name);
        document.insert(QStringLiteral("moment"), QString(moment + QStringLiteral(".000")));
        return document;
    }
    static QJsonObject payment(const QString &kind, const QString &id, const QString &name, qint64 sum,
                               const QList<std::pair<QString, qint64>> &orders,
                               const QString &moment = QStringLiteral("2026-12-02 10:00:00"))
    {
        QJsonObject document = Builders::payment(kind, id, sum, orders);
        document.insert(QStringLiteral("name"), name);
        document.insert(QStringLiteral("moment"), QString(moment + QStringLiteral(".000")));
        return document;
    }
    static QJsonObject demand(const QString &id, const QString &name, qint64 sum, const QString &orderId,
                              const QString &state = QStringLiteral("Собран"),
                              const QString &updated = Builders::defaultUpdated)
    {
        QJsonObject document = Builders::demand(id, sum, orderId, state, updated);
        document.insert(QStringLiteral("name"), name);
        return document;
    }

    // Thin and no-break spaces as plain ones: the locale's group separator and the space before "₽" are not a
    // matter of these tests.
    static QString plain(QString text)
    {
        return text.replace(QChar(0x00A0), QLatin1Char(' ')).replace(QChar(0x202F), QLatin1Char(' '));
    }

    QTemporaryDir dir;
    QString databasePath = Database::fileIn(dir.path());
    StoreWriter writer{databasePath};
    DocumentProcessors processors{DocumentProcessors::Options{true}};
};
