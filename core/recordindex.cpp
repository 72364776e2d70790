#include "recordindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ProcLab {

namespace {

// The sentences are RecordReader's own, looked up in its context: one translation for both.
QString readerText(const char *text)
{
    return QCoreApplication::translate("ProcLab::RecordReader", text);
}

bool isEventKind(QByteArrayView kind)
{
    return kind == "process" || kind == "signal" || kind == "python" || kind == "event";
}

bool isBlank(QByteArrayView line)
{
    return std::all_of(line.begin(), line.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
    });
}

} // namespace

namespace RecordLine {

qint64 microseconds(double milliseconds)
{
    return qint64(std::llround(milliseconds * 1000.0));
}

bool readPrefix(QByteArrayView line, QByteArrayView *kind, qint64 *timeUs)
{
    static constexpr QByteArrayView KindKey = "{\"kind\":\"";
    static constexpr QByteArrayView TimeKey = ",\"t\":";
    if (!line.startsWith(KindKey))
        return false;
    const qsizetype kindStart = KindKey.size();
    const char *data = line.data();
    const qsizetype size = line.size();
    qsizetype at = kindStart;
    while (at < size && data[at] != '"' && data[at] != '\\')
        ++at;
    if (at >= size || data[at] != '"')
        return false;
    const QByteArrayView kindView = line.sliced(kindStart, at - kindStart);
    ++at;
    if (!line.sliced(at).startsWith(TimeKey))
        return false;
    at += TimeKey.size();
    // Milliseconds with up to three decimals, by hand: no locale, no double, no allocation.
    qint64 whole = 0;
    int digits = 0;
    while (at < size && data[at] >= '0' && data[at] <= '9' && digits < 15) {
        whole = whole * 10 + (data[at] - '0');
        ++at;
        ++digits;
    }
    if (digits == 0)
        return false;
    qint64 fraction = 0;
    if (at < size && data[at] == '.') {
        ++at;
        int decimals = 0;
        while (at < size && data[at] >= '0' && data[at] <= '9') {
            if (decimals < 3) {
                fraction = fraction * 10 + (data[at] - '0');
                ++decimals;
            }
            ++at;
        }
        if (decimals == 0)
            return false;
        while (decimals++ < 3)
            fraction *= 10;
    }
    // Anything else (an exponent, the number's end missing) is for the JSON parser to judge.
    if (at >= size || (data[at] != ',' && data[at] != '}'))
        return false;
    *kind = kindView;
    *timeUs = whole * 1000 + fraction;
    return true;
}

bool readOutput(QByteArrayView line, qint64 *pid, bool *isStdErr, QString *text)
{
    static constexpr QByteArrayView PidKey = ",\"pid\":";
    static constexpr QByteArrayView StdOut = ",\"stream\":\"stdout\",\"text\":\"";
    static constexpr QByteArrayView StdErr = ",\"stream\":\"stderr\",\"text\":\"";
    const qsizetype pidAt = line.indexOf(PidKey);
    if (pidAt < 0)
        return false;
    const char *data = line.data();
    const qsizetype size = line.size();
    qsizetype at = pidAt + PidKey.size();
    qint64 number = 0;
    int digits = 0;
    while (at < size && data[at] >= '0' && data[at] <= '9' && digits < 18) {
        number = number * 10 + (data[at++] - '0');
        ++digits;
    }
    if (digits == 0)
        return false;
    const QByteArrayView rest = line.sliced(at);
    if (rest.startsWith(StdOut))
        *isStdErr = false;
    else if (rest.startsWith(StdErr))
        *isStdErr = true;
    else
        return false;
    at += StdOut.size();
    // The string's body up to its closing quote, which must end the record: "}.
    if (size - at < 2 || data[size - 1] != '}' || data[size - 2] != '"')
        return false;
    const qsizetype end = size - 2;
    QByteArray utf8;
    utf8.reserve(end - at);
    while (at < end) {
        const char c = data[at++];
        if (c == '"')
            return false; // a quote inside: not the writer's line
        if (c != '\\') {
            utf8 += c;
            continue;
        }
        if (at >= end)
            return false;
        switch (data[at++]) {
        case '"':
            utf8 += '"';
            break;
        case '\\':
            utf8 += '\\';
            break;
        case '/':
            utf8 += '/';
            break;
        case 'b':
            utf8 += '\b';
            break;
        case 'f':
            utf8 += '\f';
            break;
        case 'n':
            utf8 += '\n';
            break;
        case 'r':
            utf8 += '\r';
            break;
        case 't':
            utf8 += '\t';
            break;
        case 'u': {
            // The writer escapes control characters only; anything else goes the long way.
            if (end - at < 4)
                return false;
            bool ok = false;
            const uint code = QByteArrayView(data + at, 4).toUInt(&ok, 16);
            if (!ok || code >= 0x80)
                return false;
            utf8 += char(code);
            at += 4;
            break;
        }
        default:
            return false;
        }
    }
    *pid = number;
    *text = QString::fromUtf8(utf8);
    return true;
}

} // namespace RecordLine

