#include "workeractions.h"

#include "actionicons.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>

namespace ProcLab {

namespace {

// Toolbar text a class can read from the back of the room, whatever the desktop's default.
constexpr int MinToolBarPointSize = 13;
constexpr int ToolBarIconSize = 36;

// "Spawn four workers (Ctrl+1)": the shortcut in the tooltip, as in the menu.
void setDescription(QAction *action, const QString &description)
{
    const QKeySequence shortcut = action->shortcut();
    action->setToolTip(
            shortcut.isEmpty()
                    ? description
                    : QStringLiteral("%1 (%2)").arg(description,
                                                    shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(description);
}

} // namespace

WorkerActions::WorkerActions(QWidget *window)
    : QObject(window)
{
    QAction *action = nullptr;

    action = create(SpawnLesson, tr("&Spawn 4 Workers"));
    action->setIconText(tr("Spawn 4 workers"));
    action->setIcon(ActionIcons::spawnWorkers());
    action->setShortcut(Qt::CTRL | Qt::Key_1);
    setDescription(action, tr("Lesson 1: start four processes that each say their own PID"));

    action = create(CountdownLesson, QString());
    action->setIconText(tr("Count, then terminate in"));
    action->setIcon(ActionIcons::countdown());
    action->setShortcut(Qt::CTRL | Qt::Key_2);

    action = create(RunCommand, tr("&Run Command…"));
    action->setIconText(tr("Run command…"));
    action->setIcon(ActionIcons::runCommand());
    action->setShortcut(Qt::CTRL | Qt::Key_R);
    setDescription(action, tr("Start a program of your own as a worker"));

    action = create(Terminate, tr("&Terminate"));
    action->setIcon(ActionIcons::terminate());
    action->setShortcut(Qt::CTRL | Qt::Key_T);
    setDescription(action,
                   tr("Ask the selected workers to stop (SIGTERM); kill them if they are still "
                      "running after the grace period"));

    action = create(Kill, tr("&Kill"));
    action->setIcon(ActionIcons::kill());
    action->setShortcut(Qt::CTRL | Qt::Key_K);
    setDescription(action, tr("Stop the selected workers at once (SIGKILL)"));

    action = create(TerminateAfter, QString());
    action->setIcon(ActionIcons::terminateAfter());
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);

    action = create(ClearFinished, tr("&Clear Finished"));
    action->setIconText(tr("Clear finished"));
    action->setIcon(ActionIcons::clearFinished());
    action->setShortcut(Qt::CTRL | Qt::Key_L);
    setDescription(action, tr("Remove the workers that have ended from the table"));

    action = create(Quit, tr("&Quit"));
    action->setShortcut(Qt::CTRL | Qt::Key_Q); // QKeySequence::Quit is empty on some platforms
    action->setMenuRole(QAction::QuitRole);
    setDescription(action, tr("Stop every worker and close ProcLab"));

    action = create(FollowOutput, tr("&Follow Output"));
    action->setCheckable(true);
    action->setChecked(true);
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    setDescription(action, tr("Keep the newest output in view"));

    action = create(ShowTimestamps, tr("Show &Timestamps"));
    action->setCheckable(true);
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    setDescription(action, tr("Show when each line of output arrived"));

    action = create(Find, tr("&Find…"));
    action->setShortcut(QKeySequence::Find);
    setDescription(action, tr("Search the output"));

    action = create(Copy, tr("&Copy"));
    action->setShortcut(QKeySequence::Copy);
    setDescription(action, tr("Copy the selected output, or the selected rows of the table"));

    action = create(SaveOutput, tr("&Save Output As…"));
    action->setShortcut(QKeySequence::Save);
    setDescription(action, tr("Save the output shown to a text file"));

    // Ctrl+= as well: on most keyboards '+' needs Shift, and Ctrl+= is what people press.
    action = create(ZoomIn, tr("&Larger Text"));
    action->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    setDescription(action, tr("Larger text in the table and the output"));

    action = create(ZoomOut, tr("&Smaller Text"));
    action->setShortcut(Qt::CTRL | Qt::Key_Minus);
    setDescription(action, tr("Smaller text in the table and the output"));

    action = create(About, tr("&About ProcLab"));
    action->setShortcut(Qt::Key_F1);
    action->setMenuRole(QAction::AboutRole);
    setDescription(action, tr("What ProcLab is and which version this is"));

    action = create(AboutQt, tr("About &Qt"));
    action->setMenuRole(QAction::AboutQtRole);
    setDescription(action, tr("The version of Qt that ProcLab runs on"));

    updateCountdownTexts();
}

QAction *WorkerActions::create(Id id, const QString &text)
{
    auto *action = new QAction(text, parent());
    // "SpawnLesson", "Terminate"…: tests and style sheets find actions by these names.
    action->setObjectName(QString::fromLatin1(QMetaEnum::fromType<Id>().valueToKey(id)));
    m_actions[size_t(id)] = action;
    return action;
}

void WorkerActions::setCountdownSeconds(int seconds)
{
    seconds = qBound(1, seconds, MaxCountdownSeconds);
    if (seconds == m_countdownSeconds)
        return;
    m_countdownSeconds = seconds;
    if (m_seconds)
        m_seconds->setValue(seconds);
    updateCountdownTexts();
    emit countdownSecondsChanged(seconds);
}

void WorkerActions::updateCountdownTexts()
{
    QAction *countdownLesson = action(CountdownLesson);
    countdownLesson->setText(tr("C&ount, Then Terminate in %1 s").arg(m_countdownSeconds));
    setDescription(countdownLesson,
                   tr("Lesson 2: start a process that counts, and terminate it after %1 s")
                           .arg(m_countdownSeconds));

    QAction *terminateAfter = action(TerminateAfter);
    terminateAfter->setText(tr("Terminate &in %1 s").arg(m_countdownSeconds));
    terminateAfter->setIconText(tr("Terminate in %1 s").arg(m_countdownSeconds));
    setDescription(terminateAfter,
                   tr("Terminate the selected workers in %1 s (the seconds beside the counting "
                      "lesson)")
                           .arg(m_countdownSeconds));
}

QToolBar *WorkerActions::createToolBar(const QString &title, QWidget *parent) const
{
    auto *toolBar = new QToolBar(title, parent);
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(ToolBarIconSize, ToolBarIconSize));
    QFont font = toolBar->font();
    font.setPointSize(qMax(MinToolBarPointSize, QApplication::font().pointSize() + 4));
    toolBar->setFont(font);
    return toolBar;
}

QToolBar *WorkerActions::createLessonToolBar(QWidget *parent)
{
    QToolBar *toolBar = createToolBar(tr("Lessons"), parent);
    toolBar->setObjectName(QStringLiteral("lessonToolBar"));
    toolBar->addAction(action(SpawnLesson));
    toolBar->addSeparator();
    toolBar->addAction(action(CountdownLesson));
    m_seconds = new QSpinBox(toolBar);
    m_seconds->setObjectName(QStringLiteral("countdownSeconds"));
    m_seconds->setRange(1, MaxCountdownSeconds);
    m_seconds->setValue(m_countdownSeconds);
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setAccelerated(true);
    m_seconds->setToolTip(tr("Seconds before the counting process is terminated; also used by "
                             "“Terminate in N s”"));
    // As tall as the buttons beside it, so it reads as part of the lesson's label.
    m_seconds->setMinimumHeight(ToolBarIconSize);
    connect(m_seconds, &QSpinBox::valueChanged, this, &WorkerActions::setCountdownSeconds);
    toolBar->addWidget(m_seconds);
    toolBar->addSeparator();
    toolBar->addAction(action(RunCommand));
    return toolBar;
}

QToolBar *WorkerActions::createWorkerToolBar(QWidget *parent) const
{
    QToolBar *toolBar = createToolBar(tr("Selected Workers"), parent);
    toolBar->setObjectName(QStringLiteral("workerToolBar"));
    for (const Id id : {Terminate, Kill, TerminateAfter}) {
        toolBar->addAction(action(id));
    }
    toolBar->addSeparator();
    toolBar->addAction(action(ClearFinished));
    return toolBar;
}

void WorkerActions::fillMenuBar(QMenuBar *menuBar) const
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(action(RunCommand));
    file->addSeparator();
    file->addAction(action(Quit));

