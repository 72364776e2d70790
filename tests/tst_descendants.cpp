#include "descendanttracker.h"
#include "traceeventreader.h"
#include "traceprotocol.h"
#include "tracerecordparser.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ProcLab;

namespace {

// A readable digest of events, to compare two parses field by field.
QString describe(const QList<TraceEvent> &events)
{
    QStringList lines;
    for (const TraceEvent &event : events) {
        QStringList arguments;
        for (const QByteArray &argument : event.arguments)
            arguments.append(QString::fromLatin1(argument.toHex()));
        lines.append(QStringLiteral("%1 t%2 p%3 pp%4 o%5 v%6 s%7 w%8 x%9 a%10[%11] c%12 %13")
                             .arg(int(event.kind))
                             .arg(event.timeUs)
                             .arg(event.pid)
                             .arg(event.parentPid)
                             .arg(int(event.origin))
                             .arg(event.version)
                             .arg(event.signalNumber)
                             .arg(event.waitStatus)
                             .arg(QString::fromLatin1(event.executable.toHex()))
                             .arg(event.argumentCount)
                             .arg(arguments.join(u','))
                             .arg(QString::fromLatin1(event.code))
                             .arg(QString::fromLatin1(event.text.toHex())));
    }
    return lines.join(u'\n');
}

QList<TraceEvent> parseAll(const QByteArray &bytes, qint64 *invalid = nullptr)
{
    TraceRecordParser parser;
    QList<TraceEvent> events;
    parser.feed(bytes, events);
    parser.finish();
    if (invalid)
        *invalid = parser.invalidRecordCount();
    return events;
}

TraceEvent makeEvent(TraceEvent::Kind kind, qint64 pid, qint64 timeUs)
{
    TraceEvent result;
    result.kind = kind;
    result.pid = pid;
    result.timeUs = timeUs;
    return result;
}

TraceEvent startEvent(qint64 pid,
                      qint64 parentPid,
                      qint64 timeUs,
                      ProcessOrigin origin = ProcessOrigin::Fork)
{
    TraceEvent result = makeEvent(TraceEvent::Kind::Start, pid, timeUs);
    result.parentPid = parentPid;
    result.origin = origin;
    return result;
}

TraceEvent execEvent(qint64 pid, qint64 timeUs, const QList<QByteArray> &arguments)
{
    TraceEvent result = makeEvent(TraceEvent::Kind::Exec, pid, timeUs);
    result.executable = "/usr/bin/" + arguments.value(0);
    result.arguments = arguments;
    result.argumentCount = arguments.size();
    return result;
}

TraceEvent exitEvent(qint64 pid, qint64 timeUs, int waitStatus)
{
    TraceEvent result = makeEvent(TraceEvent::Kind::Exit, pid, timeUs);
    result.waitStatus = waitStatus;
    return result;
}

constexpr int exited(int code)
{
    return code << 8;
}

// A stream as the tracer writes it, with the kinds of garbage a broken or hostile writer adds.
QByteArray sampleStream()
{
    QByteArray stream = "hello\t1\t1000\t41\n"
                        "start\t1001\t42\t41\troot\n"
                        "exec\t1002\t42\t/usr/bin/python3\t2\tpython3\tex%091.py\n"
                        "garbage without tabs\n"
                        "start\t1003\t43\t42\tfork\n"
                        "signal\t1004\t42\t17\n"
                        "exit\t1005\t43\t768\n"
                        "\n"
                        "exit\tnot-a-number\t43\t0\n"
                        "stop\t1006\t42\t19\n"
                        "cont\t1007\t42\n"
                        "note\t1008\t42\tprivileges\t/usr/bin/ping\n"
                        "exec\t1009\t42\t/bin/sh\t3\tsh\t-c\t\n"
                        "future-kind\t1\t2\n"
                        "exit\t1010\t42\t0\textra-field\n"
                        "end\t1011\t0\n";
    stream += QByteArray(300 * 1024, 'x') + '\n'; // overlong
    stream += "exit\t1012\t44\t9\n";
    return stream;
}

} // namespace

// The tracer's channel as the core reads it: the record parser (pure, bounded, survives garbage),
// the reader on a real pipe, and the model of descendants built from events.
class tst_Descendants final : public QObject
{
    Q_OBJECT

private slots:
    void parsesEachRecord_data();
    void parsesEachRecord();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void ignoresWhatANewerTracerAdds();
    void stopsAtANewerMajorVersion();
    void escapingRoundTripsEveryByte();
    void eventsDoNotDependOnWhereReadsEnd();
    void dropsAnOverlongLineAndCarriesOn();
    void survivesRandomBytes();
    void readerReadsAPipeInPieces();

