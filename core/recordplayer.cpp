#include "recordplayer.h"

#include "descendanttracker.h"
#include "recordindex.h"
#include "recordwriter.h"
#include "session.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimer>

#include <algorithm>
#include <csignal>

namespace ProcLab {

namespace {

// The header's sentences are RecordReader's own: one translation for both.
QString readerText(const char *text)
{
    return QCoreApplication::translate("ProcLab::RecordReader", text);
}

// A slice of feeding: then the event loop paints, whatever the size of the record.
constexpr qint64 SliceMs = 8;
constexpr int PositionIntervalMs = 50;
// A header longer than this is no header.
constexpr qint64 MaxHeaderBytes = 1024 * 1024;

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

// The raw wait status a process's recorded end stands for, as the tracer would have said it.
int waitStatusOf(int pythonExitCode)
{
    return pythonExitCode < 0 ? -pythonExitCode : (pythonExitCode & 0xff) << 8;
}

ExitInfo exitInfoOf(const QJsonObject &record)
{
    ExitInfo exit;
    const QString reason = record.value(QLatin1String("reason")).toString();
    const QJsonValue code = record.value(QLatin1String("exitcode"));
    if (reason == QLatin1String("failed-to-start") || code.isNull()) {
        exit.reason = ExitInfo::Reason::FailedToStart;
        exit.errorText = record.value(QLatin1String("error")).toString();
        return exit;
    }
    const int value = code.toInt();
    if (value >= 0) {
        exit.reason = ExitInfo::Reason::Exited;
        exit.exitCode = value;
        return exit;
    }
    exit.signalNumber = -value;
    if (reason == QLatin1String("killed")) {
        exit.reason = ExitInfo::Reason::KilledOnRequest;
        exit.stopRequested = true;
    } else if (reason == QLatin1String("terminated")) {
        exit.reason = ExitInfo::Reason::TerminatedOnRequest;
        exit.stopRequested = true;
    } else {
        exit.reason = ExitInfo::Reason::KilledBySignal;
    }
    return exit;
}

PythonCall pythonCallOf(const QJsonObject &record, qint64 timeUs)
{
    PythonCall call;
    call.call = record.value(QLatin1String("call")).toString();
    call.timeUs = timeUs;
    call.pid = record.value(QLatin1String("pid")).toInteger();
    call.target = record.value(QLatin1String("target")).toInteger();
    call.name = record.value(QLatin1String("name")).toString();
    call.function = record.value(QLatin1String("function")).toString();
    call.arguments = record.value(QLatin1String("args")).toString();
    const QJsonValue exitCode = record.value(QLatin1String("exitcode"));
    call.hasExitCode = exitCode.isDouble();
    call.exitCode = exitCode.toInt();
    for (const QJsonValue &pid : record.value(QLatin1String("pids")).toArray())
        call.pids.append(pid.toInteger());
    call.file = record.value(QLatin1String("file")).toString();
    call.line = record.value(QLatin1String("line")).toInt();
    return call;
}

TraceEvent traceEvent(TraceEvent::Kind kind, qint64 timeUs, qint64 pid)
{
    TraceEvent event;
    event.kind = kind;
    event.timeUs = timeUs;
    event.pid = pid;
    return event;
}

TraceEvent execEvent(qint64 timeUs, qint64 pid, const QStringList &argv)
{
    TraceEvent event = traceEvent(TraceEvent::Kind::Exec, timeUs, pid);
    event.executable = argv.value(0).toLocal8Bit();
    for (const QString &argument : argv)
        event.arguments.append(argument.toLocal8Bit());
    event.argumentCount = event.arguments.size();
    return event;
}

} // namespace

class RecordPlayer::Private
{
public:
    explicit Private(RecordPlayer *q)
        : q(q)
    {
        session.setReplay();
    }

    void reset();
    void startFeeding();
    void feedSlice();
    bool readNext();
    void feed(const QJsonObject &record, qint64 timeUs);
    void feedProcess(const QJsonObject &record, qint64 timeUs);
    void feedOutput(qint64 pid, bool isStdErr, const QString &text, qint64 timeUs);
    void flushOutput();
    Worker *ownerOf(qint64 pid) const;
    qint64 absoluteMs(qint64 timeUs) const { return startedMs + timeUs / 1000; }
    qint64 absoluteUs(qint64 timeUs) const { return startedMs * 1000 + timeUs; }
    void moveTo(qint64 positionUs);
    void playTick();
    void stopPlaying();

