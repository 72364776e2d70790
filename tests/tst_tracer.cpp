#include "descendanttracker.h"
#include "testsupport.h"
#include "traceeventreader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ProcLab;

namespace {

// One program run under `proclab-worker trace`, as Worker will run it: the tracer leads a group
// of its own and dies with us, the channel is a close-on-exec pipe whose write end only the
// tracer inherits, its events go through TraceEventReader into a DescendantTracker.
class TracedRun final
{
public:
    // prefix: run the tracer through it (setpriv …); environment: extra NAME=value pairs.
    explicit TracedRun(const QStringList &program,
                       const QStringList &environment = {},
                       const QStringList &prefix = {})
    {
        QObject::connect(&reader, &TraceEventReader::eventsReceived, &tracker, [this](auto events) {
            all += events;
            tracker.apply(events);
        });
        QObject::connect(&reader, &TraceEventReader::finished, &tracker, [this] {
            tracker.finishChannel();
        });
        TraceEventReader::Channel channel = TraceEventReader::openChannel();
        if (!channel.isValid())
            return;
        const int writeFd = channel.writeFd;
        QStringList arguments = prefix;
        arguments << TestSupport::workerProgram() << QStringLiteral("trace")
                  << QStringLiteral("--events-fd") << QString::number(writeFd)
                  << QStringLiteral("--") << program;
        process.setProgram(arguments.takeFirst());
        process.setArguments(arguments);
        process.setStandardInputFile(QProcess::nullDevice());
        QProcessEnvironment processEnvironment = QProcessEnvironment::systemEnvironment();
        for (const QString &assignment : environment)
            processEnvironment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        process.setProcessEnvironment(processEnvironment);
        const pid_t monitor = ::getpid();
        process.setChildProcessModifier([writeFd, monitor] {
            ::setpgid(0, 0);
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != monitor)
                ::_exit(127);
            TraceEventReader::allowInheritance(writeFd);
        });
        char target[64] = {};
        const QByteArray link = "/proc/self/fd/" + QByteArray::number(channel.readFd);
        if (::readlink(link.constData(), target, sizeof target - 1) > 0)
            channelName = QString::fromLatin1(target);
        reader.start(channel.readFd);
        process.start();
        TraceEventReader::closeDescriptor(channel.writeFd);
    }

    ~TracedRun()
    {
        if (process.state() != QProcess::NotRunning) {
            ::kill(pid_t(process.processId()), SIGKILL);
            process.waitForFinished(5000);
        }
    }

    // The tracer exited and its channel was read to the end.
    bool waitForEnd(int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()
               && (process.state() != QProcess::NotRunning || !reader.isFinished()))
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        output += process.readAllStandardOutput();
        return process.state() == QProcess::NotRunning && reader.isFinished();
    }

    // Python's reading of the tracer's own end: the exit code, or minus the signal.
    int tracerExitCode() const
    {
        return process.exitStatus() == QProcess::CrashExit ? -process.exitCode()
                                                           : process.exitCode();
    }

    bool waitForOutput(const QByteArray &fragment, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            output += process.readAllStandardOutput();
            if (output.contains(fragment))
                return true;
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        }
    }

    QList<const Descendant *> descendants() const
    {
        QList<const Descendant *> result;
        for (const quint64 id : tracker.ids())
            result.append(tracker.descendant(id));
        return result;
    }

    QList<const Descendant *> childrenOf(const Descendant *parent) const
    {
        QList<const Descendant *> result;
        for (const Descendant *entry : descendants()) {
            if (parent && entry->parentId == parent->id)
                result.append(entry);
        }
        return result;
    }

    // The last process whose argv holds the fragment (after its exec).
    const Descendant *running(const QString &fragment) const
    {
        const Descendant *found = nullptr;
        for (const Descendant *entry : descendants()) {
            if (entry->execCount > 0 && entry->arguments.join(u' ').contains(fragment))
                found = entry;
        }
        return found;
    }

    QList<qint64> alivePids() const
    {
        QList<qint64> pids;
        for (const Descendant *entry : descendants()) {
            if (entry->isAlive())
                pids.append(entry->pid);
        }
        return pids;
    }

    QProcess process;
    TraceEventReader reader;
    DescendantTracker tracker;
    QList<TraceEvent> all;
    QByteArray output;
    QString channelName; // "pipe:[inode]"
};

