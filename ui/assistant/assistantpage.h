// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

#include <functional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

// One step of the setup assistant: its fields above, then a status line that says what is wrong and how to fix it,
// a progress bar with Cancel while the step's network operation runs, and a "skip this step" box. Next (or Finish) is
// offered only when the step is done (ready()) or skipped, so a broken step is never passed by accident.
class AssistantPage final : public QWizardPage
{
    Q_OBJECT

public:
    enum class Status { Pending, Ok, Warning, Problem };

    // `name` names the page's widgets for tests: "<name>Page", "<name>Status", "<name>Busy", "<name>Cancel",
    // "<name>Skip".
    explicit AssistantPage(const QString &name, QWidget *parent = nullptr);

    QVBoxLayout *body() const { return m_body; }
    // `wording` is asked again after a language switch, so that the status follows it.
    void setStatus(Status status, std::function<QString()> wording);
    // A text worded elsewhere (a message of the controller, an error of core): kept as it is.
    void setStatus(Status status, const QString &text);
    Status status() const { return m_status; }
    QString statusText() const;
    void setSkipText(const QString &text);
    bool isSkipped() const;
    // Shows the progress bar and its Cancel (cancelRequested) while the step waits for the network.
    void setBusy(bool busy);
    bool isBusy() const;

    // Whether the step is done; asked again on refreshComplete(). Unset: done when the status is Ok or Warning.
    void setReady(std::function<bool()> ready) { m_ready = std::move(ready); }
    void setOnEnter(std::function<void()> enter) { m_enter = std::move(enter); }
    // Runs on Next; false stays on the page (the status then says why).
    void setOnLeave(std::function<bool()> leave) { m_leave = std::move(leave); }
    void refreshComplete() { Q_EMIT completeChanged(); }

    bool isComplete() const override;
    void initializePage() override;
    bool validatePage() override;
    void cleanupPage() override {} // going Back keeps what the user typed

Q_SIGNALS:
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showStatus();

    QVBoxLayout *m_body = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_cancel = nullptr;
    QCheckBox *m_skip = nullptr;
    Status m_status = Status::Pending;
    std::function<QString()> m_wording;
    std::function<bool()> m_ready;
    std::function<void()> m_enter;
    std::function<bool()> m_leave;
};
