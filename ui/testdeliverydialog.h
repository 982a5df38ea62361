// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workspace/testdelivery.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTreeView;
class Workspace;

// "Send a test delivery": runs the core's TestDelivery and shows, per hook URL, each step as it finishes (name
// resolution, connection, TLS, the HTTP answer, the receiver's record) with its result, time and detail.
class TestDeliveryDialog final : public QDialog
{
    Q_OBJECT

public:
    // The columns of the results view.
    enum Column { StepColumn, ResultColumn, TimeColumn, DetailColumn, ColumnCount };

    explicit TestDeliveryDialog(Workspace *workspace, QWidget *parent = nullptr);

    // Sends again (the earlier results are cleared); nothing while a run is in progress.
    void start();
    // Stops the run in progress (also when the dialog is closed): cancelled() instead of reportReady().
    void cancel();
    bool isRunning() const { return m_delivery->isRunning(); }
    QStandardItemModel *results() const { return m_model; }

    static QString stepText(TestDeliveryStep::Kind kind);

    void done(int result) override;

Q_SIGNALS:
    void reportReady(const TestDeliveryReport &report);
    void cancelled();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onTargetStarted(int index, const QString &url, const QString &hook);
    void onStepFinished(int index, const TestDeliveryStep &step);
    void onReport(const TestDeliveryReport &report);
    void showSummary();

    TestDelivery *m_delivery = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_again = nullptr;
    QPushButton *m_stop = nullptr; // shown while running
    QPushButton *m_close = nullptr;
    // What the summary says, kept so that a language change can word it again.
    enum class State { Idle, Running, Done, Problem, Cancelled } m_state = State::Idle;
    QString m_problem;
    int m_failed = 0;
    int m_total = 0;
};
