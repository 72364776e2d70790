#include "mainwindow.h"

#include "appsettings.h"
#include "languagemanager.h"
#include "outputview.h"
#include "runcommanddialog.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertableview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include <algorithm>

namespace ProcLab {

using namespace std::chrono;

namespace {

constexpr int MinFontSize = 7;
constexpr int MaxFontSize = 48;
constexpr int MinStatusFontSize = 11;
constexpr int StatusMessageMs = 10000;

} // namespace

MainWindow::MainWindow(WorkerPool &pool,
                       const LaunchOptions &options,
                       const QString &workerProgram,
                       QWidget *parent)
    : MainWindow(pool, options, workerProgram, nullptr, nullptr, parent)
{}

MainWindow::MainWindow(WorkerPool &pool,
                       const LaunchOptions &options,
                       const QString &workerProgram,
                       AppSettings *settings,
                       LanguageManager *languages,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_pool(pool)
    , m_options(options)
    , m_workerProgram(workerProgram)
    , m_language(demoLanguageFromCode(options.languageCode))
    , m_ownSettings(settings ? nullptr : std::make_unique<AppSettings>(QString()))
    , m_ownLanguages(languages ? nullptr : std::make_unique<LanguageManager>())
    , m_settings(settings ? settings : m_ownSettings.get())
    , m_languages(languages ? languages : m_ownLanguages.get())
{
    restoreLanguage();
    m_pool.setGracePeriod(options.grace);

    createWidgets();
    connectActions();
    connectPool();
    restoreSettings();
    retranslate();

    // The tutorial's program first says who it is: so does the monitor, the main process here.
    m_pool.appendMainProcessLine(Lessons::saysLine(QCoreApplication::applicationPid(),
                                                   Lessons::mainProgramText(m_language)));
    if (m_workerProgram.isEmpty()) {
        statusBar()->showMessage(tr("proclab-worker not found: no lessons (set PROCLAB_WORKER)"));
    } else if (!m_settings->problem().isEmpty()) {
        statusBar()->showMessage(m_settings->problem());
    }
    updateActions();
    updateStatus();

    // After the window has shown, so that a class sees the first workers appear in it.
    if (m_options.hasWork())
        QTimer::singleShot(0, this, &MainWindow::startLaunchWork);
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_actions = new WorkerActions(this);
    if (m_options.countdownSeconds > 0)
        m_actions->setCountdownSeconds(m_options.countdownSeconds);
    // Two rows: in one, labels large enough for a projector would not fit a 1100-pixel window.
    m_lessonToolBar = m_actions->createLessonToolBar(this);
    m_workerToolBar = m_actions->createWorkerToolBar(this);
    addToolBar(Qt::TopToolBarArea, m_lessonToolBar);
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, m_workerToolBar);
    m_actions->fillMenuBar(menuBar());

    auto *splitter = m_splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_table = new WorkerTableView(m_pool, splitter);
    m_outputView = new OutputView(m_pool, splitter);
    m_outputView->setObjectName(QStringLiteral("outputView"));
    m_outputView->setFontPointSize(m_table->fontPointSize());
    splitter->addWidget(m_table);
    splitter->addWidget(createLowerPane()); // the output, with the timeline and the processes
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    // Their texts are set by retranslate().
    auto *mainProcess = m_mainProcessLabel = new QLabel(this);
    mainProcess->setObjectName(QStringLiteral("mainProcessLabel"));
    m_countsLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(mainProcess);
    // The main process's PID is the first thing a teacher points at: large and bold.
    QFont statusFont = statusBar()->font();
    statusFont.setPointSize(qMax(MinStatusFontSize, QApplication::font().pointSize() + 2));
    statusBar()->setFont(statusFont);
    statusFont.setBold(true);
    mainProcess->setFont(statusFont);

    // 1200 × 760, or less on a small screen: many classroom projectors are 1024 × 768. The table's
    // CPU and memory and the Python panel beside the output need the width where there is some.
    QSize size(1200, 760);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 0.95);
    resize(size);
    m_table->setFocus();
}

