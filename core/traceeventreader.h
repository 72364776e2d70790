#pragma once

#include "traceevent.h"
#include "tracerecordparser.h"

#include <QObject>

class QSocketNotifier;

namespace ProcLab {

// Reads the tracer's channel without ever blocking: the read end of a pipe, watched by a
// QSocketNotifier, read until it would block (at most 256 KiB per wake-up, so that a flood of
// records cannot starve the event loop), parsed by a TraceRecordParser. Each wake-up's events
// are announced together; EOF (the tracer and every copy of the write end are gone) ends it.
//
// The channel itself: openChannel() makes a pipe whose two ends are close-on-exec, so no other
// child of ProcLab inherits it. The process that is to write on it clears close-on-exec on the
// write end in its child-process modifier (allowInheritance(), a plain fcntl, safe after vfork)
// and is told the descriptor's number (`proclab-worker trace --events-fd N`): the same number
// as in ProcLab, so nothing is dup'ed over a descriptor QProcess uses in the child. The parent
// closes its write end once the child has started, or EOF would never come.
class TraceEventReader final : public QObject
{
    Q_OBJECT

public:
    struct Channel
    {
        int readFd = -1;
        int writeFd = -1;
        bool isValid() const { return readFd >= 0 && writeFd >= 0; }
    };
    // A close-on-exec pipe with a non-blocking read end; both -1 on failure (errno set).
    static Channel openChannel();
    // For the child-process modifier: keep fd open across exec. Async-signal-safe.
    static void allowInheritance(int fd);
    // Closes fd if it is open and sets it to -1.
    static void closeDescriptor(int &fd);

    explicit TraceEventReader(QObject *parent = nullptr);
    ~TraceEventReader() override;

    // Takes fd (the read end, made non-blocking) and reads it until EOF.
    void start(int fd);
    bool isReading() const { return m_fd >= 0; }
    bool isFinished() const { return m_finished; }
    const TraceRecordParser &parser() const { return m_parser; }
    // Reads what is there now, without waiting for the notifier: for a consumer that must not
    // miss the records written before some other event it saw (the tracer's exit).
    void readAvailable();

signals:
    void eventsReceived(const QList<ProcLab::TraceEvent> &events);
    void finished();

private:
    void finish();

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    int m_fd = -1;
    bool m_finished = false;
    TraceRecordParser m_parser;
};

} // namespace ProcLab
