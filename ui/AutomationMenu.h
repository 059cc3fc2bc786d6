// The Automation menu and its status-bar line. Pause all automation (asks who
// and why first), Resume, Dry-run mode (checkable), Reload policy. Each passes
// the request to an AutomationControl and shows its answer: the status line
// ("Automation paused by alice at 02:14 — maintenance") stays while paused or
// in a dry run; a refused change or a policy that does not load opens a dialog
// with core's words (FILE:LINE for a policy), and the old policy stays.
#pragma once

#include "ui/AutomationControl.h"
#include "ui/AutomationPrompt.h"

#include <QMenu>

#include <functional>
#include <optional>
#include <utility>

class QLabel;
class QMessageBox;

namespace vigil::ui {

class AutomationMenu : public QMenu {
    Q_OBJECT
public:
    // `control` must outlive the menu.
    explicit AutomationMenu(AutomationControl* control, QWidget* parent = nullptr);

    // For the status bar (addPermanentWidget); hidden while automation runs normally.
    QLabel* statusLabel() const { return status_; }
    QAction* pauseAction() const { return pause_; }
    QAction* resumeAction() const { return resume_; }
    QAction* dryRunAction() const { return dryRun_; }
    QAction* reloadAction() const { return reload_; }
    // The last dialog's text (a refusal or a reload's answer), for tests.
    QString lastMessage() const { return lastMessage_; }

    // Who and why, or nothing when the operator cancels. Default: AutomationPrompt.
    using Ask = std::function<std::optional<std::pair<QString, QString>>(AutomationPrompt::Kind)>;
    void setAsk(Ask ask) { ask_ = std::move(ask); }

private:
    void showStatus(const AutomationStatus& s);
    void request(AutomationPrompt::Kind kind);
    void tell(bool problem, const QString& title, const QString& text);

    AutomationControl* control_;
    QAction* pause_ = nullptr;
    QAction* resume_ = nullptr;
    QAction* dryRun_ = nullptr;
    QAction* reload_ = nullptr;
    QLabel* status_ = nullptr;
    QMessageBox* box_ = nullptr;
    QString lastMessage_;
    Ask ask_;
};

}  // namespace vigil::ui
