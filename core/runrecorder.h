#pragma once

#include "recordwriter.h"

#include <QObject>

namespace ProcLab {

class DescendantReporter;
class Worker;
class WorkerPool;
struct Descendant;
struct OutputLine;
struct PythonCall;
struct WorkerEvent;

// Records what a pool's workers do, as it happens, in the record format (docs/record-format.md):
// each worker's start with its command line, the signals ProcLab sends it, every output line, and its
// end with the exit code in Python's convention; with a DescendantReporter, also the start, execs
// and end of every process the followed workers create; and a Python worker's multiprocessing
// calls. Start it before the first worker starts to have the whole run.
class RunRecorder final : public QObject
{
    Q_OBJECT

public:
    explicit RunRecorder(const WorkerPool &pool,
                         const DescendantReporter *descendants = nullptr,
                         QObject *parent = nullptr);
    ~RunRecorder() override;

    // Opens path and records from now on; false with errorString() when it cannot be written.
    bool start(const QString &path, const QJsonObject &headerFields = {});
    // Writes the closing record and closes the file.
    void stop();
    bool isRecording() const { return m_writer.isOpen(); }
    QString errorString() const { return m_writer.errorString(); }
    RecordWriter &writer() { return m_writer; }

signals:
    // Writing failed: the run goes on unrecorded.
    void failed(const QString &reason);

private:
    void recordOutput(const Worker *worker, const QList<OutputLine> &lines);
    void recordEvent(const WorkerEvent &event);
    void recordPythonCalls(const Worker *worker, const QList<PythonCall> &calls);
    void recordDescendantStart(const Worker *worker, const Descendant &descendant);
    void recordDescendantExec(const Descendant &descendant);
    void recordDescendantEnd(const Descendant &descendant);

    const WorkerPool &m_pool;
    RecordWriter m_writer;
};

} // namespace ProcLab
