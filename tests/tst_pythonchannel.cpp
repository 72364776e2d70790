#include "pythonchannel.h"
#include "pythonhook.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ProcLab;

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");

// The tutorial's two scripts, exactly as the seed writes them.
const QByteArray Example1 = TestSupport::tutorialExample1();
const QByteArray Example2 = TestSupport::tutorialExample2();

// Everything a channel told, per process.
struct Received
{
    QHash<qint64, QByteArray> standardOutput;
    QHash<qint64, QByteArray> standardError;
    QSet<qint64> closedOutput;
    QSet<qint64> closedError;
    QList<PythonCall> calls;

    void listenTo(PythonChannel &channel)
    {
        QObject::connect(&channel,
                         &PythonChannel::outputReceived,
                         &channel,
                         [this](qint64 pid, OutputChannel stream, const QByteArray &bytes) {
                             (stream == OutputChannel::StdOut ? standardOutput : standardError)[pid]
                                     .append(bytes);
                         });
        QObject::connect(&channel,
                         &PythonChannel::outputClosed,
                         &channel,
                         [this](qint64 pid, OutputChannel stream) {
                             (stream == OutputChannel::StdOut ? closedOutput : closedError)
                                     .insert(pid);
                         });
        QObject::connect(&channel,
                         &PythonChannel::callsReceived,
                         &channel,
                         [this](const QList<PythonCall> &received) { calls.append(received); });
    }

    QList<PythonCall> callsNamed(const QString &name) const
    {
        QList<PythonCall> result;
        for (const PythonCall &call : calls) {
            if (call.call == name)
                result.append(call);
        }
        return result;
    }

    // The pid each "Process N says: …" line came with, by what it says.
    QHash<QString, qint64> speakers(QString *problem) const
    {
        static const QRegularExpression says(QStringLiteral("^Process (\\d+) says: (.*)$"));
        QHash<QString, qint64> result;
        for (auto it = standardOutput.cbegin(); it != standardOutput.cend(); ++it) {
            const QStringList lines = QString::fromUtf8(it.value()).split(QLatin1Char('\n'));
            for (const QString &line : lines) {
                const QRegularExpressionMatch match = says.match(line);
                if (!match.hasMatch())
                    continue;
                if (match.captured(1).toLongLong() != it.key())
                    *problem += QStringLiteral("'%1' came as pid %2; ").arg(line).arg(it.key());
                result.insert(match.captured(2), it.key());
            }
        }
        return result;
    }
};

} // namespace

// The channel between ProcLab and its Python hook, both ends, with a real python3: each process's
// output arrives with its own PID, the tutorial's calls arrive with their lines, the hook never
// changes what a program does, and another user cannot write into the channel.
class tst_PythonChannel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void listensInTheAbstractNamespace();
    void tutorialExample1();
    void tutorialExample2_data();
    void tutorialExample2();
    void startMethods_data();
    void startMethods();
    void hostilePrograms_data();
    void hostilePrograms();
    void programClosesItsDescriptors();
    void theUsersSitecustomizeStillRuns();
    void outputSentElsewhereStaysThere();
    void anotherProclabsProgramCountsAsAProgram();
    void killIsCalledOnItsTarget();
    void theStandardLibrarysCallsAreNotReported();
    void sameBytesAndExitCodes_data();
    void sameBytesAndExitCodes();
    void channelGone();
    void anotherUserIsRefused();
    void thePeerCheckRefuses();
    void badCallsAreSkipped();
    void oldConnectionsAreReadFirst();
    void readsAreBounded();
    void closesEverything();

private:
    struct Run
    {
        QByteArray standardOutput; // what reached the program's own pipes
        QByteArray standardError;
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    };
    QString writeScript(const QString &name, const QByteArray &source);
    QProcessEnvironment environment(const QString &channelAddress) const;
    // Runs python3 with the hook and the channel's address (none: without ProcLab's channel),
    // the channel served meanwhile, until the program and every connection have ended.
    Run run(const QStringList &arguments,
            PythonChannel *channel,
            const QString &address = QString(),
            const QStringList &extraEnvironment = {});

    QTemporaryDir m_directory;
};

void tst_PythonChannel::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
    if (!QFile::exists(Python))
        QSKIP("/usr/bin/python3 is not installed");
    QVERIFY2(!pythonHookDirectory().isEmpty(), "the hook is not in ../share/proclab/python");
    QVERIFY(QFile::exists(pythonHookDirectory() + QStringLiteral("/proclab_hook.py")));
    QVERIFY(m_directory.isValid());
}

void tst_PythonChannel::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

QString tst_PythonChannel::writeScript(const QString &name, const QByteArray &source)
{
    const QString path = m_directory.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(source);
    return path;
}

QProcessEnvironment tst_PythonChannel::environment(const QString &channelAddress) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PYTHONUNBUFFERED"));
    environment.remove(QLatin1String(PythonChannel::EnvironmentVariable));
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    requestLineBufferedOutput(environment, true, pythonHookDirectory());
    if (!channelAddress.isEmpty())
        environment.insert(QLatin1String(PythonChannel::EnvironmentVariable), channelAddress);
    return environment;
}

