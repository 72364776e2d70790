#include "mainwindow.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "descendanttracker.h"
#include "languagemanager.h"
#include "lowerpane.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "processview.h"
#include "pythonpanel.h"
#include "recordkeeper.h"
#include "runcommanddialog.h"
#include "session.h"
#include "statussummary.h"
#include "tablecolumns.h"
#include "timelineview.h"
#include "tutorialdialog.h"
#include "windowsettings.h"
#include "worker.h"
#include "workeractions.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <csignal>

namespace ProcLab {

using namespace std::chrono;

namespace {

constexpr int StatusMessageMs = 10000;

} // namespace

MainWindow::MainWindow(Session &session, const LaunchOptions &options, QWidget *parent)
    : MainWindow(session, options, nullptr, nullptr, parent)
{}

MainWindow::MainWindow(Session &session,
                       const LaunchOptions &options,
                       AppSettings *settings,
                       LanguageManager *languages,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_options(options)
    , m_settings(new WindowSettings(session, options, settings, languages, this))
{
    m_settings->restoreLanguage();
    m_settings->restoreSession();
    // Recording starts before anything runs, so that a saved record holds the whole session.
    QString recordProblem;
    if (!m_options.recordPath.isEmpty() && !m_session.startRecording(m_options.recordPath)) {
        recordProblem = tr("Cannot write the record %1: %2")
                                .arg(m_options.recordPath, m_session.recordingError());
    }
    m_recordKeeper = new RecordKeeper(m_session,
                                      m_settings->settings().keepsRecords()
                                              ? RecordKeeper::Recording::On
                                              : RecordKeeper::Recording::Off,
                                      this);
    if (recordProblem.isEmpty())
        recordProblem = m_recordKeeper->problem();
    createWidgets();
    restoreSettings();
    connectActions();
    connectSession();
    retranslate();

    if (m_session.workerProgram().isEmpty())
        statusBar()->showMessage(tr("proclab-worker not found: no lessons (set PROCLAB_WORKER)"));
    else if (!m_settings->settings().problem().isEmpty())
        statusBar()->showMessage(m_settings->settings().problem());
    else if (!recordProblem.isEmpty())
        statusBar()->showMessage(recordProblem);
    updateActions();

    // After the window has shown, so that a class sees the first workers appear in it.
    if (m_options.hasWork())
        QTimer::singleShot(0, this, [this] { m_session.launch(m_options); });
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_actions = new WorkerActions(this);
    m_actions->setObjectName(QStringLiteral("workerActions"));
    // Two rows: in one, labels large enough for a projector would not fit a 1100-pixel window.
    addToolBar(Qt::TopToolBarArea, m_actions->createLessonToolBar(this));
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, m_actions->createWorkerToolBar(this));
    m_actions->fillMenuBar(menuBar());

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_table = new WorkerTableView(m_session.pool(), m_splitter);
    m_table->setObjectName(QStringLiteral("workerTable"));
    // One sampler for the whole window: the table's CPU and memory and the process tree read the
    // same samples, taken twice a second and only while a worker runs.
    m_table->setSampler(&m_session.sampler());
    m_tableColumns = new TableColumns(m_table->horizontalHeader());
    m_tableColumns->setObjectName(QStringLiteral("tableColumns"));
    m_lowerPane = new LowerPane(m_session, m_splitter);
    m_lowerPane->setFontPointSize(m_table->fontPointSize());
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_lowerPane);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);

    m_status = new StatusSummary(m_session, this);
    statusBar()->addPermanentWidget(m_status);
    QFont statusFont = statusBar()->font();
    statusFont.setPointSize(m_status->font().pointSize());
    statusBar()->setFont(statusFont);

    // 1200 × 760, or less on a small screen: many classroom projectors are 1024 × 768. The table's
    // CPU and memory and the Python panel beside the output need the width where there is some.
    QSize size(1200, 760);
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableSize() * 0.95);
    resize(size);
    m_table->setFocus();
}

void MainWindow::restoreSettings()
{
    m_actions->setCountdownSeconds(m_settings->countdownSeconds());
    // Only the user's own changes are saved: a countdown from the command line is for this run.
    connect(m_actions, &WorkerActions::countdownSecondsChanged, this, [this](int seconds) {
        m_settings->settings().setCountdownSeconds(seconds);
    });
    m_actions->setLanguageChoice(m_settings->languageChoice());
    if (const int points = m_settings->fontPointSize(); points > 0)
        setFontPointSize(points);
    m_settings->restoreLayout(*this, *m_splitter, *m_tableColumns);
}

