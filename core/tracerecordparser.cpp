#include "tracerecordparser.h"

#include "traceprotocol.h"

#include <QVarLengthArray>

#include <limits>

namespace ProcLab {

namespace {

using Fields = QVarLengthArray<QByteArrayView, 16>;

Fields split(QByteArrayView line)
{
    Fields fields;
    qsizetype start = 0;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == TraceProtocol::FieldSeparator) {
            fields.append(line.sliced(start, i - start));
            start = i + 1;
        }
    }
    fields.append(line.sliced(start));
    return fields;
}

// Strict decimal: an optional '-' and 1 to 18 digits, nothing else (no blanks, no '+').
bool toNumber(QByteArrayView field, qint64 &value, qint64 min, qint64 max)
{
    qsizetype i = 0;
    const bool negative = !field.isEmpty() && field[0] == '-';
    if (negative)
        i = 1;
    const qsizetype digits = field.size() - i;
    if (digits < 1 || digits > 18)
        return false;
    qint64 result = 0;
    for (; i < field.size(); ++i) {
        const char digit = field[i];
        if (digit < '0' || digit > '9')
            return false;
        result = result * 10 + (digit - '0');
    }
    result = negative ? -result : result;
    if (result < min || result > max)
        return false;
    value = result;
    return true;
}

bool toInt(QByteArrayView field, int &value, qint64 min, qint64 max)
{
    qint64 wide = 0;
    if (!toNumber(field, wide, min, max))
        return false;
    value = int(wide);
    return true;
}

// Undoes the tracer's %XX escaping; a raw control byte or a broken escape means garbage.
bool unescape(QByteArrayView field, QByteArray &out)
{
    out.clear();
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const auto byte = static_cast<unsigned char>(field[i]);
        if (byte == '%') {
            if (i + 2 >= field.size())
                return false;
            const int high = TraceProtocol::hexValue(field[i + 1]);
            const int low = TraceProtocol::hexValue(field[i + 2]);
            if (high < 0 || low < 0)
                return false;
            out.append(char((high << 4) | low));
            i += 2;
        } else if (byte < 0x20 || byte == 0x7f) {
            return false;
        } else {
            out.append(char(byte));
        }
    }
    return true;
}

constexpr qint64 MaxPid = std::numeric_limits<int>::max();
constexpr qint64 MaxTime = std::numeric_limits<qint64>::max() / 10;

bool parseOrigin(QByteArrayView field, ProcessOrigin &origin)
{
    if (field == QByteArrayView(TraceProtocol::How::Root))
        origin = ProcessOrigin::Root;
    else if (field == QByteArrayView(TraceProtocol::How::Fork))
        origin = ProcessOrigin::Fork;
    else if (field == QByteArrayView(TraceProtocol::How::Vfork))
        origin = ProcessOrigin::Vfork;
    else if (field == QByteArrayView(TraceProtocol::How::Clone))
        origin = ProcessOrigin::Clone;
    else
        origin = ProcessOrigin::Unknown; // "unknown", or a way a newer tracer knows of
    return true;
}

} // namespace