    QMenu *workers = menuBar->addMenu(tr("&Workers"));
    workers->addAction(action(SpawnLesson));
    workers->addAction(action(CountdownLesson));
    workers->addSeparator();
    workers->addAction(action(Terminate));
    workers->addAction(action(Kill));
    workers->addAction(action(TerminateAfter));
    workers->addSeparator();
    workers->addAction(action(ClearFinished));

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(action(FollowOutput));
    view->addAction(action(ShowTimestamps));
    view->addSeparator();
    view->addAction(action(Find));
    view->addAction(action(Copy));
    view->addAction(action(SaveOutput));
    view->addSeparator();
    view->addAction(action(ZoomIn));
    view->addAction(action(ZoomOut));

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(action(About));
    help->addAction(action(AboutQt));
}

void WorkerActions::setAvailability(const Availability &availability)
{
    action(SpawnLesson)->setEnabled(availability.canRunLessons);
    action(CountdownLesson)->setEnabled(availability.canRunLessons);
    if (m_seconds)
        m_seconds->setEnabled(availability.canRunLessons);
    action(RunCommand)->setEnabled(availability.canRunCommands);
    action(Terminate)->setEnabled(availability.hasActiveSelection);
    action(Kill)->setEnabled(availability.hasActiveSelection);
    action(TerminateAfter)->setEnabled(availability.hasActiveSelection);
    action(ClearFinished)->setEnabled(availability.hasEndedWorkers);
}

} // namespace ProcLab