QString describe(const QList<const Descendant *> &entries)
{
    QStringList lines;
    for (const Descendant *entry : entries) {
        lines.append(QStringLiteral("%1 (parent %2) %3 state %4 exit %5")
                             .arg(entry->pid)
                             .arg(entry->parentPid)
                             .arg(entry->arguments.join(u' '))
                             .arg(int(entry->state))
                             .arg(entry->exitInfo.shortText()));
    }
    return lines.join(u'\n');
}

bool isRoot()
{
    return ::geteuid() == 0;
}

QStringList unprivileged()
{
    return {QStringLiteral("setpriv"),
            QStringLiteral("--reuid=65534"),
            QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"),
            QStringLiteral("--")};
}

} // namespace

// The tracer (`proclab-worker trace`) with real programs, read through the core's reader into the
// model of descendants, and checked against /proc.
class tst_Tracer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void subshellsExitWithTheirOwnCodes();
    void subshellsAsAnUnprivilegedUser();
    void seesTwoHundredShortChildren();
    void followsChildrenOfChildrenToAnyDepth();
    void seesAnOrphanAsOrphan();
    void seesAZombie();
    void theParentStillReapsItsZombie();
    void exitsTheWayTheProgramDid_data();
    void exitsTheWayTheProgramDid();
    void sigtermToTheGroupReadsMinus15AndLeavesNoSurvivor();
    void outlivesSigtermInTheProgramsGroup();
    void pauseAndResumeReallyStopTheTree();
    void killingTheMonitorLeavesNothingAlive();
    void straceWorksUnderTheTracer();
    void fallsBackWhenPtraceIsRefused();
    void theProgramDoesNotInheritTheChannel();
    void followsAProgramThatClosesAllItsDescriptors();
    void seesAThousandForksInASecond();
    void followsForksFromThreadsButNotThreads();
    void seesVforkAndPosixSpawn();
    void seesAnExecFromAThread();
    void reportsLostPrivilegesOfASetuidProgram();
    void tutorialExample1ShowsFourChildrenExitingZero();
    void tutorialExample2ShowsTheChildTerminatedAfterFiveSeconds();

private:
    QString writeScript(const QString &name, const QByteArray &text);

    QString m_python;
    QTemporaryDir m_scripts;
};

void tst_Tracer::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
    QVERIFY(m_scripts.isValid());
    // The interpreter itself, not a pyenv shim: the shim's shell scripts would be followed too,
    // and would slow every test down.
    QProcess probe;
    probe.start(QStringLiteral("python3"),
                {QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)")});
    if (probe.waitForFinished(30000) && probe.exitCode() == 0)
        m_python = QString::fromLocal8Bit(probe.readAllStandardOutput().trimmed());
}

void tst_Tracer::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

QString tst_Tracer::writeScript(const QString &name, const QByteArray &text)
{
    const QString path = m_scripts.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QString();
    file.setPermissions(file.permissions() | QFile::ReadOther | QFile::ReadGroup);
    ::chmod(QFile::encodeName(m_scripts.path()).constData(), 0755);
    return path;
}

void tst_Tracer::subshellsExitWithTheirOwnCodes()
{
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("(exit 3) & (exit 4) & wait")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 0);
    const Descendant *root = run.tracker.root();
    QVERIFY(root);
    QCOMPARE(root->arguments.first(), QStringLiteral("sh"));
    QCOMPARE(root->exitInfo.pythonExitCode().value_or(-1), 0);
    const QList<const Descendant *> children = run.childrenOf(root);
    QVERIFY2(children.size() == 2, qPrintable(describe(run.descendants())));
    QList<int> codes;
    for (const Descendant *child : children) {
        QCOMPARE(child->parentPid, root->pid);
        QCOMPARE(int(child->origin), int(ProcessOrigin::Fork));
        QCOMPARE(child->execCount, 0);
        QCOMPARE(child->arguments, root->arguments); // a forked shell runs its parent's program
        QCOMPARE(int(child->state), int(DescendantState::Ended));
        QVERIFY(child->endTimeUs >= child->startTimeUs);
        codes.append(child->exitInfo.pythonExitCode().value_or(-1));
    }
    std::sort(codes.begin(), codes.end());
    QCOMPARE(codes, (QList<int>{3, 4}));
    QCOMPARE(run.tracker.tracerEndStatus(), 0);
    QCOMPARE(run.reader.parser().invalidRecordCount(), 0);
    QCOMPARE(run.tracker.unmatchedEventCount(), 0);
}