tst_PythonChannel::Run tst_PythonChannel::run(const QStringList &arguments,
                                              PythonChannel *channel,
                                              const QString &address,
                                              const QStringList &extraEnvironment)
{
    QProcessEnvironment env = environment(channel ? channel->address() : address);
    for (const QString &assignment : extraEnvironment)
        env.insert(assignment.section(QLatin1Char('='), 0, 0),
                   assignment.section(QLatin1Char('='), 1));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setWorkingDirectory(m_directory.path());
    Run result;
    QByteArray output;
    QByteArray error;
    connect(&process, &QProcess::readyReadStandardOutput, &process, [&] {
        output += process.readAllStandardOutput();
    });
    connect(&process, &QProcess::readyReadStandardError, &process, [&] {
        error += process.readAllStandardError();
    });
    process.start(Python, arguments);
    if (!process.waitForStarted())
        return result;
    // The event loop runs meanwhile: the channel is served as ProcLab serves it.
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    if (channel) {
        // A connection still open is reported by the test that cares (connectionCount()).
        (void) QTest::qWaitFor(
                [&] {
                    channel->readPending();
                    return channel->connectionCount() == 0;
                },
                30000);
    }
    output += process.readAllStandardOutput();
    error += process.readAllStandardError();
    result.standardOutput = output;
    result.standardError = error;
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    return result;
}

void tst_PythonChannel::listensInTheAbstractNamespace()
{
    PythonChannel channel;
    QVERIFY2(channel.listen(), qPrintable(channel.errorString()));
    static const QRegularExpression form(
            QStringLiteral("^@proclab-%1-\\d+-[0-9a-f]+$").arg(QCoreApplication::applicationPid()));
    QVERIFY2(form.match(channel.address()).hasMatch(), qPrintable(channel.address()));
    PythonChannel other;
    QVERIFY(other.listen());
    QVERIFY(other.address() != channel.address());
    // In the abstract namespace, no file: /proc/net/unix lists it with its '@'.
    QFile sockets(QStringLiteral("/proc/net/unix"));
    QVERIFY(sockets.open(QIODevice::ReadOnly));
    QVERIFY(sockets.readAll().contains(channel.address().toUtf8()));
    QCOMPARE(channel.connectionCount(), 0);
}

void tst_PythonChannel::tutorialExample1()
{
    const QString script = writeScript(QStringLiteral("example1.py"), Example1);
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    // Everything came through the channel; nothing through the program's own pipes.
    QCOMPARE(result.standardOutput, QByteArray());
    QVERIFY2(received.standardError.isEmpty(), received.standardError.values().value(0).constData());

    QString problem;
    const QHash<QString, qint64> speakers = received.speakers(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(speakers.size(), 5);
    QCOMPARE(received.standardOutput.size(), 5);
    const qint64 parent = speakers.value(QStringLiteral("메인 프로그램"));
    QVERIFY(parent > 0);

    const QList<PythonCall> made = received.callsNamed(QStringLiteral("Process"));
    const QList<PythonCall> starts = received.callsNamed(QStringLiteral("start"));
    QCOMPARE(made.size(), 4);
    QCOMPARE(starts.size(), 4);
    for (int i = 0; i < 4; ++i) {
        const qint64 child = speakers.value(QStringLiteral("서브 프로그램 %1").arg(i));
        QVERIFY2(child > 0 && child != parent, qPrintable(QString::number(i)));
        QCOMPARE(made[i].pid, parent);
        QCOMPARE(made[i].function, QStringLiteral("sub_func"));
        QCOMPARE(made[i].arguments, QStringLiteral("('서브 프로그램 %1',)").arg(i));
        QCOMPARE(made[i].name, QStringLiteral("Process-%1").arg(i + 1));
        QCOMPARE(made[i].file, script);
        QCOMPARE(made[i].line, 13);
        QCOMPARE(starts[i].pid, parent);
        QCOMPARE(starts[i].target, child);
        QCOMPARE(starts[i].name, made[i].name);
        QCOMPARE(starts[i].file, script);
        QCOMPARE(starts[i].line, 14);
        QVERIFY(starts[i].timeUs >= made[i].timeUs && made[i].timeUs > 0);
        QVERIFY(received.closedOutput.contains(child));
    }
    // multiprocessing's own join of its children at exit is not the program's call.
    QVERIFY(received.callsNamed(QStringLiteral("join")).isEmpty());
    QCOMPARE(received.calls.size(), 8);
}

void tst_PythonChannel::tutorialExample2_data()
{
    QTest::addColumn<bool>("readsExitcode");
    QTest::newRow("as written") << false;
    QTest::newRow("then join() and exitcode") << true;
}

void tst_PythonChannel::tutorialExample2()
{
    QFETCH(bool, readsExitcode);
    QByteArray source = Example2;
    if (readsExitcode)
        source += "    p.join()\n    print('exitcode', p.exitcode)\n";
    const QString script = writeScript(QStringLiteral("example2.py"), source);
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitCode, 0);

    QString problem;
    const QHash<QString, qint64> speakers = received.speakers(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const qint64 parent = speakers.value(QStringLiteral("메인 프로그램"));
    const qint64 child = speakers.value(QStringLiteral("loop"));
    QVERIFY(parent > 0 && child > 0 && parent != child);
    QVERIFY2(received.standardOutput.value(child).contains("\tNumber 1 of 100000.\n"),
             received.standardOutput.value(child).constData());

    const QList<PythonCall> terminations = received.callsNamed(QStringLiteral("terminate"));
    QCOMPARE(terminations.size(), 1);
    QCOMPARE(terminations[0].pid, parent);
    QCOMPARE(terminations[0].target, child);
    QCOMPARE(terminations[0].line, 21);
    QCOMPARE(terminations[0].file, script);
    if (readsExitcode) {
        const QList<PythonCall> joined = received.callsNamed(QStringLiteral("joined"));
        QCOMPARE(joined.size(), 1);
        QCOMPARE(joined[0].target, child);
        QVERIFY(joined[0].hasExitCode);
        QCOMPARE(joined[0].exitCode, -15);
        const QList<PythonCall> read = received.callsNamed(QStringLiteral("exitcode"));
        QCOMPARE(read.size(), 1);
        QCOMPARE(read[0].exitCode, -15);
        QCOMPARE(read[0].line, 23);
        QVERIFY(received.standardOutput.value(parent).endsWith("exitcode -15\n"));
    }
}

void tst_PythonChannel::startMethods_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << "fork";
    QTest::newRow("spawn") << "spawn";
    QTest::newRow("forkserver") << "forkserver";
}