void MainWindow::connectActions()
{
    const auto on = [this](WorkerActions::Id id, auto slot) {
        connect(m_actions->action(id), &QAction::triggered, this, slot);
    };
    on(WorkerActions::SpawnLesson, [this] { m_session.startSpawnLesson(); });
    on(WorkerActions::CountdownLesson,
       [this] { m_session.startCountdownLesson(seconds(m_actions->countdownSeconds())); });
    on(WorkerActions::RunCommand, &MainWindow::openRunCommandDialog);
    // The processes the commands apply to: those of the process menu, or the table's selection.
    // "Terminate This Process" and Send Signal to This Process signal each PID alone; the rest
    // act on the whole tree of each process's worker.
    const auto targets = [this] {
        return m_actions->targets(m_table->selectedProcesses());
    };
    const auto workers = [this, targets] {
        return m_session.workersOf(targets());
    };
    on(WorkerActions::TerminateProcess,
       [this, targets] { m_session.signalProcesses(targets(), SIGTERM); });
    on(WorkerActions::Terminate, [this, workers] { m_session.terminate(workers()); });
    on(WorkerActions::Kill, [this, workers] { m_session.kill(workers()); });
    on(WorkerActions::TerminateAfter, [this, workers] {
        m_session.terminateAfter(workers(), seconds(m_actions->countdownSeconds()));
    });
    on(WorkerActions::Pause, [this, workers] { m_session.pause(workers()); });
    on(WorkerActions::Resume, [this, workers] { m_session.resume(workers()); });
    for (QAction *signal : m_actions->signalActions()) {
        connect(signal, &QAction::triggered, this, [this, signal, workers] {
            m_session.sendSignal(workers(), signal->data().toInt());
        });
    }
    for (QAction *signal : m_actions->processSignalActions()) {
        connect(signal, &QAction::triggered, this, [this, signal, targets] {
            m_session.signalProcesses(targets(), signal->data().toInt());
        });
    }
    // Right-click on the table: the process menu, for the rows the click selected.
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        if (m_table->indexAt(position).isValid())
            m_actions->popUpProcessMenu(ProcessTarget(), m_table->viewport()->mapToGlobal(position));
    });
    connect(m_actions, &WorkerActions::processMenuTargetChanged, this, &MainWindow::updateActions);
    on(WorkerActions::ClearFinished, [this] { m_session.clearFinished(); });
    on(WorkerActions::Copy, &MainWindow::copy);
    on(WorkerActions::SaveRecord, &MainWindow::saveRecord);
    connect(m_recordKeeper,
            &RecordKeeper::saved,
            this,
            [this](const QString &path, const QString &error) {
                if (error.isEmpty()) {
                    showMessage(tr("Record saved to %1").arg(QDir::toNativeSeparators(path)));
                    return;
                }
                QMessageBox::warning(this,
                                     tr("Save Record"),
                                     tr("Could not save the record to “%1”: %2")
                                             .arg(QDir::toNativeSeparators(path), error));
            });
    on(WorkerActions::About, &MainWindow::showAbout);
    on(WorkerActions::Preferences, &MainWindow::openPreferences);
    on(WorkerActions::Tutorial, &MainWindow::showTutorial);
    on(WorkerActions::Quit, &MainWindow::close);
    on(WorkerActions::ZoomIn, [this] { zoom(1); });
    on(WorkerActions::ZoomOut, [this] { zoom(-1); });
    on(WorkerActions::AboutQt, &QApplication::aboutQt);
    for (const WorkerActions::Id id : {WorkerActions::LanguageSystem,
                                       WorkerActions::LanguageKorean,
                                       WorkerActions::LanguageEnglish}) {
        on(id, [this, id] { chooseLanguage(WorkerActions::languageCode(id)); });
    }

    OutputView *output = m_lowerPane->outputView();
    QAction *follow = m_actions->action(WorkerActions::FollowOutput);
    follow->setChecked(output->isFollowing());
    connect(follow, &QAction::toggled, output, &OutputView::setFollow);
    connect(output, &OutputView::followChanged, follow, &QAction::setChecked);
    QAction *timestamps = m_actions->action(WorkerActions::ShowTimestamps);
    timestamps->setChecked(output->showsTimestamps());
    connect(timestamps, &QAction::toggled, output, &OutputView::setShowTimestamps);
    // The view's context menu toggles them too; the window's menu shows the same state.
    connect(output->timestampsAction(), &QAction::toggled, timestamps, &QAction::setChecked);
    connect(m_actions->action(WorkerActions::Find),
            &QAction::triggered,
            output,
            &OutputView::showFindBar);
    connect(m_actions->action(WorkerActions::SaveOutput),
            &QAction::triggered,
            output,
            &OutputView::saveAs);

    QAction *python = m_actions->action(WorkerActions::ShowPythonPanel);
    python->setChecked(!m_lowerPane->pythonPanel()->isHidden());
    connect(python, &QAction::toggled, m_lowerPane->pythonPanel(), &QWidget::setVisible);

    // A click on a lane, or on a process in the Processes tab, selects its row in the table; the
    // table's selection filters, highlights and picks below.
    connect(m_lowerPane->timelineView(),
            &TimelineView::workerClicked,
            m_table,
            &WorkerTableView::selectWorker);
    connect(m_lowerPane->timelineView(),
            &TimelineView::processClicked,
            m_table,
            &WorkerTableView::selectProcess);
    connect(m_lowerPane->processView(),
            &ProcessView::processSelected,
            m_table,
            &WorkerTableView::selectProcess);
    // A right-click on a process in the Processes tab: the process menu, for that process.
    connect(m_lowerPane->processView(),
            &ProcessView::processMenuRequested,
            m_actions,
            &WorkerActions::popUpProcessMenu);
    connect(m_table, &WorkerTableView::workerSelectionChanged, this, [this] {
        m_lowerPane->setSelectedProcesses(m_table->selectedProcesses());
        updateActions();
    });
}

