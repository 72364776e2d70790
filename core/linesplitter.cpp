#include "linesplitter.h"

namespace ProcLab {

namespace {

constexpr char16_t SymbolForNull = 0x2400;

// How many bytes at the end of a read may still become a character with the next read: a lead byte
// followed by fewer continuation bytes than it announces. 0 when the read ends between characters.
qsizetype incompleteTailLength(QByteArrayView bytes)
{
    const qsizetype size = bytes.size();
    for (qsizetype back = 1; back <= qMin<qsizetype>(3, size); ++back) {
        const uchar byte = uchar(bytes[size - back]);
        if ((byte & 0xc0) == 0x80)
            continue; // a continuation byte: its lead is further back
        const qsizetype announced = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return announced > back ? back : 0;
    }
    return 0;
}

qsizetype nextLineBreak(const char16_t *text, qsizetype from, qsizetype size)
{
    for (qsizetype i = from; i < size; ++i) {
        if (text[i] == u'\n' || text[i] == u'\r')
            return i;
    }
    return size;
}

} // namespace

LineSplitter::LineSplitter(qsizetype maxLineLength)
    : m_maxLineLength(qMax<qsizetype>(maxLineLength, 2))
{}

void LineSplitter::feed(QByteArrayView bytes, QList<OutputLine> &lines)
{
    if (bytes.isEmpty())
        return;
    // Characters split across reads are put together here and every read is decoded whole:
    // QStringDecoder (Qt 6.4) carries a split character over, but after an invalid one it drops the
    // next byte, a newline included, so the lines would depend on where the pipe's reads ended.
    QByteArray joined;
    if (!m_incomplete.isEmpty()) {
        joined = m_incomplete + bytes;
        bytes = joined;
    }
    const qsizetype tail = incompleteTailLength(bytes);
    m_incomplete = bytes.last(tail).toByteArray();
    split(QString::fromUtf8(bytes.chopped(tail)), lines);
}

void LineSplitter::finish(QList<OutputLine> &lines)
{
    // A truncated last character is shown as one U+FFFD rather than dropped silently.
    if (!m_incomplete.isEmpty()) {
        m_incomplete.clear();
        split(QStringView(u"\uFFFD"), lines);
    }
    if (m_pendingCarriageReturn) {
        m_pendingCarriageReturn = false;
        emitLine(lines, OutputLine::EndsWithCarriageReturn);
    }
    if (!m_pending.isEmpty())
        emitLine(lines, OutputLine::Unterminated);
}

void LineSplitter::split(QStringView text, QList<OutputLine> &lines)
{
    const auto *chars = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype size = text.size();
    qsizetype position = 0;

    if (m_pendingCarriageReturn && size > 0) {
        m_pendingCarriageReturn = false;
        if (chars[0] == u'\n') {
            emitLine(lines, OutputLine::NoFlags);
            position = 1;
        } else {
            emitLine(lines, OutputLine::EndsWithCarriageReturn);
        }
    }

    // Most reads hold neither '\r' nor NUL: then QStringView::indexOf (vectorised in QtCore) finds
    // line ends, and a line lying whole in this read is made with one exact allocation.
    const bool hasCarriageReturn = text.contains(QChar(u'\r'));
    const bool hasNul = text.contains(QChar(u'\0'));
    while (position < size) {
        qsizetype lineBreak = size;
        if (hasCarriageReturn) {
            lineBreak = nextLineBreak(chars, position, size);
        } else {
            lineBreak = text.indexOf(QChar(u'\n'), position);
            if (lineBreak < 0)
                lineBreak = size;
        }
        const QStringView piece = text.mid(position, lineBreak - position);
        if (lineBreak < size && m_pending.isEmpty() && !hasNul && piece.size() <= m_maxLineLength)
            m_pending = piece.toString();
        else
            appendToPending(lines, piece);
        if (lineBreak == size)
            return;
        if (chars[lineBreak] == u'\n') {
            emitLine(lines, OutputLine::NoFlags);
            position = lineBreak + 1;
        } else if (lineBreak + 1 == size) {
            // '\r' at the end of a read: "\r\n" or a progress line? The next read tells.
            m_pendingCarriageReturn = true;
            return;
        } else if (chars[lineBreak + 1] == u'\n') {
            emitLine(lines, OutputLine::NoFlags);
            position = lineBreak + 2;
        } else {
            emitLine(lines, OutputLine::EndsWithCarriageReturn);
            position = lineBreak + 1;
        }
    }
}

void LineSplitter::appendToPending(QList<OutputLine> &lines, QStringView piece)
{
    while (m_pending.size() + piece.size() > m_maxLineLength) {
        qsizetype take = m_maxLineLength - m_pending.size();
        // Never break a surrogate pair: a character must not be cut in half.
        if (take > 0 && QChar::isHighSurrogate(piece.at(take - 1).unicode()))
            --take;
        appendReplacingNul(piece.left(take));
        emitLine(lines, OutputLine::Broken);
        piece = piece.mid(take);
    }
    appendReplacingNul(piece);
}

void LineSplitter::appendReplacingNul(QStringView piece)
{
    const qsizetype start = m_pending.size();
    m_pending += piece;
    if (!piece.contains(QChar(u'\0')))
        return;
    for (qsizetype i = start; i < m_pending.size(); ++i) {
        if (m_pending.at(i).unicode() == 0)
            m_pending[i] = QChar(SymbolForNull);
    }
}

void LineSplitter::emitLine(QList<OutputLine> &lines, quint8 endFlags)
{
    OutputLine line;
    line.text = std::move(m_pending);
    m_pending = QString();
    line.flags = endFlags;
    if (m_previousWasProgress)
        line.flags |= OutputLine::ReplacesPrevious;
    m_previousWasProgress = (endFlags & OutputLine::EndsWithCarriageReturn) != 0;
    lines.append(std::move(line));
}

} // namespace ProcLab
