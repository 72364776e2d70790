#pragma once

#include "defaults.h"
#include "processtarget.h"

#include <QObject>
#include <QPointer>

#include <array>
#include <utility>
#include <vector>

class QAction;
class QMenu;
class QMenuBar;
class QPoint;
class QSpinBox;
class QToolBar;
class QWidget;

namespace ProcLab {

// Every command of the main window as a QAction, with its shortcut, its tooltip (which names the
// shortcut) and its place in the menus and the toolbars. The first toolbar holds the two lessons as
// big labelled buttons, lesson 2 with its seconds in a spin box beside it, and Run command…; the
// second the commands for the selected workers.
//
// Two ways to stop, named so that the difference is plain: "Terminate This Process" signals the
// process pointed at alone, as Python's Process.terminate() does (its children live on, as
// orphans); "Stop Whole Tree" (Terminate) signals the worker's whole process group, with the grace
// period and then SIGKILL. Send Signal offers both targets. The process menu gathers the commands
// for one process, for a right-click anywhere a process is shown (popUpProcessMenu()).
//
// Only the actions live here; MainWindow wires them to the Session, and hands over which of them can
// apply with setAvailability().
class WorkerActions final : public QObject
{
    Q_OBJECT

public:
    enum Id {
        SpawnLesson,
        CountdownLesson,
        RunCommand,
        Terminate, // "Stop Whole Tree": SIGTERM to the group, SIGKILL after the grace period
        Kill,
        TerminateAfter,
        ClearFinished,
        Quit,
        FollowOutput,
        ShowTimestamps,
        Find,
        Copy,
        SaveOutput,
        ZoomIn,
        ZoomOut,
        About,
        AboutQt,
        Preferences,
        Tutorial,
        LanguageSystem, // View → Language: checkable, one of the three checked
        LanguageKorean,
        LanguageEnglish,
        Pause,            // SIGSTOP to the selected workers' groups
        Resume,           // SIGCONT
        ShowPythonPanel,  // View → Python: checkable
        SaveRecord,       // File → Save Record…: the session so far, in the record format
        TerminateProcess, // SIGTERM to the selected process alone, like Python's terminate()
        IdCount
    };
    Q_ENUM(Id)

    // window: the actions' parent, so their shortcuts work anywhere in it.
    explicit WorkerActions(QWidget *window);

    QAction *action(Id id) const { return m_actions.at(size_t(id)); }

    // The seconds of lesson 2 and of "Terminate in N s".
    int countdownSeconds() const { return m_countdownSeconds; }
    void setCountdownSeconds(int seconds);
    QSpinBox *secondsSpinBox() const { return m_seconds; }

    // The lessons and Run command…; then Terminate, Kill, Terminate in N s and Clear finished.
    QToolBar *createLessonToolBar(QWidget *parent);
    QToolBar *createWorkerToolBar(QWidget *parent);
    void fillMenuBar(QMenuBar *menuBar);

    // Sets every text again in the current language: the window calls it on QEvent::LanguageChange.
    void retranslate();
    // Checks the View → Language entry of a code: "ko", "en", or empty for the system's.
    void setLanguageChoice(const QString &code);
    // The code of a View → Language action, or an empty string for System.
    static QString languageCode(Id id);

    // Workers → Send Signal to Whole Tree: TERM, INT, HUP, KILL, STOP, CONT, USR1, USR2, each holding
    // its signal number in data() and saying in its tooltip what the signal means.
    const QList<QAction *> &signalActions() const { return m_signalActions; }
    QAction *signalAction(int signalNumber) const;
    // Workers → Send Signal to This Process: the same signals, to the selected process alone.
    const QList<QAction *> &processSignalActions() const { return m_processSignalActions; }
    QAction *processSignalAction(int signalNumber) const;

    // The commands for one process, popped up at a global position (a right-click on a process in
    // the table, the timeline or the Processes tab). While it is open, and until the command
    // chosen in it has been carried out, the commands apply to target, not to the selection
    // (targets()); an invalid target means the selection. processMenuTargetChanged() comes when
    // it opens and when it is done, so that the window can say which commands apply.
    void popUpProcessMenu(const ProcessTarget &target, const QPoint &globalPosition);
    QMenu *processMenu() const { return m_processMenu; }
    // What the commands apply to now: the process menu's target while it is open, else selection.
    ProcessTargets targets(const ProcessTargets &selection) const;

    struct Availability
    {
        bool canRunLessons = true;  // the helper program exists and the window is not closing
        bool canRunCommands = true; // the window is not closing
        bool hasActiveSelection = false;
        bool hasLiveTreeSelection = false;       // a selected worker's program or orphans run
        bool hasRunningProcessSelection = false; // a selected process can be signalled alone
        bool hasRunningSelection = false;        // a selected worker can be paused
        bool hasPausedSelection = false;         // a selected worker can be resumed
        bool hasEndedWorkers = false;
    };
    void setAvailability(const Availability &availability);

signals:
    void countdownSecondsChanged(int seconds);
    void processMenuTargetChanged();

private:
    // "Spawn four workers (Ctrl+1)": the shortcut in the tooltip, as in the menu.
    static void setDescription(QAction *action, const QString &description);
    QAction *create(Id id);
    QToolBar *createToolBar(const char *title, QWidget *parent);
    QMenu *addMenu(QWidget *parent, const char *title);
    void addSignalMenus(QMenu *menu);
    void createProcessMenu(QWidget *window);
    void updateCountdownTexts();
    // Preferences, the tutorial and the languages.
    void createDesktopActions();
    void retranslateDesktopActions();
    // Pause, Resume, the Python panel and the signals.
    void createProcessActions();
    void retranslateProcessActions();

    std::array<QAction *, IdCount> m_actions{};
    // Titles kept untranslated, to be translated again when the language changes.
    std::vector<std::pair<QPointer<QToolBar>, const char *>> m_toolBarTitles;
    std::vector<std::pair<QPointer<QMenu>, const char *>> m_menuTitles;
    QList<QAction *> m_signalActions;
    QList<QAction *> m_processSignalActions;
    QMenu *m_processMenu = nullptr;
    ProcessTarget m_menuTarget; // set until the command chosen in the menu has been carried out
    QSpinBox *m_seconds = nullptr;
    int m_countdownSeconds = Defaults::CountdownSeconds;
};

} // namespace ProcLab
