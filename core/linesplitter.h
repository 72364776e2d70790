#pragma once

#include "outputline.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace ProcLab {

// Turns the raw bytes of one output stream into lines.
//
// A UTF-8 character split across two reads survives and invalid bytes become U+FFFD, the same
// wherever the reads end. "\r\n" ends a line; a lone '\r' ends a progress line that the next one
// replaces (the decision waits for the next byte when '\r' is the last byte of a read). NUL bytes
// are shown as U+2400 so that they stay visible and never truncate anything downstream. A line
// longer than the cap is broken there, so a 20 MB line without a newline costs at most one cap of
// memory here.
class LineSplitter final
{
public:
    static constexpr qsizetype DefaultMaxLineLength = 64 * 1024;

    explicit LineSplitter(qsizetype maxLineLength = DefaultMaxLineLength);

    // Appends the complete lines found in bytes to lines; keeps the incomplete rest.
    void feed(QByteArrayView bytes, QList<OutputLine> &lines);
    // End of stream: flushes the incomplete rest, if any, as an unterminated line.
    void finish(QList<OutputLine> &lines);

    qsizetype maxLineLength() const { return m_maxLineLength; }
    qsizetype pendingLength() const { return m_pending.size(); }

private:
    void split(QStringView text, QList<OutputLine> &lines);
    void appendToPending(QList<OutputLine> &lines, QStringView piece);
    void appendReplacingNul(QStringView piece);
    void emitLine(QList<OutputLine> &lines, quint8 endFlags);

    QByteArray m_incomplete; // the first bytes of a character the next read completes
    QString m_pending;
    qsizetype m_maxLineLength;
    bool m_pendingCarriageReturn = false; // the last chunk ended with '\r'
    bool m_previousWasProgress = false;   // the last line emitted ended with a lone '\r'
};

} // namespace ProcLab
