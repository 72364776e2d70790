// proclab-soak: minutes of mixed spawning, flooding and stopping through the Session (its pool,
// sampler and Python mirror, as the program runs them; with --window, under a real MainWindow on the
// offscreen platform too), then a check that the monitor is back where it started: as many open file
// descriptors, no zombie, no child but the guardian, and a resident size that stopped growing once
// warmed up. Not part of `make test`; run it by hand or in a nightly job:
//
//     build/tests/soak/proclab-soak --minutes 10
//
// It prints its counters and exits 1 when something did not return to its baseline.
#include "allocator.h"
#include "mainwindow.h"
#include "processguardian.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>
#include <limits>
#include <malloc.h>
#include <memory>
#include <vector>

using namespace ProcLab;
using namespace std::chrono;

namespace {

constexpr int ChecksPerSecond = 50;
constexpr int RssSamplesPerMinute = 6;
// Resident memory may grow by this much after the warm-up: allocator slack, not a leak.
constexpr qint64 AllowedGrowthKb = 8 * 1024;

// What the heap holds for live objects, in kB: the allocator's view, apart from what it keeps cached
// or fragmented. A leak raises it; fragmentation raises only the resident size.
qint64 heapInUseKb()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64((info.uordblks + info.hblkhd) / 1024);
}

