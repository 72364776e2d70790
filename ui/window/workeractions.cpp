#include "workeractions.h"

#include "exitinfo.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QMenuBar>
#include <QMetaEnum>
#include <QSpinBox>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <csignal>

namespace ProcLab {

namespace {

// Toolbar text a class can read from the back of the room, whatever the desktop's default.
constexpr int MinToolBarPointSize = 13;
constexpr int ToolBarIconSize = 36;

// The desktop's icon for a name when its theme has one, else ours (resources/icons/actions); the
// lessons' own icons (spawn, countdown, kill, terminate later) are always ours: no theme has them.
// Ours are SVG, sharp at the toolbar's projector size.
QIcon actionIcon(const char *themeName, const char *file)
{
    const QIcon bundled(QStringLiteral(":/icons/actions/") + QLatin1String(file)
                        + QStringLiteral(".svg"));
    return themeName ? QIcon::fromTheme(QLatin1String(themeName), bundled) : bundled;
}

// The signals a lesson on processes meets, in the order a teacher would explain them.
constexpr int MenuSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGKILL, SIGSTOP, SIGCONT, SIGUSR1, SIGUSR2};

} // namespace

// "Spawn four workers (Ctrl+1)": the shortcut in the tooltip, as in the menu.
void WorkerActions::setDescription(QAction *action, const QString &description)
{
    const QKeySequence shortcut = action->shortcut();
    action->setToolTip(
            shortcut.isEmpty()
                    ? description
                    : QStringLiteral("%1 (%2)").arg(description,
                                                    shortcut.toString(QKeySequence::NativeText)));
    action->setStatusTip(description);
}

WorkerActions::WorkerActions(QWidget *window)
    : QObject(window)
{
    // Shortcuts and icons here; the texts, which change with the language, in retranslate().
    QAction *action = nullptr;

    action = create(SpawnLesson);
    action->setIcon(actionIcon(nullptr, "spawn"));
    action->setShortcut(Qt::CTRL | Qt::Key_1);

    action = create(CountdownLesson);
    action->setIcon(actionIcon(nullptr, "countdown"));
    action->setShortcut(Qt::CTRL | Qt::Key_2);

    action = create(RunCommand);
    action->setIcon(actionIcon("utilities-terminal", "run-command"));
    action->setShortcut(Qt::CTRL | Qt::Key_R);

    action = create(Terminate);
    action->setIcon(actionIcon("process-stop", "terminate"));
    action->setShortcut(Qt::CTRL | Qt::Key_T);

    action = create(Kill);
    action->setIcon(actionIcon(nullptr, "kill"));
    action->setShortcut(Qt::CTRL | Qt::Key_K);

    action = create(TerminateAfter);
    action->setIcon(actionIcon(nullptr, "terminate-later"));
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_T);

    action = create(ClearFinished);
    action->setIcon(actionIcon("edit-clear-all", "clear-finished"));
    action->setShortcut(Qt::CTRL | Qt::Key_L);

    action = create(Quit);
    action->setShortcut(Qt::CTRL | Qt::Key_Q); // QKeySequence::Quit is empty on some platforms
    action->setMenuRole(QAction::QuitRole);

    action = create(FollowOutput);
    action->setCheckable(true);
    action->setChecked(true);
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);

    action = create(ShowTimestamps);
    action->setCheckable(true);
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D);

    action = create(Find);
    action->setIcon(actionIcon("edit-find", "find"));
    action->setShortcut(QKeySequence::Find);
    create(Copy)->setShortcut(QKeySequence::Copy);
    action = create(SaveOutput);
    action->setIcon(actionIcon("document-save-as", "save"));
    action->setShortcut(QKeySequence::Save);
    action = create(SaveRecord);
    action->setIcon(actionIcon("document-save-as", "save"));
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_S);

    // Ctrl+= as well: on most keyboards '+' needs Shift, and Ctrl+= is what people press.
    action = create(ZoomIn);
    action->setIcon(actionIcon("zoom-in", "zoom-in"));
    action->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    action = create(ZoomOut);
    action->setIcon(actionIcon("zoom-out", "zoom-out"));
    action->setShortcut(Qt::CTRL | Qt::Key_Minus);

    action = create(About);
    action->setIcon(actionIcon("help-about", "about"));
    action->setShortcut(Qt::Key_F1);
    action->setMenuRole(QAction::AboutRole);

    create(AboutQt)->setMenuRole(QAction::AboutQtRole);

    createDesktopActions();
    createProcessActions();
    retranslate();
}

