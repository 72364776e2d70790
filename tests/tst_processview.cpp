// The processes as the operating system runs them, in the main window, offscreen, with real
// workers: the process tree, CPU and memory, pause and resume through the real actions, the signal
// menu, the exit decoder and the Python panel, checked against the operating system where it can
// say; and the panels on their own, following a change of language.
#include "descendanttracker.h"
#include "exitinfo.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "processsampler.h"
#include "processtreemodel.h"
#include "processview.h"
#include "pythonmirror.h"
#include "pythonpanel.h"
#include "session.h"
#include "testsupport.h"
#include "timelineview.h"
#include "windowparts.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <csignal>
#include <functional>
#include <sys/prctl.h>
#include <sys/wait.h>

using namespace ProcLab;

namespace {

constexpr int Timeout = 15000;

LaunchOptions koreanOptions()
{
    LaunchOptions options;
    options.languageCode = QStringLiteral("ko");
    return options;
}

using TestSupport::workerSpec;

QModelIndex sourceIndex(const MainWindow &window, const Worker *worker, int column)
{
    const WorkerTableModel *model = WindowParts::table(window)->workerModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->workerAt(row) == worker)
            return model->index(row, column);
    }
    return QModelIndex();
}

QString cell(const MainWindow &window, const Worker *worker, int column, int role = Qt::DisplayRole)
{
    return sourceIndex(window, worker, column).data(role).toString();
}

QModelIndex sourceIndex(const WorkerTableModel &model, const Worker *worker, int column)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.workerAt(row) == worker)
            return model.index(row, column);
    }
    return QModelIndex();
}

QString cell(const WorkerTableModel &model, const Worker *worker, int column)
{
    return sourceIndex(model, worker, column).data().toString();
}

// The window's process tree and worker table under QAbstractItemModelTester for as long as it lives:
// every test whose workers start and end changes both.
struct ModelTesters
{
    explicit ModelTesters(const MainWindow &window)
        : tree(WindowParts::processView(window)->processModel(),
               QAbstractItemModelTester::FailureReportingMode::Fatal)
        , table(WindowParts::table(window)->workerModel(),
                QAbstractItemModelTester::FailureReportingMode::Fatal)
    {}

    QAbstractItemModelTester tree;
    QAbstractItemModelTester table;
};

bool hasHangul(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0xac00 && c.unicode() <= 0xd7a3;
    });
}

// The row of a worker below the main process in the process tree, or an invalid index.
QModelIndex processRow(const ProcessTreeModel &model, const Worker *worker)
{
    const QModelIndex main = model.index(0, 0);
    for (int row = 0; row < model.rowCount(main); ++row) {
        const QModelIndex index = model.index(row, 0, main);
        if (index.data(ProcessTreeModel::WorkerIdRole).toInt() == worker->id())
            return index;
    }
    return QModelIndex();
}

// The row of a process (column 0) anywhere in the tree: the one that has not ended, if any.
QModelIndex processRow(const ProcessTreeModel &model, qint64 pid)
{
    QModelIndex found;
    const std::function<bool(const QModelIndex &)> search = [&](const QModelIndex &parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            if (index.data(ProcessTreeModel::KindRole).toInt()
                        == int(ProcessTreeModel::Kind::Process)
                && index.data(ProcessTreeModel::PidRole).toLongLong() == pid) {
                found = index;
                if (!index.data(ProcessTreeModel::EndedRole).toBool())
                    return true;
            }
            if (search(index))
                return true;
        }
        return false;
    };
    search(QModelIndex());
    return found;
}

QString stateCell(const QModelIndex &row)
{
    return row.siblingAtColumn(ProcessTreeModel::StateColumn).data().toString();
}

// A right-click on a row, as the window system delivers it: the context menu event.
void rightClick(ProcessView &view, const QModelIndex &row)
{
    view.scrollTo(row);
    const QPoint position = view.visualRect(row).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse,
                            position,
                            view.viewport()->mapToGlobal(position));
    QApplication::sendEvent(view.viewport(), &event);
}

WorkerSpec commandSpec(const QStringList &arguments, bool follow)
{
    WorkerSpec spec;
    spec.arguments = arguments;
    spec.followChildren = follow;
    return spec;
}

// A Python program whose child exits at once (with 7) and is not waited for until SIGUSR1: a
// zombie as long as the test wants one. It prints the child's PID.
const QString ZombieScript = QStringLiteral("import os, signal, time\n"
                                            "pid = os.fork()\n"
                                            "if pid == 0:\n"
                                            "    os._exit(7)\n"
                                            "signal.signal(signal.SIGUSR1,\n"
                                            "              lambda *args: os.waitpid(pid, 0))\n"
                                            "print(pid, flush=True)\n"
                                            "while True:\n"
                                            "    time.sleep(1)\n");

// A standalone Processes tab over its own pool and sampler, shown, under the model tester.
struct Tab
{
    Tab()
        : sampler(pool)
        , view(pool, sampler)
        , tester(view.processModel(), QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        view.resize(900, 600);
        view.show();
    }

    ProcessTreeModel &model() { return *view.processModel(); }

    WorkerPool pool;
    ProcessSampler sampler;
    ProcessView view;
    QAbstractItemModelTester tester;
};

} // namespace

class tst_ProcessView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void treeShowsTheChildrenOfAWorker();
    void everyWorkersTreeWithoutASelection();
    void zombieIsShownUntilReaped_data();
    void zombieIsShownUntilReaped();
    void followedShortChildIsShownEndedWithItsCode();
    void followedOrphanShowsItsNewParent();
    void followedTreeStaysBounded();
    void pythonChildIsNamedAsPythonNamedIt();
    void selectingAndRightClickingEmitTheProcess();
    void cpuAndMemoryColumns();
    void tableAndTreeShowTheSameMemory();
    void pauseAndResumeThroughTheActions();
    void signalMenuAndExitDecoder();
    void pythonPanelAfterSpawnLesson();
    void panelsFollowTheLanguage();
    void timelineClickSelectsAndIdleWindowFiresNoTimer();