    RecordPlayer *q;
    Session session{QString()};
    RecordIndex index;
    QString path;
    QJsonObject header;
    qint64 startedMs = 1;
    qint64 monitorPid = 0;
    qint64 headerEnd = 0; // the first byte after the header's line
    int headerLines = 1;
    bool newerVersion = false;
    QString openProblem;

    // Feeding: the file read up to feedFile.pos(), every record up to fedUs fed, and the next
    // record read but not yet due (its time is after the position).
    QFile feedFile;
    qint64 positionUs = 0;
    qint64 fedUs = -1;
    bool feedEnded = false;
    bool havePending = false;
    QByteArray pendingLine;
    qint64 pendingTimeUs = 0;
    QTimer feedTimer;
    QHash<qint64, int> workerOfPid; // worker's and descendants' PIDs → worker id
    Worker *outputWorker = nullptr; // consecutive lines of one worker go as one batch
    QList<OutputLine> outputLines;
    bool seekWhenIndexed = false;
    qint64 requestedUs = 0;
    bool toEndWhenIndexed = false;

    // Playing: the position is playFromUs + the time since playClock started × speed.
    QTimer playTimer;
    QElapsedTimer playClock;
    qint64 playFromUs = 0;
    double speed = 1.0;
    bool playing = false;
    bool playWhenIndexed = false;
};

void RecordPlayer::Private::reset()
{
    // Back to an empty run, the file at the first record after the header.
    flushOutput();
    session.resetReplay();
    workerOfPid.clear();
    havePending = false;
    pendingLine.clear();
    feedEnded = false;
    fedUs = -1;
    if (feedFile.isOpen())
        feedFile.seek(headerEnd);
}

void RecordPlayer::Private::startFeeding()
{
    if (!feedTimer.isActive())
        feedTimer.start();
}

bool RecordPlayer::Private::readNext()
{
    // The next record of the file, into pending: false at the end of what can be read.
    if (havePending)
        return true;
    if (feedEnded || !feedFile.isOpen())
        return false;
    const RecordIndexResult &indexed = index.result();
    while (true) {
        if (index.isFinished() && feedFile.pos() >= indexed.readableEnd) {
            feedEnded = true;
            return false;
        }
        QByteArray line = feedFile.readLine();
        if (line.isEmpty()) {
            feedEnded = true;
            return false;
        }
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        QByteArrayView kind;
        qint64 timeUs = 0;
        if (!RecordLine::readPrefix(line, &kind, &timeUs)) {
            // Not the writer's order of keys: parsed whole to know its time.
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            const QJsonValue t = record.value(QLatin1String("t"));
            if (!t.isDouble()) {
                feedEnded = true; // the index names the line
                return false;
            }
            timeUs = RecordLine::microseconds(t.toDouble());
        }
        pendingLine = std::move(line);
        pendingTimeUs = timeUs;
        havePending = true;
        return true;
    }
}

void RecordPlayer::Private::feedSlice()
{
    QElapsedTimer slice;
    slice.start();
    int fedInSlice = 0;
    while (readNext() && pendingTimeUs <= positionUs) {
        // Output lines, by the million, the short way; the rest (and any output line not as
        // the writer writes it) through the JSON parser.
        qint64 pid = 0;
        bool isStdErr = false;
        QString text;
        if (pendingLine.startsWith("{\"kind\":\"output\",")
            && RecordLine::readOutput(pendingLine, &pid, &isStdErr, &text)) {
            havePending = false;
            feedOutput(pid, isStdErr, text, pendingTimeUs);
        } else {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(pendingLine, &error);
            havePending = false;
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                feedEnded = true; // the index names the line and says why
                break;
            }
            feed(document.object(), pendingTimeUs);
        }
        if (++fedInSlice % 64 == 0 && slice.elapsed() >= SliceMs) {
            flushOutput();
            feedTimer.start(); // the rest on the next turn
            return;
        }
    }
    flushOutput();
    fedUs = positionUs;
    emit q->caughtUp();
}

Worker *RecordPlayer::Private::ownerOf(qint64 pid) const
{
    const auto found = workerOfPid.constFind(pid);
    return found == workerOfPid.cend() ? nullptr : session.pool().workerById(found.value());
}