void WorkerActions::retranslate()
{
    QAction *action = nullptr;

    action = this->action(SpawnLesson);
    action->setText(tr("&Spawn 4 Workers"));
    action->setIconText(tr("Spawn 4 workers"));
    setDescription(action, tr("Lesson 1: start four processes that each say their own PID"));

    action = this->action(CountdownLesson);
    action->setIconText(tr("Count, then terminate in"));

    action = this->action(RunCommand);
    action->setText(tr("&Run Command…"));
    action->setIconText(tr("Run command…"));
    setDescription(action, tr("Start a program of your own as a worker"));

    action = this->action(Terminate);
    action->setText(tr("&Stop Whole Tree"));
    action->setIconText(tr("Stop whole tree"));
    setDescription(action,
                   tr("Stop the selected workers and every process they started: SIGTERM to the "
                      "whole process group, then SIGKILL to whatever still runs after the grace "
                      "period"));

    action = this->action(TerminateProcess);
    action->setText(tr("Terminate This &Process"));
    action->setIconText(tr("Terminate process"));
    setDescription(action,
                   tr("Send SIGTERM to the selected process alone, like Python's "
                      "Process.terminate(): the processes it started live on, as orphans"));

    action = this->action(Kill);
    action->setText(tr("&Kill"));
    action->setIconText(tr("Kill"));
    setDescription(action, tr("Stop the selected workers at once (SIGKILL)"));

    action = this->action(ClearFinished);
    action->setText(tr("&Clear Finished"));
    action->setIconText(tr("Clear finished"));
    setDescription(action, tr("Remove the workers that have ended from the table"));

    action = this->action(Quit);
    action->setText(tr("&Quit"));
    setDescription(action, tr("Stop every worker and close ProcLab"));

    action = this->action(FollowOutput);
    action->setText(tr("&Follow Output"));
    setDescription(action, tr("Keep the newest output in view"));

    action = this->action(ShowTimestamps);
    action->setText(tr("Show &Timestamps"));
    setDescription(action, tr("Show when each line of output arrived"));

    action = this->action(Find);
    action->setText(tr("&Find…"));
    setDescription(action, tr("Search the output"));

    action = this->action(Copy);
    action->setText(tr("&Copy"));
    setDescription(action, tr("Copy the selected output, or the selected rows of the table"));

    action = this->action(SaveOutput);
    action->setText(tr("&Save Output As…"));
    setDescription(action, tr("Save the output shown to a text file"));

    action = this->action(SaveRecord);
    action->setText(tr("Save &Record…"));
    setDescription(action,
                   tr("Save everything this session ran, every process and every line, as a "
                      "ProcLab record (JSON Lines)"));

    action = this->action(ZoomIn);
    action->setText(tr("&Larger Text"));
    setDescription(action, tr("Larger text in the table and the output"));

    action = this->action(ZoomOut);
    action->setText(tr("&Smaller Text"));
    setDescription(action, tr("Smaller text in the table and the output"));

    action = this->action(About);
    action->setText(tr("&About ProcLab"));
    setDescription(action, tr("What ProcLab is and which version this is"));

    action = this->action(AboutQt);
    action->setText(tr("About &Qt"));
    setDescription(action, tr("The version of Qt that ProcLab runs on"));

    retranslateDesktopActions();
    retranslateProcessActions();
    updateCountdownTexts();
    if (m_seconds) {
        m_seconds->setSuffix(tr(" s"));
        m_seconds->setToolTip(tr("Seconds before the counting process is terminated; also used "
                                 "by “Terminate in N s”"));
    }
    for (const auto &[toolBar, title] : m_toolBarTitles)
        toolBar->setWindowTitle(tr(title));
    for (const auto &[menu, title] : m_menuTitles)
        menu->setTitle(tr(title));
}

QAction *WorkerActions::create(Id id)
{
    auto *action = new QAction(parent());
    // "SpawnLesson", "Terminate"…: tests and style sheets find actions by these names.
    action->setObjectName(QString::fromLatin1(QMetaEnum::fromType<Id>().valueToKey(id)));
    m_actions[size_t(id)] = action;
    return action;
}

