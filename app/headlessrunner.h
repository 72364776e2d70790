#pragma once

#include "launchoptions.h"

#include <QObject>
#include <QString>

namespace ProcLab {

struct OutputLine;
class Session;
class Worker;
struct WorkerEvent;

// proclab --headless: a view of the Session in a terminal. Worker stdout lines go to stdout, whole
// and at once; worker stderr lines to stderr; ProcLab's own events to stderr after "proclab: ".
// It runs the command line's plan and prints what happens; what runs, how it stops and the exit
// status are the Session's. Processes the followed workers create are told on stderr like workers
// ("started 4251 (child of 4250): …", "4251 (child of 4250) ended: exit code 0"); --prefix puts the
// worker's PID or name before each output line; --record writes the run to a file as it happens.
// Orphans a followed program leaves run on: the run ends when they have ended too (it says it is
// waiting for them), or when a SIGINT stops them.
class HeadlessRunner final : public QObject
{
    Q_OBJECT

public:
    HeadlessRunner(Session &session, const LaunchOptions &options, QObject *parent = nullptr);

    // Starts the plan; finished() follows when every worker has ended.
    void start();
    // A SIGINT, SIGTERM or SIGHUP to the monitor: stop every worker; a second one kills them.
    void stopOnSignal(int signalNumber);

signals:
    void finished(int exitStatus);

private:
    void sayWaitingForOrphans();
    void printOutput(const Worker *worker, const QList<OutputLine> &lines);
    void printToStdout(const QByteArray &bytes);
    void printMessage(const QString &text);
    QByteArray prefixOf(const Worker *worker) const;

    Session &m_session;
    const LaunchOptions m_options;
    bool m_outputClosed = false;
    bool m_finished = false;
};

} // namespace ProcLab
