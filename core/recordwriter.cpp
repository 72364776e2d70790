#include "recordwriter.h"

#include "exitinfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cstring>

namespace ProcLab {

namespace {

QJsonArray toJsonArray(const QStringList &strings)
{
    QJsonArray array;
    for (const QString &string : strings)
        array.append(string);
    return array;
}

// The writers below write into memory made ready beforehand, with no check of their own: a
// flood's lines pass through them by the million.

// At most 6 bytes for each UTF-16 unit: "\u001f" for a control character; UTF-8 takes at most 3.
constexpr qsizetype MaxEscapedBytesPerUnit = 6;
// The digits of any qint64, and a sign.
constexpr qsizetype MaxNumberBytes = 21;

char *writeText(char *out, const char *text, qsizetype size)
{
    std::memcpy(out, text, size_t(size));
    return out + size;
}

template<qsizetype Size>
char *writeLiteral(char *out, const char (&text)[Size])
{
    return writeText(out, text, Size - 1);
}

char *writeNumber(char *out, qint64 number)
{
    return std::to_chars(out, out + MaxNumberBytes, number).ptr;
}

char *writeJsonEscaped(char *out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    const QChar *character = text.begin();
    const QChar *const end = text.end();
    while (character < end) {
        const char16_t unit = character->unicode();
        if (unit >= 0x20 && unit < 0x7f && unit != '"' && unit != '\\') {
            *out++ = char(unit); // most output is nothing else
            ++character;
            continue;
        }
        if (unit < 0x80) {
            *out++ = '\\';
            switch (unit) {
            case '"':
                *out++ = '"';
                break;
            case '\\':
                *out++ = '\\';
                break;
            case '\n':
                *out++ = 'n';
                break;
            case '\r':
                *out++ = 'r';
                break;
            case '\t':
                *out++ = 't';
                break;
            default:
                out = writeLiteral(out, "u00");
                *out++ = hex[unit >> 4];
                *out++ = hex[unit & 0xf];
            }
            ++character;
            continue;
        }
        // Beyond ASCII: the run through Qt's encoder, which keeps surrogate pairs together and
        // writes what it always wrote for a lone one.
        const QChar *wideEnd = character;
        while (wideEnd < end && wideEnd->unicode() >= 0x80)
            ++wideEnd;
        const QByteArray utf8 = QStringView(character, wideEnd).toUtf8();
        out = writeText(out, utf8.constData(), utf8.size());
        character = wideEnd;
    }
    return out;
}

} // namespace

void appendJsonEscaped(QByteArray &out, const QString &text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() * MaxEscapedBytesPerUnit);
    char *const end = writeJsonEscaped(out.data() + start, text);
    out.resize(end - out.constData());
}

RecordWriter::RecordWriter(QObject *parent)
    : QObject(parent)
{
    // One flush a second at most, and only while something waits in the buffer: an idle run wakes
    // nobody.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &RecordWriter::flush);
}

RecordWriter::~RecordWriter()
{
    flush();
}

bool RecordWriter::open(const QString &path, qint64 startUs, const QJsonObject &headerFields)
{
    if (m_file.isOpen())
        m_file.close();
    m_buffer.clear();
    m_error.clear();
    m_written = 0;
    m_startUs = startUs;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = m_file.errorString();
        return false;
    }
    QJsonObject header = headerFields;
    header.insert(QStringLiteral("format"), QStringLiteral("proclab-record"));
    header.insert(QStringLiteral("version"), FormatVersion);
    header.insert(QStringLiteral("proclab"), QCoreApplication::applicationVersion());
    header.insert(QStringLiteral("started"),
                  QDateTime::fromMSecsSinceEpoch(startUs / 1000, Qt::UTC)
                          .toString(Qt::ISODateWithMs));
    header.insert(QStringLiteral("monitorPid"), QCoreApplication::applicationPid());
    write(startUs, QLatin1String("header"), header);
    flush(); // a record that exists has its header on disk
    return m_error.isEmpty();
}

void RecordWriter::close(qint64 timeUs)
{
    if (!m_file.isOpen())
        return;
    write(timeUs, QLatin1String("end"), {});
    flush();
    m_file.close();
}

QByteArray RecordWriter::endRecord(qint64 timeUs) const
{
    return "{\"kind\":\"end\",\"t\":" + timeField(timeUs) + "}\n";
}

void RecordWriter::writeProcessStart(qint64 timeUs,
                                     qint64 pid,
                                     qint64 parentPid,
                                     const QStringList &argv,
                                     int workerId,
                                     const QJsonObject &extra)
{
    QJsonObject fields = extra;
    fields.insert(QStringLiteral("event"), QStringLiteral("start"));
    fields.insert(QStringLiteral("pid"), pid);
    fields.insert(QStringLiteral("ppid"), parentPid);
    fields.insert(QStringLiteral("argv"), toJsonArray(argv));
    fields.insert(QStringLiteral("worker"), workerId);
    write(timeUs, QLatin1String("process"), fields);
}

void RecordWriter::writeProcessExec(qint64 timeUs, qint64 pid, const QStringList &argv)
{
    write(timeUs,
          QLatin1String("process"),
          {{QStringLiteral("event"), QStringLiteral("exec")},
           {QStringLiteral("pid"), pid},
           {QStringLiteral("argv"), toJsonArray(argv)}});
}

void RecordWriter::writeProcessExit(qint64 timeUs,
                                    qint64 pid,
                                    std::optional<int> exitCode,
                                    const QJsonObject &extra)
{
    QJsonObject fields = extra;
    fields.insert(QStringLiteral("event"), QStringLiteral("exit"));
    fields.insert(QStringLiteral("pid"), pid);
    fields.insert(QStringLiteral("exitcode"), exitCode ? QJsonValue(*exitCode) : QJsonValue());
    if (exitCode && *exitCode < 0)
        fields.insert(QStringLiteral("signal"), signalName(-*exitCode));
    write(timeUs, QLatin1String("process"), fields);
}