void tst_Tracer::subshellsAsAnUnprivilegedUser()
{
    if (!isRoot())
        QSKIP("already unprivileged: subshellsExitWithTheirOwnCodes covers it");
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("setpriv is not installed");
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("(exit 3) & (exit 4) & wait; id -u")},
                  {},
                  unprivileged());
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 0);
    QCOMPARE(run.output.trimmed(), QByteArray("65534"));
    QVERIFY2(!run.tracker.isApproximate(), "an unprivileged user may trace their own children");
    QList<int> codes;
    for (const Descendant *child : run.childrenOf(run.tracker.root())) {
        if (child->execCount == 0)
            codes.append(child->exitInfo.pythonExitCode().value_or(-1));
    }
    std::sort(codes.begin(), codes.end());
    QCOMPARE(codes, (QList<int>{3, 4}));
}

void tst_Tracer::seesTwoHundredShortChildren()
{
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("for i in $(seq 200); do sleep 0.001 & done; wait")});
    QVERIFY(run.waitForEnd(60000));
    QCOMPARE(run.tracerExitCode(), 0);
    int sleeps = 0;
    for (const Descendant *entry : run.descendants()) {
        if (entry->name() == QLatin1String("sleep")) {
            ++sleeps;
            QCOMPARE(entry->exitInfo.pythonExitCode().value_or(-1), 0);
            QCOMPARE(entry->arguments, (QStringList{"sleep", "0.001"}));
        }
    }
    QCOMPARE(sleeps, 200);
}

void tst_Tracer::followsChildrenOfChildrenToAnyDepth()
{
    // Each ( ) is a forked subshell inside the last: a chain 12 deep, the last exits 7.
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("d() { if [ $1 -gt 0 ]; then (d $(($1 - 1))); exit $?; fi; "
                                  "exit 7; }; d 12")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 7);
    int depth = 0;
    const Descendant *entry = run.tracker.root();
    while (entry) {
        const QList<const Descendant *> children = run.childrenOf(entry);
        if (children.isEmpty())
            break;
        QCOMPARE(children.size(), 1);
        QCOMPARE(children.first()->parentPid, entry->pid);
        entry = children.first();
        ++depth;
    }
    QVERIFY2(depth == 12, qPrintable(describe(run.descendants())));
    QCOMPARE(entry->exitInfo.pythonExitCode().value_or(-1), 7);
}

void tst_Tracer::seesAnOrphanAsOrphan()
{
    // The subshell outlives the shell that started it, then ends by itself with 6.
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("(read line < /dev/null; sleep 1; exit 6) & echo started $!")});
    const Descendant *root = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((root = run.tracker.root()) && !root->isAlive(), 10000);
    QCOMPARE(root->exitInfo.pythonExitCode().value_or(-1), 0);
    QVERIFY(run.waitForOutput("started"));
    QVERIFY2(run.process.state() == QProcess::Running,
             "the tracer must follow the orphan after the program ended");
    const QList<const Descendant *> children = run.childrenOf(root);
    QCOMPARE(children.size(), 1);
    const quint64 orphanId = children.first()->id;
    const auto orphan = [&run, orphanId] {
        return run.tracker.descendant(orphanId);
    };
    QVERIFY(orphan()->orphan);
    // The PPID it was given, as /proc has it (init, or the nearest subreaper).
    QTRY_VERIFY_WITH_TIMEOUT(orphan()->reparentedTo != 0 || !orphan()->isAlive(), 5000);
    if (orphan()->isAlive()) {
        QCOMPARE(orphan()->reparentedTo, TestSupport::parentPid(orphan()->pid));
        QVERIFY(orphan()->reparentedTo != root->pid);
    }
    QVERIFY(run.waitForEnd());
    QCOMPARE(orphan()->exitInfo.pythonExitCode().value_or(-1), 6);
    QCOMPARE(run.tracerExitCode(), 0); // the tracer ends as the program did, not as the orphan
    QCOMPARE(run.tracker.summary().orphans, 1);
}

void tst_Tracer::seesAZombie()
{
    // sleep never reaps the subshell that the shell started before becoming sleep.
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("(exit 3) & exec sleep 30")});
    const Descendant *child = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(run.tracker.root()
                                     && (child = run.childrenOf(run.tracker.root()).value(0))
                                     && child->state == DescendantState::Zombie,
                             10000);
    QCOMPARE(TestSupport::processState(child->pid), 'Z');
    QCOMPARE(child->exitInfo.pythonExitCode().value_or(-1), 3);
    QVERIFY(!child->isAlive());
    QCOMPARE(run.tracker.summary().zombies, 1);
    QVERIFY(run.tracker.root()->isAlive());
    QCOMPARE(run.tracker.root()->arguments.first(), QStringLiteral("sleep"));

    ::kill(-pid_t(run.tracker.root()->pid), SIGTERM);
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), -SIGTERM);
}

