#pragma once

#include "launchoptions.h"
#include "lessons.h"

#include <QMainWindow>

class QLabel;
class QToolBar;

namespace ProcLab {

class OutputView;
class Worker;
class WorkerActions;
class WorkerPool;
class WorkerTableView;
struct WorkerSpec;

// The window a class watches: the two lessons as big buttons, a table of the workers, and below it
// their output, filtered to the workers selected in the table.
//
// It builds widgets and wires actions to the pool; it runs no process and decides no policy. Closing
// it with workers running does not block: the close is refused, every worker is stopped (grace, then
// kill) and the window closes when the pool reports that all have ended; a second close kills them
// at once.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WorkerPool &pool,
               const LaunchOptions &options,
               const QString &workerProgram,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests, and for the settings that will persist them.
    WorkerActions *workerActions() const { return m_actions; }
    QToolBar *lessonToolBar() const { return m_lessonToolBar; }
    QToolBar *workerToolBar() const { return m_workerToolBar; }
    WorkerTableView *workerTable() const { return m_table; }
    OutputView *outputView() const { return m_outputView; }
    QStringList commandHistory() const { return m_commandHistory; }
    void setCommandHistory(const QStringList &history) { m_commandHistory = history; }
    bool isStopping() const { return m_stopping; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createWidgets();
    void connectActions();
    void connectPool();
    void startLaunchWork();

    void startSpawnLesson();
    void startCountdownLesson();
    void openRunCommandDialog();
    Worker *runCommand(const WorkerSpec &spec);
    void terminateSelected();
    void killSelected();
    void terminateSelectedAfter();
    void copy();
    void zoom(int steps);
    void showAbout();

    void updateSelection();
    void updateActions();
    void updateStatus();

    WorkerPool &m_pool;
    const LaunchOptions m_options;
    const QString m_workerProgram;
    const DemoLanguage m_language;

    WorkerActions *m_actions = nullptr;
    QToolBar *m_lessonToolBar = nullptr;
    QToolBar *m_workerToolBar = nullptr;
    WorkerTableView *m_table = nullptr;
    OutputView *m_outputView = nullptr;
    QLabel *m_countsLabel = nullptr;

    QStringList m_commandHistory;
    bool m_stopping = false;
};

} // namespace ProcLab