void tst_PythonChannel::startMethods()
{
    QFETCH(QString, method);
    const QString script
            = writeScript(QStringLiteral("methods.py"),
                          "import multiprocessing, os, sys\n"                          // 1
                          "def work(x):\n"                                             // 2
                          "    print('worker', os.getpid(), x)\n"                      // 3
                          "    return x * x\n"                                         // 4
                          "def child(n):\n"                                            // 5
                          "    print('child', os.getpid(), n)\n"                       // 6
                          "    print('child error', os.getpid(), file=sys.stderr)\n"   // 7
                          "if __name__ == '__main__':\n"                               // 8
                          "    multiprocessing.set_start_method(sys.argv[1])\n"        // 9
                          "    p = multiprocessing.Process(target=child, args=(1,))\n" // 10
                          "    p.start()\n"                                            // 11
                          "    p.join()\n"                                             // 12
                          "    print('exitcode', p.exitcode)\n"                        // 13
                          "    pool = multiprocessing.Pool(2)\n"                       // 14
                          "    print(pool.map(work, range(6)))\n"                      // 15
                          "    pool.close()\n"                                         // 16
                          "    pool.join()\n"                                          // 17
                          "    p.close()\n");                                          // 18
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script, method}, &channel);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput, QByteArray());
    QCOMPARE(result.standardError, QByteArray());

    const QList<PythonCall> starts = received.callsNamed(QStringLiteral("start"));
    QCOMPARE(starts.size(), 1);
    const qint64 parent = starts[0].pid;
    const qint64 child = starts[0].target;
    QCOMPARE(received.standardOutput.value(child),
             QStringLiteral("child %1 1\n").arg(child).toUtf8());
    QCOMPARE(received.standardError.value(child),
             QStringLiteral("child error %1\n").arg(child).toUtf8());
    QVERIFY(received.standardOutput.value(parent).startsWith("exitcode 0\n[0, 1, 4, 9, 16, 25]\n"));

    QStringList sequence;
    for (const PythonCall &call : std::as_const(received.calls)) {
        QCOMPARE(call.pid, parent);
        QCOMPARE(call.file, script);
        sequence.append(call.call + QLatin1Char(':') + QString::number(call.line));
    }
    QCOMPARE(sequence,
             (QStringList{"Process:10",
                          "start:11",
                          "join:12",
                          "joined:12",
                          "exitcode:13",
                          "Pool:14",
                          "Pool.map:15",
                          "Pool.mapped:15",
                          "Pool.close:16",
                          "Pool.join:17",
                          "close:18"}));
    const PythonCall joined = received.callsNamed(QStringLiteral("joined")).constFirst();
    QVERIFY(joined.hasExitCode);
    QCOMPARE(joined.exitCode, 0);
    QCOMPARE(joined.target, child);

    // The pool's workers: two real processes, the ones that printed the "worker" lines.
    const PythonCall pool = received.callsNamed(QStringLiteral("Pool")).constFirst();
    QCOMPARE(pool.pids.size(), 2);
    QSet<qint64> workers(pool.pids.cbegin(), pool.pids.cend());
    QCOMPARE(workers.size(), 2);
    int workerLines = 0;
    for (auto it = received.standardOutput.cbegin(); it != received.standardOutput.cend(); ++it) {
        if (!it.value().startsWith("worker"))
            continue;
        QVERIFY2(workers.contains(it.key()), it.value().constData());
        const QList<QByteArray> lines = it.value().trimmed().split('\n');
        for (const QByteArray &line : lines) {
            QVERIFY2(line.startsWith(QByteArray("worker " + QByteArray::number(it.key()) + ' ')),
                     line.constData());
            ++workerLines;
        }
    }
    QCOMPARE(workerLines, 6);
    QCOMPARE(received.callsNamed(QStringLiteral("Pool.map")).constFirst().function,
             QStringLiteral("work"));
}