    void buildsTheTreeFromEvents();
    void readsExitsTheThreeWays();
    void aStopOnRequestIsNoCrash();
    void marksOrphans();
    void aReusedPidEndsThePreviousHolder();
    void followsStopAndContinue();
    void announcesTenThousandChildrenInOneBatch();
    void forgetsOldEndedBeyondTheLimit();
    void saysEachNoteOnce();
    void announcesARootThatEndsInItsFirstBatch();
    void theChannelsEndEndsTheLiving();
    void countsEventsForUnknownProcesses();
};

void tst_Descendants::parsesEachRecord_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<int>("number");
    QTest::newRow("hello") << QByteArray("hello\t1\t17\t99") << int(TraceEvent::Kind::Hello)
                           << qint64(99) << 1;
    QTest::newRow("start") << QByteArray("start\t17\t100\t99\tvfork")
                           << int(TraceEvent::Kind::Start) << qint64(100) << 0;
    QTest::newRow("exec") << QByteArray("exec\t17\t100\t/bin/true\t1\ttrue")
                          << int(TraceEvent::Kind::Exec) << qint64(100) << 0;
    QTest::newRow("signal") << QByteArray("signal\t17\t100\t15") << int(TraceEvent::Kind::Signal)
                            << qint64(100) << 15;
    QTest::newRow("stop") << QByteArray("stop\t17\t100\t19") << int(TraceEvent::Kind::Stop)
                          << qint64(100) << 19;
    QTest::newRow("cont") << QByteArray("cont\t17\t100") << int(TraceEvent::Kind::Continue)
                          << qint64(100) << 0;
    QTest::newRow("exit") << QByteArray("exit\t17\t100\t15") << int(TraceEvent::Kind::Exit)
                          << qint64(100) << 15;
    QTest::newRow("detach") << QByteArray("detach\t17\t100") << int(TraceEvent::Kind::Detach)
                            << qint64(100) << 0;
    QTest::newRow("lost") << QByteArray("lost\t17\t100") << int(TraceEvent::Kind::Lost)
                          << qint64(100) << 0;
    QTest::newRow("note") << QByteArray("note\t17\t0\tapproximate\tptrace: EPERM")
                          << int(TraceEvent::Kind::Note) << qint64(0) << 0;
    QTest::newRow("end") << QByteArray("end\t17\t-1") << int(TraceEvent::Kind::End) << qint64(0)
                         << -1;
}

void tst_Descendants::parsesEachRecord()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(qint64, pid);
    QFETCH(int, number);
    TraceEvent parsed;
    QVERIFY(TraceRecordParser::parseRecord(line, parsed));
    QCOMPARE(int(parsed.kind), kind);
    QCOMPARE(parsed.pid, pid);
    QCOMPARE(parsed.timeUs, qint64(17));
    switch (parsed.kind) {
    case TraceEvent::Kind::Hello:
        QCOMPARE(parsed.version, number);
        break;
    case TraceEvent::Kind::Start:
        QCOMPARE(parsed.parentPid, qint64(99));
        QCOMPARE(int(parsed.origin), int(ProcessOrigin::Vfork));
        break;
    case TraceEvent::Kind::Exec:
        QCOMPARE(parsed.executable, QByteArray("/bin/true"));
        QCOMPARE(parsed.arguments, QList<QByteArray>{"true"});
        QCOMPARE(parsed.argumentCount, qint64(1));
        break;
    case TraceEvent::Kind::Signal:
    case TraceEvent::Kind::Stop:
        QCOMPARE(parsed.signalNumber, number);
        break;
    case TraceEvent::Kind::Exit:
    case TraceEvent::Kind::End:
        QCOMPARE(parsed.waitStatus, number);
        break;
    case TraceEvent::Kind::Note:
        QCOMPARE(parsed.code, QByteArray("approximate"));
        QCOMPARE(parsed.text, QByteArray("ptrace: EPERM"));
        break;
    default:
        break;
    }
}

