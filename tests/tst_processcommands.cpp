// The window's two ways to stop, driven as a learner would: "Terminate This Process" (SIGTERM to
// one PID, like Python's Process.terminate()) and "Stop Whole Tree" (the group, grace, then
// SIGKILL), from the toolbar, the Workers menu and the process menu, on a followed shell and its
// children, checked in /proc.
#include "descendanttracker.h"
#include "mainwindow.h"
#include "session.h"
#include "testsupport.h"
#include "windowparts.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

#include <csignal>

using namespace ProcLab;

namespace {

constexpr int Timeout = 15000;

void clickToolButton(QToolBar *toolBar, QAction *action)
{
    QWidget *button = toolBar->widgetForAction(action);
    QVERIFY2(button && button->isVisible(), qPrintable(action->objectName()));
    QVERIFY2(button->isEnabled(), qPrintable(action->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

void clickMenuEntry(QMenu *menu, QAction *action)
{
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), Timeout);
    const QRect entry = menu->actionGeometry(action);
    QVERIFY2(entry.isValid(), qPrintable(action->objectName()));
    QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
    QTest::mouseClick(menu, Qt::LeftButton, {}, entry.center());
}

// The program's children once each has exec'd `name`.
QList<qint64> liveChildrenNamed(const Worker &worker, const QString &name)
{
    QList<qint64> pids;
    const DescendantTracker *tree = worker.descendants();
    for (const quint64 id : tree->ids()) {
        const Descendant *entry = tree->descendant(id);
        if (entry->parentId != 0 && entry->isAlive() && entry->name() == name)
            pids.append(entry->pid);
    }
    return pids;
}

} // namespace

class tst_ProcessCommands final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void oneProcessThenTheWholeTree();
    void theProcessMenuOffersBothSignalTargets();
    void closingStopsTheOrphansAndSaysSo();
};

void tst_ProcessCommands::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QFile::encodeName(TestSupport::workerProgram()));
}

void tst_ProcessCommands::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

void tst_ProcessCommands::oneProcessThenTheWholeTree()
{
    Session session(TestSupport::workerProgram());
    session.setGracePeriod(std::chrono::seconds(5));
    MainWindow window(session, LaunchOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkerActions *actions = WindowParts::actions(window);
    QAction *terminateProcess = actions->action(WorkerActions::TerminateProcess);
    QAction *stopTree = actions->action(WorkerActions::Terminate);
    // The two are told apart by their words, not only by their icons.
    QVERIFY(terminateProcess->text() != stopTree->text());
    QVERIFY2(terminateProcess->toolTip().contains(QStringLiteral("terminate()")),
             qPrintable(terminateProcess->toolTip()));
    QVERIFY2(stopTree->toolTip().contains(QStringLiteral("group")), qPrintable(stopTree->toolTip()));

    Worker *worker = session.runCommand({QStringLiteral("sh"),
                                         QStringLiteral("-c"),
                                         QStringLiteral("sleep 30 & sleep 30 & wait")});
    QVERIFY(worker && worker->descendants());
    QTRY_COMPARE_WITH_TIMEOUT(liveChildrenNamed(*worker, QStringLiteral("sleep")).size(),
                              2,
                              Timeout);
    const QList<qint64> children = liveChildrenNamed(*worker, QStringLiteral("sleep"));
    const qint64 pid = worker->pid();
    QVERIFY(!terminateProcess->isEnabled());

    // The worker's row: Terminate This Process on the toolbar reaches the program alone.
    WindowParts::table(window)->selectWorker(worker->id());
    QTRY_VERIFY_WITH_TIMEOUT(terminateProcess->isEnabled(), Timeout);
    QVERIFY(stopTree->isEnabled());
    clickToolButton(WindowParts::workerToolBar(window), terminateProcess);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(0), -15);
    QCOMPARE(worker->exitInfo().reason, ExitInfo::Reason::TerminatedOnRequest);
    QVERIFY(!TestSupport::isAlive(pid));
    // Its children live on, as orphans, and the tree can still be stopped.
    QVERIFY(worker->hasOrphans());
    for (const qint64 child : children)
        QVERIFY2(TestSupport::isAlive(child), qPrintable(QString::number(child)));
    QTRY_VERIFY_WITH_TIMEOUT(!terminateProcess->isEnabled(), Timeout); // the program has ended
    QVERIFY(stopTree->isEnabled());
    QVERIFY(!actions->action(WorkerActions::ClearFinished)->isEnabled());

    // Stop Whole Tree: the orphans end too, and the run is over.
    QSignalSpy finished(&session, &Session::finished);
    clickToolButton(WindowParts::workerToolBar(window), stopTree);
    QVERIFY(finished.wait(Timeout));
    for (const qint64 child : children)
        QVERIFY2(!TestSupport::isAlive(child), qPrintable(QString::number(child)));
    QVERIFY(!worker->hasLiveProcesses());
    QTRY_VERIFY_WITH_TIMEOUT(!stopTree->isEnabled(), Timeout);
}