void RecordPlayer::Private::flushOutput()
{
    if (outputWorker && !outputLines.isEmpty())
        outputWorker->replayOutput(outputLines);
    outputLines.clear();
    outputWorker = nullptr;
}

void RecordPlayer::Private::feed(const QJsonObject &record, qint64 timeUs)
{
    const QString kind = record.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("output")) {
        feedOutput(record.value(QLatin1String("pid")).toInteger(),
                   record.value(QLatin1String("stream")).toString() == QLatin1String("stderr"),
                   record.value(QLatin1String("text")).toString(),
                   timeUs);
        return;
    }
    flushOutput();
    const qint64 timeMs = absoluteMs(timeUs);
    if (kind == QLatin1String("process")) {
        feedProcess(record, timeUs);
    } else if (kind == QLatin1String("signal")) {
        const qint64 pid = record.value(QLatin1String("pid")).toInteger();
        const int signalNumber = record.value(QLatin1String("signal")).toInt();
        Worker *worker = ownerOf(pid);
        if (!worker)
            return;
        WorkerEvent::Kind eventKind = WorkerEvent::Kind::SignalSent;
        if (record.value(QLatin1String("target")).toString() == QLatin1String("process")) {
            eventKind = WorkerEvent::Kind::ProcessSignalSent;
        } else {
            switch (signalNumber) {
            case SIGTERM:
                eventKind = WorkerEvent::Kind::TerminateSent;
                break;
            case SIGKILL:
                eventKind = WorkerEvent::Kind::KillSent;
                break;
            case SIGSTOP:
                eventKind = WorkerEvent::Kind::Paused;
                break;
            case SIGCONT:
                eventKind = WorkerEvent::Kind::Resumed;
                break;
            default:
                break;
            }
        }
        worker->replaySignal(timeMs, eventKind, signalNumber, pid);
    } else if (kind == QLatin1String("python")) {
        const PythonCall call = pythonCallOf(record, absoluteUs(timeUs));
        if (Worker *worker = ownerOf(call.pid))
            worker->replayPythonCalls(timeMs, {call});
    } else if (kind == QLatin1String("event")) {
        const qint64 pid = record.value(QLatin1String("pid")).toInteger();
        const QString text = record.value(QLatin1String("text")).toString();
        const WorkerEvent::Kind eventKind = record.value(QLatin1String("about")).toString()
                                                            == QLatin1String("orphans-kept")
                                                    ? WorkerEvent::Kind::OrphansKept
                                                    : WorkerEvent::Kind::LeftoversStopped;
        if (Worker *worker = ownerOf(pid))
            worker->replayEvent(timeMs, eventKind, text);
        else
            session.pool().appendMonitorLine(0, text);
    }
    // header, end, and kinds a later version adds: nothing to show.
}

void RecordPlayer::Private::feedOutput(qint64 pid, bool isStdErr, const QString &text, qint64 timeUs)
{
    if (pid == monitorPid) {
        // The monitor's own line: the lessons' main program.
        flushOutput();
        session.replayMainProgramLine(text, absoluteMs(timeUs));
        return;
    }
    Worker *worker = ownerOf(pid);
    if (!worker)
        return; // of a process whose start the record lacks
    if (worker != outputWorker)
        flushOutput();
    outputWorker = worker;
    OutputLine line;
    line.text = text;
    line.timestampMs = absoluteMs(timeUs);
    line.workerId = worker->id();
    // The program's own lines read as its pipe's, with the worker's PID and colour.
    line.pid = pid == worker->pid() ? 0 : qint32(pid);
    line.channel = isStdErr ? OutputChannel::StdErr : OutputChannel::StdOut;
    outputLines.append(line);
}

