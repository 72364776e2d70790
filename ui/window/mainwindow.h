#pragma once

#include "launchoptions.h"

#include <QMainWindow>

class QSplitter;

namespace ProcLab {

class AppSettings;
class LanguageManager;
class LowerPane;
class RecordKeeper;
class Session;
class StatusSummary;
class TableColumns;
class WindowSettings;
class Worker;
class WorkerActions;
class WorkerTableView;

// The window a class watches: the two lessons as big buttons, a table of the workers, and below it
// their output, timeline and process tree (LowerPane), filtered to the workers selected in the table.
//
// A view of the Session: it composes the widgets of each feature and forwards the user's commands;
// what runs, when and how it stops is the Session's. Closing it with workers running does not block:
// the close is refused and the Session stops every worker (grace, then kill); the window closes when
// all have ended, and a second close has them killed at once.
//
// With AppSettings it restores what the user arranged last time and saves it when it closes
// (WindowSettings); with a LanguageManager, View → Language switches the language at once. Without
// them (tests) it keeps its settings in memory and speaks the system's language.
//
// Tests find its parts by object name: "workerActions", "lessonToolBar", "workerToolBar",
// "workerTable", "mainSplitter", "tableColumns", "windowSettings", "lowerTabs", "outputView",
// "timelineView", "processView", "pythonPanel", "statusSummary", "workerCounts", "samplerStatus",
// "mainProcessLabel".
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Session &session,
                        const LaunchOptions &options = LaunchOptions(),
                        QWidget *parent = nullptr);
    MainWindow(Session &session,
               const LaunchOptions &options,
               AppSettings *settings,
               LanguageManager *languages,
               QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createWidgets();
    void restoreSettings();
    void connectActions();
    void connectSession();

    QList<Worker *> selectedWorkers() const;
    void openRunCommandDialog();
    void openPreferences();
    void showTutorial();
    void showAbout();
    void chooseLanguage(const QString &code);
    void copy();
    void saveRecord();
    void zoom(int steps);
    void setFontPointSize(int points);
    void showMessage(const QString &text);

    void updateActions();
    void retranslate();

    Session &m_session;
    const LaunchOptions m_options;
    WindowSettings *m_settings;
    WorkerActions *m_actions = nullptr;
    WorkerTableView *m_table = nullptr;
    TableColumns *m_tableColumns = nullptr;
    LowerPane *m_lowerPane = nullptr;
    QSplitter *m_splitter = nullptr;
    StatusSummary *m_status = nullptr;
    RecordKeeper *m_recordKeeper = nullptr;
};

} // namespace ProcLab
