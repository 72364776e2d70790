#include "headlessrunner.h"

#include "exitinfo.h"
#include "lessons.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QTimer>

#include <cerrno>
#include <csignal>
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

HeadlessRunner::HeadlessRunner(WorkerPool &pool,
                               const LaunchOptions &options,
                               const QString &workerProgram,
                               QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_options(options)
    , m_workerProgram(workerProgram)
{
    connect(&m_pool, &WorkerPool::outputReceived, this, &HeadlessRunner::printOutput);
    connect(&m_pool, &WorkerPool::eventOccurred, this, &HeadlessRunner::printEvent);
    connect(&m_pool, &WorkerPool::spawnRefused, this, [this](const QString &reason) {
        m_startFailed = true;
        printMessage(reason);
    });
    connect(&m_pool, &WorkerPool::allFinished, this, &HeadlessRunner::finish);
}

void HeadlessRunner::start()
{
    m_pool.setGracePeriod(m_options.grace);
    const DemoLanguage language = demoLanguageFromCode(m_options.languageCode);

    if (m_options.runsLesson()) {
        if (m_workerProgram.isEmpty()) {
            printMessage(tr("cannot run the lessons: the helper program proclab-worker was not "
                            "found beside proclab (set PROCLAB_WORKER to its path)"));
            m_startFailed = true;
            m_started = true;
            QTimer::singleShot(0, this, &HeadlessRunner::finish);
            return;
        }
        const QString line = Lessons::saysLine(QCoreApplication::applicationPid(),
                                               Lessons::mainProgramText(language));
        m_pool.appendMainProcessLine(line);
        writeAll(STDOUT_FILENO, line.toUtf8() + '\n');
    }

    for (const QStringList &arguments : m_options.runCommands) {
        WorkerSpec spec;
        spec.arguments = arguments;
        Worker *worker = m_pool.spawn(spec);
        if (worker && m_options.countdownSeconds > 0)
            m_pool.terminateAfter(worker, std::chrono::seconds(m_options.countdownSeconds));
    }
    if (m_options.runsCountingLesson()) {
        Lessons::startCountdownLesson(m_pool,
                                      m_workerProgram,
                                      std::chrono::seconds(m_options.countdownSeconds));
    }
    if (m_options.spawnCount > 0)
        Lessons::startSpawnLesson(m_pool, m_workerProgram, m_options.spawnCount, language);

    m_started = true;
    if (!m_pool.hasActiveWorkers())
        QTimer::singleShot(0, this, &HeadlessRunner::finish);
}

void HeadlessRunner::stopOnSignal(int signalNumber)
{
    if (m_stopSignal == 0) {
        m_stopSignal = signalNumber;
        const int active = m_pool.activeCount();
        const QString signal = signalName(signalNumber);
        printMessage(active == 1 ? tr("received %1: stopping 1 worker").arg(signal)
                                 : tr("received %1: stopping %2 workers").arg(signal).arg(active));
        m_pool.stopAll();
        return;
    }
    printMessage(tr("received %1 again: killing every worker now").arg(signalName(signalNumber)));
    for (Worker *worker : m_pool.workers())
        m_pool.kill(worker);
}

void HeadlessRunner::printOutput(const Worker *, const QList<OutputLine> &lines)
{
    if (m_outputClosed)
        return;
    QByteArray out;
    QByteArray err;
    for (const OutputLine &line : lines) {
        QByteArray &target = line.channel == OutputChannel::StdErr ? err : out;
        target += line.text.toUtf8();
        target += '\n';
    }
    if (!err.isEmpty())
        writeAll(STDERR_FILENO, err);
    if (!out.isEmpty() && !writeAll(STDOUT_FILENO, out)) {
        // Whoever read our output has gone (`proclab --headless --run yes | head`): stop, quietly.
        m_outputClosed = true;
        m_pool.stopAll();
    }
}

void HeadlessRunner::printEvent(const WorkerEvent &event)
{
    printMessage(event.text);
}

void HeadlessRunner::printMessage(const QString &text)
{
    writeAll(STDERR_FILENO, QByteArrayLiteral("proclab: ") + text.toUtf8() + '\n');
}

void HeadlessRunner::finish()
{
    // Workers that fail at once end before start() has started the rest: wait for all of them.
    if (!m_started || m_finished || m_pool.hasActiveWorkers())
        return;
    m_finished = true;
    int status = m_startFailed ? 1 : 0;
    for (const Worker *worker : m_pool.workers()) {
        if (!worker->exitInfo().isSuccess())
            status = 1;
    }
    if (m_stopSignal != 0)
        status = 128 + m_stopSignal;
    emit finished(status);
}

} // namespace ProcLab
