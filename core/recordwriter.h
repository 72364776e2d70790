#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace ProcLab {

// Writes a run as it happens to a ProcLab record: JSON Lines, one record per line, in the format
// documented in docs/record-format.md. The first record names the format and its version; every
// record has a "kind" and a "t", the milliseconds since the run started.
//
// Writing never blocks the caller for long: records collect in a buffer that goes to the file when it
// passes 64 KiB, at least once a second, and on close() or destruction, so a crash loses at most the
// last second. Output lines, the one kind that can come by the million, are formatted by hand; the
// rarer kinds go through QJsonObject.
class RecordWriter final : public QObject
{
    Q_OBJECT

public:
    static constexpr int FormatVersion = 1;
    static constexpr qsizetype FlushThreshold = 64 * 1024;
    static constexpr int FlushIntervalMs = 1000;

    explicit RecordWriter(QObject *parent = nullptr);
    ~RecordWriter() override;

    // Creates (or truncates) path and writes the header. startUs: the run's start, microseconds since
    // the epoch; every "t" is counted from it. Returns false with errorString() set when the file
    // cannot be written.
    bool open(const QString &path, qint64 startUs, const QJsonObject &headerFields = {});
    bool isOpen() const { return m_file.isOpen(); }
    QString fileName() const { return m_file.fileName(); }
    QString errorString() const { return m_error; }
    // Writes what is buffered, then the closing record, and closes the file.
    void close(qint64 timeUs);

    // A record kept without being asked for (the window's) must not fill the disk: once the file
    // would pass this many bytes, recording stops with failed(). 0, the default: no limit.
    void setSizeLimit(qint64 bytes) { m_sizeLimit = bytes; }
    qint64 sizeLimit() const { return m_sizeLimit; }
    // Bytes in the file so far (after flush(): every record written).
    qint64 writtenBytes() const { return m_written; }
    // The closing record for a copy cut at this moment: what close() would write last.
    QByteArray endRecord(qint64 timeUs) const;

    // A process came to exist: a worker ProcLab started, or a descendant it followed.
    void writeProcessStart(qint64 timeUs,
                           qint64 pid,
                           qint64 parentPid,
                           const QStringList &argv,
                           int workerId,
                           const QJsonObject &extra = {});
    void writeProcessExec(qint64 timeUs, qint64 pid, const QStringList &argv);
    // exitCode in Python's convention (-N after signal N); nullopt when it never started.
    void writeProcessExit(qint64 timeUs,
                          qint64 pid,
                          std::optional<int> exitCode,
                          const QJsonObject &extra = {});
    // stream: "stdout" or "stderr".
    void writeOutput(qint64 timeUs, qint64 pid, QLatin1String stream, const QString &text);
    // A signal ProcLab sent; target: "process" (one PID) or "group" (its process group).
    void writeSignal(qint64 timeUs, qint64 pid, int signalNumber, QLatin1String target);
    // Anything else, for kinds added later (the Python calls, monitor messages): kind and t are added.
    void write(qint64 timeUs, QLatin1String kind, QJsonObject fields);

    // A time as a record's "t" says it: milliseconds since the run started, to the microsecond.
    double timeSinceStart(qint64 timeUs) const { return double(timeUs - m_startUs) / 1000.0; }

    // Sends the buffer to the file now.
    void flush();

signals:
    // Writing failed (disk full, file removed): recording stops, the run goes on.
    void failed(const QString &reason);

private:
    void append(const QByteArray &line);
    // Flushes when the buffer passed FlushThreshold, or starts the flush timer.
    void bufferGrew();
    // Writes the "t" of timeUs at out, returns the end.
    char *writeTime(char *out, qint64 timeUs) const;
    QByteArray timeField(qint64 timeUs) const;

    QFile m_file;
    QByteArray m_buffer;
    QTimer m_flushTimer;
    QString m_error;
    qint64 m_startUs = 0;
    qint64 m_sizeLimit = 0;
    qint64 m_written = 0;
};

// Appends text to out as the body of a JSON string (no quotes): escapes '"', '\\' and control
// characters, writes everything else as UTF-8.
void appendJsonEscaped(QByteArray &out, const QString &text);

} // namespace ProcLab
