#include "runrecorder.h"

#include "descendantreporter.h"
#include "exitinfo.h"
#include "outputline.h"
#include "worker.h"
#include "workerevent.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <csignal>

namespace ProcLab {

namespace {

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

QString reasonName(ExitInfo::Reason reason)
{
    switch (reason) {
    case ExitInfo::Reason::Exited:
        return QStringLiteral("exited");
    case ExitInfo::Reason::TerminatedOnRequest:
        return QStringLiteral("terminated");
    case ExitInfo::Reason::KilledOnRequest:
        return QStringLiteral("killed");
    case ExitInfo::Reason::KilledBySignal:
        return QStringLiteral("crashed");
    case ExitInfo::Reason::FailedToStart:
        return QStringLiteral("failed-to-start");
    case ExitInfo::Reason::NotEnded:
        break;
    }
    return QString();
}

} // namespace

RunRecorder::RunRecorder(const WorkerPool &pool,
                         const DescendantReporter *descendants,
                         QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    connect(&m_pool, &WorkerPool::outputReceived, this, &RunRecorder::recordOutput);
    connect(&m_pool, &WorkerPool::eventOccurred, this, &RunRecorder::recordEvent);
    connect(&m_pool, &WorkerPool::pythonCallsReceived, this, &RunRecorder::recordPythonCalls);
    // The monitor's own line ("Process 4242 says: 메인 프로그램"): an output line of its PID.
    connect(&m_pool,
            &WorkerPool::mainProcessLineAppended,
            this,
            [this](const QString &text, qint64 timestampMs) {
                if (m_writer.isOpen())
                    m_writer.writeOutput(timestampMs * 1000,
                                         QCoreApplication::applicationPid(),
                                         QLatin1String("stdout"),
                                         text);
            });
    if (descendants) {
        connect(descendants,
                &DescendantReporter::descendantStarted,
                this,
                &RunRecorder::recordDescendantStart);
        connect(descendants,
                &DescendantReporter::descendantExeced,
                this,
                [this](const Worker *, const Descendant &descendant) {
                    recordDescendantExec(descendant);
                });
        connect(descendants,
                &DescendantReporter::descendantEnded,
                this,
                [this](const Worker *, const Descendant &descendant) {
                    recordDescendantEnd(descendant);
                });
    }
    connect(&m_writer, &RecordWriter::failed, this, &RunRecorder::failed);
}

RunRecorder::~RunRecorder()
{
    stop();
}

bool RunRecorder::start(const QString &path, const QJsonObject &headerFields)
{
    QJsonObject header = headerFields;
    if (!header.contains(QLatin1String("command"))) {
        header.insert(QStringLiteral("command"),
                      QCoreApplication::arguments().join(QLatin1Char(' ')));
    }
    return m_writer.open(path, nowUs(), header);
}

void RunRecorder::stop()
{
    m_writer.close(nowUs());
}

void RunRecorder::recordOutput(const Worker *worker, const QList<OutputLine> &lines)
{
    if (!m_writer.isOpen())
        return;
    for (const OutputLine &line : lines) {
        if (line.channel == OutputChannel::Monitor)
            continue;
        m_writer.writeOutput(line.timestampMs * 1000,
                             line.pid != 0 ? qint64(line.pid) : worker->pid(),
                             line.channel == OutputChannel::StdErr ? QLatin1String("stderr")
                                                                   : QLatin1String("stdout"),
                             line.text);
    }
}

void RunRecorder::recordPythonCalls(const Worker *, const QList<PythonCall> &calls)
{
    if (!m_writer.isOpen())
        return;
    for (const PythonCall &call : calls) {
        QJsonObject fields{{QStringLiteral("call"), call.call}, {QStringLiteral("pid"), call.pid}};
        if (call.target > 0)
            fields.insert(QStringLiteral("target"), call.target);
        if (!call.name.isEmpty())
            fields.insert(QStringLiteral("name"), call.name);
        if (!call.function.isEmpty())
            fields.insert(QStringLiteral("function"), call.function);
        if (!call.arguments.isEmpty())
            fields.insert(QStringLiteral("args"), call.arguments);
        if (call.hasExitCode)
            fields.insert(QStringLiteral("exitcode"), call.exitCode);
        if (!call.pids.isEmpty()) {
            QJsonArray pids;
            for (const qint64 pid : call.pids)
                pids.append(pid);
            fields.insert(QStringLiteral("pids"), pids);
        }
        if (!call.file.isEmpty()) {
            fields.insert(QStringLiteral("file"), call.file);
            fields.insert(QStringLiteral("line"), call.line);
        }
        m_writer.write(call.timeUs, QLatin1String("python"), fields);
    }
}

void RunRecorder::recordEvent(const WorkerEvent &event)
{
    if (!m_writer.isOpen())
        return;
    const qint64 timeUs = event.timestampMs * 1000;
    const Worker *worker = m_pool.workerById(event.workerId);
    switch (event.kind) {
    case WorkerEvent::Kind::Started: {
        QJsonObject extra;
        if (worker && !worker->spec().name.isEmpty())
            extra.insert(QStringLiteral("name"), worker->spec().name);
        // What a replay shows of it: its tree (the Processes tab), its Python calls.
        if (worker && worker->descendants())
            extra.insert(QStringLiteral("followed"), true);
        if (worker && worker->isSeenAsPython())
            extra.insert(QStringLiteral("python"), true);
        // The tutorial's part it plays, for the Python panel's script of a replay.
        if (worker && worker->spec().lessonRole != WorkerSpec::LessonRole::None) {
            extra.insert(QStringLiteral("lesson"),
                         worker->spec().lessonRole == WorkerSpec::LessonRole::Counting
                                 ? QStringLiteral("counting")
                                 : QStringLiteral("sub-program"));
            extra.insert(QStringLiteral("lessonText"), worker->spec().lessonText);
        }
        // When ProcLab started it, its row's start time (t is when it ran, a few ms later): a
        // replay shows the same start and the same running time.
        if (worker && worker->startTime().isValid())
            extra.insert(QStringLiteral("startT"),
                         m_writer.timeSinceStart(worker->startTime().toMSecsSinceEpoch() * 1000));
        m_writer.writeProcessStart(timeUs,
                                   event.pid,
                                   QCoreApplication::applicationPid(),
                                   worker ? worker->spec().arguments : QStringList(),
                                   event.workerId,
                                   extra);
        break;
    }
    case WorkerEvent::Kind::FailedToStart:
    case WorkerEvent::Kind::Ended: {
        if (!worker)
            break;
        const ExitInfo &exit = worker->exitInfo();
        QJsonObject extra{{QStringLiteral("reason"), reasonName(exit.reason)}};
        if (event.kind == WorkerEvent::Kind::FailedToStart) {
            extra.insert(QStringLiteral("error"), exit.errorText);
            extra.insert(QStringLiteral("worker"), event.workerId);
            extra.insert(QStringLiteral("argv"),
                         QJsonArray::fromStringList(worker->spec().arguments));
        }
        m_writer.writeProcessExit(timeUs, event.pid, exit.pythonExitCode(), extra);
        break;
    }
    case WorkerEvent::Kind::TerminateSent:
        m_writer.writeSignal(timeUs, event.pid, SIGTERM, QLatin1String("group"));
        break;
    case WorkerEvent::Kind::KillSent:
        m_writer.writeSignal(timeUs, event.pid, SIGKILL, QLatin1String("group"));
        break;
    case WorkerEvent::Kind::Paused:
        m_writer.writeSignal(timeUs, event.pid, SIGSTOP, QLatin1String("group"));
        break;
    case WorkerEvent::Kind::Resumed:
        m_writer.writeSignal(timeUs, event.pid, SIGCONT, QLatin1String("group"));
        break;
    case WorkerEvent::Kind::SignalSent:
        m_writer.writeSignal(timeUs, event.pid, event.signalNumber, QLatin1String("group"));
        break;
    case WorkerEvent::Kind::ProcessSignalSent:
        m_writer.writeSignal(timeUs, event.pid, event.signalNumber, QLatin1String("process"));
        break;
    case WorkerEvent::Kind::PythonCall:
        break; // written whole, as a "python" record (recordPythonCalls)
    case WorkerEvent::Kind::LeftoversStopped:
    case WorkerEvent::Kind::OrphansKept:
        m_writer.write(timeUs,
                       QLatin1String("event"),
                       {{QStringLiteral("pid"), event.pid},
                        {QStringLiteral("text"), event.text},
                        {QStringLiteral("about"),
                         event.kind == WorkerEvent::Kind::OrphansKept
                                 ? QStringLiteral("orphans-kept")
                                 : QStringLiteral("leftovers-stopped")}});
        break;
    }
}

void RunRecorder::recordDescendantStart(const Worker *worker, const Descendant &descendant)
{
    if (!m_writer.isOpen())
        return;
    // Its program as it started: a child that exec'd at once gets its exec as a record of its own.
    QJsonObject extra;
    if (descendant.orphan)
        extra.insert(QStringLiteral("orphan"), true);
    m_writer.writeProcessStart(descendant.startTimeUs,
                               descendant.pid,
                               descendant.parentPid,
                               descendant.arguments,
                               worker->id(),
                               extra);
}

void RunRecorder::recordDescendantExec(const Descendant &descendant)
{
    // The tracer stamps starts and ends, not execs: an exec is dated when it was reported, at most
    // one batch (50 ms) late.
    if (m_writer.isOpen())
        m_writer.writeProcessExec(nowUs(), descendant.pid, descendant.arguments);
}

void RunRecorder::recordDescendantEnd(const Descendant &descendant)
{
    if (!m_writer.isOpen())
        return;
    const ExitInfo &exit = descendant.exitInfo;
    QJsonObject extra;
    if (exit.hasEnded())
        extra.insert(QStringLiteral("reason"), reasonName(exit.reason));
    if (descendant.orphan) {
        extra.insert(QStringLiteral("orphan"), true);
        if (descendant.reparentedTo > 0)
            extra.insert(QStringLiteral("reparentedTo"), descendant.reparentedTo);
    }
    m_writer.writeProcessExit(descendant.endTimeUs > 0 ? descendant.endTimeUs : nowUs(),
                              descendant.pid,
                              exit.hasEnded() ? exit.pythonExitCode() : std::nullopt,
                              extra);
}

} // namespace ProcLab