void tst_Descendants::rejectsGarbage_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no fields") << QByteArray("exit");
    QTest::newRow("missing field") << QByteArray("exit\t1\t2");
    QTest::newRow("blank number") << QByteArray("exit\t1\t 2\t0");
    QTest::newRow("plus sign") << QByteArray("exit\t1\t+2\t0");
    QTest::newRow("pid 0") << QByteArray("exit\t1\t0\t0");
    QTest::newRow("negative pid") << QByteArray("exit\t1\t-5\t0");
    QTest::newRow("huge pid") << QByteArray("exit\t1\t99999999999\t0");
    QTest::newRow("overflow") << QByteArray("exit\t99999999999999999999999\t5\t0");
    QTest::newRow("signal 0") << QByteArray("signal\t1\t5\t0");
    QTest::newRow("signal 500") << QByteArray("signal\t1\t5\t500");
    QTest::newRow("bad escape") << QByteArray("exec\t1\t5\t/bin/x%G1\t0");
    QTest::newRow("cut escape") << QByteArray("exec\t1\t5\t/bin/x%4\t0");
    QTest::newRow("raw control byte") << QByteArray("exec\t1\t5\t/bin/x\x01y\t0");
    QTest::newRow("carriage return") << QByteArray("exec\t1\t5\t/bin/x\r\t0");
    QTest::newRow("empty note code") << QByteArray("note\t1\t5\t\ttext");
    QTest::newRow("hello version 0") << QByteArray("hello\t0\t1\t5");
    QTest::newRow("NUL in number") << QByteArray("exit\t1\t5\0\t0", 10);
}

void tst_Descendants::rejectsGarbage()
{
    QFETCH(QByteArray, line);
    TraceEvent parsed;
    QVERIFY(!TraceRecordParser::parseRecord(line, parsed));
    qint64 invalid = 0;
    QVERIFY(parseAll(line + '\n', &invalid).isEmpty());
    QCOMPARE(invalid, qint64(1));
}

void tst_Descendants::ignoresWhatANewerTracerAdds()
{
    qint64 invalid = 0;
    const QList<TraceEvent> events = parseAll("spawn-info\t1\t2\t3\n"
                                              "exit\t1\t5\t0\tmore\tfields\n"
                                              "exec\t1\t5\t/bin/ls\t1\tls\tnot-an-argument\n"
                                              "start\t1\t6\t5\tteleport\n",
                                              &invalid);
    QCOMPARE(invalid, qint64(0));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(1).arguments, QList<QByteArray>{"ls"});
    QCOMPARE(int(events.at(2).origin), int(ProcessOrigin::Unknown));
}

void tst_Descendants::stopsAtANewerMajorVersion()
{
    TraceRecordParser parser;
    QList<TraceEvent> events;
    parser.feed("hello\t2\t1\t5\nexit\t1\t5\t0\n", events);
    QVERIFY(parser.isIncompatible());
    QCOMPARE(parser.version(), 2);
    QVERIFY(events.isEmpty());

    TraceRecordParser current;
    current.feed("hello\t1\t1\t5\nexit\t1\t5\t0\n", events);
    QVERIFY(!current.isIncompatible());
    QCOMPARE(events.size(), 2);
}

void tst_Descendants::escapingRoundTripsEveryByte()
{
    std::string every;
    for (int byte = 0; byte < 256; ++byte)
        every += char(byte);
    std::string line = "exec\t1\t5\t";
    ProcLab::TraceProtocol::appendEscaped(line, every.data(), every.size());
    line += "\t4\t";
    ProcLab::TraceProtocol::appendEscaped(line, every.data(), every.size());
    line += "\t\t%25\t"; // an empty argument, and a '%' escaped by hand
    QVERIFY(line.find('\n') == std::string::npos);
    TraceEvent parsed;
    QVERIFY(TraceRecordParser::parseRecord(QByteArrayView(line.data(), qsizetype(line.size())),
                                           parsed));
    const QByteArray expected(every.data(), qsizetype(every.size()));
    QCOMPARE(parsed.executable, expected);
    QCOMPARE(parsed.arguments, (QList<QByteArray>{expected, QByteArray(), "%", QByteArray()}));
}

