// SPDX-License-Identifier: GPL-3.0-or-later
// The change counters: a bump committed by one writer is seen by a watcher of the same file (another process in
// real life), once per bump and per topic; what happened before the watcher started is not news.
#include "store/changefeed.h"
#include "store/database.h"
#include "store/storewriter.h"

#include <gtest/gtest.h>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

void bump(StoreWriter &writer, ChangeTopic topic)
{
    ChangeFeed::announce(&writer, topic, QDateTime::currentDateTimeUtc());
    writer.flush();
}

QList<ChangeTopic> topics(const QSignalSpy &spy)
{
    QList<ChangeTopic> seen;
    for (const QList<QVariant> &arguments : spy)
        seen.append(arguments.at(0).value<ChangeTopic>());
    return seen;
}

TEST(ChangeFeed, AWatcherSeesEachBumpOfAnotherWriterOnce)
{
    QTemporaryDir dir;
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    bump(writer, ChangeTopic::Settings); // before the watcher: not reported

    ChangeWatcher watcher(Database::fileIn(dir.path()), 3600 * 1000);
    QSignalSpy changed(&watcher, &ChangeWatcher::changed);
    watcher.start();
    watcher.poll();
    EXPECT_TRUE(changed.isEmpty());

    bump(writer, ChangeTopic::Queue);
    bump(writer, ChangeTopic::Secrets);
    watcher.poll();
    EXPECT_TRUE(topics(changed).contains(ChangeTopic::Queue));
    EXPECT_TRUE(topics(changed).contains(ChangeTopic::Secrets));
    EXPECT_EQ(changed.size(), 2);

    watcher.poll(); // nothing new
    EXPECT_EQ(changed.size(), 2);
    bump(writer, ChangeTopic::Queue);
    bump(writer, ChangeTopic::Queue); // two bumps between polls: one report, the topic changed
    watcher.poll();
    EXPECT_EQ(changed.size(), 3);
    EXPECT_EQ(topics(changed).last(), ChangeTopic::Queue);
}

TEST(ChangeFeed, AWatcherStartedBeforeTheDatabaseExistsReportsWhatComesAfter)
{
    QTemporaryDir dir;
    ChangeWatcher watcher(Database::fileIn(dir.path()), 20);
    QSignalSpy changed(&watcher, &ChangeWatcher::changed);
    watcher.start(); // no file yet: no baseline, no error
    StoreWriter writer(Database::fileIn(dir.path()));
    ASSERT_TRUE(writer.start().ok());
    bump(writer, ChangeTopic::Settings);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !changed.isEmpty(); }, 2000));
    EXPECT_EQ(topics(changed), QList<ChangeTopic>{ChangeTopic::Settings});
}

} // namespace