void WorkerActions::setCountdownSeconds(int seconds)
{
    seconds = qBound(Defaults::MinCountdownSeconds, seconds, Defaults::MaxCountdownSeconds);
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

QToolBar *WorkerActions::createToolBar(const char *title, QWidget *parent)
{
    auto *toolBar = new QToolBar(tr(title), parent);
    m_toolBarTitles.emplace_back(toolBar, title);
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
    QToolBar *toolBar = createToolBar(QT_TR_NOOP("Lessons"), parent);
    toolBar->setObjectName(QStringLiteral("lessonToolBar"));
    toolBar->addAction(action(SpawnLesson));
    toolBar->addSeparator();
    toolBar->addAction(action(CountdownLesson));
    m_seconds = new QSpinBox(toolBar);
    m_seconds->setObjectName(QStringLiteral("countdownSeconds"));
    m_seconds->setRange(Defaults::MinCountdownSeconds, Defaults::MaxCountdownSeconds);
    m_seconds->setValue(m_countdownSeconds);
    m_seconds->setAccelerated(true);
    // As tall as the buttons beside it, so it reads as part of the lesson's label.
    m_seconds->setMinimumHeight(ToolBarIconSize);
    connect(m_seconds, &QSpinBox::valueChanged, this, &WorkerActions::setCountdownSeconds);
    toolBar->addWidget(m_seconds);
    retranslate();
    toolBar->addSeparator();
    toolBar->addAction(action(RunCommand));
    return toolBar;
}

QToolBar *WorkerActions::createWorkerToolBar(QWidget *parent)
{
    QToolBar *toolBar = createToolBar(QT_TR_NOOP("Selected Workers"), parent);
    toolBar->setObjectName(QStringLiteral("workerToolBar"));
    for (const Id id : {TerminateProcess, Terminate, Kill, TerminateAfter}) {
        toolBar->addAction(action(id));
    }
    toolBar->addSeparator();
    toolBar->addAction(action(Pause));
    toolBar->addAction(action(Resume));
    toolBar->addSeparator();
    toolBar->addAction(action(ClearFinished));
    return toolBar;
}

QMenu *WorkerActions::addMenu(QWidget *parent, const char *title)
{
    auto *menu = new QMenu(tr(title), parent);
    m_menuTitles.emplace_back(menu, title);
    if (auto *menuBar = qobject_cast<QMenuBar *>(parent))
        menuBar->addMenu(menu);
    else if (auto *parentMenu = qobject_cast<QMenu *>(parent))
        parentMenu->addMenu(menu);
    return menu;
}

void WorkerActions::fillMenuBar(QMenuBar *menuBar)
{
    QMenu *file = addMenu(menuBar, QT_TR_NOOP("&File"));
    file->addAction(action(RunCommand));
    file->addSeparator();
    file->addAction(action(SaveRecord));
    file->addSeparator();
    file->addAction(action(Preferences));
    file->addSeparator();
    file->addAction(action(Quit));

    QMenu *workers = addMenu(menuBar, QT_TR_NOOP("&Workers"));
    workers->addAction(action(SpawnLesson));
    workers->addAction(action(CountdownLesson));
    workers->addSeparator();
    workers->addAction(action(TerminateProcess));
    workers->addAction(action(Terminate));
    workers->addAction(action(Kill));
    workers->addAction(action(TerminateAfter));
    workers->addSeparator();
    workers->addAction(action(Pause));
    workers->addAction(action(Resume));
    addSignalMenus(workers);
    workers->addSeparator();
    workers->addAction(action(ClearFinished));

    QMenu *view = addMenu(menuBar, QT_TR_NOOP("&View"));
    view->addAction(action(ShowPythonPanel));
    view->addSeparator();
    view->addAction(action(FollowOutput));
    view->addAction(action(ShowTimestamps));
    view->addSeparator();
    view->addAction(action(Find));
    view->addAction(action(Copy));
    view->addAction(action(SaveOutput));
    view->addSeparator();
    view->addAction(action(ZoomIn));
    view->addAction(action(ZoomOut));
    view->addSeparator();
    QMenu *language = addMenu(view, QT_TR_NOOP("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    for (const Id id : {LanguageSystem, LanguageKorean, LanguageEnglish})
        language->addAction(action(id));

    QMenu *help = addMenu(menuBar, QT_TR_NOOP("&Help"));
    help->addAction(action(Tutorial));
    help->addSeparator();
    help->addAction(action(About));
    help->addAction(action(AboutQt));
}

void WorkerActions::addSignalMenus(QMenu *menu)
{
    QMenu *processSignals = addMenu(menu, QT_TR_NOOP("Send Signal to This &Process"));
    processSignals->setObjectName(QStringLiteral("processSignalMenu"));
    processSignals->setToolTipsVisible(true);
    processSignals->addActions(m_processSignalActions);
    QMenu *treeSignals = addMenu(menu, QT_TR_NOOP("Send Signal to Whole &Tree"));
    treeSignals->setObjectName(QStringLiteral("signalMenu"));
    treeSignals->setToolTipsVisible(true);
    treeSignals->addActions(m_signalActions);
}

void WorkerActions::createProcessMenu(QWidget *window)
{
    m_processMenu = new QMenu(window);
    m_processMenu->setObjectName(QStringLiteral("processMenu"));
    m_processMenu->setToolTipsVisible(true);
    m_processMenu->addAction(action(TerminateProcess));
    m_processMenu->addAction(action(Terminate));
    m_processMenu->addAction(action(Kill));
    m_processMenu->addSeparator();
    m_processMenu->addAction(action(Pause));
    m_processMenu->addAction(action(Resume));
    m_processMenu->addSeparator();
    QMenu *processSignals = new QMenu(m_processMenu);
    processSignals->setObjectName(QStringLiteral("processMenuProcessSignals"));
    processSignals->setToolTipsVisible(true);
    processSignals->addActions(m_processSignalActions);
    m_menuTitles.emplace_back(processSignals, QT_TR_NOOP("Send Signal to This &Process"));
    m_processMenu->addMenu(processSignals);
    QMenu *treeSignals = new QMenu(m_processMenu);
    treeSignals->setObjectName(QStringLiteral("processMenuTreeSignals"));
    treeSignals->setToolTipsVisible(true);
    treeSignals->addActions(m_signalActions);
    m_menuTitles.emplace_back(treeSignals, QT_TR_NOOP("Send Signal to Whole &Tree"));
    m_processMenu->addMenu(treeSignals);
    // A menu hides before the chosen action triggers: the target is dropped only after that.
    connect(m_processMenu, &QMenu::aboutToHide, this, [this] {
        QTimer::singleShot(0, this, [this] {
            if (m_processMenu->isVisible() || !m_menuTarget.isValid())
                return;
            m_menuTarget = ProcessTarget();
            emit processMenuTargetChanged();
        });
    });
}

void WorkerActions::popUpProcessMenu(const ProcessTarget &target, const QPoint &globalPosition)
{
    m_menuTarget = target;
    emit processMenuTargetChanged();
    m_processMenu->popup(globalPosition);
}

ProcessTargets WorkerActions::targets(const ProcessTargets &selection) const
{
    if (m_menuTarget.isValid())
        return ProcessTargets{m_menuTarget};
    return selection;
}

void WorkerActions::setAvailability(const Availability &availability)
{
    action(SpawnLesson)->setEnabled(availability.canRunLessons);
    action(CountdownLesson)->setEnabled(availability.canRunLessons);
    if (m_seconds)
        m_seconds->setEnabled(availability.canRunLessons);
    action(RunCommand)->setEnabled(availability.canRunCommands);
    action(TerminateProcess)->setEnabled(availability.hasRunningProcessSelection);
    action(Terminate)->setEnabled(availability.hasLiveTreeSelection);
    action(Kill)->setEnabled(availability.hasLiveTreeSelection);
    action(TerminateAfter)->setEnabled(availability.hasActiveSelection);
    action(ClearFinished)->setEnabled(availability.hasEndedWorkers);
    action(Pause)->setEnabled(availability.hasRunningSelection);
    action(Resume)->setEnabled(availability.hasPausedSelection);
    for (QAction *signal : std::as_const(m_signalActions))
        signal->setEnabled(availability.hasLiveTreeSelection);
    for (QAction *signal : std::as_const(m_processSignalActions))
        signal->setEnabled(availability.hasRunningProcessSelection);
}

// Preferences, the tutorial, and the language the window speaks.

void WorkerActions::createDesktopActions()
{
    QAction *action = create(Preferences);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->setMenuRole(QAction::PreferencesRole);

    // F1 is About: the tutorial is the help a class asks for next.
    create(Tutorial)->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));

    auto *languages = new QActionGroup(this);
    for (const Id id : {LanguageSystem, LanguageKorean, LanguageEnglish}) {
        action = create(id);
        action->setCheckable(true);
        languages->addAction(action);
    }
    this->action(LanguageSystem)->setChecked(true);
}

void WorkerActions::retranslateDesktopActions()
{
    QAction *action = this->action(Preferences);
    action->setText(tr("&Preferences…"));
    setDescription(action, tr("Grace period, countdown, scrollback, text size and language"));

    action = this->action(Tutorial);
    action->setText(tr("The &Tutorial"));
    setDescription(action, tr("The two Python examples ProcLab's lessons come from, explained"));

    action = this->action(LanguageSystem);
    action->setText(tr("&System Language"));
    action->setToolTip(tr("Follow the language of the desktop"));
    // The languages are named in their own language, so that anyone can find theirs.
    this->action(LanguageKorean)->setText(QStringLiteral("한국어"));
    this->action(LanguageKorean)->setToolTip(tr("Korean"));
    this->action(LanguageEnglish)->setText(QStringLiteral("English"));
    this->action(LanguageEnglish)->setToolTip(tr("English"));
}

void WorkerActions::setLanguageChoice(const QString &code)
{
    for (const Id id : {LanguageSystem, LanguageKorean, LanguageEnglish}) {
        if (languageCode(id) == code)
            action(id)->setChecked(true);
    }
}

QString WorkerActions::languageCode(Id id)
{
    switch (id) {
    case LanguageKorean:
        return QStringLiteral("ko");
    case LanguageEnglish:
        return QStringLiteral("en");
    default:
        return QString();
    }
}

// What a class needs to see processes as the system sees them: pause and resume, any signal by
// name, and the Python panel.

void WorkerActions::createProcessActions()
{
    QAction *action = create(Pause);
    action->setIcon(actionIcon("media-playback-pause", "pause"));
    action->setShortcut(Qt::CTRL | Qt::Key_P);

    action = create(Resume);
    action->setIcon(actionIcon("media-playback-start", "resume"));
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);

    action = create(ShowPythonPanel);
    action->setCheckable(true);
    action->setShortcut(Qt::Key_F9); // as side panels toggle in Dolphin and Kate

    action = create(TerminateProcess);
    action->setIcon(actionIcon("process-stop", "terminate"));
    action->setShortcut(Qt::CTRL | Qt::ALT | Qt::Key_T);

    for (const int signalNumber : MenuSignals) {
        auto *signal = new QAction(parent());
        signal->setObjectName(QStringLiteral("Send") + signalName(signalNumber));
        signal->setData(signalNumber);
        m_signalActions.append(signal);
        auto *processSignal = new QAction(parent());
        processSignal->setObjectName(QStringLiteral("SendProcess") + signalName(signalNumber));
        processSignal->setData(signalNumber);
        m_processSignalActions.append(processSignal);
    }
    createProcessMenu(qobject_cast<QWidget *>(parent()));
}