void tst_Descendants::eventsDoNotDependOnWhereReadsEnd()
{
    const QByteArray stream = sampleStream();
    qint64 wholeInvalid = 0;
    const QList<TraceEvent> whole = parseAll(stream, &wholeInvalid);
    QCOMPARE(whole.size(), 13);
    QCOMPARE(wholeInvalid, qint64(4)); // garbage, empty line, bad number, overlong
    QCOMPARE(whole.at(2).arguments, (QList<QByteArray>{"python3", "ex\t1.py"}));
    QCOMPARE(whole.at(9).arguments, (QList<QByteArray>{"sh", "-c", ""}));

    for (quint32 seed = 1; seed <= 50; ++seed) {
        QRandomGenerator random(seed);
        TraceRecordParser parser;
        QList<TraceEvent> pieces;
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype size = seed % 5 == 0 ? 1 : random.bounded(1, 4000);
            parser.feed(QByteArrayView(stream).sliced(at, qMin(size, stream.size() - at)), pieces);
            at += size;
        }
        parser.finish();
        QCOMPARE(describe(pieces), describe(whole));
        QCOMPARE(parser.invalidRecordCount(), wholeInvalid);
    }
}

void tst_Descendants::dropsAnOverlongLineAndCarriesOn()
{
    TraceRecordParser parser;
    QList<TraceEvent> events;
    const QByteArray chunk(64 * 1024, 'y');
    for (int i = 0; i < 64; ++i) // 4 MiB without a newline: none of it is kept
        parser.feed(chunk, events);
    QCOMPARE(parser.invalidRecordCount(), qint64(1));
    parser.feed("still the same line\nexit\t1\t5\t0\n", events);
    QCOMPARE(events.size(), 1);
    QCOMPARE(parser.invalidRecordCount(), qint64(1));
    parser.feed("exit\t1\t5", events); // cut short by the end of the stream
    parser.finish();
    QCOMPARE(events.size(), 1);
    QCOMPARE(parser.invalidRecordCount(), qint64(2));
}

void tst_Descendants::survivesRandomBytes()
{
    QRandomGenerator random(20240611);
    TraceRecordParser parser;
    QList<TraceEvent> events;
    qint64 planted = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray bytes(random.bounded(1, 2048), Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        // Tabs and known kinds make the garbage look like records more often.
        if (round % 3 == 0)
            bytes.prepend("exec\t1\t5\t");
        parser.feed(bytes, events);
        // A newline ends whatever came before; a valid record after it must come through.
        parser.feed("\nexit\t7\t4242\t0\n", events);
        ++planted;
    }
    parser.finish();
    qint64 found = 0;
    for (const TraceEvent &parsed : std::as_const(events)) {
        if (parsed.kind == TraceEvent::Kind::Exit && parsed.pid == 4242 && parsed.timeUs == 7)
            ++found;
    }
    QCOMPARE(found, planted);
}

void tst_Descendants::readerReadsAPipeInPieces()
{
    TraceEventReader::Channel channel = TraceEventReader::openChannel();
    QVERIFY(channel.isValid());
    TraceEventReader reader;
    QSignalSpy received(&reader, &TraceEventReader::eventsReceived);
    QSignalSpy finished(&reader, &TraceEventReader::finished);
    reader.start(channel.readFd);
    ::fcntl(channel.writeFd, F_SETFL, O_NONBLOCK);

    const QByteArray stream = sampleStream();
    const QList<TraceEvent> expected = parseAll(stream);
    // A record cut across writes, as a full pipe cuts it.
    QVERIFY(::write(channel.writeFd, stream.constData(), 20) == 20);
    QVERIFY(received.wait(5000));
    QVERIFY(::write(channel.writeFd, stream.constData() + 20, 40) == 40);
    qsizetype written = 60;
    while (written < stream.size()) {
        const ssize_t done = ::write(channel.writeFd,
                                     stream.constData() + written,
                                     size_t(stream.size() - written));
        if (done > 0)
            written += done;
        else
            QCoreApplication::processEvents(); // the pipe is full: let the reader drain it
    }
    TraceEventReader::closeDescriptor(channel.writeFd);
    QVERIFY(finished.wait(5000) || finished.size() == 1);
    QList<TraceEvent> events;
    for (const QList<QVariant> &arguments : std::as_const(received))
        events += arguments.first().value<QList<TraceEvent>>();
    QCOMPARE(describe(events), describe(expected));
    QCOMPARE(reader.parser().invalidRecordCount(), qint64(4));
    QVERIFY(!reader.isReading());
}

