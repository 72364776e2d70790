#include "headlessrunner.h"

#include "descendantreporter.h"
#include "exitinfo.h"
#include "session.h"
#include "worker.h"

#include <cerrno>
#include <unistd.h>

namespace ProcLab {

namespace {

// One write(2) per batch: lines are never spliced with another writer's, and nothing waits in a
// buffer. Returns false when the reader has gone (EPIPE).
bool writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}

} // namespace

HeadlessRunner::HeadlessRunner(Session &session, const LaunchOptions &options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_options(options)
{
    WorkerPool &pool = m_session.pool();
    connect(&pool, &WorkerPool::outputReceived, this, &HeadlessRunner::printOutput);
    connect(&pool, &WorkerPool::eventOccurred, this, [this](const WorkerEvent &event) {
        printMessage(event.text);
    });
    connect(&m_session, &Session::mainProgramSaid, this, [this](const QString &line) {
        printToStdout(line.toUtf8() + '\n');
    });
    connect(&m_session, &Session::refused, this, &HeadlessRunner::printMessage);
    connect(&m_session, &Session::delayed, this, &HeadlessRunner::printMessage);
    const DescendantReporter &descendants = m_session.descendantReporter();
    connect(&descendants,
            &DescendantReporter::descendantStarted,
            this,
            [this](const Worker *, const Descendant &descendant) {
                printMessage(DescendantReporter::startText(descendant));
            });
    connect(&descendants,
            &DescendantReporter::descendantExeced,
            this,
            [this](const Worker *, const Descendant &descendant) {
                printMessage(DescendantReporter::execText(descendant));
            });
    connect(&descendants,
            &DescendantReporter::descendantEnded,
            this,
            [this](const Worker *, const Descendant &descendant) {
                printMessage(DescendantReporter::endText(descendant));
            });
    connect(&descendants,
            &DescendantReporter::noteAdded,
            this,
            [this](const Worker *, const DescendantTracker::Note &note) {
                printMessage(note.text);
            });
    // The workers' programs have ended, but the run goes on while their orphans do: said when the
    // last program ends, or when orphans are reported after it.
    connect(&pool, &WorkerPool::allFinished, this, &HeadlessRunner::sayWaitingForOrphans);
    connect(&pool, &WorkerPool::eventOccurred, this, [this](const WorkerEvent &event) {
        if (event.kind == WorkerEvent::Kind::OrphansKept && m_session.pool().activeCount() == 0)
            sayWaitingForOrphans();
    });
    connect(&m_session, &Session::finished, this, [this] {
        if (m_finished)
            return;
        m_finished = true;
        m_session.stopRecording();
        emit finished(m_session.exitStatus());
    });
}

void HeadlessRunner::start()
{
    if (!m_options.recordPath.isEmpty() && !m_session.startRecording(m_options.recordPath)) {
        // Nothing runs unrecorded when a record was asked for: the user would lose the run.
        printMessage(tr("cannot write the record %1: %2")
                             .arg(m_options.recordPath, m_session.recordingError()));
        m_finished = true;
        QMetaObject::invokeMethod(
                this, [this] { emit finished(2); }, Qt::QueuedConnection);
        return;
    }
    m_session.launch(m_options);
}

void HeadlessRunner::stopOnSignal(int signalNumber)
{
    const int active = m_session.pool().activeCount();
    const int orphans = m_session.counts().orphans;
    const QString signal = signalName(signalNumber);
    switch (m_session.requestStop(signalNumber)) {
    case Session::StopStep::Terminating:
        if (active == 0 && orphans > 0)
            printMessage(orphans == 1
                                 ? tr("received %1: stopping 1 orphan").arg(signal)
                                 : tr("received %1: stopping %2 orphans").arg(signal).arg(orphans));
        else
            printMessage(active == 1
                                 ? tr("received %1: stopping 1 worker").arg(signal)
                                 : tr("received %1: stopping %2 workers").arg(signal).arg(active));
        break;
    case Session::StopStep::Killing:
        printMessage(tr("received %1 again: killing every worker now").arg(signal));
        break;
    }
}

void HeadlessRunner::sayWaitingForOrphans()
{
    const int orphans = m_session.counts().orphans;
    if (orphans <= 0 || m_session.isStopping())
        return;
    printMessage(orphans == 1
                         ? tr("waiting for 1 orphan to end (Ctrl+C stops it)")
                         : tr("waiting for %1 orphans to end (Ctrl+C stops them)").arg(orphans));
}

void HeadlessRunner::printOutput(const Worker *worker, const QList<OutputLine> &lines)
{
    QByteArray out;
    QByteArray err;
    const QByteArray prefix = prefixOf(worker);
    const bool byWriter = m_options.outputPrefix == LaunchOptions::OutputPrefix::Pid;
    for (const OutputLine &line : lines) {
        QByteArray &target = line.channel == OutputChannel::StdErr ? err : out;
        // A Python worker's lines name the process that wrote each (its hook tells).
        if (byWriter && line.pid != 0)
            target += '[' + QByteArray::number(line.pid) + "] ";
        else
            target += prefix;
        target += line.text.toUtf8();
        target += '\n';
    }
    if (!err.isEmpty())
        writeAll(STDERR_FILENO, err);
    if (!out.isEmpty())
        printToStdout(out);
}

void HeadlessRunner::printToStdout(const QByteArray &bytes)
{
    if (m_outputClosed)
        return;
    if (!writeAll(STDOUT_FILENO, bytes)) {
        // Whoever read our output has gone (`proclab --headless --run yes | head`): stop, quietly.
        m_outputClosed = true;
        m_session.requestStop();
    }
}

void HeadlessRunner::printMessage(const QString &text)
{
    writeAll(STDERR_FILENO, QByteArrayLiteral("proclab: ") + text.toUtf8() + '\n');
}

QByteArray HeadlessRunner::prefixOf(const Worker *worker) const
{
    // The worker's: a line a child printed through the worker's pipe cannot be told apart from its
    // parent's without tracing every write (Python workers tell, through their hook: printOutput).
    switch (m_options.outputPrefix) {
    case LaunchOptions::OutputPrefix::Pid:
        return '[' + QByteArray::number(worker->pid()) + "] ";
    case LaunchOptions::OutputPrefix::Name:
        return '[' + worker->name().toUtf8() + "] ";
    case LaunchOptions::OutputPrefix::None:
        break;
    }
    return QByteArray();
}

} // namespace ProcLab
