#include "windowscenarios.h"

#include "appsettings.h"
#include "launchoptions.h"
#include "lessons.h"
#include "mainwindow.h"
#include "probes.h"
#include "procstatus.h"
#include "recordkeeper.h"
#include "session.h"
#include "stats.h"
#include "worker.h"
#include "workerpool.h"

#if __has_include("recordopener.h")
#include "recordopener.h"
#include "recordplayer.h"
#define PROCLAB_BENCH_HAVE_REPLAY_WINDOW 1
#endif

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QLabel>
#include <QMainWindow>
#include <QWidget>

#include <memory>

namespace ProcLab::Bench {

namespace {

constexpr int ExposeTimeoutMs = 10000;
constexpr int StopTimeoutMs = 10000;
constexpr int NeverShown = 3; // exit status: the platform never exposed the window
// The size MainWindow gives itself, so that every window paints and keeps as many pixels.
constexpr int WindowWidth = 1100;
constexpr int WindowHeight = 720;

QString workerProgram()
{
    return QStringLiteral(PROCLAB_BENCH_WORKER);
}

WorkerSpec loadSpec(const LoadOptions &options)
{
    WorkerSpec spec;
    if (options.source == "pacer") {
        spec.arguments = {QStringLiteral(PROCLAB_BENCH_PACER),
                          QString::number(options.rate),
                          QStringLiteral("64")};
    } else if (options.source == "yes") {
        spec.arguments = {QStringLiteral("yes")};
    }
    return spec;
}

// Stops every worker and waits until the pool has seen them end, so no QProcess dies running.
void stopWorkers(WorkerPool &pool)
{
    pool.stopAll();
    spinUntil([&pool] { return !pool.hasActiveWorkers(); }, StopTimeoutMs);
}

// The size of the record this window is writing (the one file of the records folder held by a
// writer), or 0.
qint64 recordBytes()
{
    const QFileInfoList files = QDir(RecordKeeper::folder()).entryInfoList(QDir::Files);
    for (const QFileInfo &file : files) {
        if (RecordKeeper::isBeingWritten(file.filePath()))
            return file.size();
    }
    return 0;
}

} // namespace

int runLoad(const LoadOptions &options)
{
    Session session(workerProgram());
    WorkerPool &pool = session.pool();
    // Kept in memory, as MainWindow(session) does, with the one preference the bench varies.
    AppSettings settings{QString()};
    settings.setKeepsRecords(options.record);
    MainWindow window(session, LaunchOptions(), &settings, nullptr);
    window.show();
    if (!waitUntilExposed(&window, ExposeTimeoutMs))
        return NeverShown;
    spinFor(options.settleMs);

    const WorkerSpec spec = loadSpec(options);
    Heartbeat heartbeat;
    CpuMeter cpu;
    heartbeat.start();
    cpu.start();
    Worker *worker = spec.arguments.isEmpty() ? nullptr : pool.spawn(spec);
    spinFor(options.seconds * 1000);
    const double cpuPercent = cpu.percent();
    const double wallMs = cpu.wallMs();
    heartbeat.stop();
    const long long lines = worker ? worker->lineCount(OutputChannel::StdOut) : 0;
    const long long hwm = statusKilobytes("VmHWM");
    const long long rss = statusKilobytes("VmRSS");

    const std::vector<double> &gaps = heartbeat.gapsMs();
    reportValue("ticks", double(gaps.size()));
    reportValue("p50_ms", percentile(gaps, 0.5));
    reportValue("p99_ms", percentile(gaps, 0.99));
    reportValue("max_ms", summarize(gaps).max);
    reportValue("cpu_percent", cpuPercent);
    reportValue("hwm_kb", double(hwm));
    reportValue("rss_kb", double(rss));
    reportValue("lines", double(lines));
    reportValue("lines_per_second", double(lines) * 1000.0 / wallMs);
    if (worker && worker->state() != WorkerState::Running)
        reportNote("the load worker was no longer running at the end: " + options.source);
    reportValue("record_bytes", double(recordBytes()));
    stopWorkers(pool);
    return 0;
}

int runIdle(int seconds, int workers, int settleMs)
{
    Session session(workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session);
    window.show();
    if (!waitUntilExposed(&window, ExposeTimeoutMs))
        return NeverShown;
    for (int i = 0; i < workers; ++i)
        pool.spawn(Lessons::countingWorker(workerProgram()));
    spinFor(settleMs);

    // The end of the measurement is a timer too; it is ours, so it does not count.
    QEventLoop loop;
    QTimer end;
    end.setSingleShot(true);
    QObject::connect(&end, &QTimer::timeout, &loop, &QEventLoop::quit);
    WakeupCounter counter;
    counter.ignore(&end);
    CpuMeter cpu;
    cpu.start();
    end.start(seconds * 1000);
    loop.exec();
    const double cpuPercent = cpu.percent();
    const double wallMs = cpu.wallMs();

    reportValue("seconds", wallMs / 1000.0);
    reportValue("cpu_percent", cpuPercent);
    reportValue("timer_events", counter.timerEvents());
    reportValue("wakeups", counter.wakeups());
    reportValue("rss_kb", double(statusKilobytes("VmRSS")));
    for (const auto &[receiver, count] : counter.timerEventsByReceiver())
        reportNote(std::to_string(count) + " timer events to " + receiver);
    stopWorkers(pool);
    return 0;
}

int runStartup(const std::string &which, int settleMs)
{
    std::unique_ptr<Session> session;
    std::unique_ptr<QWidget> window;
    if (which == "proclab") {
        session = std::make_unique<Session>(workerProgram());
        window = std::make_unique<MainWindow>(*session);
    } else {
        window = std::make_unique<QWidget>();
        window->resize(WindowWidth, WindowHeight);
        if (which == "label")
            new QLabel(QStringLiteral("Process 4242 says: 메인 프로그램"), window.get());
    }
    QTimer settle;
    settle.setSingleShot(true);
    QObject::connect(&settle, &QTimer::timeout, qApp, [] {
        reportValue("rss_kb", double(statusKilobytes("VmRSS")));
        reportValue("hwm_kb", double(statusKilobytes("VmHWM")));
        QCoreApplication::quit();
    });
    const FirstPaintWatcher watcher(window.get(), [&settle, settleMs] {
        reportValue("shown", 1);
        settle.start(settleMs);
    });
    window->show();
    return QCoreApplication::exec();
}

int runOpen(const std::string &path, int settleMs)
{
#ifdef PROCLAB_BENCH_HAVE_REPLAY_WINDOW
    QString problem;
    // Shown by the opener; its first paint comes from the event loop, after the watcher is in.
    QMainWindow *window = RecordOpener::openRecord(QString::fromStdString(path), &problem);
    if (!window) {
        reportNote("cannot open " + path + ": " + problem.toStdString());
        return 1;
    }
    QTimer settle;
    settle.setSingleShot(true);
    QObject::connect(&settle, &QTimer::timeout, qApp, [] { QCoreApplication::quit(); });
    bool shown = false;
    bool indexed = false;
    const auto quitWhenDone = [&] {
        if (shown && indexed && !settle.isActive())
            settle.start(settleMs);
    };
    const FirstPaintWatcher watcher(window, [&] {
        reportValue("shown", 1);
        shown = true;
        quitWhenDone();
    });
    // The window's player: indexing runs on a thread of the pool, the window shows before it ends.
    auto *player = window->findChild<RecordPlayer *>();
    if (!player || player->isIndexed()) {
        indexed = true;
    } else {
        QObject::connect(player, &RecordPlayer::indexed, qApp, [&] {
            reportValue("indexed", 1);
            indexed = true;
            quitWhenDone();
        });
    }
    const int status = QCoreApplication::exec();
    delete window;
    return status;
#else
    (void) path;
    (void) settleMs;
    reportValue("no_replay_window", 1);
    reportNote("built without the replay window (ui/replay/recordopener.h)");
    return NoReplayWindow;
#endif
}

} // namespace ProcLab::Bench