void tst_Descendants::buildsTheTreeFromEvents()
{
    DescendantTracker tracker;
    QSignalSpy changed(&tracker, &DescendantTracker::descendantsChanged);
    QSignalSpy rootEnded(&tracker, &DescendantTracker::rootEnded);
    tracker.apply({makeEvent(TraceEvent::Kind::Hello, 41, 1000),
                   startEvent(42, 41, 1000'000, ProcessOrigin::Root),
                   execEvent(42, 1001'000, {"python3", "example1.py"})});
    QCOMPARE(tracker.tracerPid(), qint64(41));
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1);
    const auto first = changed.takeFirst().first().value<DescendantTracker::Changes>();
    QCOMPARE(first.added, QList<quint64>{tracker.root()->id});
    QVERIFY(first.changed.isEmpty()); // the exec came in the same batch as the start

    tracker.apply({startEvent(43, 42, 1002'000), startEvent(44, 43, 1003'000)});
    const Descendant *child = tracker.findUnreaped(43);
    const Descendant *grandchild = tracker.findUnreaped(44);
    QVERIFY(child && grandchild);
    QCOMPARE(child->parentId, tracker.root()->id);
    QCOMPARE(grandchild->parentId, child->id);
    QCOMPARE(child->arguments, (QStringList{"python3", "example1.py"})); // as ps shows a fork
    QCOMPARE(child->execCount, 0);
    QCOMPARE(child->name(), QStringLiteral("python3"));
    QCOMPARE(child->startTime().toMSecsSinceEpoch(), qint64(1002));

    tracker.apply({execEvent(44, 1004'000, {"sleep", "1"}),
                   exitEvent(44, 1005'000, exited(0)),
                   exitEvent(43, 1006'000, exited(3)),
                   exitEvent(42, 1007'000, exited(0))});
    QCOMPARE(rootEnded.size(), 1);
    QCOMPARE(grandchild->name(), QStringLiteral("sleep"));
    QCOMPARE(grandchild->execCount, 1);
    QCOMPARE(child->exitInfo.pythonExitCode().value_or(-1), 3);
    QCOMPARE(child->endTime().toMSecsSinceEpoch(), qint64(1006));
    QCOMPARE(int(child->state), int(DescendantState::Ended));
    QVERIFY(!grandchild->orphan); // it ended before its parent
    const DescendantTracker::Summary summary = tracker.summary();
    QCOMPARE(summary.started, 3);
    QCOMPARE(summary.ended, 3);
    QCOMPARE(summary.alive, 0);
    QCOMPARE(summary.orphans, 0);
    QCOMPARE(tracker.ids().size(), 3);
    // Told at once, with the root's end, not a batch later: a view that ends the run on the
    // root's end (headless) must have heard of every child first.
    QCOMPARE(changed.size(), 1);
    const auto second = changed.last().first().value<DescendantTracker::Changes>();
    QCOMPARE(second.added.size(), 2);
    QCOMPARE(second.changed, QList<quint64>{tracker.root()->id});
}

void tst_Descendants::readsExitsTheThreeWays()
{
    const ExitInfo terminated = DescendantTracker::exitInfoFromWaitStatus(SIGTERM, false);
    QCOMPARE(terminated.pythonExitCode().value(), -15);
    QCOMPARE(terminated.shellExitCode().value(), 143);
    QCOMPARE(terminated.shortText(), QStringLiteral("-15 · SIGTERM"));
    QCOMPARE(int(terminated.reason), int(ExitInfo::Reason::KilledBySignal));
    const ExitInfo three = DescendantTracker::exitInfoFromWaitStatus(exited(3), false);
    QCOMPARE(three.pythonExitCode().value(), 3);
    QCOMPARE(three.shellExitCode().value(), 3);
    QCOMPARE(three.shortText(), QStringLiteral("3"));
    const ExitInfo coreDump = DescendantTracker::exitInfoFromWaitStatus(SIGSEGV | 0x80, false);
    QCOMPARE(coreDump.pythonExitCode().value(), -SIGSEGV);
}

void tst_Descendants::aStopOnRequestIsNoCrash()
{
    DescendantTracker tracker;
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root), startEvent(43, 42, 2)});
    tracker.apply({exitEvent(43, 3, SIGTERM)});
    QCOMPARE(int(tracker.findUnreaped(42)->state), int(DescendantState::Running));
    const Descendant *crashed = tracker.descendant(tracker.ids().at(1));
    QCOMPARE(int(crashed->exitInfo.reason), int(ExitInfo::Reason::KilledBySignal));
    QVERIFY(!crashed->exitInfo.isSuccess());

    tracker.noteStopRequested(SIGTERM);
    tracker.apply({exitEvent(42, 4, SIGTERM)});
    const Descendant *root = tracker.root();
    QCOMPARE(int(root->exitInfo.reason), int(ExitInfo::Reason::TerminatedOnRequest));
    QVERIFY(root->exitInfo.isSuccess());
    QCOMPARE(root->exitInfo.pythonExitCode().value(), -15);
}

void tst_Descendants::marksOrphans()
{
    DescendantTracker tracker;
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root),
                   startEvent(43, 42, 2),
                   startEvent(44, 43, 3),
                   startEvent(45, 43, 4),
                   exitEvent(45, 5, 0),
                   exitEvent(43, 6, 0)});
    QVERIFY(tracker.findUnreaped(44)->orphan);
    QVERIFY(!tracker.descendant(tracker.ids().at(3))->orphan); // ended before its parent
    QVERIFY(!tracker.findUnreaped(42)->orphan);
    QCOMPARE(tracker.summary().orphans, 1);
    // A child whose parent is already gone when its start arrives is an orphan from the start.
    tracker.apply({startEvent(46, 43, 7, ProcessOrigin::Unknown)});
    QVERIFY(tracker.findUnreaped(46)->orphan);
    QCOMPARE(tracker.summary().orphans, 2);
}

void tst_Descendants::aReusedPidEndsThePreviousHolder()
{
    DescendantTracker tracker;
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root),
                   startEvent(43, 42, 2),
                   startEvent(43, 42, 3)});
    QCOMPARE(tracker.count(), 3);
    const Descendant *first = tracker.descendant(tracker.ids().at(1));
    const Descendant *second = tracker.descendant(tracker.ids().at(2));
    QCOMPARE(int(first->state), int(DescendantState::Ended));
    QVERIFY(!first->exitInfo.hasEnded()); // how it ended is unknown, and not made up
    QCOMPARE(first->waitStatus, -1);
    QCOMPARE(tracker.findUnreaped(43), second);
    tracker.apply({exitEvent(43, 4, exited(1))});
    QCOMPARE(second->exitInfo.pythonExitCode().value_or(-1), 1);
}