private:
    static bool stopAndWait(WorkerPool &pool)
    {
        pool.stopAll();
        return QTest::qWaitFor([&pool] { return !pool.hasActiveWorkers(); }, Timeout);
    }
};

void tst_ProcessView::initTestCase()
{
    // Followed workers run under proclab-worker's tracer, found as ProcLab finds it.
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QFile::encodeName(TestSupport::workerProgram()));
}

void tst_ProcessView::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

void tst_ProcessView::treeShowsTheChildrenOfAWorker()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    ProcessTreeModel *model = WindowParts::processView(window)->processModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester tableTester(WindowParts::table(window)->workerModel(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WindowParts::lowerTabs(window)->setCurrentWidget(WindowParts::processView(window));

    // The main process is the root: ProcLab itself.
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ProcessTreeModel::PidColumn).data().toString(),
             QString::number(QCoreApplication::applicationPid()));

    Worker *worker = pool.spawn(workerSpec({QStringLiteral("spawn-children"), QStringLiteral("3")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().contains(QStringLiteral("spawned 3 children")),
                             Timeout);
    QModelIndex workerRow;
    QTRY_VERIFY_WITH_TIMEOUT((workerRow = processRow(*model, worker)).isValid()
                                     && model->rowCount(workerRow) == 3,
                             Timeout);
    QCOMPARE(workerRow.siblingAtColumn(ProcessTreeModel::PidColumn).data().toLongLong(),
             worker->pid());
    // The worker's parent is the main process: the lesson of PPIDs.
    QCOMPARE(workerRow.data(ProcessTreeModel::ParentPidRole).toLongLong(),
             QCoreApplication::applicationPid());
    for (int row = 0; row < 3; ++row) {
        const QModelIndex child = model->index(row, 0, workerRow);
        const qint64 pid = child.data(ProcessTreeModel::PidRole).toLongLong();
        QVERIFY2(TestSupport::isAlive(pid), qPrintable(QStringLiteral("child %1").arg(pid)));
        QCOMPARE(child.siblingAtColumn(ProcessTreeModel::ParentPidColumn).data().toLongLong(),
                 worker->pid());
        QCOMPARE(TestSupport::parentPid(pid), worker->pid());
        QCOMPARE(child.data().toString(), QStringLiteral("proclab-worker"));
        QVERIFY(!child.data(ProcessTreeModel::OrphanRole).toBool());
        QVERIFY2(WindowParts::processView(window)->isExpanded(workerRow),
                 "new rows are shown expanded");
    }

    // Selecting another worker shows only that one; nothing selected shows all again.
    Worker *other = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(other);
    QTRY_VERIFY_WITH_TIMEOUT(processRow(*model, other).isValid(), Timeout);
    WindowParts::table(window)->selectWorker(other->id());
    QTRY_VERIFY_WITH_TIMEOUT(!processRow(*model, worker).isValid(), Timeout);
    QCOMPARE(model->workerRowCount(), 1);
    WindowParts::table(window)->clearSelection();
    QTRY_COMPARE_WITH_TIMEOUT(model->workerRowCount(), 2, Timeout);

    // Ended, the worker and its children leave the tree.
    const QList<qint64> children = TestSupport::liveChildren(worker->pid());
    QVERIFY(stopAndWait(pool));
    QTRY_COMPARE_WITH_TIMEOUT(model->workerRowCount(), 0, Timeout);
    for (const qint64 pid : children)
        QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(pid), Timeout);
}

void tst_ProcessView::everyWorkersTreeWithoutASelection()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    const ModelTesters testers(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ProcessView *view = WindowParts::processView(window);
    ProcessTreeModel *model = view->processModel();
    WindowParts::lowerTabs(window)->setCurrentWidget(view);
    QVERIFY2(view->emptyTreeText().contains(QStringLiteral("No worker is running")),
             qPrintable(view->emptyTreeText()));

    Worker *ended = pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("3")}));
    QVERIFY(ended);
    QTRY_VERIFY_WITH_TIMEOUT(!ended->isActive(), Timeout);
    Worker *running = pool.spawn(
            workerSpec({QStringLiteral("spawn-children"), QStringLiteral("2")}));
    QVERIFY(running);
    QTRY_VERIFY_WITH_TIMEOUT(running->lastLine().contains(QStringLiteral("spawned 2 children")),
                             Timeout);

    // Nothing selected: every worker that runs, with its processes; not the one that ended.
    QModelIndex runningRow;
    QTRY_VERIFY_WITH_TIMEOUT((runningRow = processRow(*model, running)).isValid()
                                     && model->rowCount(runningRow) == 2,
                             Timeout);
    QVERIFY(!processRow(*model, ended).isValid());
    QCOMPARE(model->workerRowCount(), 1);
    QVERIFY(view->emptyTreeText().isEmpty());

    // The ended worker selected: its tree says how it ended, however many others run.
    WindowParts::table(window)->selectWorker(ended->id());
    QModelIndex endedRow;
    QTRY_VERIFY_WITH_TIMEOUT((endedRow = processRow(*model, ended)).isValid(), Timeout);
    QCOMPARE(model->workerRowCount(), 1);
    QVERIFY(endedRow.data(ProcessTreeModel::EndedRole).toBool());
    QCOMPARE(endedRow.data(ProcessTreeModel::ExitCodeRole).toInt(), 3);
    QCOMPARE(endedRow.siblingAtColumn(ProcessTreeModel::PidColumn).data().toLongLong(),
             ended->pid());
    QVERIFY(view->emptyTreeText().isEmpty());
    WindowParts::table(window)->clearSelection();
    QTRY_VERIFY_WITH_TIMEOUT(processRow(*model, running).isValid()
                                     && !processRow(*model, ended).isValid(),
                             Timeout);

    // The table's selection of one descendant: its worker's tree, that process selected, and no
    // echo back as if the user had picked it here.
    const QList<qint64> children = TestSupport::liveChildren(running->pid());
    QCOMPARE(children.size(), 2);
    QSignalSpy picked(view, &ProcessView::processSelected);
    view->setSelectedProcesses({ProcessTarget{running->id(), children.last(), false}});
    QCOMPARE(model->workerRowCount(), 1);
    const ProcessTargets selected = view->selectedProcesses();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().pid, children.last());
    QVERIFY(!selected.constFirst().isWorker);
    QCOMPARE(view->currentIndex().data(ProcessTreeModel::PidRole).toLongLong(), children.last());
    QVERIFY(picked.isEmpty());
    view->setSelectedProcesses({});
    QVERIFY(view->selectedProcesses().isEmpty());

    // Nothing runs: the tree says so, and nothing about a selection.
    QVERIFY(stopAndWait(pool));
    QTRY_COMPARE_WITH_TIMEOUT(model->workerRowCount(), 0, Timeout);
    QVERIFY2(view->emptyTreeText().contains(QStringLiteral("No worker is running")),
             qPrintable(view->emptyTreeText()));
}

