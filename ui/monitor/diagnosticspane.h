// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "monitor/logexporter.h"

#include <QTimer>
#include <QWidget>

class LogModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

// The live diagnostics log: level and hook filters, text search, pause, export of the filtered rows to CSV or
// JSON, and the selected row's details. New rows appear at the top; unless paused, the view follows them.
class DiagnosticsPane final : public QWidget
{
    Q_OBJECT

public:
    // `databasePath`: the data directory's skladhook.db (Database::fileIn(dataDir)); read-only here.
    explicit DiagnosticsPane(const QString &databasePath, QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isPaused() const;
    // Hooks offered by the hook filter besides "All hooks" (e.g. from HookCatalog); rows' hooks are added as seen.
    void setKnownHooks(const QStringList &hooks);

    // Writes the rows matching the current filter to `path`; the export buttons ask for the path first.
    Result<int, QString> exportTo(LogExporter::Format format, const QString &path);

public Q_SLOTS:
    void setPaused(bool paused);

Q_SIGNALS:
    void exported(const QString &path, int rows);

private:
    void applyFilter();
    void onRowsArrived(int count);
    void onCurrentChanged();
    void addHooks(const QStringList &hooks);
    void chooseExportPath(LogExporter::Format format);
    void showMessage(const QString &text);

    QString m_databasePath;
    LogModel *m_model = nullptr;
    QComboBox *m_level = nullptr;
    QComboBox *m_hook = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_message = nullptr;
    QTimer m_searchDelay;
};