void tst_PythonChannel::hostilePrograms_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("expectedLines"); // "pid-tag: text", sorted
    QTest::addColumn<int>("calls");

    // Tags: P is the program, C the child it started; lines say which process wrote them.
    QTest::newRow("replaces sys.stdout")
            << QByteArray("import multiprocessing, os, sys\n"
                          "class Upper:\n"
                          "    def write(self, text): return sys.__stdout__.write(text.upper())\n"
                          "    def flush(self): sys.__stdout__.flush()\n"
                          "def child():\n"
                          "    print('child', os.getpid())\n"
                          "if __name__ == '__main__':\n"
                          "    sys.stdout = Upper()\n"
                          "    print('parent', os.getpid())\n"
                          "    p = multiprocessing.Process(target=child)\n"
                          "    p.start(); p.join()\n"
                          "    sys.stdout = open('/dev/stdout', 'w')\n"
                          "    print('reopened', os.getpid())\n")
            << QStringList{"C: CHILD", "P: PARENT", "P: reopened"} << 4;
    QTest::newRow("forks before importing multiprocessing")
            << QByteArray("import os, sys\n"
                          "pid = os.fork()\n"
                          "if pid == 0:\n"
                          "    print('forked', os.getpid())\n"
                          "    os._exit(0)\n"
                          "os.waitpid(pid, 0)\n"
                          "import multiprocessing\n"
                          "def child():\n"
                          "    print('child', os.getpid())\n"
                          "if __name__ == '__main__':\n"
                          "    print('parent', os.getpid())\n"
                          "    p = multiprocessing.Process(target=child)\n"
                          "    p.start(); p.join()\n")
            << QStringList{"C: child", "F: forked", "P: parent"} << 4;
    QTest::newRow("runs a program that is not Python")
            << QByteArray("import os, subprocess\n"
                          "print('parent', os.getpid(), flush=True)\n"
                          "subprocess.run(['sh', '-c', 'echo shell $PPID; echo shell2 $PPID "
                          "> /dev/stdout'])\n")
            << QStringList{"P: parent", "P: shell", "P: shell2"} << 0;
}

// Each line's first word tells which process wrote it, the number after it that process's pid;
// it must have come with that pid.
void tst_PythonChannel::hostilePrograms()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, expectedLines);
    QFETCH(int, calls);
    const QString script = writeScript(QStringLiteral("hostile.py"), source);
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(received.standardError.isEmpty(), received.standardError.values().value(0).constData());
    QCOMPARE(result.standardOutput, QByteArray());

    const qint64 parent = received.calls.isEmpty() ? 0 : received.calls.constFirst().pid;
    QStringList lines;
    for (auto it = received.standardOutput.cbegin(); it != received.standardOutput.cend(); ++it) {
        const QList<QByteArray> written = it.value().trimmed().split('\n');
        for (const QByteArray &line : written) {
            const QList<QByteArray> words = line.split(' ');
            QVERIFY2(words.size() == 2 && words[1].toLongLong() == it.key(),
                     qPrintable(QStringLiteral("'%1' came as pid %2")
                                        .arg(QString::fromUtf8(line))
                                        .arg(it.key())));
            const QString word = QString::fromUtf8(words[0]);
            QString tag = QStringLiteral("P");
            if (word.compare(QLatin1String("child"), Qt::CaseInsensitive) == 0)
                tag = QStringLiteral("C");
            else if (word == QLatin1String("forked"))
                tag = QStringLiteral("F");
            lines.append(tag + QStringLiteral(": ") + word);
        }
    }
    lines.sort();
    QCOMPARE(lines, expectedLines);
    QCOMPARE(received.calls.size(), calls);
    if (calls > 0) {
        const PythonCall start = received.callsNamed(QStringLiteral("start")).constFirst();
        QCOMPARE(start.pid, parent);
        QVERIFY(received.standardOutput.value(start.target).toLower().startsWith("child"));
    }
}

// The program closes every descriptor it did not open, then opens files: they get the numbers the
// hook's connection had. Nothing of the hook may land in them, and the program's later calls are
// simply not reported.
void tst_PythonChannel::programClosesItsDescriptors()
{
    const QString script
            = writeScript(QStringLiteral("closer.py"),
                          "import multiprocessing, os, socket\n"
                          "def child():\n"
                          "    print('child', os.getpid())\n"
                          "if __name__ == '__main__':\n"
                          "    p = multiprocessing.Process(target=child)\n"
                          "    p.start(); p.join(); p.close()\n"
                          "    os.closerange(3, 1024)\n"
                          "    pairs = [socket.socketpair() for i in range(4)]\n"
                          "    files = [open('file%d.txt' % i, 'w') for i in range(8)]\n"
                          "    q = multiprocessing.Process(target=child)\n"
                          "    q.start(); q.join(); q.close()\n"
                          "    for i, f in enumerate(files):\n"
                          "        f.write('mine %d\\n' % i)\n"
                          "        f.close()\n"
                          "    heard = b''\n"
                          "    for pair in pairs:\n"
                          "        for end in pair:\n"
                          "            end.setblocking(False)\n"
                          "            try:\n"
                          "                heard += end.recv(65536)\n"
                          "            except BlockingIOError:\n"
                          "                pass\n"
                          "    print('heard', repr(heard))\n"
                          "    print('done', os.getpid())\n");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(received.standardError.isEmpty(), received.standardError.values().value(0).constData());
    for (int i = 0; i < 8; ++i) {
        QFile file(m_directory.filePath(QStringLiteral("file%1.txt").arg(i)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QStringLiteral("mine %1\n").arg(i).toUtf8());
    }
    // Before the closing: reported; after it: silent, and the output still flows.
    QCOMPARE(received.callsNamed(QStringLiteral("start")).size(), 1);
    QCOMPARE(received.callsNamed(QStringLiteral("close")).size(), 1);
    int children = 0;
    for (auto it = received.standardOutput.cbegin(); it != received.standardOutput.cend(); ++it) {
        if (it.value().startsWith("child"))
            ++children;
        else
            QCOMPARE(it.value(), QStringLiteral("heard b''\ndone %1\n").arg(it.key()).toUtf8());
    }
    QCOMPARE(children, 2);
}

// A program that ships its own sitecustomize: it still runs, after the hook, its output already in
// the process's own pipe; and so it does in a child started by spawn.
void tst_PythonChannel::theUsersSitecustomizeStillRuns()
{
    writeScript(QStringLiteral("mine/sitecustomize.py"),
                "import os, sys\nprint('sitecustomize', os.getpid(), file=sys.stderr)\n");
    const QString script = writeScript(QStringLiteral("usesit.py"),
                                       "import multiprocessing, os\n"
                                       "def child():\n"
                                       "    print('child', os.getpid())\n"
                                       "if __name__ == '__main__':\n"
                                       "    multiprocessing.set_start_method('spawn')\n"
                                       "    print('parent', os.getpid())\n"
                                       "    p = multiprocessing.Process(target=child)\n"
                                       "    p.start(); p.join()\n");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script},
                           &channel,
                           QString(),
                           {QStringLiteral("PYTHONPATH=") + pythonHookDirectory() + QLatin1Char(':')
                            + m_directory.filePath(QStringLiteral("mine"))});
    QCOMPARE(result.exitCode, 0);
    const QList<PythonCall> starts = received.callsNamed(QStringLiteral("start"));
    QCOMPARE(starts.size(), 1);
    const qint64 parent = starts[0].pid;
    const qint64 child = starts[0].target;
    QCOMPARE(received.standardOutput.value(parent),
             QStringLiteral("parent %1\n").arg(parent).toUtf8());
    QCOMPARE(received.standardOutput.value(child), QStringLiteral("child %1\n").arg(child).toUtf8());
    QCOMPARE(received.standardError.value(parent),
             QStringLiteral("sitecustomize %1\n").arg(parent).toUtf8());
    QCOMPARE(received.standardError.value(child),
             QStringLiteral("sitecustomize %1\n").arg(child).toUtf8());
}