void tst_Tracer::theParentStillReapsItsZombie()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    // The parent reaps its child a second after it ended: a zombie until then, and gone after.
    // Tracing must not keep the real parent from reaping.
    TracedRun run(
            {m_python,
             QStringLiteral("-c"),
             QStringLiteral("import os, sys, time\n"
                            "pid = os.fork()\n"
                            "if pid == 0: os._exit(3)\n"
                            "time.sleep(1)\n"
                            "print('reaped', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))\n"
                            "sys.stdout.flush(); time.sleep(30)")});
    const Descendant *child = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(run.tracker.root()
                                     && (child = run.childrenOf(run.tracker.root()).value(0))
                                     && child->state == DescendantState::Zombie,
                             10000);
    const qint64 pid = child->pid;
    QVERIFY(run.waitForOutput("reaped 3"));
    QTRY_COMPARE_WITH_TIMEOUT(int(child->state), int(DescendantState::Ended), 5000);
    QCOMPARE(TestSupport::processState(pid), char(0));
    QCOMPARE(child->exitInfo.pythonExitCode().value_or(-1), 3);
    ::kill(-pid_t(run.tracker.root()->pid), SIGTERM);
    QVERIFY(run.waitForEnd());
}

void tst_Tracer::exitsTheWayTheProgramDid_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("expected");
    QTest::newRow("0") << "exit 0" << 0;
    QTest::newRow("3") << "exit 3" << 3;
    QTest::newRow("255") << "exit 255" << 255;
    QTest::newRow("SIGTERM") << "kill -TERM $$" << -SIGTERM;
    QTest::newRow("SIGKILL") << "kill -KILL $$" << -SIGKILL;
    QTest::newRow("SIGSEGV") << "ulimit -c 0; kill -SEGV $$" << -SIGSEGV;
}

void tst_Tracer::exitsTheWayTheProgramDid()
{
    QFETCH(QString, script);
    QFETCH(int, expected);
    TracedRun run({QStringLiteral("sh"), QStringLiteral("-c"), script});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), expected);
    QCOMPARE(run.tracker.root()->exitInfo.pythonExitCode().value_or(-1000), expected);
    QCOMPARE(run.tracker.tracerEndStatus(), run.tracker.root()->waitStatus);
}

void tst_Tracer::sigtermToTheGroupReadsMinus15AndLeavesNoSurvivor()
{
    TracedRun run(
            {TestSupport::workerProgram(), QStringLiteral("spawn-children"), QStringLiteral("3")});
    QVERIFY(run.waitForOutput("spawned 3 children"));
    QTRY_COMPARE_WITH_TIMEOUT(run.alivePids().size(), 4, 5000);
    const QList<qint64> pids = run.alivePids();
    const qint64 group = run.tracker.root()->pid;
    // The program leads its own group, as untraced; the tracer is not in it.
    QCOMPARE(::getpgid(pid_t(group)), pid_t(group));
    QVERIFY(::getpgid(pid_t(run.process.processId())) != pid_t(group));
    for (const qint64 pid : pids)
        QCOMPARE(::getpgid(pid_t(pid)), pid_t(group));

    QCOMPARE(::kill(-pid_t(group), SIGTERM), 0);
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), -SIGTERM);
    for (const Descendant *entry : run.descendants()) {
        QCOMPARE(entry->exitInfo.pythonExitCode().value_or(0), -SIGTERM);
        QCOMPARE(entry->exitInfo.shellExitCode().value_or(0), 128 + SIGTERM);
        QCOMPARE(entry->exitInfo.shortText(), QStringLiteral("-15 · SIGTERM"));
    }
    for (const qint64 pid : pids)
        QVERIFY2(!TestSupport::isAlive(pid), qPrintable(QString::number(pid)));
    QVERIFY(!TestSupport::isAlive(run.process.processId()));
}