void tst_ProcessView::zombieIsShownUntilReaped_data()
{
    QTest::addColumn<bool>("follow");
    QTest::newRow("sampled") << false;
    QTest::newRow("followed") << true;
}

void tst_ProcessView::zombieIsShownUntilReaped()
{
    QFETCH(bool, follow);
    Tab tab;
    Worker *worker = tab.pool.spawn(
            commandSpec({QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), ZombieScript},
                        follow));
    QVERIFY(worker);
    QCOMPARE(worker->descendants() != nullptr, follow);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().toLongLong() > 0, Timeout);
    const qint64 zombie = worker->lastLine().toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(zombie), 'Z', Timeout);
    QCOMPARE(TestSupport::parentPid(zombie), worker->pid());

    // Below its parent, the worker's program, as a zombie.
    QModelIndex row;
    QTRY_VERIFY_WITH_TIMEOUT((row = processRow(tab.model(), zombie)).isValid()
                                     && row.data(ProcessTreeModel::ZombieRole).toBool(),
                             Timeout);
    QCOMPARE(stateCell(row), ProcessTreeModel::stateText('Z'));
    QCOMPARE(row.siblingAtColumn(ProcessTreeModel::ParentPidColumn).data().toLongLong(),
             worker->pid());
    QCOMPARE(row.parent().data(ProcessTreeModel::PidRole).toLongLong(), worker->pid());
    QVERIFY(!row.data(ProcessTreeModel::OrphanRole).toBool());
    QVERIFY(!row.data(ProcessTreeModel::EndedRole).toBool());
    QVERIFY2(row.data(Qt::ToolTipRole).toString().contains(QStringLiteral("zombie")),
             qPrintable(row.data(Qt::ToolTipRole).toString()));
    // Not reaped yet, it is still a process of the system: it has its menu.
    QSignalSpy menu(&tab.view, &ProcessView::processMenuRequested);
    rightClick(tab.view, row);
    QCOMPARE(menu.size(), 1);
    QCOMPARE(menu.at(0).at(0).value<ProcessTarget>(), (ProcessTarget{worker->id(), zombie, false}));

    // Reaped: a sampled zombie leaves the tree; a followed one stays as ended, with its code.
    QVERIFY(::kill(pid_t(worker->pid()), SIGUSR1) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(zombie), '\0', Timeout);
    if (follow) {
        QTRY_VERIFY_WITH_TIMEOUT((row = processRow(tab.model(), zombie)).isValid()
                                         && row.data(ProcessTreeModel::EndedRole).toBool(),
                                 Timeout);
        QVERIFY(!row.data(ProcessTreeModel::ZombieRole).toBool());
        QCOMPARE(row.data(ProcessTreeModel::ExitCodeRole).toInt(), 7);
        QCOMPARE(stateCell(row), QStringLiteral("ended · exit 7"));
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(!processRow(tab.model(), zombie).isValid(), Timeout);
    }
    QVERIFY(TestSupport::isAlive(worker->pid()));
    QVERIFY(stopAndWait(tab.pool));
}

void tst_ProcessView::followedShortChildIsShownEndedWithItsCode()
{
    // A child of 30 ms, waited for at once: the sampler's half-second period cannot see it.
    const QString script = QStringLiteral("import os, time\n"
                                          "pid = os.fork()\n"
                                          "if pid == 0:\n"
                                          "    time.sleep(0.03)\n"
                                          "    os._exit(3)\n"
                                          "os.waitpid(pid, 0)\n"
                                          "print(pid, flush=True)\n"
                                          "time.sleep(600)\n");
    Tab tab;
    Worker *worker = tab.pool.spawn(
            commandSpec({QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), script}, true));
    QVERIFY(worker && worker->descendants());
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().toLongLong() > 0, Timeout);
    const qint64 child = worker->lastLine().toLongLong();
    QVERIFY2(TestSupport::parentPid(child) != worker->pid(), "the child is gone from /proc");

    QModelIndex row;
    // Its end may come in the tracker's next batch: first listed as running, then as ended.
    QTRY_VERIFY_WITH_TIMEOUT((row = processRow(tab.model(), child)).isValid()
                                     && row.data(ProcessTreeModel::EndedRole).toBool(),
                             Timeout);
    QCOMPARE(row.data(ProcessTreeModel::ExitCodeRole).toInt(), 3);
    QCOMPARE(stateCell(row), QStringLiteral("ended · exit 3"));
    QCOMPARE(row.parent().data(ProcessTreeModel::PidRole).toLongLong(), worker->pid());
    QCOMPARE(row.siblingAtColumn(ProcessTreeModel::ParentPidColumn).data().toLongLong(),
             worker->pid());
    QVERIFY(row.data(ProcessTreeModel::DescendantIdRole).toULongLong() > 0);
    QCOMPARE(row.siblingAtColumn(ProcessTreeModel::CpuColumn).data().toString(), QString());
    // An ended process has no menu: its PID may already be another process's.
    QSignalSpy menu(&tab.view, &ProcessView::processMenuRequested);
    rightClick(tab.view, row);
    QVERIFY(menu.isEmpty());
    rightClick(tab.view, processRow(tab.model(), worker));
    QCOMPARE(menu.size(), 1);
    // The worker's own figures are still the sampler's.
    const QModelIndex workerRow = processRow(tab.model(), worker);
    QTRY_VERIFY_WITH_TIMEOUT(workerRow.data(ProcessTreeModel::OwnResidentBytesRole).toLongLong() > 0,
                             Timeout);
    QVERIFY(stopAndWait(tab.pool));
}

