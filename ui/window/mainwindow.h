#pragma once

#include "launchoptions.h"
#include "lessons.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QSplitter;
class QTabWidget;
class QToolBar;

namespace ProcLab {

class AppSettings;
class LanguageManager;
class OutputView;
class ProcessSampler;
class ProcessView;
class PythonMirror;
class PythonPanel;
class TableColumns;
class TimelineView;
class Worker;
class WorkerActions;
class WorkerPool;
class WorkerTableView;
struct Preferences;
struct WorkerSpec;

// The window a class watches: the two lessons as big buttons, a table of the workers, and below it
// their output, filtered to the workers selected in the table.
//
// It builds widgets and wires actions to the pool; it runs no process and decides no policy. Closing
// it with workers running does not block: the close is refused, every worker is stopped (grace, then
// kill) and the window closes when the pool reports that all have ended; a second close kills them
// at once.
//
// With AppSettings it restores what the user arranged last time (window, columns, text size,
// preferences) and saves it when it closes; with a LanguageManager, View → Language switches the
// language at once. Without them (tests) it keeps its settings in memory and speaks the system's
// language through a LanguageManager of its own.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WorkerPool &pool,
               const LaunchOptions &options,
               const QString &workerProgram,
               QWidget *parent = nullptr);
    MainWindow(WorkerPool &pool,
               const LaunchOptions &options,
               const QString &workerProgram,
               AppSettings *settings,
               LanguageManager *languages,
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
    AppSettings &settings() const { return *m_settings; }
    LanguageManager &languageManager() const { return *m_languages; }
    TableColumns *tableColumns() const { return m_tableColumns; }
    QSplitter *splitter() const { return m_splitter; }
    // Seeing processes: the sampler behind CPU, memory and the tree, the panes below the table.
    ProcessSampler *processSampler() const { return m_sampler; }
    PythonMirror *pythonMirror() const { return m_pythonMirror; }
    QTabWidget *lowerTabs() const { return m_lowerTabs; }
    TimelineView *timelineView() const { return m_timeline; }
    ProcessView *processView() const { return m_processView; }
    PythonPanel *pythonPanel() const { return m_pythonPanel; }
    // The language of the lessons' texts: the window's, unless --lang chose.
    DemoLanguage demoLanguage() const { return m_language; }
    Preferences preferences() const;
    void applyPreferences(const Preferences &preferences);

    // The dialogs of the Help and File menus; open() them, not exec().
    void openPreferences();
    void showTutorial();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

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

    // mainwindowdesktop.cpp: settings, language and the desktop dialogs.
    void restoreLanguage();
    void restoreSettings();
    void saveSettings();
    void retranslate();
    void chooseLanguage(const QString &code);
    void followLanguage(const QString &code);
    void setFontPointSize(int points);

    // mainwindowprocess.cpp: the timeline, the process tree, the Python panel; pause, resume and
    // the signal menu.
    QWidget *createLowerPane();
    void connectProcessActions();
    void retranslateProcessWidgets();
    void setProcessFontPointSize(int points);
    void pauseSelected();
    void resumeSelected();
    void sendSignalToSelected(int signalNumber);

    void updateSelection();
    void updateActions();
    void updateStatus();

    WorkerPool &m_pool;
    const LaunchOptions m_options;
    const QString m_workerProgram;
    DemoLanguage m_language;
    std::unique_ptr<AppSettings> m_ownSettings;
    std::unique_ptr<LanguageManager> m_ownLanguages;
    AppSettings *m_settings;
    LanguageManager *m_languages;

    WorkerActions *m_actions = nullptr;
    QToolBar *m_lessonToolBar = nullptr;
    QToolBar *m_workerToolBar = nullptr;
    WorkerTableView *m_table = nullptr;
    OutputView *m_outputView = nullptr;
    QSplitter *m_splitter = nullptr;
    ProcessSampler *m_sampler = nullptr;
    PythonMirror *m_pythonMirror = nullptr;
    QSplitter *m_lowerSplitter = nullptr;
    QTabWidget *m_lowerTabs = nullptr;
    TimelineView *m_timeline = nullptr;
    ProcessView *m_processView = nullptr;
    PythonPanel *m_pythonPanel = nullptr;
    TableColumns *m_tableColumns = nullptr;
    QLabel *m_countsLabel = nullptr;
    QLabel *m_mainProcessLabel = nullptr;

    QStringList m_commandHistory;
    bool m_stopping = false;
};

} // namespace ProcLab