void tst_Tracer::outlivesSigtermInTheProgramsGroup()
{
    // Started by a shell that leads the group, the tracer shares it with the program: a SIGTERM
    // to the group reaches both. The program must die of that SIGTERM, not of the SIGKILL that
    // PTRACE_O_EXITKILL would send had the tracer died first.
    // The shell outlives the signals (a trap's handler is reset at exec, unlike an ignored
    // signal), so that the tracer's parent does not die, which would kill it too.
    const QString script = QStringLiteral("trap : TERM INT HUP USR1; \"$0\" trace --events-fd 9 -- "
                                          "\"$0\" ignore-term 9>&1 & wait; wait; wait; wait; wait");
    QProcess shell;
    shell.setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    shell.start(QStringLiteral("sh"), {QStringLiteral("-c"), script, TestSupport::workerProgram()});
    QVERIFY(shell.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += shell.readAllStandardOutput()).contains("ignoring SIGTERM"),
                             10000);
    QVERIFY(output.contains("hello\t"));
    // ignore-term ignores SIGTERM: kill the group after the SIGTERM, as escalation does.
    const pid_t group = pid_t(shell.processId());
    // One at a time: pending together, they would be taken lowest number first, and SIGUSR1
    // would end the program before it took SIGTERM.
    for (const int signalNumber : {SIGTERM, SIGINT, SIGHUP}) {
        QCOMPARE(::kill(-group, signalNumber), 0);
        const QRegularExpression received(
                QStringLiteral("signal\t\\d+\t\\d+\t%1\n").arg(signalNumber));
        QTRY_VERIFY_WITH_TIMEOUT(QString::fromLatin1(output += shell.readAllStandardOutput())
                                         .contains(received),
                                 10000);
    }
    QCOMPARE(::kill(-group, SIGUSR1), 0);
    // The program is still there, followed: SIGUSR1 kills it (its default action), reported
    // as such, so the tracer outlived four signals.
    QTRY_VERIFY_WITH_TIMEOUT((output += shell.readAllStandardOutput()).contains("end\t"), 10000);
    QVERIFY2(shell.state() == QProcess::NotRunning || shell.waitForFinished(5000),
             output.constData());
    const QList<QByteArray> lines = output.split('\n');
    QByteArray exitLine;
    for (const QByteArray &line : lines) {
        if (line.startsWith("exit\t"))
            exitLine = line;
    }
    const QList<QByteArray> fields = exitLine.split('\t');
    QCOMPARE(fields.size(), 4);
    const int status = fields.at(3).toInt();
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1, exitLine.constData());
    QVERIFY(output.contains("signal\t"));
}

void tst_Tracer::pauseAndResumeReallyStopTheTree()
{
    // Two counting processes: the program and a child of it.
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("\"$0\" count --interval-ms 20 --label child & exec \"$0\" "
                                  "count --interval-ms 20 --label root"),
                   TestSupport::workerProgram()});
    QVERIFY(run.waitForOutput("Number 2 of"));
    QTRY_COMPARE_WITH_TIMEOUT(run.alivePids().size(), 2, 5000);
    const QList<qint64> pids = run.alivePids();
    const qint64 group = run.tracker.root()->pid;

    QCOMPARE(::kill(-pid_t(group), SIGSTOP), 0);
    // Stopped in /proc: 'T', or 't' for a traced process in its group-stop.
    const auto allStopped = [&pids] {
        for (const qint64 pid : pids) {
            const char state = TestSupport::processState(pid);
            if (state != 'T' && state != 't')
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allStopped(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(run.descendants().size() == 2
                                     && run.descendants().at(0)->state == DescendantState::Stopped
                                     && run.descendants().at(1)->state == DescendantState::Stopped,
                             5000);
    run.output += run.process.readAllStandardOutput();
    const qsizetype stoppedAt = run.output.size();
    QVERIFY(allStopped());
    // The tracer itself is not paused: it saw the group-stop and reported it.
    const char tracerState = TestSupport::processState(run.process.processId());
    QVERIFY2(tracerState == 'S' || tracerState == 'R',
             qPrintable(QString(QLatin1Char(tracerState))));

    QCOMPARE(::kill(-pid_t(group), SIGCONT), 0);
    QTRY_VERIFY_WITH_TIMEOUT(run.descendants().at(0)->state == DescendantState::Running
                                     && run.descendants().at(1)->state == DescendantState::Running,
                             5000);
    QVERIFY(run.waitForOutput("Number 10 of"));
    QVERIFY(run.output.size() > stoppedAt);
    for (const qint64 pid : pids) {
        const char state = TestSupport::processState(pid);
        QVERIFY2(state == 'S' || state == 'R', qPrintable(QString(QLatin1Char(state))));
    }

    ::kill(-pid_t(group), SIGTERM);
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), -SIGTERM);
}