void RecordPlayer::Private::feedProcess(const QJsonObject &record, qint64 timeUs)
{
    const QString event = record.value(QLatin1String("event")).toString();
    const qint64 pid = record.value(QLatin1String("pid")).toInteger();
    const qint64 timeMs = absoluteMs(timeUs);
    const qint64 eventUs = absoluteUs(timeUs);
    WorkerPool &pool = session.pool();

    if (event == QLatin1String("start")) {
        const qint64 parentPid = record.value(QLatin1String("ppid")).toInteger();
        const int workerId = record.value(QLatin1String("worker")).toInt();
        const QStringList argv = stringList(record.value(QLatin1String("argv")));
        const bool isWorker = workerId > 0 && !pool.workerById(workerId)
                              && (parentPid == monitorPid || !workerOfPid.contains(parentPid));
        if (isWorker) {
            WorkerSpec spec;
            spec.arguments = argv;
            spec.name = record.value(QLatin1String("name")).toString();
            const QString lesson = record.value(QLatin1String("lesson")).toString();
            if (lesson == QLatin1String("counting"))
                spec.lessonRole = WorkerSpec::LessonRole::Counting;
            else if (lesson == QLatin1String("sub-program"))
                spec.lessonRole = WorkerSpec::LessonRole::SubProgram;
            spec.lessonText = record.value(QLatin1String("lessonText")).toString();
            spec.followChildren = record.value(QLatin1String("followed")).toBool()
                                  || index.result().followedWorkers.contains(workerId);
            Worker *worker = pool.addReplayWorker(workerId,
                                                  spec,
                                                  record.value(QLatin1String("python")).toBool());
            workerOfPid.insert(pid, workerId);
            const QJsonValue startT = record.value(QLatin1String("startT"));
            worker->replayStart(timeMs,
                                pid,
                                startT.isDouble()
                                        ? absoluteMs(RecordLine::microseconds(startT.toDouble()))
                                        : 0);
            if (DescendantTracker *tracker = worker->descendants()) {
                // Its program is the tree's root, as the tracer names it.
                TraceEvent root = traceEvent(TraceEvent::Kind::Start, eventUs, pid);
                root.origin = ProcessOrigin::Root;
                tracker->apply({root, execEvent(eventUs, pid, argv)});
            }
            return;
        }
        Worker *owner = workerId > 0 ? pool.workerById(workerId) : ownerOf(parentPid);
        if (!owner)
            owner = ownerOf(parentPid);
        DescendantTracker *tracker = owner ? owner->descendants() : nullptr;
        if (!tracker)
            return;
        workerOfPid.insert(pid, owner->id());
        TraceEvent start = traceEvent(TraceEvent::Kind::Start, eventUs, pid);
        start.parentPid = parentPid;
        start.origin = ProcessOrigin::Fork;
        QList<TraceEvent> events{start};
        // Told with what it runs by then: an exec soon after the fork is part of its start.
        const Descendant *parent = tracker->findUnreaped(parentPid);
        if (!argv.isEmpty() && (!parent || parent->arguments != argv))
            events.append(execEvent(eventUs, pid, argv));
        tracker->apply(events);
        return;
    }

    if (event == QLatin1String("exec")) {
        Worker *owner = ownerOf(pid);
        if (DescendantTracker *tracker = owner ? owner->descendants() : nullptr)
            tracker->apply(
                    {execEvent(eventUs, pid, stringList(record.value(QLatin1String("argv"))))});
        return;
    }

    if (event != QLatin1String("exit"))
        return;
    const ExitInfo exit = exitInfoOf(record);
    if (exit.reason == ExitInfo::Reason::FailedToStart) {
        // A worker that never started has no start record: its row is made here.
        const int workerId = record.value(QLatin1String("worker")).toInt();
        Worker *worker = workerId > 0 ? pool.workerById(workerId) : ownerOf(pid);
        if (!worker && workerId > 0) {
            WorkerSpec spec;
            spec.arguments = stringList(record.value(QLatin1String("argv")));
            worker = pool.addReplayWorker(workerId, spec, false);
        }
        if (worker && worker->pid() == pid && worker->isActive())
            worker->replayFailedToStart(timeMs, exit.errorText);
        else if (worker && !worker->exitInfo().hasEnded() && worker->pid() == 0)
            worker->replayFailedToStart(timeMs, exit.errorText);
        else if (DescendantTracker *tracker = worker ? worker->descendants() : nullptr)
            tracker->apply({traceEvent(TraceEvent::Kind::Lost, eventUs, pid)});
        return;
    }
    Worker *owner = ownerOf(pid);
    if (!owner)
        return;
    DescendantTracker *tracker = owner->descendants();
    const int code = record.value(QLatin1String("exitcode")).toInt();
    if (owner->pid() == pid && owner->isActive()) {
        if (tracker) {
            TraceEvent end = traceEvent(TraceEvent::Kind::Exit, eventUs, pid);
            end.waitStatus = waitStatusOf(code);
            tracker->apply({end});
        }
        owner->replayEnd(timeMs, exit);
        return;
    }
    if (!tracker)
        return;
    const qint64 reparentedTo = record.value(QLatin1String("reparentedTo")).toInteger();
    if (reparentedTo > 0)
        tracker->setReparentedTo(pid, reparentedTo);
    // Stopped on request, as the record says, and not its siblings that died of the same signal.
    if (exit.stopRequested && exit.signalNumber != 0)
        tracker->noteSignalSentTo(pid, exit.signalNumber);
    TraceEvent end = traceEvent(TraceEvent::Kind::Exit, eventUs, pid);
    end.waitStatus = waitStatusOf(code);
    tracker->apply({end});
}