bool TraceRecordParser::parseRecord(QByteArrayView line, TraceEvent &event)
{
    const Fields fields = split(line);
    const QByteArrayView kind = fields[0];
    TraceEvent parsed;
    const auto has = [&fields](qsizetype count) {
        return fields.size() >= count;
    };
    const auto time = [&](qsizetype index) {
        return toNumber(fields[index], parsed.timeUs, 0, MaxTime);
    };
    const auto pid = [&](qsizetype index, qint64 min) {
        return toNumber(fields[index], parsed.pid, min, MaxPid);
    };

    if (kind == QByteArrayView(TraceProtocol::Kind::Hello)) {
        parsed.kind = TraceEvent::Kind::Hello;
        if (!has(4) || !toInt(fields[1], parsed.version, 1, 1000000) || !time(2) || !pid(3, 1))
            return false;
    } else if (kind == QByteArrayView(TraceProtocol::Kind::Start)) {
        parsed.kind = TraceEvent::Kind::Start;
        if (!has(5) || !time(1) || !pid(2, 1) || !toNumber(fields[3], parsed.parentPid, 0, MaxPid)
            || !parseOrigin(fields[4], parsed.origin))
            return false;
    } else if (kind == QByteArrayView(TraceProtocol::Kind::Exec)) {
        parsed.kind = TraceEvent::Kind::Exec;
        if (!has(5) || !time(1) || !pid(2, 1) || !unescape(fields[3], parsed.executable)
            || !toNumber(fields[4], parsed.argumentCount, 0, MaxPid))
            return false;
        // At most argumentCount of them; fields beyond are a newer tracer's.
        const qsizetype given = qMin(fields.size() - 5, qsizetype(parsed.argumentCount));
        parsed.arguments.reserve(given);
        QByteArray argument;
        for (qsizetype i = 0; i < given; ++i) {
            if (!unescape(fields[5 + i], argument))
                return false;
            parsed.arguments.append(argument);
        }
    } else if (kind == QByteArrayView(TraceProtocol::Kind::Signal)
               || kind == QByteArrayView(TraceProtocol::Kind::Stop)) {
        parsed.kind = kind == QByteArrayView(TraceProtocol::Kind::Signal) ? TraceEvent::Kind::Signal
                                                                          : TraceEvent::Kind::Stop;
        if (!has(4) || !time(1) || !pid(2, 1) || !toInt(fields[3], parsed.signalNumber, 1, 127))
            return false;
    } else if (kind == QByteArrayView(TraceProtocol::Kind::Continue)
               || kind == QByteArrayView(TraceProtocol::Kind::Detach)
               || kind == QByteArrayView(TraceProtocol::Kind::Lost)) {
        parsed.kind = kind == QByteArrayView(TraceProtocol::Kind::Continue)
                              ? TraceEvent::Kind::Continue
                      : kind == QByteArrayView(TraceProtocol::Kind::Detach)
                              ? TraceEvent::Kind::Detach
                              : TraceEvent::Kind::Lost;
        if (!has(3) || !time(1) || !pid(2, 1))
            return false;
    } else if (kind == QByteArrayView(TraceProtocol::Kind::Exit)) {
        parsed.kind = TraceEvent::Kind::Exit;
        if (!has(4) || !time(1) || !pid(2, 1)
            || !toInt(fields[3], parsed.waitStatus, 0, std::numeric_limits<int>::max()))
            return false;
    } else if (kind == QByteArrayView(TraceProtocol::Kind::Note)) {
        parsed.kind = TraceEvent::Kind::Note;
        if (!has(5) || !time(1) || !pid(2, 0) || !unescape(fields[3], parsed.code)
            || !unescape(fields[4], parsed.text) || parsed.code.isEmpty())
            return false;
    } else if (kind == QByteArrayView(TraceProtocol::Kind::End)) {
        parsed.kind = TraceEvent::Kind::End;
        // -1: the program's status is unknown (it could not be started).
        if (!has(3) || !time(1)
            || !toInt(fields[2], parsed.waitStatus, -1, std::numeric_limits<int>::max()))
            return false;
    } else {
        return false;
    }
    event = std::move(parsed);
    return true;
}

void TraceRecordParser::parseLine(QByteArrayView line, QList<TraceEvent> &events)
{
    if (m_incompatible)
        return;
    TraceEvent event;
    if (!parseRecord(line, event)) {
        // A kind this version does not know is fine (a newer tracer's); only a known kind that
        // does not parse, or a line that is no record at all, is garbage.
        const qsizetype tab = line.indexOf(TraceProtocol::FieldSeparator);
        const QByteArrayView kind = tab < 0 ? line : line.first(tab);
        bool known = false;
        for (const char *name : {TraceProtocol::Kind::Hello,
                                 TraceProtocol::Kind::Start,
                                 TraceProtocol::Kind::Exec,
                                 TraceProtocol::Kind::Signal,
                                 TraceProtocol::Kind::Stop,
                                 TraceProtocol::Kind::Continue,
                                 TraceProtocol::Kind::Exit,
                                 TraceProtocol::Kind::Detach,
                                 TraceProtocol::Kind::Lost,
                                 TraceProtocol::Kind::Note,
                                 TraceProtocol::Kind::End}) {
            known = known || kind == QByteArrayView(name);
        }
        bool word = !kind.isEmpty() && tab > 0;
        for (const char c : kind)
            word = word && ((c >= 'a' && c <= 'z') || c == '-');
        if (known || !word)
            ++m_invalidRecords;
        return;
    }
    if (event.kind == TraceEvent::Kind::Hello) {
        m_version = event.version;
        if (event.version > TraceProtocol::Version) {
            m_incompatible = true;
            return;
        }
    }
    events.append(std::move(event));
}

void TraceRecordParser::feed(QByteArrayView bytes, QList<TraceEvent> &events)
{
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf(TraceProtocol::RecordEnd, start);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        const QByteArrayView piece = bytes.sliced(start, end - start);
        if (!m_discarding) {
            if (m_partial.size() + piece.size() > qsizetype(TraceProtocol::MaxRecordLength)) {
                // Too long to be a record: drop what we have and skip to the next newline.
                m_partial.clear();
                m_partial.squeeze();
                m_discarding = true;
                ++m_invalidRecords;
            } else if (newline >= 0 && m_partial.isEmpty()) {
                parseLine(piece, events); // the common case: a whole record in one read
            } else {
                m_partial.append(piece.data(), piece.size());
                if (newline >= 0) {
                    parseLine(m_partial, events);
                    m_partial.clear();
                }
            }
        }
        if (newline < 0)
            break;
        m_discarding = false;
        start = newline + 1;
    }
}

void TraceRecordParser::finish()
{
    if (!m_partial.isEmpty())
        ++m_invalidRecords; // an overlong line was counted when it was dropped
    m_partial.clear();
    m_discarding = false;
}

} // namespace ProcLab