void tst_Tracer::killingTheMonitorLeavesNothingAlive()
{
    // The shell stands for ProcLab: the tracer is its child, and dies with it (PR_SET_PDEATHSIG);
    // the kernel then kills every traced process (PTRACE_O_EXITKILL), even one that left the
    // program's group.
    QProcess monitor;
    monitor.setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    monitor.start(QStringLiteral("sh"),
                  {QStringLiteral("-c"),
                   QStringLiteral("\"$0\" trace -- sh -c '\"$0\" escape & exec \"$0\" "
                                  "spawn-children 3' \"$0\" & wait"),
                   TestSupport::workerProgram()});
    QVERIFY(monitor.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += monitor.readAllStandardOutput()).contains("spawned 3")
                                     && output.contains("escaped"),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT((output += monitor.readAllStandardOutput()).contains("let child"),
                             10000);
    // Two parents, three children, and one that left the group (setsid).
    QSet<qint64> found;
    static const QRegularExpression number(QStringLiteral("(?:child|parent|escaped) (\\d+)"));
    for (auto match = number.globalMatch(QString::fromLatin1(output)); match.hasNext();)
        found.insert(match.next().captured(1).toLongLong());
    QList<qint64> pids(found.cbegin(), found.cend());
    QCOMPARE(pids.size(), 6);
    const QList<qint64> tracers = TestSupport::liveChildren(monitor.processId());
    QCOMPARE(tracers.size(), 1);
    pids.append(tracers);
    for (const qint64 pid : std::as_const(pids))
        QVERIFY(TestSupport::isAlive(pid));

    QCOMPARE(::kill(pid_t(monitor.processId()), SIGKILL), 0);
    QVERIFY(monitor.waitForFinished(5000));
    for (const qint64 pid : std::as_const(pids)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 survived").arg(pid)),
                                  5000);
    }
}

void tst_Tracer::straceWorksUnderTheTracer()
{
    const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
    if (strace.isEmpty())
        QSKIP("strace is not installed (apt-get install strace)");
    QTemporaryDir directory;
    const QString log = directory.filePath(QStringLiteral("strace.log"));
    TracedRun run({strace,
                   QStringLiteral("-f"),
                   QStringLiteral("-o"),
                   log,
                   QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("(exit 3); echo done $?")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 0);
    QCOMPARE(run.output.trimmed(), QByteArray("done 3"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray traced = file.readAll();
    // strace's own report of the subshell's end: its "exit_group(3)" line can be split in two
    // ("<unfinished ...>") when the parent's clone is reported in between.
    QVERIFY2(traced.contains("+++ exited with 3 +++"), "strace must have followed the subshell");
    QCOMPARE(run.tracker.root()->name(), QStringLiteral("strace"));
    QCOMPARE(run.tracker.root()->exitInfo.pythonExitCode().value_or(-1), 0);
    bool noted = false;
    for (const DescendantTracker::Note &note : run.tracker.notes())
        noted = noted
                || (note.code == "nested-tracer" && note.text.contains(QLatin1String("strace")));
    QVERIFY(noted);
    // Its children were let go, and so are marked.
    bool letGo = false;
    for (const Descendant *child : run.childrenOf(run.tracker.root()))
        letGo = letGo || !child->followed;
    QVERIFY(letGo);
}

void tst_Tracer::fallsBackWhenPtraceIsRefused()
{
    // Refused, the program runs untraced and its end is still exact; a child that lives long
    // enough is still seen, sampled from /proc.
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("sleep 1.5 & wait $!; exit 5")},
                  {QStringLiteral("PROCLAB_TRACE_REFUSE=1")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 5);
    QVERIFY(run.tracker.isApproximate());
    QCOMPARE(run.tracker.notes().size(), 1);
    QCOMPARE(run.tracker.notes().first().code, QByteArray("approximate"));
    QVERIFY(run.tracker.notes().first().text.contains(QLatin1String("approximate")));
    QCOMPARE(run.tracker.root()->exitInfo.pythonExitCode().value_or(-1), 5);
    const QList<const Descendant *> children = run.childrenOf(run.tracker.root());
    QVERIFY2(children.size() == 1, qPrintable(describe(run.descendants())));
    QCOMPARE(children.first()->name(), QStringLiteral("sleep"));
    QVERIFY(!children.first()->followed);
    QCOMPARE(int(children.first()->origin), int(ProcessOrigin::Unknown));
    QVERIFY(!children.first()->isAlive());
}

void tst_Tracer::theProgramDoesNotInheritTheChannel()
{
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("for fd in /proc/$$/fd/*; do readlink $fd; done; exit 0")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 0);
    QVERIFY(run.channelName.startsWith(QLatin1String("pipe:")));
    const QString targets = QString::fromLatin1(run.output);
    QVERIFY2(targets.contains(QLatin1String("/dev/null")), qPrintable(targets)); // it did look
    QVERIFY2(!targets.contains(run.channelName), qPrintable(targets));
}

void tst_Tracer::followsAProgramThatClosesAllItsDescriptors()
{
    TracedRun run({QStringLiteral("sh"),
                   QStringLiteral("-c"),
                   QStringLiteral("exec 0<&- 1>&- 2>&-; for fd in 3 4 5 6 7 8 9; do eval \"exec "
                                  "$fd>&-\"; done; (exit 9) & wait $!; exit $?")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 9);
    const QList<const Descendant *> children = run.childrenOf(run.tracker.root());
    QCOMPARE(children.size(), 1);
    QCOMPARE(children.first()->exitInfo.pythonExitCode().value_or(-1), 9);
}

void tst_Tracer::seesAThousandForksInASecond()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const QString script = writeScript(QStringLiteral("fork1000.py"), R"(import os
pids = []
for i in range(1000):
    pid = os.fork()
    if pid == 0:
        os._exit(i % 256)
    pids.append(pid)
wrong = sum(1 for i, pid in enumerate(pids)
            if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != i % 256)
print("wrong", wrong)
)");
    TracedRun run({m_python, script});
    run.tracker.setEndedLimit(2000);
    QVERIFY(run.waitForEnd(60000));
    QCOMPARE(run.tracerExitCode(), 0);
    QCOMPARE(run.output.trimmed(), QByteArray("wrong 0"));
    const QList<const Descendant *> children = run.childrenOf(run.tracker.root());
    QCOMPARE(children.size(), 1000);
    for (int i = 0; i < children.size(); ++i)
        QCOMPARE(children.at(i)->exitInfo.pythonExitCode().value_or(-1), i % 256);
    const qint64 spanMs = (children.last()->startTimeUs - children.first()->startTimeUs) / 1000;
    qInfo("1000 forks started within %lld ms", static_cast<long long>(spanMs));
}

void tst_Tracer::followsForksFromThreadsButNotThreads()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    // Four threads, each forking a child that exits with the thread's number: a fork from a
    // thread is followed only if the thread itself is.
    const QString script = writeScript(QStringLiteral("threads.py"), R"(import os, threading
def work(n):
    pid = os.fork()
    if pid == 0:
        os._exit(10 + n)
    os.waitpid(pid, 0)
threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
)");
    TracedRun run({m_python, script});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 0);
    const QList<const Descendant *> children = run.childrenOf(run.tracker.root());
    QVERIFY2(children.size() == 4, qPrintable(describe(run.descendants())));
    QList<int> codes;
    for (const Descendant *child : children) {
        QCOMPARE(child->parentPid, run.tracker.root()->pid); // the process, not the thread
        codes.append(child->exitInfo.pythonExitCode().value_or(-1));
    }
    std::sort(codes.begin(), codes.end());
    QCOMPARE(codes, (QList<int>{10, 11, 12, 13}));
    QCOMPARE(run.tracker.count(), 5); // the four threads are no processes
}