void WorkerActions::retranslateProcessActions()
{
    QAction *action = this->action(Pause);
    action->setText(tr("&Pause"));
    action->setIconText(tr("Pause"));
    setDescription(action,
                   tr("Freeze the selected workers and everything they started (SIGSTOP): they "
                      "stay in memory but get no processor time"));

    action = this->action(Resume);
    action->setText(tr("Res&ume"));
    action->setIconText(tr("Resume"));
    setDescription(action, tr("Let the paused workers run on from where they stopped (SIGCONT)"));

    action = this->action(ShowPythonPanel);
    action->setText(tr("&Python Panel"));
    setDescription(action,
                   tr("Show the same session as the tutorial's Python: each start, signal and exit "
                      "code as a line of multiprocessing code"));

    for (QAction *signal : std::as_const(m_signalActions)) {
        const int signalNumber = signal->data().toInt();
        // Its name, its number and what it means, so the menu itself teaches: "SIGINT (2):
        // interrupted, as by Ctrl+C".
        signal->setText(tr("%1 (%2): %3")
                                .arg(signalName(signalNumber))
                                .arg(signalNumber)
                                .arg(signalDescription(signalNumber)));
        // What the process that gets it will read into it, in one line.
        const QString description = tr("Send %1 to the whole tree of the selected workers (their "
                                       "process groups): %2")
                                            .arg(signalName(signalNumber),
                                                 signalDescription(signalNumber));
        signal->setToolTip(description);
        signal->setStatusTip(description);
    }
    for (QAction *signal : std::as_const(m_processSignalActions)) {
        const int signalNumber = signal->data().toInt();
        signal->setText(tr("%1 (%2): %3")
                                .arg(signalName(signalNumber))
                                .arg(signalNumber)
                                .arg(signalDescription(signalNumber)));
        const QString description = tr("Send %1 to the selected process alone, not to the "
                                       "processes it started: %2")
                                            .arg(signalName(signalNumber),
                                                 signalDescription(signalNumber));
        signal->setToolTip(description);
        signal->setStatusTip(description);
    }
}

QAction *WorkerActions::processSignalAction(int signalNumber) const
{
    for (QAction *signal : m_processSignalActions) {
        if (signal->data().toInt() == signalNumber)
            return signal;
    }
    return nullptr;
}

QAction *WorkerActions::signalAction(int signalNumber) const
{
    for (QAction *signal : m_signalActions) {
        if (signal->data().toInt() == signalNumber)
            return signal;
    }
    return nullptr;
}

} // namespace ProcLab