qint64 statusKb(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression line(QStringLiteral("^%1:\\s+(\\d+) kB").arg(QLatin1String(field)),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromLatin1(file.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// After the warm-up the figures move with what the bounded logs hold (a hundred thousand short
// lines weigh less than 24 M characters of long ones), so "flat" compares ceilings: the highest
// sample of the second half against that of the first. A leak lifts the ceiling. Prints the figures.
bool isFlat(const char *what, const std::vector<std::pair<qint64, qint64>> &samples, qint64 warmUpMs)
{
    std::vector<std::pair<qint64, qint64>> warm;
    for (const auto &sample : samples) {
        if (sample.first >= warmUpMs)
            warm.push_back(sample);
    }
    if (warm.size() < 4) {
        std::printf("%s after warm-up: not measured (run longer than %lld s)\n",
                    what,
                    warmUpMs / 1000);
        return true;
    }
    const auto half = warm.begin() + qsizetype(warm.size() / 2);
    qint64 firstHighest = 0;
    qint64 secondHighest = 0;
    qint64 lowest = std::numeric_limits<qint64>::max();
    double meanT = 0;
    double meanY = 0;
    for (auto it = warm.begin(); it != warm.end(); ++it) {
        qint64 &highest = it < half ? firstHighest : secondHighest;
        highest = std::max(highest, it->second);
        lowest = std::min(lowest, it->second);
        meanT += it->first / 60000.0;
        meanY += it->second / 1024.0;
    }
    meanT /= double(warm.size());
    meanY /= double(warm.size());
    double covariance = 0;
    double variance = 0;
    for (const auto &[atMs, kb] : warm) {
        covariance += (atMs / 60000.0 - meanT) * (kb / 1024.0 - meanY);
        variance += (atMs / 60000.0 - meanT) * (atMs / 60000.0 - meanT);
    }
    const qint64 growth = secondHighest - firstHighest;
    std::printf("%s after warm-up (from %lld s, %zu samples): %lld to %lld MB\n",
                what,
                warmUpMs / 1000,
                warm.size(),
                lowest / 1024,
                std::max(firstHighest, secondHighest) / 1024);
    std::printf("%s highest, first half: %lld MB; second half: %lld MB; growth %+lld MB "
                "(allowed %lld MB); trend %+.2f MB per minute\n",
                what,
                firstHighest / 1024,
                secondHighest / 1024,
                growth / 1024,
                AllowedGrowthKb / 1024,
                variance > 0 ? covariance / variance : 0.0);
    return growth <= AllowedGrowthKb;
}

struct Counters
{
    qint64 spawned = 0;
    qint64 refused = 0;
    qint64 exited = 0;
    qint64 terminated = 0;
    qint64 killed = 0;
    qint64 escalated = 0; // killed after ignoring a terminate for the grace period
    qint64 crashed = 0;   // ended by a signal nobody asked for
    qint64 failed = 0;    // failed to start
    qint64 lines = 0;
    qint64 workerDropped = 0; // lines that fell out of the workers' own histories
};

class Soak final : public QObject
{
public:
    Soak(milliseconds duration, int maxActive, quint32 seed, bool withWindow)
        : m_duration(duration)
        , m_maxActive(maxActive)
        , m_random(seed)
        , m_worker(TestSupport::workerProgram())
        , m_session(m_worker)
        , m_pool(m_session.pool())
    {
        if (withWindow) {
            m_window = std::make_unique<MainWindow>(m_session);
            m_window->show();
        }
    }

    // Returns the exit status.
    int run();

private:
    void tick();
    void spawnOne();
    void stopOne();
    void account(const Worker *worker);
    void report(bool final);

    const milliseconds m_duration;
    const int m_maxActive;
    QRandomGenerator m_random;
    const QString m_worker;
    ProcessGuardian m_guardian;
    Session m_session;
    WorkerPool &m_pool;
    std::unique_ptr<MainWindow> m_window;
    QTimer m_ticker;
    QTimer m_sweeper;  // clears ended workers, as a user of the window would now and then
    QTimer m_reporter; // a line of progress a minute
    QTimer m_rssSampler;
    std::vector<std::pair<qint64, qint64>> m_rss;  // (ms since the start, VmRSS kB)
    std::vector<std::pair<qint64, qint64>> m_heap; // (ms since the start, heap in use kB)
    // The heap in use less the output text the bounded logs hold now (two bytes a character; text
    // shared by the log and a worker's history counts twice, so this is a lower estimate). What
    // the logs hold swings with the mix of short and long lines; this does not.
    std::vector<std::pair<qint64, qint64>> m_heapBesidesText;
    QElapsedTimer m_clock;
    Counters m_counters;
    bool m_stopping = false;
};

int Soak::run()
{
    QString error;
    if (!m_guardian.start(m_worker, 500, &error)) {
        std::fprintf(stderr, "proclab-soak: cannot start the guardian: %s\n", qPrintable(error));
        return 2;
    }
    m_session.setGuardian(&m_guardian);
    m_session.setGracePeriod(milliseconds(300));
    m_pool.setMaxActiveWorkers(m_maxActive);
    connect(&m_pool,
            &WorkerPool::outputReceived,
            this,
            [this](Worker *, const QList<OutputLine> &lines) { m_counters.lines += lines.size(); });
    connect(&m_pool, &WorkerPool::workerFinished, this, [this](Worker *worker) { account(worker); });
    connect(&m_pool, &WorkerPool::spawnRefused, this, [this] { ++m_counters.refused; });

    // One worker first, so that Qt's lazily opened descriptors count in the baseline.
    WorkerSpec warmUp;
    warmUp.arguments = QStringList{m_worker, "say", "warm-up"};
    m_session.runCommand(warmUp);
    while (m_pool.hasActiveWorkers())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    m_session.clearFinished();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const int fdsAtStart = TestSupport::openFileDescriptorCount();

    m_clock.start();
    m_ticker.setInterval(1000 / ChecksPerSecond);
    connect(&m_ticker, &QTimer::timeout, this, &Soak::tick);
    m_ticker.start();
    connect(&m_sweeper, &QTimer::timeout, &m_session, &Session::clearFinished);
    m_sweeper.start(1000);
    connect(&m_reporter, &QTimer::timeout, this, [this] { report(false); });
    m_reporter.start(60000);
    connect(&m_rssSampler, &QTimer::timeout, this, [this] {
        m_rss.emplace_back(m_clock.elapsed(), statusKb("VmRSS"));
        m_heap.emplace_back(m_clock.elapsed(), heapInUseKb());
        qint64 characters = m_pool.log().characterCount();
        for (const Worker *worker : m_pool.workers())
            characters += worker->scrollback().characterCount();
        m_heapBesidesText.emplace_back(m_clock.elapsed(),
                                       m_heap.back().second - characters * 2 / 1024);
    });
    m_rssSampler.start(60000 / RssSamplesPerMinute);
    QEventLoop loop;
    connect(&m_pool, &WorkerPool::allFinished, &loop, [this, &loop] {
        if (m_stopping)
            loop.quit();
    });
    loop.exec();
    m_ticker.stop();
    m_sweeper.stop();
    m_reporter.stop();
    m_rssSampler.stop();

    m_session.clearFinished();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    // Processes just killed reach the monitor through the event loop: give them a few seconds.
    int fdsAtEnd = 0;
    int zombies = 0;
    int children = 0;
    QElapsedTimer settle;
    settle.start();
    do {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        fdsAtEnd = TestSupport::openFileDescriptorCount();
        zombies = TestSupport::zombieChildCount();
        QList<qint64> live = TestSupport::liveChildren(QCoreApplication::applicationPid());
        live.removeAll(m_guardian.pid());
        children = int(live.size());
    } while ((fdsAtEnd > fdsAtStart || zombies > 0 || children > 0) && settle.elapsed() < 5000);

    report(true);
    std::printf("log lines dropped: %lld\n", m_pool.log().droppedLines());
    std::printf("peak RSS: %lld MB\n", statusKb("VmHWM") / 1024);
    std::printf("RSS at the end: %lld MB\n", statusKb("VmRSS") / 1024);
    // Warmed up once the logs and histories are full: after a fifth of the run, at least a minute.
    const qint64 warmUpMs = std::max<qint64>(60000, m_duration.count() / 5);
    const bool rssFlat = isFlat("RSS", m_rss, warmUpMs);
    const bool heapFlat = isFlat("heap in use", m_heap, warmUpMs);
    isFlat("heap in use besides output text", m_heapBesidesText, warmUpMs);
    std::printf("workers in the table at the end: %d\n", m_pool.count());
    std::printf("Python mirror lines at the end: %lld\n",
                qlonglong(m_session.pythonMirror().lines().size()));
    std::printf("fds at start: %d\nfds at end: %d\n", fdsAtStart, fdsAtEnd);
    std::printf("zombies: %d\nchildren left: %d\n", zombies, children);
    const bool clean = fdsAtEnd <= fdsAtStart && zombies == 0 && children == 0 && rssFlat
                       && heapFlat;
    std::printf("result: %s\n", clean ? "back to baseline" : "NOT back to baseline");
    return clean ? 0 : 1;
}

void Soak::tick()
{
    if (m_stopping)
        return;
    if (m_clock.elapsed() >= m_duration.count()) {
        m_stopping = true;
        m_session.requestStop();
        return;
    }
    while (m_pool.activeCount() < m_maxActive)
        spawnOne();
    if (m_random.bounded(4) == 0)
        stopOne();
}

void Soak::spawnOne()
{
    const QString &program = m_worker;
    const auto number = [this](int low, int high) {
        return QString::number(low + int(m_random.bounded(high - low + 1)));
    };
    // Kinds that end by themselves, kinds that flood, kinds that must be stopped.
    QStringList arguments;
    bool longRunning = false;
    switch (m_random.bounded(14)) {
    case 0:
        arguments = {program, "say", "soak"};
        break;
    case 1:
        arguments = {program, "exit", number(0, 3)};
        break;
    case 2:
        arguments = {program, "crash"};
        break;
    case 3:
        arguments = {program, "flood", "--lines", number(1000, 200000)};
        break;
    case 4:
        arguments = {program, "flood", "--lines", number(10, 2000), "--length", "70000"};
        break;
    case 5:
        arguments = {program, "no-newline", "--bytes", number(1, 4 * 1024 * 1024)};
        break;
    case 6:
        arguments = {program, "progress", "--steps", number(100, 5000), "--interval-ms", "0"};
        break;
    case 7:
        arguments = {program, m_random.bounded(2) ? "bad-utf8" : "ansi"};
        break;
    case 8:
        arguments = {program, "count", "--interval-ms", number(1, 50)};
        longRunning = true;
        break;
    case 9:
        arguments = {program, "spawn-children", number(1, 4), "--ignore-term"};
        longRunning = true;
        break;
    case 10:
        arguments = {program, "ignore-term"};
        longRunning = true;
        break;
    case 11:
        arguments = {program, "sleep", number(0, 500)};
        break;
    case 12:
        arguments = {"/nonexistent/proclab-soak-program"};
        break;
    default:
        arguments = {"sh", "-c", "sleep 30 & echo $!"}; // leaves a child behind in its group
        break;
    }
    WorkerSpec spec;
    spec.arguments = arguments;
    Worker *worker = m_session.runCommand(spec);
    if (!worker)
        return;
    ++m_counters.spawned;
    if (longRunning && worker->isActive())
        m_pool.terminateAfter(worker, milliseconds(50 + m_random.bounded(2000)));
}

void Soak::stopOne()
{
    QList<Worker *> active;
    for (Worker *worker : m_pool.workers()) {
        if (worker->isActive())
            active.append(worker);
    }
    if (active.isEmpty())
        return;
    Worker *worker = active.at(int(m_random.bounded(int(active.size()))));
    if (m_random.bounded(2) == 0)
        m_pool.terminate(worker);
    else
        m_pool.kill(worker);
}

void Soak::account(const Worker *worker)
{
    const ExitInfo &exit = worker->exitInfo();
    switch (exit.reason) {
    case ExitInfo::Reason::TerminatedOnRequest:
        ++m_counters.terminated;
        break;
    case ExitInfo::Reason::KilledOnRequest:
        ++m_counters.killed;
        m_counters.escalated += exit.escalated ? 1 : 0;
        break;
    case ExitInfo::Reason::KilledBySignal:
        ++m_counters.crashed;
        break;
    case ExitInfo::Reason::FailedToStart:
        ++m_counters.failed;
        break;
    default:
        ++m_counters.exited;
        break;
    }
    m_counters.workerDropped += worker->scrollback().droppedLines();
}

void Soak::report(bool final)
{
    const Counters &c = m_counters;
    if (!final) {
        std::fprintf(stderr,
                     "proclab-soak: %lld s, %lld spawned, %d active, %lld lines, RSS %lld MB, "
                     "heap in use %lld MB\n",
                     m_clock.elapsed() / 1000,
                     c.spawned,
                     m_pool.activeCount(),
                     c.lines,
                     statusKb("VmRSS") / 1024,
                     heapInUseKb() / 1024);
        return;
    }
    std::printf("duration: %lld s\n", m_clock.elapsed() / 1000);
    std::printf("spawned: %lld\nrefused: %lld\n", c.spawned, c.refused);
    std::printf("exited: %lld\nterminated: %lld\nkilled: %lld (%lld after the grace period)\n",
                c.exited,
                c.terminated,
                c.killed,
                c.escalated);
    std::printf("crashed: %lld\nfailed to start: %lld\n", c.crashed, c.failed);
    std::printf("lines: %lld\nworker lines dropped: %lld\n", c.lines, c.workerDropped);
}

} // namespace

int main(int argc, char **argv)
{
    // As proclab does: the soak measures the program's memory, allocator settings included.
    ProcLab::Allocator::returnLargeBlocksToTheSystem();
    // --window needs a QApplication, and a platform without a display.
    bool withWindow = false;
    for (int i = 1; i < argc; ++i)
        withWindow = withWindow || qstrcmp(argv[i], "--window") == 0;
    if (withWindow && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application
            = withWindow ? std::make_unique<QApplication>(argc, argv)
                         : std::make_unique<QCoreApplication>(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Soak ProcLab's core: mixed spawning, flooding and stopping, then check "
                           "that descriptors, zombies and children are back to their baseline."));
    parser.addHelpOption();
    const QCommandLineOption minutes(QStringLiteral("minutes"),
                                     QStringLiteral("How long (default 10; fractions allowed)."),
                                     QStringLiteral("M"),
                                     QStringLiteral("10"));
    const QCommandLineOption maxActive(QStringLiteral("max-active"),
                                       QStringLiteral("Workers running at once (default 16)."),
                                       QStringLiteral("N"),
                                       QStringLiteral("16"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed (default: from the clock)."),
                                  QStringLiteral("N"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Show a MainWindow of the session too "
                                                   "(offscreen unless QT_QPA_PLATFORM says)."));
    parser.addOptions({minutes, maxActive, seed, window});
    parser.process(*application);

    bool minutesOk = false;
    bool activeOk = false;
    const double duration = parser.value(minutes).toDouble(&minutesOk);
    const int active = parser.value(maxActive).toInt(&activeOk);
    if (!minutesOk || duration <= 0 || !activeOk || active < 1) {
        std::fprintf(stderr, "proclab-soak: --minutes and --max-active take positive numbers\n");
        return 2;
    }
    const quint32 seedValue = parser.isSet(seed) ? parser.value(seed).toUInt()
                                                 : quint32(QDateTime::currentMSecsSinceEpoch());
    std::printf("seed: %u\n", seedValue);
    std::fflush(stdout);
    Soak soak(milliseconds(qint64(duration * 60000)), active, seedValue, withWindow);
    return soak.run();
}