void tst_Descendants::followsStopAndContinue()
{
    DescendantTracker tracker;
    TraceEvent stop = makeEvent(TraceEvent::Kind::Stop, 42, 2);
    stop.signalNumber = SIGSTOP;
    TraceEvent signal = makeEvent(TraceEvent::Kind::Signal, 42, 2);
    signal.signalNumber = SIGSTOP;
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root), signal, stop});
    QCOMPARE(int(tracker.root()->state), int(DescendantState::Stopped));
    QVERIFY(tracker.root()->isAlive());
    QCOMPARE(tracker.root()->signalCount, 1);
    QCOMPARE(tracker.root()->recentSignals.first().signalNumber, SIGSTOP);
    tracker.apply({makeEvent(TraceEvent::Kind::Continue, 42, 3)});
    QCOMPARE(int(tracker.root()->state), int(DescendantState::Running));
    for (int i = 0; i < 20; ++i)
        tracker.apply({signal});
    QCOMPARE(tracker.root()->signalCount, 21);
    QCOMPARE(tracker.root()->recentSignals.size(), Descendant::MaxRecentSignals);
}

void tst_Descendants::announcesTenThousandChildrenInOneBatch()
{
    DescendantTracker tracker;
    QSignalSpy changed(&tracker, &DescendantTracker::descendantsChanged);
    QList<TraceEvent> events{startEvent(42, 41, 1, ProcessOrigin::Root)};
    for (qint64 i = 0; i < 10000; ++i) {
        events.append(startEvent(1000 + i, 42, 10 + 2 * i));
        events.append(exitEvent(1000 + i, 11 + 2 * i, exited(i % 2)));
    }
    tracker.apply(events);
    QVERIFY(changed.wait(1000));
    QCoreApplication::processEvents(); // anything queued behind the batch has run
    QCOMPARE(changed.size(), 1);
    const auto changes = changed.first().first().value<DescendantTracker::Changes>();
    // Only what is kept is announced: the root and the last 1 000 that ended.
    QCOMPARE(changes.added.size(), 1 + DescendantTracker::DefaultEndedLimit);
    QVERIFY(changes.removed.isEmpty());
    QCOMPARE(tracker.count(), 1 + DescendantTracker::DefaultEndedLimit);
    QCOMPARE(tracker.descendant(changes.added.at(1))->pid, qint64(1000 + 9000));
    const DescendantTracker::Summary summary = tracker.summary();
    QCOMPARE(summary.started, 10001);
    QCOMPARE(summary.ended, 10000);
    QCOMPARE(summary.alive, 1);
    QCOMPARE(summary.forgotten, 9000);
    QCOMPARE(summary.forgottenFailed, 4500);
}

