#include "recordwriter.h"

#include "exitinfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace ProcLab {

namespace {

QJsonArray toJsonArray(const QStringList &strings)
{
    QJsonArray array;
    for (const QString &string : strings)
        array.append(string);
    return array;
}

} // namespace

void appendJsonEscaped(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 8);
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (byte < 0x20 || byte == 0x7f) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
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
    // The hot path: by hand, one allocation at most, in the same key order as the documentation.
    QByteArray line;
    line.reserve(text.size() + 64);
    line += "{\"kind\":\"output\",\"t\":";
    line += timeField(timeUs);
    line += ",\"pid\":";
    line += QByteArray::number(pid);
    line += ",\"stream\":\"";
    line += QByteArray(stream.data(), stream.size());
    line += "\",\"text\":\"";
    appendJsonEscaped(line, text);
    line += "\"}\n";
    append(line);
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
    m_buffer.clear();
    if (!complete) {
        m_error = m_file.errorString();
        m_file.close();
        emit failed(m_error);
    }
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
