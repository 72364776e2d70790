#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace ProcLab {

class Session;

// Plays a ProcLab record (docs/record-format.md) back into a Session of its own, so that every view
// of a live run (the table, the output, the timeline, the Processes tab, the Python panel) shows
// the recorded run unchanged. Nothing runs: the session's workers are made from the record, with
// the PIDs, lines, signals, calls and exit codes it holds, and they never signal anything (a
// recorded PID may belong to another process today). The session accepts no work and samples
// nothing from /proc.
//
// A record of any size opens at once: open() returns after reading the header, and the file is
// indexed on a thread of the pool (its times and byte offsets, a checkpoint every few thousand
// records), never loaded whole. Records are read from the file as the position moves.
//
// The position is a time in the run, in microseconds from its start (the header's "t" = 0). The
// session shows the run's state at that moment: workers started by then, their lines up to then,
// their exit if they had ended. Moving it forward feeds the records in between; moving it back
// starts again from the start (or the nearest checkpoint). Feeding is sliced, a few milliseconds
// per event-loop turn, so a window showing the session never freezes, however big the record.
class RecordPlayer final : public QObject
{
    Q_OBJECT

public:
    static constexpr double MinimumSpeed = 0.25;
    static constexpr double MaximumSpeed = 8.0;

    explicit RecordPlayer(QObject *parent = nullptr);
    ~RecordPlayer() override;

    // Opens path: false, with problem() set, when it cannot be read or is not a record (no header).
    // Otherwise indexing starts, and indexed() follows; the position is 0 until then.
    bool open(const QString &path);
    QString path() const;
    // The record's header record, as written.
    QJsonObject header() const;

    // The replayed run. Its pool's workers are made from the record and never run anything.
    Session &session();

    // Known once indexed(): the time of the last record (the "end" record's if it has one).
    qint64 durationUs() const;
    bool isIndexed() const;
    // Records in the file (header and end included), once indexed().
    qint64 recordCount() const;
    // Written by a ProcLab that knows a newer format: read as far as this version understands.
    bool isNewerVersion() const;
    // The record ends with its closing "end" record (false: cut short, or still being written).
    bool isComplete() const;
    // Why reading stopped early, as a sentence naming the line ("line 1204 is not a record…"), or
    // the newer version; empty when the whole file was read. problemLine() is 1-based, 0: none.
    QString problem() const;
    int problemLine() const;

    qint64 positionUs() const;
    // Moves the position; clamped to [0, durationUs()]. Pauses nothing: a playing player plays
    // on from there.
    void seek(qint64 positionUs);
    void seekToEnd();
    // To the time of the next (previous) event after (before) the position: a process starting,
    // exec'ing or ending, a signal ProcLab sent, a Python call. Output lines are not events.
    void stepForward();
    void stepBackward();

    // Plays from the position at speed() times the recorded pace, until the end or pause().
    void play();
    void pause();
    bool isPlaying() const;
    double speed() const;
    // Clamped to [MinimumSpeed, MaximumSpeed].
    void setSpeed(double speed);

signals:
    // Indexing ended: durationUs(), recordCount(), problem() are known.
    void indexed();
    // Indexing progress, for a big file: bytes read of total.
    void indexingProgress(qint64 bytesRead, qint64 bytesTotal);
    // The position moved (by play, seek or step). At most every 50 ms while playing.
    void positionChanged(qint64 positionUs);
    // The session shows the state at positionUs(): every record up to it has been fed.
    void caughtUp();
    // Playing started or stopped (the end was reached, or pause()).
    void playingChanged(bool playing);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ProcLab
