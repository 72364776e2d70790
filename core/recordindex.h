#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace ProcLab {

// What RecordIndex learns of a record: enough to move around in it without holding it.
struct RecordIndexResult
{
    // A place to start reading from: the byte offset of a record's line, its time, its line.
    struct Checkpoint
    {
        qint64 offset = 0;
        qint64 timeUs = 0;
        qint64 line = 0; // 1-based
    };

    QList<Checkpoint> checkpoints;    // one every RecordIndex::CheckpointInterval records
    std::vector<qint64> eventTimesUs; // the events' times (not output lines'), sorted
    QSet<int> followedWorkers;        // workers with descendants in the record
    qint64 durationUs = 0;            // the latest time of any record
    qint64 recordCount = 0;           // the header and the end included
    qint64 bytesTotal = 0;
    qint64 readableEnd = 0; // where reading stops: the bad line's offset, or the file's size
    bool complete = false;  // the closing "end" record was read
    int problemLine = 0;    // 1-based; 0: none
    QString problem;        // a sentence, as RecordReader says it
};

// The cheap look at a record's line that indexing and feeding use to decide without parsing JSON:
// the writer always starts a line with {"kind":"…","t":…. False when the line does not start so
// (then it must be parsed whole to know what it is).
namespace RecordLine {
bool readPrefix(QByteArrayView line, QByteArrayView *kind, qint64 *timeUs);
// "t" in milliseconds (a JSON number) to microseconds, rounded: no locale is involved.
qint64 microseconds(double milliseconds);
// An output record exactly as the writer writes it (RecordWriter::writeOutput), decoded by hand:
// the hot path of feeding a replay. False for anything else, which is then parsed whole.
bool readOutput(QByteArrayView line, qint64 *pid, bool *isStdErr, QString *text);
} // namespace RecordLine

// Indexes a record (docs/record-format.md) on a thread of the pool, never holding more than a
// block of it: the times of its events (for stepping), a checkpoint every CheckpointInterval
// records, its duration, its record count, whether it is complete, and the first bad line with
// the sentence RecordReader would say. Output lines, the kind that comes by the million, are
// checked by their prefix only; the rare kinds are parsed whole.
//
// The object never waits for its thread: destroyed while indexing, the thread stops at its next
// block and its result goes nowhere.
class RecordIndex final : public QObject
{
    Q_OBJECT

public:
    static constexpr int CheckpointInterval = 4096;
    static constexpr qsizetype BlockSize = 1024 * 1024;

    explicit RecordIndex(QObject *parent = nullptr);
    ~RecordIndex() override;

    // Indexes path from offset (just after the header, which was line linesBefore and counted as
    // one record). monitorPid: the header's, to tell workers from their descendants.
    void start(const QString &path, qint64 offset, int linesBefore, qint64 monitorPid);
    bool isFinished() const { return m_finished; }
    const RecordIndexResult &result() const { return m_result; }

    // The whole indexing, on the calling thread (what start() runs on the pool's).
    static RecordIndexResult index(const QString &path,
                                   qint64 offset,
                                   int linesBefore,
                                   qint64 monitorPid,
                                   const std::function<bool(qint64, qint64)> &progress = {});

private:
    void cancel();

signals:
    void progress(qint64 bytesRead, qint64 bytesTotal);
    void finished();

private:
    struct Shared
    {
        QMutex mutex;
        RecordIndex *receiver = nullptr;
        std::atomic<bool> cancelled{false};
    };

    std::shared_ptr<Shared> m_shared;
    RecordIndexResult m_result;
    bool m_finished = false;
};

} // namespace ProcLab