void tst_ProcessView::pythonChildIsNamedAsPythonNamedIt()
{
    const QString script = QStringLiteral(
            "import multiprocessing, time\n"
            "def sub():\n"
            "    time.sleep(600)\n"
            "if __name__ == '__main__':\n"
            "    p = multiprocessing.Process(target=sub, name='Reader')\n"
            "    p.start()\n"
            "    p.join()\n");
    Tab tab;
    Worker *worker = tab.pool.spawn(
            commandSpec({QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), script}, true));
    QVERIFY(worker && worker->descendants());
    // The child, from the tracker: a real process of the worker's.
    qint64 childPid = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const DescendantTracker *tracker = worker->descendants();
                for (const quint64 id : tracker->ids()) {
                    const Descendant *process = tracker->descendant(id);
                    if (process && process->parentPid == worker->pid() && process->isAlive())
                        childPid = process->pid;
                }
                return childPid > 0;
            }(),
            Timeout);
    QCOMPARE(TestSupport::parentPid(childPid), worker->pid());
    QTRY_VERIFY_WITH_TIMEOUT(processRow(tab.model(), childPid).isValid(), Timeout);

    PythonCall start;
    start.call = QStringLiteral("start");
    start.timeUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    start.pid = worker->pid();
    start.target = childPid;
    start.name = QStringLiteral("Reader");
    worker->addPythonCalls({start});
    QTRY_COMPARE_WITH_TIMEOUT(processRow(tab.model(), childPid).data().toString(),
                              QStringLiteral("Reader (python3)"),
                              Timeout);
    // The worker's own row keeps its name.
    QVERIFY(!processRow(tab.model(), worker).data().toString().contains(QStringLiteral("Reader")));
    QVERIFY(stopAndWait(tab.pool));
}

void tst_ProcessView::followedOrphanShowsItsNewParent()
{
    // The orphan is given to the nearest subreaper: this test, which can then reap it when it
    // ends (PID 1 of this machine would not).
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
    Tab tab;
    Worker *worker = tab.pool.spawn(
            commandSpec({QStringLiteral("sh"),
                         QStringLiteral("-c"),
                         QStringLiteral("(sleep 600 &); echo ready; sleep 600")},
                        true));
    QVERIFY(worker && worker->descendants());
    QTRY_COMPARE_WITH_TIMEOUT(worker->lastLine(), QStringLiteral("ready"), Timeout);

    QModelIndex row;
    const auto findOrphan = [&] {
        const QModelIndex workerRow = processRow(tab.model(), worker);
        for (int child = 0; child < tab.model().rowCount(workerRow); ++child) {
            const QModelIndex index = tab.model().index(child, 0, workerRow);
            if (index.data(ProcessTreeModel::OrphanRole).toBool()
                && !index.data(ProcessTreeModel::EndedRole).toBool()
                && index.data(ProcessTreeModel::ParentPidRole).toLongLong() > 0) {
                row = index;
                return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(findOrphan(), Timeout);
    const qint64 orphan = row.data(ProcessTreeModel::PidRole).toLongLong();
    QVERIFY(TestSupport::isAlive(orphan));
    QCOMPARE(row.data().toString(), QStringLiteral("sleep"));
    QCOMPARE(TestSupport::parentPid(orphan), qint64(::getpid()));
    QCOMPARE(row.siblingAtColumn(ProcessTreeModel::ParentPidColumn).data().toLongLong(),
             qint64(::getpid()));
    QVERIFY2(stateCell(row).contains(QStringLiteral("orphan")), qPrintable(stateCell(row)));

    QVERIFY(stopAndWait(tab.pool));
    // Ended with the group; reaped by this test, or by Qt's own handler first.
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::processState(orphan) == '\0'
                                     || ::waitpid(pid_t(orphan), nullptr, WNOHANG) == orphan,
                             Timeout);
    QCOMPARE(TestSupport::processState(orphan), '\0');
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 0) == 0);
}