void MainWindow::connectActions()
{
    const auto on = [this](WorkerActions::Id id, void (MainWindow::*slot)()) {
        connect(m_actions->action(id), &QAction::triggered, this, slot);
    };
    on(WorkerActions::SpawnLesson, &MainWindow::startSpawnLesson);
    on(WorkerActions::CountdownLesson, &MainWindow::startCountdownLesson);
    on(WorkerActions::RunCommand, &MainWindow::openRunCommandDialog);
    on(WorkerActions::Terminate, &MainWindow::terminateSelected);
    on(WorkerActions::Kill, &MainWindow::killSelected);
    on(WorkerActions::TerminateAfter, &MainWindow::terminateSelectedAfter);
    on(WorkerActions::Copy, &MainWindow::copy);
    on(WorkerActions::About, &MainWindow::showAbout);
    on(WorkerActions::Preferences, &MainWindow::openPreferences);
    on(WorkerActions::Tutorial, &MainWindow::showTutorial);
    for (const WorkerActions::Id id : {WorkerActions::LanguageSystem,
                                       WorkerActions::LanguageKorean,
                                       WorkerActions::LanguageEnglish}) {
        connect(m_actions->action(id), &QAction::triggered, this, [this, id] {
            chooseLanguage(WorkerActions::languageCode(id));
        });
    }
    connect(m_actions->action(WorkerActions::ClearFinished),
            &QAction::triggered,
            &m_pool,
            &WorkerPool::clearFinished);
    connect(m_actions->action(WorkerActions::Quit), &QAction::triggered, this, &MainWindow::close);
    connect(m_actions->action(WorkerActions::ZoomIn), &QAction::triggered, this, [this] {
        zoom(1);
    });
    connect(m_actions->action(WorkerActions::ZoomOut), &QAction::triggered, this, [this] {
        zoom(-1);
    });
    connect(m_actions->action(WorkerActions::AboutQt),
            &QAction::triggered,
            qApp,
            &QApplication::aboutQt);

    QAction *follow = m_actions->action(WorkerActions::FollowOutput);
    follow->setChecked(m_outputView->isFollowing());
    connect(follow, &QAction::toggled, m_outputView, &OutputView::setFollow);
    connect(m_outputView, &OutputView::followChanged, follow, &QAction::setChecked);
    QAction *timestamps = m_actions->action(WorkerActions::ShowTimestamps);
    timestamps->setChecked(m_outputView->showsTimestamps());
    connect(timestamps, &QAction::toggled, m_outputView, &OutputView::setShowTimestamps);
    // The view's context menu toggles them too; the window's menu shows the same state.
    connect(m_outputView->timestampsAction(), &QAction::toggled, timestamps, &QAction::setChecked);
    connect(m_actions->action(WorkerActions::Find),
            &QAction::triggered,
            m_outputView,
            &OutputView::showFindBar);
    connect(m_actions->action(WorkerActions::SaveOutput),
            &QAction::triggered,
            m_outputView,
            &OutputView::saveAs);
    connect(m_table, &WorkerTableView::workerSelectionChanged, this, &MainWindow::updateSelection);
    connectProcessActions();
}

void MainWindow::connectPool()
{
    const auto refresh = [this] {
        updateActions();
        updateStatus();
    };
    connect(&m_pool, &WorkerPool::workersInserted, this, refresh);
    connect(&m_pool, &WorkerPool::workersRemoved, this, refresh);
    connect(&m_pool, &WorkerPool::workersChanged, this, refresh);
    connect(&m_pool, &WorkerPool::allFinished, this, refresh);
    // Queued: allFinished may come from inside stopAll(), itself called from closeEvent().
    connect(
            &m_pool,
            &WorkerPool::allFinished,
            this,
            [this] {
                if (m_stopping)
                    close();
            },
            Qt::QueuedConnection);
    connect(&m_pool, &WorkerPool::eventOccurred, this, [this](const WorkerEvent &event) {
        if (event.kind == WorkerEvent::Kind::FailedToStart)
            statusBar()->showMessage(event.text, StatusMessageMs);
    });
    connect(&m_pool, &WorkerPool::spawnRefused, this, [this](const QString &reason) {
        statusBar()->showMessage(reason, StatusMessageMs);
    });
}

void MainWindow::startLaunchWork()
{
    if (m_stopping)
        return;
    // The same order as the headless runner: commands, then the counting lesson, then lesson 1.
    for (const QStringList &arguments : m_options.runCommands) {
        WorkerSpec spec;
        spec.arguments = arguments;
        spec.useStdbuf = true; // as the Run command dialog does by default: output arrives live
        Worker *worker = runCommand(spec);
        if (worker && m_options.countdownSeconds > 0)
            m_pool.terminateAfter(worker, seconds(m_options.countdownSeconds));
    }
    if (m_options.runsCountingLesson())
        startCountdownLesson();
    if (m_options.spawnCount > 0 && !m_workerProgram.isEmpty())
        Lessons::startSpawnLesson(m_pool, m_workerProgram, m_options.spawnCount, m_language);
}