void MainWindow::connectSession()
{
    WorkerPool &pool = m_session.pool();
    const auto refresh = [this] {
        updateActions();
        m_status->refresh();
    };
    connect(&pool, &WorkerPool::workersInserted, this, refresh);
    connect(&pool, &WorkerPool::workersRemoved, this, refresh);
    connect(&pool, &WorkerPool::workersChanged, this, refresh);
    connect(&pool, &WorkerPool::queueChanged, this, refresh);
    connect(&pool, &WorkerPool::allFinished, this, refresh);
    connect(&pool, &WorkerPool::eventOccurred, this, [this](const WorkerEvent &event) {
        if (event.kind == WorkerEvent::Kind::FailedToStart)
            showMessage(event.text);
    });
    connect(&m_session, &Session::refused, this, &MainWindow::showMessage);
    connect(&m_session, &Session::delayed, this, &MainWindow::showMessage);
    // Queued: finished() may come from inside requestStop(), itself called from closeEvent().
    connect(
            &m_session,
            &Session::finished,
            this,
            [this] {
                if (m_session.isStopping())
                    close();
            },
            Qt::QueuedConnection);
}

QList<Worker *> MainWindow::selectedWorkers() const
{
    return m_table->selectedWorkers();
}

void MainWindow::openRunCommandDialog()
{
    // open(), not exec(): no nested event loop, so a close request or a signal is handled at once.
    auto *dialog = new RunCommandDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    AppSettings &settings = m_settings->settings();
    dialog->setHistory(settings.recentCommands());
    dialog->setLineBuffered(settings.lineBufferedByDefault());
    dialog->setFollowChildren(m_session.followsChildren());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings->settings().setRecentCommands(dialog->history());
        m_session.runCommand(dialog->spec());
    });
    dialog->open();
}

void MainWindow::openPreferences()
{
    // One at a time: a second Ctrl+, brings the open one forward.
    if (auto *open = findChild<PreferencesDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPreferences(m_settings->preferences(m_table->fontPointSize()));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences preferences = dialog->preferences();
        m_settings->applyPreferences(preferences);
        const AppSettings &settings = m_settings->settings();
        m_actions->setCountdownSeconds(settings.countdownSeconds());
        setFontPointSize(settings.fontPointSize());
        if (preferences.language != m_settings->languages().language())
            chooseLanguage(preferences.language);
    });
    dialog->open();
}