void tst_ProcessView::followedTreeStaysBounded()
{
    // 300 children that end at once: the latest MaxEndedShown listed, the rest counted.
    const int started = 300;
    Tab tab;
    Worker *worker = tab.pool.spawn(
            commandSpec({QStringLiteral("sh"),
                         QStringLiteral("-c"),
                         QStringLiteral("i=0; while [ $i -lt %1 ]; do /bin/true; i=$((i+1)); done; "
                                        "echo done; sleep 600")
                                 .arg(started)},
                        true));
    QVERIFY(worker && worker->descendants());
    QTRY_COMPARE_WITH_TIMEOUT(worker->lastLine(), QStringLiteral("done"), 60000);

    const auto counts = [&](int &ended, qint64 &hidden) {
        ended = 0;
        hidden = 0;
        const QModelIndex workerRow = processRow(tab.model(), worker);
        for (int child = 0; child < tab.model().rowCount(workerRow); ++child) {
            const QModelIndex index = tab.model().index(child, 0, workerRow);
            if (index.data(ProcessTreeModel::EndedRole).toBool())
                ++ended;
            if (index.data(ProcessTreeModel::KindRole).toInt()
                == int(ProcessTreeModel::Kind::Summary))
                hidden = index.data(ProcessTreeModel::HiddenCountRole).toLongLong();
        }
    };
    int ended = 0;
    qint64 hidden = 0;
    QTRY_VERIFY_WITH_TIMEOUT((counts(ended, hidden), ended + hidden == started), Timeout);
    QCOMPARE(ended, ProcessTreeModel::MaxEndedShown);
    QCOMPARE(hidden, qint64(started - ProcessTreeModel::MaxEndedShown));
    const QModelIndex workerRow = processRow(tab.model(), worker);
    QModelIndex summary;
    for (int child = 0; child < tab.model().rowCount(workerRow); ++child) {
        const QModelIndex index = tab.model().index(child, 0, workerRow);
        if (index.data(ProcessTreeModel::KindRole).toInt() == int(ProcessTreeModel::Kind::Summary))
            summary = index;
    }
    QCOMPARE(summary.data().toString(), QStringLiteral("+%1 more").arg(hidden));
    QCOMPARE(summary.row(), tab.model().rowCount(workerRow) - 1);
    QVERIFY(!tab.model().targetAt(summary).isValid());

    // Fewer details kept by the tracker: the forgotten ones are counted too.
    worker->descendants()->setEndedLimit(50);
    tab.model().refresh();
    counts(ended, hidden);
    QCOMPARE(ended, 50);
    QCOMPARE(hidden, qint64(started - 50));
    QVERIFY(stopAndWait(tab.pool));
}

void tst_ProcessView::selectingAndRightClickingEmitTheProcess()
{
    Tab tab;
    QVERIFY(QTest::qWaitForWindowExposed(&tab.view));
    Worker *worker = tab.pool.spawn(
            workerSpec({QStringLiteral("spawn-children"), QStringLiteral("2")}));
    QVERIFY(worker);
    QModelIndex workerRow;
    QTRY_VERIFY_WITH_TIMEOUT((workerRow = processRow(tab.model(), worker)).isValid()
                                     && tab.model().rowCount(workerRow) == 2,
                             Timeout);
    const QModelIndex childRow = tab.model().index(1, 0, workerRow);
    const qint64 child = childRow.data(ProcessTreeModel::PidRole).toLongLong();
    QCOMPARE(TestSupport::parentPid(child), worker->pid());
    QSignalSpy picked(&tab.view, &ProcessView::processSelected);
    QSignalSpy menu(&tab.view, &ProcessView::processMenuRequested);

    // A click on a descendant: its target, not the worker's.
    QTest::mouseClick(tab.view.viewport(),
                      Qt::LeftButton,
                      {},
                      tab.view.visualRect(childRow).center());
    QCOMPARE(picked.size(), 1);
    ProcessTarget target = picked.takeFirst().at(0).value<ProcessTarget>();
    QCOMPARE(target.workerId, worker->id());
    QCOMPARE(target.pid, child);
    QVERIFY(!target.isWorker);
    QCOMPARE(tab.view.selectedProcesses(), ProcessTargets{target});

    // Up a row with the keyboard: the other child; a click on the worker: the worker itself.
    QTest::keyClick(&tab.view, Qt::Key_Up);
    QCOMPARE(picked.size(), 1);
    QCOMPARE(picked.takeFirst().at(0).value<ProcessTarget>().pid,
             tab.model().index(0, 0, workerRow).data(ProcessTreeModel::PidRole).toLongLong());
    QTest::mouseClick(tab.view.viewport(),
                      Qt::LeftButton,
                      {},
                      tab.view.visualRect(workerRow).center());
    QCOMPARE(picked.size(), 1);
    target = picked.takeFirst().at(0).value<ProcessTarget>();
    QCOMPARE(target, (ProcessTarget{worker->id(), worker->pid(), true}));

    // A right-click on the child asks for its menu where the mouse is.
    const QPoint position = tab.view.visualRect(childRow).center();
    const QPoint global = tab.view.viewport()->mapToGlobal(position);
    QContextMenuEvent rightClick(QContextMenuEvent::Mouse, position, global);
    QApplication::sendEvent(tab.view.viewport(), &rightClick);
    QCOMPARE(menu.size(), 1);
    QCOMPARE(menu.at(0).at(0).value<ProcessTarget>(), (ProcessTarget{worker->id(), child, false}));
    QCOMPARE(menu.at(0).at(1).toPoint(), global);
    // The main process has no menu of this kind.
    const QPoint mainPosition = tab.view.visualRect(tab.model().index(0, 0)).center();
    QContextMenuEvent onMain(QContextMenuEvent::Mouse,
                             mainPosition,
                             tab.view.viewport()->mapToGlobal(mainPosition));
    QApplication::sendEvent(tab.view.viewport(), &onMain);
    QCOMPARE(menu.size(), 1);
    QVERIFY(stopAndWait(tab.pool));
}