// A Python child whose output its parent reads (a pipe of subprocess) keeps writing to its parent:
// only a descriptor that still leads to ProcLab is moved.
void tst_PythonChannel::outputSentElsewhereStaysThere()
{
    const QString script = writeScript(
            QStringLiteral("capture.py"),
            "import os, subprocess, sys\n"
            "out = subprocess.run([sys.executable, '-c', 'import os; print(\"inner\", "
            "os.getpid())'], stdout=subprocess.PIPE).stdout\n"
            "print('captured', out.split()[0].decode())\n"
            "err = subprocess.run([sys.executable, '-c', 'import sys; print(\"e\", "
            "file=sys.stderr); print(\"o\")'], stderr=subprocess.STDOUT, "
            "stdout=subprocess.PIPE).stdout\n"
            "print('merged', err.decode().split())\n");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(received.standardOutput.size(), 1);
    QCOMPARE(received.standardOutput.constBegin().value(),
             QByteArray("captured inner\nmerged ['e', 'o']\n"));
}

// ProcLab started from a program another ProcLab follows: its Python program inherits the other
// one's PROCLAB_PYTHON_STREAMS, which names another channel, so it is still a program whose
// descriptors are this ProcLab's pipes.
void tst_PythonChannel::anotherProclabsProgramCountsAsAProgram()
{
    const QString script = writeScript(QStringLiteral("plain.py"),
                                       "import os, sys\nprint('out', os.getpid())\n"
                                       "print('err', os.getpid(), file=sys.stderr)\n");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script},
                           &channel,
                           QString(),
                           {QStringLiteral("PROCLAB_PYTHON_STREAMS=@proclab-1-1-0 0:1,0:2")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput, QByteArray());
    QCOMPARE(received.standardOutput.size(), 1);
    const qint64 pid = received.standardOutput.constBegin().key();
    QCOMPARE(received.standardOutput.value(pid), QStringLiteral("out %1\n").arg(pid).toUtf8());
    QCOMPARE(received.standardError.value(pid), QStringLiteral("err %1\n").arg(pid).toUtf8());
}

void tst_PythonChannel::killIsCalledOnItsTarget()
{
    const QString script
            = writeScript(QStringLiteral("kill.py"),
                          "import multiprocessing, os, time\n"
                          "def child(ready):\n"
                          "    ready.set()\n"
                          "    time.sleep(60)\n"
                          "if __name__ == '__main__':\n"
                          "    ready = multiprocessing.Event()\n"
                          "    p = multiprocessing.Process(target=child, args=(ready,))\n"
                          "    p.start()\n"
                          "    ready.wait()\n"
                          "    p.kill()\n"
                          "    p.join()\n"
                          "    print(p.exitcode)\n");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitCode, 0);
    const PythonCall start = received.callsNamed(QStringLiteral("start")).value(0);
    const PythonCall kill = received.callsNamed(QStringLiteral("kill")).value(0);
    QVERIFY(start.target > 0);
    QCOMPARE(kill.target, start.target);
    QCOMPARE(kill.line, 10);
    const PythonCall joined = received.callsNamed(QStringLiteral("joined")).value(0);
    QVERIFY(joined.hasExitCode);
    QCOMPARE(joined.exitCode, -9);
    QCOMPARE(received.standardOutput.value(start.pid), QByteArray("-9\n"));
}