void MainWindow::startSpawnLesson()
{
    if (!m_workerProgram.isEmpty() && !m_stopping)
        Lessons::startSpawnLesson(m_pool, m_workerProgram, 4, m_language);
}

void MainWindow::startCountdownLesson()
{
    if (m_workerProgram.isEmpty() || m_stopping)
        return;
    Lessons::startCountdownLesson(m_pool, m_workerProgram, seconds(m_actions->countdownSeconds()));
}

void MainWindow::openRunCommandDialog()
{
    // open(), not exec(): no nested event loop, so a close request or a signal is handled at once.
    auto *dialog = new RunCommandDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHistory(m_commandHistory);
    dialog->setLineBuffered(m_settings->lineBufferedByDefault());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_commandHistory = dialog->history();
        m_settings->setRecentCommands(m_commandHistory);
        runCommand(dialog->spec());
    });
    dialog->open();
}

Worker *MainWindow::runCommand(const WorkerSpec &spec)
{
    if (m_stopping)
        return nullptr;
    // A failed start reports itself through the pool's events (status bar) and the row's tooltip.
    return m_pool.spawn(spec);
}

void MainWindow::terminateSelected()
{
    for (Worker *worker : m_table->selectedWorkers())
        m_pool.terminate(worker);
}

void MainWindow::killSelected()
{
    for (Worker *worker : m_table->selectedWorkers())
        m_pool.kill(worker);
}

void MainWindow::terminateSelectedAfter()
{
    const seconds delay(m_actions->countdownSeconds());
    for (Worker *worker : m_table->selectedWorkers())
        m_pool.terminateAfter(worker, delay);
}

void MainWindow::copy()
{
    // The output view copies on its own while it has the focus; this is the menu and the table.
    if (!m_table->hasFocus()) {
        m_outputView->copy();
        return;
    }
    const QString rows = m_table->selectedRowsText();
    if (!rows.isEmpty())
        QApplication::clipboard()->setText(rows);
}

void MainWindow::zoom(int steps)
{
    // One size for both, so the table and the output stay in step whichever was zoomed before.
    setFontPointSize(qBound(MinFontSize, m_table->fontPointSize() + steps, MaxFontSize));
}

void MainWindow::updateSelection()
{
    m_outputView->setWorkerFilter(m_table->selectedWorkerIds());
    updateActions();
}

void MainWindow::updateActions()
{
    WorkerActions::Availability availability;
    availability.canRunLessons = !m_workerProgram.isEmpty() && !m_stopping;
    availability.canRunCommands = !m_stopping;
    const QList<Worker *> selected = m_table->selectedWorkers();
    availability.hasActiveSelection = std::any_of(selected.cbegin(),
                                                  selected.cend(),
                                                  [](const Worker *worker) {
                                                      return worker->isActive();
                                                  });
    const QList<Worker *> &workers = m_pool.workers();
    availability.hasEndedWorkers = std::any_of(workers.cbegin(),
                                               workers.cend(),
                                               [](const Worker *worker) {
                                                   return !worker->isActive();
                                               });
    availability.hasRunningSelection = std::any_of(selected.cbegin(),
                                                   selected.cend(),
                                                   [](const Worker *worker) {
                                                       return worker->state()
                                                              == WorkerState::Running;
                                                   });
    availability.hasPausedSelection = std::any_of(selected.cbegin(),
                                                  selected.cend(),
                                                  [](const Worker *worker) {
                                                      return worker->isPaused();
                                                  });
    m_actions->setAvailability(availability);
}

void MainWindow::updateStatus()
{
    // "%1 running" first, then the plural: only the worker count decides the form of the noun.
    m_countsLabel->setText(
            tr("%1 running · %n worker(s)", nullptr, m_pool.count()).arg(m_pool.activeCount()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_pool.hasActiveWorkers()) {
        // Dialogs of ours still open (About Qt runs its own loop) must not keep the program alive.
        const QList<QDialog *> dialogs = findChildren<QDialog *>();
        for (QDialog *dialog : dialogs)
            dialog->reject();
        saveSettings();
        event->accept();
        return;
    }
    event->ignore();
    const int count = m_pool.activeCount();
    if (!m_stopping) {
        m_stopping = true;
        statusBar()->showMessage(tr("Stopping %n worker(s)…", nullptr, count));
        m_pool.stopAll();
        updateActions();
        return;
    }
    // Asked twice: no more grace.
    statusBar()->showMessage(tr("Killing %n worker(s)…", nullptr, count));
    for (Worker *worker : m_pool.workers())
        m_pool.kill(worker);
}

} // namespace ProcLab