RecordIndex::RecordIndex(QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
{
    m_shared->receiver = this;
}

RecordIndex::~RecordIndex()
{
    cancel();
}

void RecordIndex::cancel()
{
    // Never waits: the thread sees the flag at its next block, and has no one to tell.
    m_shared->cancelled = true;
    const QMutexLocker lock(&m_shared->mutex);
    m_shared->receiver = nullptr;
}

void RecordIndex::start(const QString &path, qint64 offset, int linesBefore, qint64 monitorPid)
{
    // A file indexed before says nothing more: its thread tells no one.
    cancel();
    m_shared = std::make_shared<Shared>();
    m_shared->receiver = this;
    m_finished = false;
    m_result = RecordIndexResult();
    const std::shared_ptr<Shared> shared = m_shared;
    QThreadPool::globalInstance()->start([shared, path, offset, linesBefore, monitorPid] {
        // Progress at most ten times a second: a queued call each, to the thread that owns us.
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        const auto progress = [&shared, &sinceProgress](qint64 read, qint64 total) {
            if (shared->cancelled)
                return false;
            if (sinceProgress.elapsed() >= 100) {
                sinceProgress.restart();
                const QMutexLocker lock(&shared->mutex);
                if (RecordIndex *receiver = shared->receiver) {
                    QMetaObject::invokeMethod(
                            receiver,
                            [receiver, read, total] { emit receiver->progress(read, total); },
                            Qt::QueuedConnection);
                }
            }
            return true;
        };
        auto result = std::make_shared<RecordIndexResult>(
                index(path, offset, linesBefore, monitorPid, progress));
        const QMutexLocker lock(&shared->mutex);
        if (RecordIndex *receiver = shared->receiver; receiver && !shared->cancelled) {
            QMetaObject::invokeMethod(
                    receiver,
                    [receiver, result] {
                        receiver->m_result = std::move(*result);
                        receiver->m_finished = true;
                        emit receiver->progress(receiver->m_result.bytesTotal,
                                                receiver->m_result.bytesTotal);
                        emit receiver->finished();
                    },
                    Qt::QueuedConnection);
        }
    });
}

RecordIndexResult RecordIndex::index(const QString &path,
                                     qint64 offset,
                                     int linesBefore,
                                     qint64 monitorPid,
                                     const std::function<bool(qint64, qint64)> &progress)
{
    RecordIndexResult result;
    result.recordCount = 1; // the header
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = readerText("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    result.bytesTotal = file.size();
    result.readableEnd = offset;
    if (!file.seek(offset)) {
        result.problem = readerText("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }

    qint64 lineNumber = linesBefore;
    qint64 sinceCheckpoint = CheckpointInterval; // a checkpoint at the first record
    bool stopped = false;

    // One line: false once it is not a record (reading stops there).
    const auto take = [&](QByteArrayView line, qint64 lineOffset, bool terminated) {
        ++lineNumber;
        if (isBlank(line))
            return true;
        QByteArrayView kind;
        qint64 timeUs = 0;
        const bool cheap = RecordLine::readPrefix(line, &kind, &timeUs) && line.endsWith('}');
        QJsonObject record;
        if (!cheap || kind != "output" || !terminated) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                result.problemLine = int(lineNumber);
                result.problem = terminated
                                         ? readerText("line %1 is not a record (%2): the rest of "
                                                      "the file was not read")
                                                   .arg(lineNumber)
                                                   .arg(error.errorString())
                                         : readerText("the record ends in the middle of line %1: "
                                                      "it was cut short")
                                                   .arg(lineNumber);
                return false;
            }
            record = document.object();
            const QJsonValue t = record.value(QLatin1String("t"));
            const QString kindText = record.value(QLatin1String("kind")).toString();
            if (kindText.isEmpty() || !t.isDouble()) {
                result.problemLine = int(lineNumber);
                result.problem = readerText("line %1 is not a record: it has no \"kind\" or no "
                                            "\"t\"")
                                         .arg(lineNumber);
                return false;
            }
            timeUs = RecordLine::microseconds(t.toDouble());
            const QByteArray kindBytes = kindText.toUtf8();
            if (isEventKind(kindBytes)) {
                result.eventTimesUs.push_back(timeUs);
                if (kindBytes == "process"
                    && record.value(QLatin1String("event")).toString() == QLatin1String("start")
                    && record.value(QLatin1String("ppid")).toInteger() != monitorPid) {
                    const int worker = record.value(QLatin1String("worker")).toInt();
                    if (worker > 0)
                        result.followedWorkers.insert(worker);
                }
            } else if (kindBytes == "end") {
                result.complete = true;
            }
        }
        if (++sinceCheckpoint >= CheckpointInterval) {
            sinceCheckpoint = 0;
            result.checkpoints.append({lineOffset, timeUs, lineNumber});
        }
        ++result.recordCount;
        result.durationUs = qMax(result.durationUs, timeUs);
        result.readableEnd = lineOffset + line.size() + (terminated ? 1 : 0);
        return true;
    };

    QByteArray block(BlockSize, Qt::Uninitialized);
    QByteArray partial; // a line that goes on into the next block
    qint64 blockOffset = offset;
    while (!stopped) {
        if (progress && !progress(blockOffset - offset, result.bytesTotal - offset))
            return result;
        const qint64 got = file.read(block.data(), block.size());
        if (got <= 0)
            break;
        const char *data = block.constData();
        qsizetype at = 0;
        while (at < got) {
            const void *newline = std::memchr(data + at, '\n', size_t(got - at));
            if (!newline) {
                partial.append(data + at, got - at);
                break;
            }
            const qsizetype end = static_cast<const char *>(newline) - data;
            bool ok = true;
            if (!partial.isEmpty()) {
                partial.append(data + at, end - at);
                ok = take(partial, blockOffset + at - (partial.size() - (end - at)), true);
                partial.clear();
            } else {
                ok = take(QByteArrayView(data + at, end - at), blockOffset + at, true);
            }
            if (!ok) {
                stopped = true;
                break;
            }
            at = end + 1;
        }
        blockOffset += got;
    }
    if (!stopped && !partial.isEmpty())
        take(partial, blockOffset - partial.size(), false);
    std::sort(result.eventTimesUs.begin(), result.eventTimesUs.end());
    result.eventTimesUs.shrink_to_fit();
    return result;
}

} // namespace ProcLab