void RecordWriter::writeOutput(qint64 timeUs, qint64 pid, QLatin1String stream, const QString &text)
{
    if (!m_file.isOpen())
        return;
    // The hot path, a flood's every line: by hand, in the same key order as the documentation,
    // straight into the buffer made large enough for the longest this line can be.
    static constexpr char Kind[] = "{\"kind\":\"output\",\"t\":";
    static constexpr char Pid[] = ",\"pid\":";
    static constexpr char Stream[] = ",\"stream\":\"";
    static constexpr char Text[] = "\",\"text\":\"";
    static constexpr char End[] = "\"}\n";
    const qsizetype longest = sizeof Kind + 2 * MaxNumberBytes + 4 + sizeof Pid + sizeof Stream
                              + stream.size() + sizeof Text + text.size() * MaxEscapedBytesPerUnit
                              + sizeof End;
    const qsizetype start = m_buffer.size();
    if (m_buffer.capacity() < start + longest)
        m_buffer.reserve(qMax(2 * m_buffer.capacity(), start + longest));
    m_buffer.resize(start + longest); // within the capacity: no allocation, no copy
    char *out = m_buffer.data() + start;
    out = writeLiteral(out, Kind);
    out = writeTime(out, timeUs);
    out = writeLiteral(out, Pid);
    out = writeNumber(out, pid);
    out = writeLiteral(out, Stream);
    out = writeText(out, stream.data(), stream.size());
    out = writeLiteral(out, Text);
    out = writeJsonEscaped(out, text);
    out = writeLiteral(out, End);
    m_buffer.resize(out - m_buffer.constData());
    bufferGrew();
}

void RecordWriter::writeSignal(qint64 timeUs, qint64 pid, int signalNumber, QLatin1String target)
{
    write(timeUs,
          QLatin1String("signal"),
          {{QStringLiteral("pid"), pid},
           {QStringLiteral("signal"), signalNumber},
           {QStringLiteral("name"), signalName(signalNumber)},
           {QStringLiteral("target"), QString(target)}});
}

void RecordWriter::write(qint64 timeUs, QLatin1String kind, QJsonObject fields)
{
    if (!m_file.isOpen())
        return;
    fields.remove(QStringLiteral("kind"));
    fields.remove(QStringLiteral("t"));
    // "kind" and "t" first, so a reader (or a person with grep) sees them at the start of each line.
    QByteArray line = "{\"kind\":\"";
    line += QByteArray(kind.data(), kind.size());
    line += "\",\"t\":";
    line += timeField(timeUs);
    const QByteArray rest = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    if (rest.size() > 2) { // not "{}"
        line += ',';
        line += QByteArrayView(rest).sliced(1);
    } else {
        line += '}';
    }
    line += '\n';
    append(line);
}

void RecordWriter::append(const QByteArray &line)
{
    m_buffer += line;
    bufferGrew();
}

void RecordWriter::bufferGrew()
{
    if (m_buffer.size() >= FlushThreshold)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RecordWriter::flush()
{
    m_flushTimer.stop();
    if (m_buffer.isEmpty() || !m_file.isOpen())
        return;
    if (m_sizeLimit > 0 && m_written + m_buffer.size() > m_sizeLimit) {
        // Cut at the last whole record that fits, so that what was kept stays readable.
        const qsizetype fits = m_buffer.lastIndexOf('\n', qsizetype(m_sizeLimit - m_written) - 1)
                               + 1;
        m_file.write(m_buffer.constData(), fits);
        m_file.flush();
        m_written += fits;
        m_buffer.clear();
        m_file.close();
        m_error = tr("the record reached its size limit of %1 MB; what came before is kept")
                          .arg(m_sizeLimit / (1024 * 1024));
        emit failed(m_error);
        return;
    }
    const qint64 written = m_file.write(m_buffer);
    const bool complete = written == m_buffer.size() && m_file.flush();
    m_written += qMax<qint64>(0, written);
    // Emptied, not freed: the next 64 KiB fill the same memory instead of growing it anew; unless
    // a huge line made it huge, which is not kept for the rest of the session.
    if (m_buffer.capacity() > 4 * FlushThreshold)
        m_buffer.clear();
    else
        m_buffer.resize(0);
    if (!complete) {
        m_error = m_file.errorString();
        m_file.close();
        emit failed(m_error);
    }
}

char *RecordWriter::writeTime(char *out, qint64 timeUs) const
{
    // As timeField(), without its temporaries: at most MaxNumberBytes + 4 bytes.
    const qint64 sinceStart = qMax<qint64>(0, timeUs - m_startUs);
    out = writeNumber(out, sinceStart / 1000);
    const int micros = int(sinceStart % 1000);
    if (micros == 0)
        return out;
    const char digits[4] = {'.',
                            char('0' + micros / 100),
                            char('0' + micros / 10 % 10),
                            char('0' + micros % 10)};
    int length = 4;
    while (digits[length - 1] == '0')
        --length;
    return writeText(out, digits, length);
}

QByteArray RecordWriter::timeField(qint64 timeUs) const
{
    // Milliseconds with three decimals: the tracer's events are stamped to the microsecond.
    const qint64 sinceStart = qMax<qint64>(0, timeUs - m_startUs);
    QByteArray field = QByteArray::number(sinceStart / 1000);
    const int micros = int(sinceStart % 1000);
    if (micros != 0) {
        field += '.';
        field += QByteArray::number(micros).rightJustified(3, '0');
        while (field.endsWith('0'))
            field.chop(1);
    }
    return field;
}

} // namespace ProcLab