void RecordPlayer::Private::moveTo(qint64 position)
{
    // Back in time: the run is fed again from its start.
    if (position < positionUs)
        reset();
    positionUs = position;
    session.pool().setReplayClock(qMax<qint64>(1, absoluteMs(position)));
    emit q->positionChanged(positionUs);
    startFeeding();
}

void RecordPlayer::Private::playTick()
{
    const qint64 duration = index.result().durationUs;
    const qint64 position = playFromUs + qint64(double(playClock.nsecsElapsed()) / 1000.0 * speed);
    if (position >= duration) {
        moveTo(duration);
        stopPlaying();
        return;
    }
    moveTo(position);
}

void RecordPlayer::Private::stopPlaying()
{
    playTimer.stop();
    if (!playing)
        return;
    playing = false;
    emit q->playingChanged(false);
}

RecordPlayer::RecordPlayer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->feedTimer.setSingleShot(true);
    d->feedTimer.setInterval(0);
    connect(&d->feedTimer, &QTimer::timeout, this, [this] { d->feedSlice(); });
    // The position moves at most every 50 ms: views repaint at the pool's pace, no faster.
    d->playTimer.setInterval(PositionIntervalMs);
    d->playTimer.setTimerType(Qt::PreciseTimer);
    connect(&d->playTimer, &QTimer::timeout, this, [this] { d->playTick(); });
    connect(&d->index, &RecordIndex::progress, this, &RecordPlayer::indexingProgress);
    connect(&d->index, &RecordIndex::finished, this, [this] {
        emit indexed();
        if (d->toEndWhenIndexed) {
            d->toEndWhenIndexed = false;
            seekToEnd();
        } else if (d->seekWhenIndexed) {
            d->seekWhenIndexed = false;
            seek(d->requestedUs);
        }
        if (d->playWhenIndexed) {
            d->playWhenIndexed = false;
            play();
        }
    });
}

RecordPlayer::~RecordPlayer() = default;

bool RecordPlayer::open(const QString &path)
{
    d->path = path;
    d->openProblem.clear();
    d->header = QJsonObject();
    d->newerVersion = false;
    if (d->playing)
        d->stopPlaying();
    d->feedTimer.stop();
    d->feedFile.close();
    d->reset();
    d->positionUs = 0;

    d->feedFile.setFileName(path);
    if (!d->feedFile.open(QIODevice::ReadOnly)) {
        d->openProblem = readerText("cannot open %1: %2").arg(path, d->feedFile.errorString());
        return false;
    }
    // The header, at once: the first line that is not blank.
    QByteArray line;
    d->headerLines = 0;
    while (!d->feedFile.atEnd()) {
        line = d->feedFile.readLine(MaxHeaderBytes);
        ++d->headerLines;
        if (!line.trimmed().isEmpty())
            break;
    }
    const QJsonObject header = QJsonDocument::fromJson(line).object();
    if (line.trimmed().isEmpty()) {
        d->openProblem = readerText("the record is empty");
    } else if (header.value(QLatin1String("kind")).toString() != QLatin1String("header")
               || header.value(QLatin1String("format")).toString()
                          != QLatin1String("proclab-record")) {
        d->openProblem = readerText(
                "this is not a ProcLab record: its first line is not a record header");
    } else if (header.value(QLatin1String("version")).toInt() < 1) {
        d->openProblem = readerText("the record header has no valid version");
    }
    if (!d->openProblem.isEmpty()) {
        d->feedFile.close();
        return false;
    }
    d->header = header;
    d->headerEnd = d->feedFile.pos();
    const int version = header.value(QLatin1String("version")).toInt();
    if (version > RecordWriter::FormatVersion) {
        d->newerVersion = true;
        d->openProblem = readerText("this record was written by a newer ProcLab (format %1; this "
                                    "version reads format %2): what it does not know is left out")
                                 .arg(version)
                                 .arg(RecordWriter::FormatVersion);
    }
    // ISO 8601, read the same under any locale.
    const QDateTime started = QDateTime::fromString(header.value(QLatin1String("started")).toString(),
                                                    Qt::ISODateWithMs);
    d->startedMs = started.isValid() ? qMax<qint64>(1, started.toMSecsSinceEpoch()) : 1;
    d->monitorPid = header.value(QLatin1String("monitorPid")).toInteger();
    d->session.pool().setReplayClock(d->startedMs);
    d->index.start(path, d->headerEnd, d->headerLines, d->monitorPid);
    // What happened at t = 0, as soon as it can be shown.
    d->fedUs = -1;
    d->startFeeding();
    return true;
}