// concurrent.futures starts its processes through multiprocessing: that is its code, not the
// program's, so nothing is reported; each worker's output is still its own.
void tst_PythonChannel::theStandardLibrarysCallsAreNotReported()
{
    const QString script = writeScript(QStringLiteral("futures.py"),
                                       "import concurrent.futures, os\n"
                                       "def f(x):\n"
                                       "    print('worker', os.getpid(), flush=True)\n"
                                       "    return os.getpid()\n"
                                       "if __name__ == '__main__':\n"
                                       "    with concurrent.futures.ProcessPoolExecutor(2) as ex:\n"
                                       "        list(ex.map(f, range(4)))\n");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run result = run({script}, &channel);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(received.calls.isEmpty(), qPrintable(received.calls.value(0).text()));
    int lines = 0;
    for (auto it = received.standardOutput.cbegin(); it != received.standardOutput.cend(); ++it) {
        const QList<QByteArray> written = it.value().trimmed().split('\n');
        for (const QByteArray &line : written) {
            QCOMPARE(line, "worker " + QByteArray::number(it.key()));
            ++lines;
        }
    }
    QCOMPARE(lines, 4);
}

void tst_PythonChannel::sameBytesAndExitCodes_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("no newline at the end, exit 3")
            << QByteArray("import sys\nprint('a')\nsys.stdout.write('no end')\nsys.exit(3)\n");
    QTest::newRow("binary bytes and stderr")
            << QByteArray("import os, sys\nsys.stdout.buffer.write(b'\\xff\\xfe\\x00raw\\n')\n"
                          "os.write(1, b'direct\\n')\nprint('err', file=sys.stderr)\n");
    QTest::newRow("an uncaught exception")
            << QByteArray("print('before')\nraise ValueError('boom')\n");
    QTest::newRow("a shell child writes to /dev/stderr")
            << QByteArray("import subprocess\nsubprocess.run(['sh', '-c', 'echo to-err > "
                          "/dev/stderr; echo out'], check=True)\n");
    QTest::newRow("a child killed by a signal")
            << QByteArray("import os, signal\nprint('x', flush=True)\nos.kill(os.getpid(), "
                          "signal.SIGKILL)\n");
    QTest::newRow("children started by fork, joined")
            << QByteArray("import multiprocessing, sys\n"
                          "def child(i):\n"
                          "    print('child', i)\n"
                          "    sys.exit(i)\n"
                          "if __name__ == '__main__':\n"
                          "    ps = [multiprocessing.Process(target=child, args=(i,)) for i in "
                          "range(3)]\n"
                          "    [p.start() for p in ps]\n"
                          "    [p.join() for p in ps]\n"
                          "    print(sorted(p.exitcode for p in ps))\n"
                          "    sys.exit(sum(p.exitcode for p in ps))\n");
}

// The same program without ProcLab's channel (only the line-buffering hook, as before this issue)
// and with it: the same bytes, each process's in its order, and the same exit.
void tst_PythonChannel::sameBytesAndExitCodes()
{
    QFETCH(QByteArray, source);
    const QString script = writeScript(QStringLiteral("same.py"), source);
    const Run without = run({script}, nullptr);
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    const Run with = run({script}, &channel);
    QCOMPARE(with.exitStatus, without.exitStatus);
    QCOMPARE(with.exitCode, without.exitCode);

    const auto sortedLines = [](const QByteArray &bytes) {
        QList<QByteArray> lines = bytes.split('\n');
        std::sort(lines.begin(), lines.end());
        return lines;
    };
    QByteArray allOutput;
    QByteArray allError;
    for (const QByteArray &bytes : std::as_const(received.standardOutput))
        allOutput += bytes;
    for (const QByteArray &bytes : std::as_const(received.standardError))
        allError += bytes;
    allOutput += with.standardOutput;
    allError += with.standardError;
    if (received.standardOutput.size() <= 1) {
        QCOMPARE(allOutput, without.standardOutput);
    } else {
        QCOMPARE(sortedLines(allOutput), sortedLines(without.standardOutput));
    }
    QCOMPARE(allError, without.standardError);
}

// ProcLab's channel is gone (the address of a closed channel): the program runs as without it,
// its output in its own pipes, its calls unreported.
void tst_PythonChannel::channelGone()
{
    QString address;
    {
        PythonChannel gone;
        QVERIFY(gone.listen());
        address = gone.address();
    }
    const QString script = writeScript(QStringLiteral("gone.py"), Example1);
    const Run without = run({script}, nullptr);
    const Run with = run({script}, nullptr, address);
    QCOMPARE(with.exitCode, 0);
    QCOMPARE(with.exitStatus, QProcess::NormalExit);
    QCOMPARE(with.standardError, QByteArray());
    QCOMPARE(with.standardOutput.count('\n'), 5);
    QCOMPARE(with.standardOutput.count("says"), without.standardOutput.count("says"));
}

namespace {

// A client of the channel as another program would be: connect, write, see whether the channel
// keeps the connection.
int connectTo(const QString &address)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un name{};
    name.sun_family = AF_UNIX;
    const QByteArray bytes = address.mid(1).toLatin1();
    std::memcpy(name.sun_path + 1, bytes.constData(), size_t(bytes.size()));
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(bytes.size()));
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&name), length) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// The channel closed it: end of file, or a reset when it closed with our bytes unread.
bool isClosedByPeer(int fd)
{
    char byte;
    const ssize_t count = ::recv(fd, &byte, 1, MSG_DONTWAIT);
    return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

} // namespace