void tst_ProcessView::cpuAndMemoryColumns()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    const ModelTesters testers(window);
    Worker *spinner = pool.spawn(workerSpec({QStringLiteral("spin")}));
    Worker *allocator = pool.spawn(workerSpec({QStringLiteral("alloc"), QStringLiteral("200")}));
    QVERIFY(spinner && allocator);

    // The machine is shared: the best of a few samples must show a core kept busy.
    double best = 0.0;
    QTRY_VERIFY2_WITH_TIMEOUT((best = qMax(best,
                                           sourceIndex(window, spinner, WorkerTableModel::CpuColumn)
                                                   .data(WorkerTableModel::SortRole)
                                                   .toDouble()))
                                      > 50.0,
                              qPrintable(QStringLiteral("best CPU %1 %").arg(best)),
                              Timeout);
    QVERIFY(cell(window, spinner, WorkerTableModel::CpuColumn).endsWith(QStringLiteral(" %")));
    const QList<double> history = sourceIndex(window, spinner, WorkerTableModel::CpuColumn)
                                          .data(WorkerTableModel::CpuHistoryRole)
                                          .value<QList<double>>();
    QVERIFY2(!history.isEmpty(), "the sparkline has samples to draw");

    QTRY_VERIFY_WITH_TIMEOUT(allocator->lastLine().contains(QStringLiteral("allocated 200 MB")),
                             Timeout);
    qint64 resident = 0;
    QTRY_VERIFY2_WITH_TIMEOUT((resident = sourceIndex(window,
                                                      allocator,
                                                      WorkerTableModel::MemoryColumn)
                                                  .data(WorkerTableModel::SortRole)
                                                  .toLongLong())
                                      > 190 * 1024 * 1024,
                              qPrintable(QStringLiteral("resident %1 bytes").arg(resident)),
                              Timeout);
    QVERIFY2(resident < 260 * 1024 * 1024, qPrintable(QString::number(resident)));
    const QString memory = cell(window, allocator, WorkerTableModel::MemoryColumn);
    QVERIFY2(memory.startsWith(QStringLiteral("20")) && memory.endsWith(QStringLiteral("MB")),
             qPrintable(memory));

    // Ended rows show nothing: an ended process uses nothing.
    QVERIFY(stopAndWait(pool));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, spinner, WorkerTableModel::CpuColumn),
                              QString(),
                              Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!(&session.sampler())->isSampling(), Timeout);
}

void tst_ProcessView::tableAndTreeShowTheSameMemory()
{
    // The table's model and the process tree over one sampler, as in the window.
    WorkerPool pool;
    ProcessSampler sampler(pool);
    WorkerTableModel table(pool);
    table.setSampler(&sampler);
    ProcessTreeModel tree(pool, sampler);
    QAbstractItemModelTester tableTester(&table,
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester treeTester(&tree,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
    Worker *worker = pool.spawn(workerSpec({QStringLiteral("spawn-children"), QStringLiteral("3")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().contains(QStringLiteral("spawned 3 children")),
                             Timeout);
    const auto sampled = [&tree, worker] {
        const QModelIndex row = processRow(tree, worker);
        if (!row.isValid() || tree.rowCount(row) != 3
            || row.data(ProcessTreeModel::OwnResidentBytesRole).toLongLong() <= 0)
            return false;
        for (int child = 0; child < 3; ++child) {
            if (tree.index(child, 0, row).data(ProcessTreeModel::OwnResidentBytesRole).toLongLong()
                <= 0)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sampled(), Timeout);

    // One sample, read from both before the next.
    sampler.sampleNow();
    const QModelIndex row = processRow(tree, worker);
    QVERIFY(row.isValid());
    const qint64 treeBytes = row.data(ProcessTreeModel::ResidentBytesRole).toLongLong();
    const qint64 tableBytes = sourceIndex(table, worker, WorkerTableModel::MemoryColumn)
                                      .data(WorkerTableModel::SortRole)
                                      .toLongLong();
    QCOMPARE(treeBytes, tableBytes);
    QCOMPARE(row.siblingAtColumn(ProcessTreeModel::MemoryColumn).data().toString(),
             cell(table, worker, WorkerTableModel::MemoryColumn));
    QCOMPARE(row.siblingAtColumn(ProcessTreeModel::CpuColumn).data().toString(),
             cell(table, worker, WorkerTableModel::CpuColumn));

    // The worker's row adds up the worker and the processes below it, each shown on its own row.
    qint64 children = 0;
    for (int child = 0; child < 3; ++child) {
        const QModelIndex index = tree.index(child, 0, row);
        QCOMPARE(index.data(ProcessTreeModel::ResidentBytesRole).toLongLong(),
                 index.data(ProcessTreeModel::OwnResidentBytesRole).toLongLong());
        children += index.data(ProcessTreeModel::ResidentBytesRole).toLongLong();
    }
    const qint64 own = row.data(ProcessTreeModel::OwnResidentBytesRole).toLongLong();
    QCOMPARE(treeBytes, own + children);
    const QString memoryTip
            = row.siblingAtColumn(ProcessTreeModel::MemoryColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(memoryTip.contains(WorkerTableModel::memoryText(own))
                     && memoryTip.contains(QStringLiteral("with the 3 process")),
             qPrintable(memoryTip));

    // Both headers say what they measure.
    for (const QString &tip :
         {table.headerData(WorkerTableModel::MemoryColumn, Qt::Horizontal, Qt::ToolTipRole)
                  .toString(),
          tree.headerData(ProcessTreeModel::MemoryColumn, Qt::Horizontal, Qt::ToolTipRole)
                  .toString()}) {
        QVERIFY2(tip.contains(QStringLiteral("RSS"))
                         && tip.contains(QStringLiteral("every process")),
                 qPrintable(tip));
    }
    QVERIFY(stopAndWait(pool));
}

void tst_ProcessView::pauseAndResumeThroughTheActions()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    const ModelTesters testers(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkerActions *actions = WindowParts::actions(window);
    QAction *pause = actions->action(WorkerActions::Pause);
    QAction *resume = actions->action(WorkerActions::Resume);
    QVERIFY(!pause->isEnabled() && !resume->isEnabled());
    QVERIFY2(pause->toolTip().contains(QStringLiteral("SIGSTOP")), qPrintable(pause->toolTip()));

    Worker *worker = pool.spawn(workerSpec(
            {QStringLiteral("count"), QStringLiteral("--interval-ms"), QStringLiteral("100")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut) >= 3, Timeout);
    WindowParts::table(window)->selectWorker(worker->id());
    QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), Timeout);
    QVERIFY(!resume->isEnabled());

    QTest::mouseClick(WindowParts::workerToolBar(window)->widgetForAction(pause), Qt::LeftButton);
    QCOMPARE(worker->state(), WorkerState::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, worker, WorkerTableModel::StateColumn),
                              QStringLiteral("paused"),
                              Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(worker->pid()), 'T', Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled() && !pause->isEnabled(), Timeout);
    QSignalSpy output(worker, &Worker::outputReceived);
    QVERIFY2(!output.wait(1000), "a paused worker prints nothing for a second");
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, worker, WorkerTableModel::CpuColumn),
                              QStringLiteral("0 %"),
                              Timeout);
    // The timeline marks the pause where it happened.
    const QList<TimelineGeometry::Marker> markers
            = WindowParts::timeline(window)->timelineGeometry().markers(worker->events());
    QVERIFY(std::any_of(markers.cbegin(), markers.cend(), [](const auto &marker) {
        return marker.kind == WorkerEvent::Kind::Paused && marker.signalNumber == SIGSTOP;
    }));

    QTest::mouseClick(WindowParts::workerToolBar(window)->widgetForAction(resume), Qt::LeftButton);
    QVERIFY2(output.wait(5000), "a resumed worker prints again");
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, worker, WorkerTableModel::StateColumn),
                              QStringLiteral("running"),
                              Timeout);

    // Terminate still works on a paused worker: the core wakes it to receive SIGTERM.
    QTRY_VERIFY_WITH_TIMEOUT(pause->isEnabled(), Timeout);
    pause->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(worker->pid()), 'T', Timeout);
    actions->action(WorkerActions::Terminate)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, worker, WorkerTableModel::ExitColumn),
                              QStringLiteral("-15 · SIGTERM"),
                              Timeout);
    QVERIFY(stopAndWait(pool));
}

