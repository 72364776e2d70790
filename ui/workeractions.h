#pragma once

#include <QObject>

#include <array>

class QAction;
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
// Only the actions live here; what they do is wired by MainWindow, and which of them can apply is
// decided there and handed over with setAvailability().
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
        IdCount
    };
    Q_ENUM(Id)

    static constexpr int DefaultCountdownSeconds = 5;
    static constexpr int MaxCountdownSeconds = 3600;

    // window: the actions' parent, so their shortcuts work anywhere in it.
    explicit WorkerActions(QWidget *window);

    QAction *action(Id id) const { return m_actions.at(size_t(id)); }

    // The seconds of lesson 2 and of "Terminate in N s".
    int countdownSeconds() const { return m_countdownSeconds; }
    void setCountdownSeconds(int seconds);
    QSpinBox *secondsSpinBox() const { return m_seconds; }

    // The lessons and Run command…; then Terminate, Kill, Terminate in N s and Clear finished.
    QToolBar *createLessonToolBar(QWidget *parent);
    QToolBar *createWorkerToolBar(QWidget *parent) const;
    void fillMenuBar(QMenuBar *menuBar) const;

    struct Availability
    {
        bool canRunLessons = true;  // the helper program exists and the window is not closing
        bool canRunCommands = true; // the window is not closing
        bool hasActiveSelection = false;
        bool hasEndedWorkers = false;
    };
    void setAvailability(const Availability &availability);

signals:
    void countdownSecondsChanged(int seconds);

private:
    QAction *create(Id id, const QString &text);
    QToolBar *createToolBar(const QString &title, QWidget *parent) const;
    void updateCountdownTexts();

    std::array<QAction *, IdCount> m_actions{};
    QSpinBox *m_seconds = nullptr;
    int m_countdownSeconds = DefaultCountdownSeconds;
};

} // namespace ProcLab