void tst_PythonChannel::anotherUserIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run a client as another user");
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("setpriv is not installed");
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    // The client says a call, then waits for the channel to close its connection.
    const QByteArray client
            = "import socket, sys\n"
              "s = socket.socket(socket.AF_UNIX)\n"
              "s.connect('\\0' + sys.argv[1][1:])\n"
              "s.sendall(b'proclab-python 1 calls\\n{\"call\":\"start\",\"target\":1}\\n')\n"
              "s.settimeout(20)\n"
              "try:\n"
              "    print('refused' if s.recv(1) == b'' else 'kept')\n"
              "except ConnectionResetError:\n"
              "    print('refused')\n";
    const QString path = writeScript(QStringLiteral("client.py"), client);
    QFile::setPermissions(path, QFile::permissions(path) | QFile::ReadOther);
    QFile::setPermissions(m_directory.path(),
                          QFile::permissions(m_directory.path()) | QFile::ExeOther);

    QProcess nobody;
    nobody.start(QStringLiteral("setpriv"),
                 {"--reuid=65534",
                  "--regid=65534",
                  "--clear-groups",
                  "--",
                  Python,
                  path,
                  channel.address()});
    QVERIFY(nobody.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(nobody.state(), QProcess::NotRunning, 30000);
    QCOMPARE(nobody.readAllStandardOutput(), QByteArray("refused\n"));
    channel.readPending();
    QVERIFY(received.calls.isEmpty());
    QCOMPARE(channel.connectionCount(), 0);

    // The control: the same client as this user is heard.
    QProcess same;
    same.start(Python, {path, channel.address()});
    QVERIFY(same.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(received.calls.size(), 1, 20000);
    QCOMPARE(received.calls[0].pid, same.processId());
    QCOMPARE(channel.connectionCount(), 1);
    same.kill();
    QVERIFY(same.waitForFinished());
    QTRY_COMPARE(channel.connectionCount(), 0);
}

void tst_PythonChannel::thePeerCheckRefuses()
{
    PythonChannel channel;
    QVERIFY(channel.listen());
    QList<qint64> asked;
    channel.setPeerCheck([&asked](qint64 pid) {
        asked.append(pid);
        return false;
    });
    Received received;
    received.listenTo(channel);
    const int fd = connectTo(channel.address());
    QVERIFY(fd >= 0);
    const QByteArray bytes = "proclab-python 1 calls\n{\"call\":\"start\"}\n";
    QCOMPARE(::write(fd, bytes.constData(), size_t(bytes.size())), ssize_t(bytes.size()));
    channel.readPending();
    QCOMPARE(asked, QList<qint64>{QCoreApplication::applicationPid()});
    QVERIFY(received.calls.isEmpty());
    QCOMPARE(channel.connectionCount(), 0);
    QVERIFY(isClosedByPeer(fd));
    ::close(fd);
}

// Whatever a connection sends, the channel neither crashes nor stalls: bad lines are skipped, a
// line past the cap is dropped whole, a bad hello closes the connection.
void tst_PythonChannel::badCallsAreSkipped()
{
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);

    const int bad = connectTo(channel.address());
    const QByteArray nonsense = "GET / HTTP/1.0\n";
    QCOMPARE(::write(bad, nonsense.constData(), size_t(nonsense.size())), ssize_t(nonsense.size()));

    const int fd = connectTo(channel.address());
    QVERIFY(bad >= 0 && fd >= 0);
    // Not blocking: the channel reads between the writes, in this same thread.
    QVERIFY(::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) == 0);
    QByteArray bytes = "proclab-python 1 calls\n"
                       "{not json}\n"
                       "[1,2]\n"
                       "{\"call\":\"\"}\n"
                       "{\"call\":\"start\",\"target\":\"x\",\"exitcode\":\"y\",\"pids\":7}\n";
    bytes += "{\"call\":\"kill\",\"name\":\"" + QByteArray(200 * 1024, 'x') + "\"}\n";
    bytes += "{\"call\":\"terminate\",\"target\":42,\"line\":7,\"file\":\"/a.py\",\"t\":1.5}\n";
    bytes += "{\"call\":\"joined\",\"exitcode\":-15,\"pids\":[1,\"2\",3]}\n{\"call\":\"clo";
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t count = ::write(fd,
                                      bytes.constData() + written,
                                      size_t(bytes.size() - written));
        if (count > 0)
            written += count;
        channel.readPending();
    }
    QTRY_COMPARE(received.calls.size(), 3);
    QCOMPARE(received.calls[0].call, QStringLiteral("start"));
    QCOMPARE(received.calls[0].target, 0);
    QVERIFY(!received.calls[0].hasExitCode);
    QCOMPARE(received.calls[1].call, QStringLiteral("terminate"));
    QCOMPARE(received.calls[1].target, 42);
    QCOMPARE(received.calls[1].line, 7);
    QCOMPARE(received.calls[1].file, QStringLiteral("/a.py"));
    QCOMPARE(received.calls[1].timeUs, 1500000);
    QCOMPARE(received.calls[1].pid, QCoreApplication::applicationPid());
    QCOMPARE(received.calls[2].exitCode, -15);
    QCOMPARE(received.calls[2].pids, (QList<qint64>{1, 3}));
    // The rest of the line comes later: then it counts.
    const QByteArray rest = "se\"}\n";
    QCOMPARE(::write(fd, rest.constData(), size_t(rest.size())), ssize_t(rest.size()));
    QTRY_COMPARE(received.calls.size(), 4);
    QCOMPARE(received.calls[3].call, QStringLiteral("close"));

    QTRY_VERIFY(isClosedByPeer(bad)); // the bad hello
    QCOMPARE(channel.connectionCount(), 1);
    ::close(fd);
    ::close(bad);
    QTRY_COMPARE(channel.connectionCount(), 0);
}