void tst_ProcessView::signalMenuAndExitDecoder()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    const ModelTesters testers(window);
    WorkerActions *actions = WindowParts::actions(window);
    QCOMPARE(actions->signalActions().size(), 8);
    for (QAction *signal : actions->signalActions()) {
        const int number = signal->data().toInt();
        QVERIFY2(signal->text().startsWith(signalName(number)), qPrintable(signal->text()));
        QVERIFY2(signal->toolTip().contains(signalDescription(number)),
                 qPrintable(signal->toolTip()));
        QCOMPARE(signal->statusTip(), signal->toolTip());
        QVERIFY(!signal->isEnabled());
    }

    Worker *interrupted = pool.spawn(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    Worker *terminated = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    Worker *failing = pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("3")}));
    QVERIFY(interrupted && terminated && failing);
    QTRY_COMPARE_WITH_TIMEOUT(interrupted->state(), WorkerState::Running, Timeout);
    WindowParts::table(window)->selectWorker(interrupted->id());
    QAction *sigint = actions->signalAction(SIGINT);
    QTRY_VERIFY_WITH_TIMEOUT(sigint->isEnabled(), Timeout);
    sigint->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, interrupted, WorkerTableModel::ExitColumn),
                              QStringLiteral("-2 · SIGINT"),
                              Timeout);
    QCOMPARE(cell(window, interrupted, WorkerTableModel::ExitColumn, Qt::ToolTipRole),
             QStringLiteral("Python: -2 · shell: 130 · killed by SIGINT: ")
                     + signalDescription(SIGINT));

    // The three readings of a terminate, and of an exit status.
    WindowParts::table(window)->selectWorker(terminated->id());
    QTRY_VERIFY_WITH_TIMEOUT(actions->action(WorkerActions::Terminate)->isEnabled(), Timeout);
    actions->action(WorkerActions::Terminate)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!terminated->isActive(), Timeout);
    const QString explained = cell(window,
                                   terminated,
                                   WorkerTableModel::ExitColumn,
                                   Qt::ToolTipRole);
    QCOMPARE(explained,
             QStringLiteral("Python: -15 · shell: 143 · killed by SIGTERM: asked to stop; the "
                            "program could have cleaned up"));
    QTRY_VERIFY_WITH_TIMEOUT(!failing->isActive(), Timeout);
    QCOMPARE(cell(window, failing, WorkerTableModel::ExitColumn, Qt::ToolTipRole),
             QStringLiteral("Python: 3 · shell: 3 · exited with status 3"));
    QVERIFY(stopAndWait(pool));
}

void tst_ProcessView::pythonPanelAfterSpawnLesson()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    const ModelTesters testers(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PythonPanel *panel = WindowParts::pythonPanel(window);
    QVERIFY(panel->isVisible());
    QAction *toggle = WindowParts::action(window, WorkerActions::ShowPythonPanel);
    QVERIFY(toggle->isChecked());

    QAction *spawn = WindowParts::action(window, WorkerActions::SpawnLesson);
    QTest::mouseClick(WindowParts::lessonToolBar(window)->widgetForAction(spawn), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pool.count() == 4 && !pool.hasActiveWorkers(), Timeout);
    const QString expected = QStringLiteral("p1.start()  # pid %1").arg(pool.at(0)->pid());
    QTRY_VERIFY2_WITH_TIMEOUT(panel->text().contains(expected), qPrintable(panel->text()), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(panel->text().contains(QStringLiteral("p4.exitcode  # 0")), Timeout);

    auto *copy = panel->findChild<QPushButton *>(QStringLiteral("copyScriptButton"));
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), session.pythonMirror().script());

    // The script does it again: the main program's line and the four workers' lines (then the
    // exit codes it prints, as the panel's comments give them).
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("session.py"));
    QString error;
    QVERIFY2(panel->saveScript(path, &error), qPrintable(error));
    QProcess python;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PYTHONUNBUFFERED"));
    python.setProcessEnvironment(environment);
    QSignalSpy finished(&python, &QProcess::finished);
    python.start(QStringLiteral("python3"), {path});
    QVERIFY2(finished.wait(Timeout), "python3 did not finish");
    const QString printed = QString::fromUtf8(python.readAllStandardOutput());
    const QStringList lines = printed.split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                      .filter(QStringLiteral(" says: "));
    QVERIFY2(lines.size() == 5,
             qPrintable(printed + QString::fromUtf8(python.readAllStandardError())));
    QVERIFY(printed.contains(QStringLiteral("메인 프로그램")));
    QVERIFY(printed.contains(QStringLiteral("서브 프로그램 3")));
    QCOMPARE(printed.count(QStringLiteral(".exitcode = 0\n")), 4);

    toggle->trigger();
    QVERIFY(!panel->isVisible());
    QVERIFY(stopAndWait(pool));
}