void tst_Tracer::seesVforkAndPosixSpawn()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    // posix_spawn is clone(CLONE_VM | CLONE_VFORK) in glibc: reported as a vfork.
    const QString script = writeScript(QStringLiteral("spawn.py"), R"(import os
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "exit 4"], os.environ)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
)");
    TracedRun run({m_python, script});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.output.trimmed(), QByteArray("4"));
    const QList<const Descendant *> children = run.childrenOf(run.tracker.root());
    QVERIFY2(children.size() == 1, qPrintable(describe(run.descendants())));
    QCOMPARE(int(children.first()->origin), int(ProcessOrigin::Vfork));
    QCOMPARE(children.first()->arguments, (QStringList{"sh", "-c", "exit 4"}));
    QCOMPARE(children.first()->exitInfo.pythonExitCode().value_or(-1), 4);
}

void tst_Tracer::seesAnExecFromAThread()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    // The exec'ing thread takes over the process's PID; the process stays one entry.
    TracedRun run({m_python,
                   QStringLiteral("-c"),
                   QStringLiteral("import os, threading\n"
                                  "t = threading.Thread(target=lambda: os.execv('/bin/sh', "
                                  "['sh', '-c', 'exit 6']))\n"
                                  "t.start(); t.join()")});
    QVERIFY(run.waitForEnd());
    QCOMPARE(run.tracerExitCode(), 6);
    QCOMPARE(run.tracker.count(), 1);
    QCOMPARE(run.tracker.root()->arguments, (QStringList{"sh", "-c", "exit 6"}));
    QCOMPARE(run.tracker.root()->execCount, 2);
    QCOMPARE(run.tracker.unmatchedEventCount(), 0);
}

