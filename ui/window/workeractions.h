#pragma once

#include "defaults.h"

#include <QObject>
#include <QPointer>

#include <array>
#include <utility>
#include <vector>

class QAction;
class QMenu;
class QMenuBar;
class QSpinBox;
class QToolBar;
class QWidget;

namespace ProcLab {

// Every command of the main window as a QAction, with its shortcut, its tooltip (which names the
// shortcut) and its place in the menus and the toolbars. The first toolbar holds the two lessons as
// big labelled buttons, lesson 2 with its seconds in a spin box beside it, and Run command…; the
// second the commands for the selected workers.
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
        Terminate,
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
        Pause,           // SIGSTOP to the selected workers' groups
        Resume,          // SIGCONT
        ShowPythonPanel, // View → Python: checkable
        SaveRecord,      // File → Save Record…: the session so far, in the record format
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

    // Workers → Send Signal: TERM, INT, HUP, KILL, STOP, CONT, USR1, USR2, each holding its signal
    // number in data() and saying in its tooltip what the signal means.
    const QList<QAction *> &signalActions() const { return m_signalActions; }
    QAction *signalAction(int signalNumber) const;

    struct Availability
    {
        bool canRunLessons = true;  // the helper program exists and the window is not closing
        bool canRunCommands = true; // the window is not closing
        bool hasActiveSelection = false;
        bool hasRunningSelection = false; // a selected worker can be paused
        bool hasPausedSelection = false;  // a selected worker can be resumed
        bool hasEndedWorkers = false;
    };
    void setAvailability(const Availability &availability);

signals:
    void countdownSecondsChanged(int seconds);

private:
    // "Spawn four workers (Ctrl+1)": the shortcut in the tooltip, as in the menu.
    static void setDescription(QAction *action, const QString &description);
    QAction *create(Id id);
    QToolBar *createToolBar(const char *title, QWidget *parent);
    QMenu *addMenu(QWidget *parent, const char *title);
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
    QSpinBox *m_seconds = nullptr;
    int m_countdownSeconds = Defaults::CountdownSeconds;
};

} // namespace ProcLab