void tst_ProcessView::panelsFollowTheLanguage()
{
    // The Python panel, the process tree and the worker table, each on its own, switched between
    // the two languages at run time as View → Language does: every widget gets a LanguageChange.
    WorkerPool pool;
    ProcessSampler sampler(pool);
    PythonMirror mirror(pool);
    PythonPanel panel(mirror);
    ProcessView processes(pool, sampler);
    WorkerTableView table(pool);
    QAbstractItemModelTester tester(processes.processModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester tableTester(table.model(),
                                         QAbstractItemModelTester::FailureReportingMode::Fatal);
    panel.show();
    processes.show();
    table.show();
    auto *copy = panel.findChild<QPushButton *>(QStringLiteral("copyScriptButton"));
    auto *save = panel.findChild<QPushButton *>(QStringLiteral("saveScriptButton"));
    auto *title = panel.findChild<QLabel *>(QStringLiteral("pythonTitle"));
    QVERIFY(copy && save && title);
    const auto header = [&processes](int column) {
        return processes.model()->headerData(column, Qt::Horizontal).toString();
    };
    const auto state = [&processes] {
        return processes.model()->index(0, ProcessTreeModel::StateColumn).data().toString();
    };
    const auto tableHeader = [&table] {
        return table.model()->headerData(WorkerTableModel::StateColumn, Qt::Horizontal).toString();
    };
    QSignalSpy tableHeaderChanged(table.model(), &QAbstractItemModel::headerDataChanged);

    LanguageManager languages;
    languages.setLanguage(QStringLiteral("en"));
    QCOMPARE(copy->text(), QStringLiteral("Copy script"));
    QCOMPARE(header(ProcessTreeModel::NameColumn), QStringLiteral("Process"));
    QSignalSpy headerChanged(processes.processModel(), &QAbstractItemModel::headerDataChanged);

    // The application posts the LanguageChange to each window: it arrives with the event loop.
    languages.setLanguage(QStringLiteral("ko"));
    QTRY_VERIFY_WITH_TIMEOUT(!headerChanged.isEmpty() && !tableHeaderChanged.isEmpty(), Timeout);
    for (const QString &text : {copy->text(),
                                save->text(),
                                title->text(),
                                copy->toolTip(),
                                header(ProcessTreeModel::NameColumn),
                                state(),
                                tableHeader()}) {
        QVERIFY2(hasHangul(text), qPrintable(text));
    }
    QCOMPARE(copy->text(), QCoreApplication::translate("ProcLab::PythonPanel", "Copy script"));

    headerChanged.clear();
    tableHeaderChanged.clear();
    languages.setLanguage(QStringLiteral("en"));
    QTRY_VERIFY_WITH_TIMEOUT(!headerChanged.isEmpty() && !tableHeaderChanged.isEmpty(), Timeout);
    QCOMPARE(tableHeader(), QStringLiteral("State"));
    QCOMPARE(copy->text(), QStringLiteral("Copy script"));
    QCOMPARE(save->text(), QStringLiteral("Save script…"));
    QVERIFY2(!hasHangul(title->text()), qPrintable(title->text()));
    QVERIFY2(!hasHangul(state()), qPrintable(state()));
}

void tst_ProcessView::timelineClickSelectsAndIdleWindowFiresNoTimer()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    const ModelTesters testers(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TimelineView *timeline = WindowParts::timeline(window);
    WindowParts::lowerTabs(window)->setCurrentWidget(timeline);
    auto *repaint = timeline->findChild<QTimer *>(QStringLiteral("timelineRepaint"));
    QVERIFY(repaint && !repaint->isActive());

    Worker *first = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    Worker *second = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(first && second);
    QTRY_VERIFY_WITH_TIMEOUT(second->state() == WorkerState::Running, Timeout);
    QVERIFY2(repaint->isActive(), "workers run and the timeline is shown: the now line moves");

    const TimelineGeometry &geometry = timeline->timelineGeometry();
    const int y = geometry.laneTop(2) + geometry.laneHeight() / 2;
    QTest::mouseClick(timeline->viewport(),
                      Qt::LeftButton,
                      {},
                      QPoint(geometry.laneArea().left() + 5, y));
    QCOMPARE(WindowParts::table(window)->selectedWorkerIds(), QSet<int>{second->id()});

    // Hidden, the timeline does not repaint; shown again, it does.
    WindowParts::lowerTabs(window)->setCurrentWidget(WindowParts::processView(window));
    QVERIFY(!repaint->isActive());
    WindowParts::lowerTabs(window)->setCurrentWidget(timeline);
    QVERIFY(repaint->isActive());

    QVERIFY(stopAndWait(pool));
    QTRY_VERIFY2_WITH_TIMEOUT(!repaint->isActive() && !(&session.sampler())->isSampling(),
                              "nothing runs: no timer of ours fires",
                              Timeout);
    const auto running = window.findChild<QTimer *>(QStringLiteral("runningTimeRepaint"));
    QVERIFY(running && !running->isActive());
}

QTEST_MAIN(tst_ProcessView)

#include "tst_processview.moc"