void tst_Tracer::reportsLostPrivilegesOfASetuidProgram()
{
    if (!isRoot())
        QSKIP("making a set-user-ID program for another user needs root");
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("setpriv is not installed");
    // A copy of id(1), set-user-ID to uid 1 (daemon): it prints 1 for its effective user when
    // its privilege applies.
    ::chmod(QFile::encodeName(m_scripts.path()).constData(), 0755);
    const QString setuidId = m_scripts.filePath(QStringLiteral("setuid-id"));
    QFile::remove(setuidId);
    QVERIFY(QFile::copy(QStandardPaths::findExecutable(QStringLiteral("id")), setuidId));
    QCOMPARE(::chown(QFile::encodeName(setuidId).constData(), 1, 1), 0);
    QCOMPARE(::chmod(QFile::encodeName(setuidId).constData(), 04755), 0);

    // Control: untraced, as nobody, the program does get uid 1.
    QProcess untraced;
    QStringList command = unprivileged() << setuidId << QStringLiteral("-u");
    untraced.start(command.takeFirst(), command);
    QVERIFY(untraced.waitForFinished(10000));
    QCOMPARE(untraced.readAllStandardOutput().trimmed(), QByteArray("1"));

    // Traced by an unprivileged tracer: the kernel runs it without its privilege; said plainly.
    {
        TracedRun run({setuidId, QStringLiteral("-u")}, {}, unprivileged());
        QVERIFY(run.waitForEnd());
        QCOMPARE(run.output.trimmed(), QByteArray("65534"));
        QCOMPARE(run.tracker.notes().size(), 1);
        QCOMPARE(run.tracker.notes().first().code, QByteArray("privileges"));
        QCOMPARE(run.tracker.notes().first().pid, run.tracker.root()->pid);
        QVERIFY(run.tracker.notes().first().text.contains(setuidId));
    }
    // Traced by root (CAP_SYS_PTRACE), the privilege applies, and nothing is said.
    {
        TracedRun run({setuidId, QStringLiteral("-u")});
        QVERIFY(run.waitForEnd());
        QCOMPARE(run.output.trimmed(), QByteArray("1"));
        QVERIFY(run.tracker.notes().isEmpty());
    }
}

void tst_Tracer::tutorialExample1ShowsFourChildrenExitingZero()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    // The tutorial's first script, unchanged (/work/shared/seed).
    const QString script = writeScript(QStringLiteral("example1.py"),
                                       TestSupport::tutorialExample1());
    TracedRun run({m_python, script});
    QVERIFY(run.waitForEnd(60000));
    QCOMPARE(run.tracerExitCode(), 0);
    const Descendant *main = run.tracker.root();
    const QList<const Descendant *> children = run.childrenOf(main);
    QVERIFY2(children.size() == 4, qPrintable(describe(run.descendants())));
    for (const Descendant *child : children) {
        QCOMPARE(child->exitInfo.pythonExitCode().value_or(-1), 0);
        QVERIFY2(run.output.contains(
                         QStringLiteral("Process %1 says: 서브 프로그램").arg(child->pid).toUtf8()),
                 run.output.constData());
        // Its life was seen, however short.
        QVERIFY(child->endTimeUs > child->startTimeUs);
    }
}

void tst_Tracer::tutorialExample2ShowsTheChildTerminatedAfterFiveSeconds()
{
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    const QString script = writeScript(QStringLiteral("example2.py"),
                                       TestSupport::tutorialExample2());
    TracedRun run({m_python, script});
    QVERIFY(run.waitForEnd(60000));
    QCOMPARE(run.tracerExitCode(), 0);
    const QList<const Descendant *> children = run.childrenOf(run.tracker.root());
    QVERIFY2(children.size() == 1, qPrintable(describe(run.descendants())));
    const Descendant *child = children.first();
    QCOMPARE(child->exitInfo.pythonExitCode().value_or(0), -SIGTERM);
    QCOMPARE(child->exitInfo.signalNumber, SIGTERM);
    const qint64 livedMs = (child->endTimeUs - child->startTimeUs) / 1000;
    QVERIFY2(livedMs >= 4500 && livedMs < 8000, qPrintable(QString::number(livedMs)));
    bool gotSigterm = false;
    for (const ReceivedSignal &received : child->recentSignals)
        gotSigterm = gotSigterm || received.signalNumber == SIGTERM;
    QVERIFY(gotSigterm);
}

QTEST_GUILESS_MAIN(tst_Tracer)

#include "tst_tracer.moc"