QString RecordPlayer::path() const
{
    return d->path;
}

QJsonObject RecordPlayer::header() const
{
    return d->header;
}

Session &RecordPlayer::session()
{
    return d->session;
}

qint64 RecordPlayer::durationUs() const
{
    return d->index.result().durationUs;
}

bool RecordPlayer::isIndexed() const
{
    return d->index.isFinished();
}

qint64 RecordPlayer::recordCount() const
{
    return d->index.result().recordCount;
}

bool RecordPlayer::isNewerVersion() const
{
    return d->newerVersion;
}

bool RecordPlayer::isComplete() const
{
    return d->index.result().complete;
}

QString RecordPlayer::problem() const
{
    // Where reading stopped says more than the version: the version is said when nothing stopped.
    if (!d->index.result().problem.isEmpty())
        return d->index.result().problem;
    return d->openProblem;
}

int RecordPlayer::problemLine() const
{
    return d->index.result().problemLine;
}

qint64 RecordPlayer::positionUs() const
{
    return d->positionUs;
}

void RecordPlayer::seek(qint64 positionUs)
{
    if (!d->feedFile.isOpen())
        return;
    if (!isIndexed()) {
        // The duration is not known yet: the position is taken once it is.
        d->seekWhenIndexed = true;
        d->toEndWhenIndexed = false;
        d->requestedUs = positionUs;
        return;
    }
    const qint64 position = qBound<qint64>(0, positionUs, durationUs());
    if (d->playing) {
        d->playFromUs = position;
        d->playClock.restart();
    }
    d->moveTo(position);
}

void RecordPlayer::seekToEnd()
{
    if (!d->feedFile.isOpen())
        return;
    if (!isIndexed()) {
        d->toEndWhenIndexed = true;
        d->seekWhenIndexed = false;
        return;
    }
    seek(durationUs());
}

void RecordPlayer::stepForward()
{
    if (!isIndexed())
        return;
    const std::vector<qint64> &times = d->index.result().eventTimesUs;
    const auto next = std::upper_bound(times.cbegin(), times.cend(), d->positionUs);
    seek(next == times.cend() ? durationUs() : *next);
}

void RecordPlayer::stepBackward()
{
    if (!isIndexed())
        return;
    const std::vector<qint64> &times = d->index.result().eventTimesUs;
    const auto after = std::lower_bound(times.cbegin(), times.cend(), d->positionUs);
    seek(after == times.cbegin() ? 0 : *(after - 1));
}

void RecordPlayer::play()
{
    if (d->playing || !d->feedFile.isOpen())
        return;
    if (!isIndexed()) {
        d->playWhenIndexed = true;
        return;
    }
    // Played to its end: from the start again.
    if (d->positionUs >= durationUs())
        d->moveTo(0);
    d->playing = true;
    d->playFromUs = d->positionUs;
    d->playClock.start();
    d->playTimer.start();
    emit playingChanged(true);
}

void RecordPlayer::pause()
{
    d->playWhenIndexed = false;
    d->stopPlaying();
}

bool RecordPlayer::isPlaying() const
{
    return d->playing;
}

double RecordPlayer::speed() const
{
    return d->speed;
}

void RecordPlayer::setSpeed(double speed)
{
    const double clamped = qBound(MinimumSpeed, speed, MaximumSpeed);
    if (d->playing) {
        // From here on at the new pace.
        d->playFromUs += qint64(double(d->playClock.nsecsElapsed()) / 1000.0 * d->speed);
        d->playClock.restart();
    }
    d->speed = clamped;
}

} // namespace ProcLab