namespace {

bool writeAll(int fd, const QByteArray &bytes)
{
    return ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size());
}

// As the hook hands its pipes over: the hello and the read ends in one message.
bool sendOutputHello(int fd, const QList<int> &readEnds, const QByteArray &names)
{
    const QByteArray hello = "proclab-python 1 output " + names + '\n';
    iovec vector{const_cast<char *>(hello.constData()), size_t(hello.size())};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)] = {};
    msghdr message{};
    message.msg_iov = &vector;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = CMSG_SPACE(sizeof(int) * size_t(readEnds.size()));
    cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int) * size_t(readEnds.size()));
    std::memcpy(CMSG_DATA(header), readEnds.constData(), sizeof(int) * size_t(readEnds.size()));
    return ::sendmsg(fd, &message, 0) == ssize_t(hello.size());
}

} // namespace

// readPending() reads the connections in the order they were made, whatever order the bytes
// came in: a parent's line written before it forked comes before its child's.
void tst_PythonChannel::oldConnectionsAreReadFirst()
{
    PythonChannel channel;
    QVERIFY(channel.listen());
    Received received;
    received.listenTo(channel);
    QList<QByteArray> order;
    connect(&channel,
            &PythonChannel::outputReceived,
            &channel,
            [&order](qint64, OutputChannel, const QByteArray &bytes) { order.append(bytes); });
    int older[2];
    int newer[2];
    QVERIFY(::pipe2(older, O_CLOEXEC) == 0 && ::pipe2(newer, O_CLOEXEC) == 0);
    const int first = connectTo(channel.address());
    const int second = connectTo(channel.address());
    QVERIFY(sendOutputHello(first, {older[0]}, "stdout"));
    QVERIFY(sendOutputHello(second, {newer[0]}, "stdout"));
    ::close(older[0]);
    ::close(newer[0]);
    ::close(first);
    ::close(second);
    QVERIFY(writeAll(newer[1], "written first, by the newer\n"));
    QVERIFY(writeAll(older[1], "written second, by the older\n"));
    channel.readPending(); // no event loop in between
    QCOMPARE(order,
             (QList<QByteArray>{"written second, by the older\n", "written first, by the newer\n"}));
    QCOMPARE(channel.connectionCount(), 2);
    ::close(older[1]);
    ::close(newer[1]);
    channel.readPending();
    QCOMPARE(channel.connectionCount(), 0);
    QCOMPARE(received.closedOutput.size(), 1); // both the test's own pid
}

// A flood is read 16 KiB per wake-up, as the worker's pipes are, so the window keeps painting.
void tst_PythonChannel::readsAreBounded()
{
    PythonChannel channel;
    QVERIFY(channel.listen());
    qsizetype largest = 0;
    qsizetype total = 0;
    connect(&channel,
            &PythonChannel::outputReceived,
            &channel,
            [&](qint64, OutputChannel channel, const QByteArray &bytes) {
                QCOMPARE(channel, OutputChannel::StdErr);
                largest = std::max(largest, bytes.size());
                total += bytes.size();
            });
    int ends[2];
    QVERIFY(::pipe2(ends, O_CLOEXEC) == 0);
    const int fd = connectTo(channel.address());
    QVERIFY(sendOutputHello(fd, {ends[0]}, "stderr"));
    ::close(ends[0]);
    ::close(fd);
    const QByteArray flood(64 * 1024, 'x'); // what a pipe holds
    QVERIFY(writeAll(ends[1], flood));
    QTRY_COMPARE(total, flood.size());
    QCOMPARE(largest, 16 * 1024);
    ::close(ends[1]);
    QTRY_COMPARE(channel.connectionCount(), 0);
}

namespace {

int openDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System).size());
}

} // namespace

// Destroyed with connections and pipes open: every descriptor is closed, and the name is gone.
void tst_PythonChannel::closesEverything()
{
    const int before = openDescriptors();
    QString address;
    int ends[2];
    QVERIFY(::pipe2(ends, O_CLOEXEC) == 0);
    int calls = -1;
    {
        PythonChannel channel;
        QVERIFY(channel.listen());
        address = channel.address();
        const int fd = connectTo(address);
        QVERIFY(sendOutputHello(fd, {ends[0]}, "stdout"));
        ::close(ends[0]);
        ::close(fd);
        calls = connectTo(address);
        QVERIFY(writeAll(calls, "proclab-python 1 calls\n"));
        const int unread = connectTo(address); // still in the backlog
        ::close(unread);
        channel.readPending();
        QCOMPARE(channel.connectionCount(), 2);
        QVERIFY(openDescriptors() > before + 2);
    }
    QVERIFY(isClosedByPeer(calls));
    ::close(calls);
    // The pipe's read end went with the channel: writing to it now fails.
    ::signal(SIGPIPE, SIG_IGN);
    QCOMPARE(::write(ends[1], "x", 1), ssize_t(-1));
    QCOMPARE(errno, EPIPE);
    ::close(ends[1]);
    QCOMPARE(openDescriptors(), before);
    QFile sockets(QStringLiteral("/proc/net/unix"));
    QVERIFY(sockets.open(QIODevice::ReadOnly));
    QVERIFY(!sockets.readAll().contains(address.toUtf8()));
}

QTEST_GUILESS_MAIN(tst_PythonChannel)
#include "tst_pythonchannel.moc"
