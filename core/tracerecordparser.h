#pragma once

#include "traceevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace ProcLab {

// Turns the bytes of the tracer's channel into events (the format is in traceprotocol.h).
//
// Pure and bounded, like LineSplitter: bytes go in as they were read, in pieces of any size, and
// the events that come out do not depend on where the reads ended. The channel is trusted no
// more than output: a line that does not parse is counted and skipped, a line longer than
// TraceProtocol::MaxRecordLength is dropped without being kept, and parsing resumes at the next
// newline. Records of a kind it does not know, and fields after those it knows, are ignored, so
// that a newer tracer can add them; a hello with a newer major version makes it stop, since then
// nothing may be read the old way.
class TraceRecordParser final
{
public:
    // Appends the events of every record completed by bytes.
    void feed(QByteArrayView bytes, QList<TraceEvent> &events);
    // The end of the stream: a last record without its newline is incomplete, and dropped.
    void finish();

    // The major version from hello, 0 before it.
    int version() const { return m_version; }
    // A hello announced a version this parser does not read; everything after it is ignored.
    bool isIncompatible() const { return m_incompatible; }
    // Lines that were not records: garbage, cut short or too long.
    qint64 invalidRecordCount() const { return m_invalidRecords; }

    // One line without its newline; false (and event untouched) if it is not a valid record.
    static bool parseRecord(QByteArrayView line, TraceEvent &event);

private:
    void parseLine(QByteArrayView line, QList<TraceEvent> &events);

    QByteArray m_partial;      // the start of a record whose newline has not come yet
    bool m_discarding = false; // inside an overlong line, skipping to its newline
    int m_version = 0;
    bool m_incompatible = false;
    qint64 m_invalidRecords = 0;
};

} // namespace ProcLab
