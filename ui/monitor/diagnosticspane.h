// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "monitor/logexporter.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class LogExportJob;
class LogModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

// The live diagnostics log: level and hook filters, text search, pause, export of the filtered rows to CSV or
// JSON, and the selected row's details. New rows appear at the top. The view follows them while it shows the
// newest rows and is not paused; scrolled down (or paused), the rows being read stay where they are. Reads and
// exports run off the GUI thread (LogModel's reader, LogExportJob).
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

    // Starts writing the rows matching the current filter to `path` on a thread of its own, with a progress bar and
    // a Cancel button; exported() or exportFailed() follows. The export buttons ask for the path first. False when an
    // export is already running.
    bool exportTo(LogExporter::Format format, const QString &path);
    bool isExporting() const;
    // Cancels the running export; it ends with exportFailed(LogExporter::cancelledError()) and leaves no file.
    void cancelExport();

public Q_SLOTS:
    void setPaused(bool paused);

Q_SIGNALS:
    void exported(const QString &path, int rows);
    void exportFailed(const QString &path, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fitColumns();
    void applyFilter();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToChange();
    void onRowsChanged();
    void onScrolled();
    void onExportFinished(const Result<int, QString> &result);
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
    QProgressBar *m_exportProgress = nullptr;
    QPushButton *m_cancelExport = nullptr;
    QTimer m_searchDelay;
    QPointer<LogExportJob> m_export;
    // Around a change of rows: the id of the top row shown, and whether the view was following the newest.
    qint64 m_anchorId = 0;
    bool m_following = true;
};
