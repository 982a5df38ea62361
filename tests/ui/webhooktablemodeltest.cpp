// SPDX-License-Identifier: GPL-3.0-or-later
// WebhookTableModel on its own: the model contract, read-only foreign rows, modes stored in Settings.
#include "models/webhooktablemodel.h"
#include "hooks/hookurl.h"
#include "settings/settings.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

const QString secret = QStringLiteral("NewSecret_abcdefghijklmnopqrstuvwxyz0123456");

Webhook hook(const QString &id, const QString &entity, const QString &action, const QString &url, bool enabled = true)
{
    Webhook h;
    h.id = id;
    h.href = QUrl(QStringLiteral("http://127.0.0.1/api/remap/1.2/entity/webhook/") + id);
    h.entityType = entity;
    h.action = action;
    h.url = url;
    h.enabled = enabled;
    return h;
}

class WebhookTableModelTest : public ::testing::Test
{
protected:
    HookPlan plan() const
    {
        const QUrl site = HookUrl::normalizeSite(QStringLiteral("https://shop.example.com/")).value();
        ExchangeSettings exchange;
        exchange.importOrders = true;
        const QList<Webhook> actual{
            hook(QStringLiteral("a1"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                 HookUrl::build(site, QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                                QStringLiteral("OldSecret_abcdefghijklmnopqrstuvwxyz0123456"))),
            hook(QStringLiteral("f1"), QStringLiteral("customerorder"), QStringLiteral("UPDATE"),
                 QStringLiteral("https://shop.example.com.evil.example/moysklad/customerorder/update")),
        };
        return HookPlan::build(actual, HookCatalog::wanted(exchange), {site}, secret);
    }

    int rowOf(const WebhookTableModel &model, HookState state) const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.planRow(row).state == state)
                return row;
        }
        return -1;
    }

    QTemporaryDir dir;
    QSettings ini{dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    Settings settings{&ini};
};

} // namespace

TEST_F(WebhookTableModelTest, PassesTheModelTester)
{
    WebhookTableModel model(&settings);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    model.setPlan(plan());
    EXPECT_EQ(model.rowCount(), 3); // outdated customerorder/UPDATE, missing customerorder/CREATE, the foreign one
    EXPECT_EQ(model.columnCount(), WebhookTableModel::ColumnCount);
    model.setData(model.index(rowOf(model, HookState::Outdated), WebhookTableModel::UpdateColumn), Qt::Checked,
                  Qt::CheckStateRole);
    model.setData(model.index(0, WebhookTableModel::ModeColumn), QStringLiteral("queued"));
    model.retranslate();
    model.setPlan(HookPlan());
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(WebhookTableModelTest, ForeignRowsAreReadOnlyAndGreyed)
{
    WebhookTableModel model(&settings);
    model.setPlan(plan());
    const int foreign = rowOf(model, HookState::Foreign);
    ASSERT_GE(foreign, 0);
    const QModelIndex update = model.index(foreign, WebhookTableModel::UpdateColumn);
    EXPECT_FALSE(model.flags(update) & Qt::ItemIsEnabled);
    EXPECT_FALSE(model.flags(update) & Qt::ItemIsUserCheckable);
    EXPECT_FALSE(model.flags(model.index(foreign, WebhookTableModel::ModeColumn)) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.setData(update, Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(model.checkedHookIds().isEmpty());
    EXPECT_TRUE(model.index(foreign, WebhookTableModel::UrlColumn).data(Qt::ForegroundRole).isValid());
    EXPECT_FALSE(model.index(foreign, WebhookTableModel::EntityColumn).data(Qt::ToolTipRole).toString().isEmpty());
    EXPECT_EQ(model.index(foreign, WebhookTableModel::OwnerColumn).data().toString(),
              QStringLiteral("Other application"));

    const int outdated = rowOf(model, HookState::Outdated);
    const QModelIndex ours = model.index(outdated, WebhookTableModel::UpdateColumn);
    EXPECT_TRUE(model.flags(ours) & Qt::ItemIsUserCheckable);
    QSignalSpy checks(&model, &WebhookTableModel::checksChanged);
    EXPECT_TRUE(model.setData(ours, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(model.checkedHookIds(), QSet<QString>{QStringLiteral("a1")});
    EXPECT_EQ(checks.count(), 1);
    // A re-plan keeps the tick of a hook that is still there.
    model.setPlan(plan());
    EXPECT_EQ(model.checkedHookIds(), QSet<QString>{QStringLiteral("a1")});
}

TEST_F(WebhookTableModelTest, UrlSecretIsMasked)
{
    WebhookTableModel model(&settings);
    model.setPlan(plan());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString url = model.index(row, WebhookTableModel::UrlColumn).data().toString();
        EXPECT_FALSE(url.contains(QStringLiteral("OldSecret_abcdefghijklmnopqrstuvwxyz0123456"))) << url.toStdString();
        EXPECT_FALSE(url.contains(secret)) << url.toStdString();
        EXPECT_FALSE(model.index(row, WebhookTableModel::UrlColumn).data(Qt::ToolTipRole).toString().contains(secret));
    }
}

TEST_F(WebhookTableModelTest, ModeIsStoredPerEntityAndAction)
{
    WebhookTableModel model(&settings);
    model.setPlan(plan());
    const int missing = rowOf(model, HookState::Missing); // customerorder/CREATE
    const QModelIndex mode = model.index(missing, WebhookTableModel::ModeColumn);
    EXPECT_EQ(mode.data(Qt::EditRole).toString(), QStringLiteral("immediate"));
    EXPECT_TRUE(model.setData(mode, QStringLiteral("first-immediate")));
    EXPECT_EQ(settings.executionMode(QStringLiteral("customerorder"), QStringLiteral("CREATE")),
              ExecutionMode::FirstImmediate);
    EXPECT_EQ(settings.executionMode(QStringLiteral("customerorder"), QStringLiteral("UPDATE")),
              ExecutionMode::Immediate);
    EXPECT_FALSE(model.setData(mode, QStringLiteral("sometimes")));
    EXPECT_EQ(mode.data().toString(), WebhookTableModel::modeText(ExecutionMode::FirstImmediate));
}