void tst_Descendants::forgetsOldEndedBeyondTheLimit()
{
    DescendantTracker tracker;
    tracker.setEndedLimit(2);
    QSignalSpy changed(&tracker, &DescendantTracker::descendantsChanged);
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root)});
    for (qint64 pid = 100; pid < 104; ++pid)
        tracker.apply({startEvent(pid, 42, pid)});
    QVERIFY(changed.wait(1000));
    const QList<quint64> ids = tracker.ids();
    QCOMPARE(ids.size(), 5);
    tracker.apply({exitEvent(100, 200, exited(1)), exitEvent(101, 201, 0), exitEvent(102, 202, 0)});
    QVERIFY(changed.wait(1000));
    const auto changes = changed.last().first().value<DescendantTracker::Changes>();
    QCOMPARE(changes.removed, QList<quint64>{ids.at(1)});
    QCOMPARE(changes.changed, (QList<quint64>{ids.at(2), ids.at(3)}));
    QCOMPARE(tracker.summary().forgotten, 1);
    QCOMPARE(tracker.summary().forgottenFailed, 1);
    QVERIFY(!tracker.descendant(ids.at(1)));
    QVERIFY(!tracker.findUnreaped(100));
    QVERIFY(tracker.findUnreaped(103)); // alive: always kept
    tracker.setEndedLimit(0);
    QCOMPARE(tracker.count(), 2); // the root is never forgotten
}

void tst_Descendants::saysEachNoteOnce()
{
    DescendantTracker tracker;
    QSignalSpy notes(&tracker, &DescendantTracker::noteAdded);
    TraceEvent note = makeEvent(TraceEvent::Kind::Note, 42, 1);
    note.code = "privileges";
    note.text = "/usr/bin/ping";
    tracker.apply({note, note});
    tracker.apply({note});
    QCOMPARE(notes.size(), 1);
    QCOMPARE(tracker.notes().first().repeats, 2);
    QVERIFY(tracker.notes().first().text.contains(QLatin1String("/usr/bin/ping")));
    QVERIFY(!tracker.isApproximate());
    note.code = "approximate";
    note.text = "ptrace: Operation not permitted";
    tracker.apply({note});
    QVERIFY(tracker.isApproximate());
    QCOMPARE(notes.size(), 2);
}

void tst_Descendants::announcesARootThatEndsInItsFirstBatch()
{
    DescendantTracker tracker;
    QSignalSpy rootEnded(&tracker, &DescendantTracker::rootEnded);
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root), exitEvent(42, 2, exited(2))});
    QCOMPARE(rootEnded.size(), 1);
    tracker.apply({exitEvent(42, 3, exited(2))});
    tracker.finishChannel();
    QCOMPARE(rootEnded.size(), 1);
}

void tst_Descendants::theChannelsEndEndsTheLiving()
{
    DescendantTracker tracker;
    QSignalSpy rootEnded(&tracker, &DescendantTracker::rootEnded);
    tracker.apply({startEvent(42, 41, 1, ProcessOrigin::Root), startEvent(43, 42, 2)});
    tracker.finishChannel();
    QVERIFY(tracker.isChannelFinished());
    QCOMPARE(rootEnded.size(), 1);
    QCOMPARE(tracker.summary().alive, 0);
    QVERIFY(!tracker.root()->exitInfo.hasEnded());
    QVERIFY(tracker.root()->endTimeUs > 0);
}

void tst_Descendants::countsEventsForUnknownProcesses()
{
    DescendantTracker tracker;
    tracker.apply({exitEvent(77, 1, 0), execEvent(78, 1, {"ls"})});
    QCOMPARE(tracker.unmatchedEventCount(), 2);
    QCOMPARE(tracker.count(), 0);
}

QTEST_GUILESS_MAIN(tst_Descendants)

#include "tst_descendants.moc"
