#pragma once

#include "launchoptions.h"

#include <QObject>
#include <QString>

namespace ProcLab {

struct OutputLine;
class Worker;
class WorkerPool;
struct WorkerEvent;

// proclab --headless: runs what the command line asked for and prints it as it happens. Worker stdout
// lines go to stdout, whole and at once; worker stderr lines to stderr; ProcLab's own events to stderr
// after "proclab: ". Finishes when every worker has ended, with the exit status --help describes.
class HeadlessRunner final : public QObject
{
    Q_OBJECT

public:
    HeadlessRunner(WorkerPool &pool,
                   const LaunchOptions &options,
                   const QString &workerProgram,
                   QObject *parent = nullptr);

    // Starts everything; finished() follows when all workers have ended.
    void start();
    // A SIGINT, SIGTERM or SIGHUP to the monitor: stop every worker; a second one kills them.
    void stopOnSignal(int signalNumber);

signals:
    void finished(int exitStatus);

private:
    void printOutput(const Worker *worker, const QList<OutputLine> &lines);
    void printEvent(const WorkerEvent &event);
    void printMessage(const QString &text);
    void finish();

    WorkerPool &m_pool;
    const LaunchOptions m_options;
    const QString m_workerProgram;
    int m_stopSignal = 0;
    bool m_startFailed = false;
    bool m_outputClosed = false;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace ProcLab