void MainWindow::showTutorial()
{
    if (auto *open = findChild<TutorialDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    // Not modal: the class sees the code and the workers it starts side by side.
    auto *dialog = new TutorialDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCountdownSeconds(m_actions->countdownSeconds());
    connect(m_actions,
            &WorkerActions::countdownSecondsChanged,
            dialog,
            &TutorialDialog::setCountdownSeconds);
    connect(dialog,
            &TutorialDialog::spawnLessonRequested,
            m_actions->action(WorkerActions::SpawnLesson),
            &QAction::trigger);
    connect(dialog,
            &TutorialDialog::countdownLessonRequested,
            m_actions->action(WorkerActions::CountdownLesson),
            &QAction::trigger);
    dialog->show();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::chooseLanguage(const QString &code)
{
    m_actions->setLanguageChoice(code);
    // Every widget gets a LanguageChange: changeEvent() below retranslates this window.
    m_settings->chooseLanguage(code);
}

void MainWindow::saveRecord()
{
    if (!m_recordKeeper->canSave()) {
        showMessage(m_recordKeeper->nothingToSave());
        return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QStringLiteral("%1/proclab-%2.proclab-record")
                                      .arg(folder,
                                           QDateTime::currentDateTime().toString(
                                                   QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this,
                                                      tr("Save Record"),
                                                      suggested,
                                                      tr("ProcLab records (*.proclab-record);;"
                                                         "All files (*)"));
    if (!path.isEmpty())
        m_recordKeeper->saveAs(path);
}

void MainWindow::copy()
{
    // The output view copies on its own while it has the focus; this is the menu and the table.
    if (!m_table->hasFocus()) {
        m_lowerPane->outputView()->copy();
        return;
    }
    const QString rows = m_table->selectedRowsText();
    if (!rows.isEmpty())
        QApplication::clipboard()->setText(rows);
}

void MainWindow::zoom(int steps)
{
    setFontPointSize(qBound(AppSettings::MinFontPointSize,
                            m_table->fontPointSize() + steps,
                            AppSettings::MaxFontPointSize));
}

void MainWindow::setFontPointSize(int points)
{
    // One size for all, so the table and the panes stay in step whichever was zoomed before.
    m_table->setFontPointSize(points);
    m_lowerPane->setFontPointSize(points);
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, StatusMessageMs);
}

void MainWindow::updateActions()
{
    const ProcessTargets targets = m_actions->targets(m_table->selectedProcesses());
    const QList<Worker *> selected = m_session.workersOf(targets);
    const auto anySelected = [&selected](auto predicate) {
        return std::any_of(selected.cbegin(), selected.cend(), predicate);
    };
    WorkerActions::Availability availability;
    availability.canRunLessons = m_session.canRunLessons();
    availability.canRunCommands = m_session.acceptsWork();
    availability.hasActiveSelection = anySelected(
            [](const Worker *worker) { return worker->isActive(); });
    availability.hasLiveTreeSelection = anySelected(
            [](const Worker *worker) { return worker->hasLiveProcesses(); });
    // A process that can be signalled alone: the running program, or a running process its
    // worker follows.
    availability.hasRunningProcessSelection
            = std::any_of(targets.cbegin(), targets.cend(), [this](const ProcessTarget &target) {
                  const Worker *worker = m_session.pool().workerById(target.workerId);
                  if (!worker || target.pid <= 0)
                      return false;
                  if (target.pid == worker->pid())
                      return worker->isActive();
                  const Descendant *entry = worker->descendants()
                                                    ? worker->descendants()->findUnreaped(target.pid)
                                                    : nullptr;
                  return entry && entry->isAlive();
              });
    availability.hasRunningSelection = anySelected(
            [](const Worker *worker) { return worker->state() == WorkerState::Running; });
    availability.hasPausedSelection = anySelected(
            [](const Worker *worker) { return worker->isPaused(); });
    const QList<Worker *> &workers = m_session.pool().workers();
    availability.hasEndedWorkers = std::any_of(workers.cbegin(),
                                               workers.cend(),
                                               [](const Worker *worker) {
                                                   return !worker->hasLiveProcesses();
                                               });
    m_actions->setAvailability(availability);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_session.hasLiveProcesses()) {
        // Dialogs of ours still open (About Qt runs its own loop) must not keep the program alive.
        const QList<QDialog *> dialogs = findChildren<QDialog *>();
        for (QDialog *dialog : dialogs)
            dialog->reject();
        m_settings->saveLayout(*this, *m_splitter, *m_tableColumns, m_table->fontPointSize());
        event->accept();
        return;
    }
    event->ignore();
    const int count = m_session.pool().activeCount();
    // The workers have ended but processes they left run on: say what is being stopped.
    int orphans = 0;
    for (const Worker *worker : m_session.pool().workers()) {
        if (!worker->isActive())
            orphans += worker->orphanCount();
    }
    switch (m_session.requestStop()) {
    case Session::StopStep::Terminating:
        statusBar()->showMessage(count > 0 || orphans == 0
                                         ? tr("Stopping %n worker(s)…", nullptr, count)
                                         : tr("Stopping %n orphan(s)…", nullptr, orphans));
        updateActions();
        break;
    case Session::StopStep::Killing:
        statusBar()->showMessage(count > 0 || orphans == 0
                                         ? tr("Killing %n worker(s)…", nullptr, count)
                                         : tr("Killing %n orphan(s)…", nullptr, orphans));
        break;
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("ProcLab"));
    m_actions->retranslate();
    m_table->workerModel()->retranslate();
    // The columns fit their headers' new words; the empty table's hint is painted again.
    m_table->setFontPointSize(m_table->fontPointSize());
    m_table->viewport()->update();
}

} // namespace ProcLab