// A worker's program has ended and left two children running: closing the window stops them,
// and the status bar says it is the orphans it stops, not "0 workers".
void tst_ProcessCommands::closingStopsTheOrphansAndSaysSo()
{
    Session session(TestSupport::workerProgram());
    MainWindow window(session, LaunchOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Worker *worker = session.runCommand({QStringLiteral("sh"),
                                         QStringLiteral("-c"),
                                         QStringLiteral("sleep 30 & sleep 31 & exit 0")});
    QVERIFY(worker && worker->descendants());
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive() && worker->orphanCount() == 2, Timeout);
    const QList<qint64> orphans = liveChildrenNamed(*worker, QStringLiteral("sleep"));
    QCOMPARE(orphans.size(), 2);

    QSignalSpy finished(&session, &Session::finished);
    window.close();
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Stopping 2 orphans…"));
    QVERIFY(finished.wait(Timeout));
    for (const qint64 orphan : orphans)
        QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(orphan), Timeout);
}

void tst_ProcessCommands::theProcessMenuOffersBothSignalTargets()
{
    Session session(TestSupport::workerProgram());
    MainWindow window(session, LaunchOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkerActions *actions = WindowParts::actions(window);
    QMenu *menu = actions->processMenu();
    QVERIFY(menu);

    Worker *worker = session.runCommand({QStringLiteral("sh"),
                                         QStringLiteral("-c"),
                                         QStringLiteral("sleep 30 & sleep 30 & sleep 30 & wait")});
    QVERIFY(worker && worker->descendants());
    QTRY_COMPARE_WITH_TIMEOUT(liveChildrenNamed(*worker, QStringLiteral("sleep")).size(),
                              3,
                              Timeout);
    const QList<qint64> children = liveChildrenNamed(*worker, QStringLiteral("sleep"));
    const qint64 target = children.first();
    const qint64 sibling = children.at(1);
    const qint64 last = children.at(2);

    // The Processes tab's right-click on a child, with nothing selected in the table: the menu's
    // commands apply to that child.
    QVERIFY(WindowParts::table(window)->selectedProcesses().isEmpty());
    actions->popUpProcessMenu(ProcessTarget{worker->id(), target, false},
                              window.mapToGlobal(window.rect().center()));
    QAction *terminateProcess = actions->action(WorkerActions::TerminateProcess);
    QVERIFY(terminateProcess->isEnabled());
    clickMenuEntry(menu, terminateProcess);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(target), Timeout);
    const Descendant *ended = nullptr;
    for (const quint64 id : worker->descendants()->ids()) {
        if (worker->descendants()->descendant(id)->pid == target)
            ended = worker->descendants()->descendant(id);
    }
    QVERIFY(ended);
    QTRY_COMPARE_WITH_TIMEOUT(ended->exitInfo.pythonExitCode().value_or(0), -15, Timeout);
    QVERIFY(TestSupport::isAlive(sibling));
    QVERIFY(TestSupport::isAlive(worker->pid()));
    // Once done, the commands are the selection's again: nothing is selected.
    QTRY_VERIFY_WITH_TIMEOUT(!terminateProcess->isEnabled(), Timeout);

    // A process that has ended: its menu offers nothing to send it, and a late command is
    // refused in the status bar.
    actions->popUpProcessMenu(ProcessTarget{worker->id(), target, false},
                              window.mapToGlobal(window.rect().center()));
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), Timeout);
    QVERIFY(!terminateProcess->isEnabled());
    QVERIFY(!actions->processSignalAction(SIGUSR1)->isEnabled());
    QVERIFY(actions->signalAction(SIGUSR1)->isEnabled()); // its tree runs
    QSignalSpy refused(&session, &Session::refused);
    actions->processSignalAction(SIGUSR1)->setEnabled(true);
    actions->processSignalAction(SIGUSR1)->trigger();
    QCOMPARE(refused.size(), 1);
    QVERIFY2(window.statusBar()->currentMessage().contains(QString::number(target)),
             qPrintable(window.statusBar()->currentMessage()));
    menu->close();

    // Send Signal to This Process on the sibling, through its submenu: SIGKILL to it alone.
    actions->popUpProcessMenu(ProcessTarget{worker->id(), sibling, false},
                              window.mapToGlobal(window.rect().center()));
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), Timeout);
    auto *processSignals = menu->findChild<QMenu *>(QStringLiteral("processMenuProcessSignals"));
    QVERIFY(processSignals);
    QVERIFY(menu->findChild<QMenu *>(QStringLiteral("processMenuTreeSignals")));
    QTest::mouseClick(menu,
                      Qt::LeftButton,
                      {},
                      menu->actionGeometry(processSignals->menuAction()).center());
    clickMenuEntry(processSignals, actions->processSignalAction(SIGKILL));
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(sibling), Timeout);
    QVERIFY(TestSupport::isAlive(last));
    QVERIFY(TestSupport::isAlive(worker->pid()));
    QCOMPARE(worker->state(), WorkerState::Running);

    // The whole tree from the table's selection: the program, whose children are gone.
    WindowParts::table(window)->selectWorker(worker->id());
    QAction *stopTree = actions->action(WorkerActions::Terminate);
    QTRY_VERIFY_WITH_TIMEOUT(stopTree->isEnabled(), Timeout);
    stopTree->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!worker->hasLiveProcesses(), Timeout);
    QVERIFY(!TestSupport::isAlive(worker->pid()));
    QVERIFY(!TestSupport::isAlive(last));
}

QTEST_MAIN(tst_ProcessCommands)

#include "tst_processcommands.moc"
