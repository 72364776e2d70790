#include "headlessrunner.h"

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
    connect(&m_session, &Session::finished, this, [this] {
        if (m_finished)
            return;
        m_finished = true;
        emit finished(m_session.exitStatus());
    });
}

void HeadlessRunner::start()
{
    m_session.launch(m_options);
}

void HeadlessRunner::stopOnSignal(int signalNumber)
{
    const int active = m_session.pool().activeCount();
    const QString signal = signalName(signalNumber);
    switch (m_session.requestStop(signalNumber)) {
    case Session::StopStep::Terminating:
        printMessage(active == 1 ? tr("received %1: stopping 1 worker").arg(signal)
                                 : tr("received %1: stopping %2 workers").arg(signal).arg(active));
        break;
    case Session::StopStep::Killing:
        printMessage(tr("received %1 again: killing every worker now").arg(signal));
        break;
    }
}

void HeadlessRunner::printOutput(const Worker *, const QList<OutputLine> &lines)
{
    QByteArray out;
    QByteArray err;
    for (const OutputLine &line : lines) {
        QByteArray &target = line.channel == OutputChannel::StdErr ? err : out;
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

} // namespace ProcLab
