#include "recordkeeper.h"

#include "runrecorder.h"
#include "session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThreadPool>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace ProcLab {

namespace {

constexpr qint64 CopyChunkBytes = 1024 * 1024;

constexpr char RecordSuffix[] = ".proclab-record";
constexpr int MaxSameSecond = 1000;
// A record that holds only its header (and an end) is a few hundred bytes.
constexpr qint64 NothingRecordedBytes = 64 * 1024;

// "2026-12-03_21-04-05.proclab-record", or "…_21-04-05-2.proclab-record" for the second window
// started in that second.
const QRegularExpression &fileNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral(
            "^(\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d-\\d\\d)(?:-(\\d+))?\\.proclab-record$"));
    return pattern;
}

// The old scheme's "session-4242.proclab-record".
const QRegularExpression &cacheNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^session-(\\d+)\\.proclab-record$"));
    return pattern;
}

// Nothing past the header and the end record: a session that ran nothing, or a file whose
// writer stopped before its header was written.
bool holdsNothing(const QString &path, qint64 size)
{
    if (size > NothingRecordedBytes)
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = file.readAll().split('\n');
    int records = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        ++records;
        if (records == 1 ? !line.contains("\"kind\":\"header\"")
                         : records > 2 || !line.startsWith("{\"kind\":\"end\""))
            return false;
    }
    return true;
}

// The first size bytes of source, then tail, into destination. Returns an error sentence, or an
// empty string.
QString copyRecord(const QString &source,
                   qint64 size,
                   const QByteArray &tail,
                   const QString &destination)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return in.errorString();
    QFile out(destination);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return out.errorString();
    qint64 left = size;
    while (left > 0) {
        const QByteArray chunk = in.read(qMin(left, CopyChunkBytes));
        if (chunk.isEmpty())
            return in.errorString();
        if (out.write(chunk) != chunk.size())
            return out.errorString();
        left -= chunk.size();
    }
    if (!tail.isEmpty() && out.write(tail) != tail.size())
        return out.errorString();
    if (!out.flush())
        return out.errorString();
    return {};
}

} // namespace

RecordKeeper::RecordKeeper(Session &session, QObject *parent)
    : RecordKeeper(session, Recording::On, parent)
{}

RecordKeeper::RecordKeeper(Session &session, Recording recording, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_off(recording == Recording::Off)
{
    if (m_session.isRecording() && m_session.recorder()) {
        // Asked for on the command line: recorded whatever the preference.
        m_path = m_session.recorder()->writer().fileName();
        m_off = false;
        return;
    }
    removeCacheLeftovers();
    if (!m_off)
        start();
}

RecordKeeper::~RecordKeeper()
{
    finish();
}

void RecordKeeper::start()
{
    const QString directory = folder();
    if (!QDir().mkpath(directory)) {
        m_problem = tr("cannot create %1: this session is not recorded").arg(directory);
        return;
    }
    // Before this session's file exists: opening a window and closing it must not cost the
    // oldest record its place.
    prune(directory);
    if (!claimFile(directory)) {
        m_problem = tr("cannot create a record in %1: this session is not recorded").arg(directory);
        return;
    }
    if (!m_session.startRecording(m_path)) {
        m_problem = tr("this session is not recorded: %1").arg(m_session.recordingError());
        QFile::remove(m_path);
        ::close(m_lockFd);
        m_lockFd = -1;
        m_path.clear();
        return;
    }
    m_ownsFile = true;
    RecordWriter &writer = m_session.recorder()->writer();
    writer.setSizeLimit(SizeLimit);
    m_headerBytes = writer.writtenBytes();
    connect(m_session.recorder(), &RunRecorder::failed, this, [this](const QString &reason) {
        m_problem = reason;
    });
}

void RecordKeeper::finish()
{
    if (!m_ownsFile)
        return;
    m_ownsFile = false;
    RecordWriter &writer = m_session.recorder()->writer();
    writer.flush();
    // Nothing past the header: the window ran nothing, and a list of records should not fill
    // with windows opened and closed.
    const bool empty = writer.isOpen() && writer.writtenBytes() == m_headerBytes;
    m_session.stopRecording();
    // A copy still running reads the file through its own descriptor: removing the name is safe.
    if (empty)
        QFile::remove(m_path);
    ::close(m_lockFd);
    m_lockFd = -1;
    prune(folder());
}

bool RecordKeeper::claimFile(const QString &directory)
{
    const QString stamp = QDateTime::currentDateTime().toString(
            QStringLiteral("yyyy-MM-dd_HH-mm-ss"));
    // After the highest number of that second, not in the first gap: a name freed by pruning
    // would otherwise be reused, and sort before the records it came after.
    int first = 1;
    const QStringList sameSecond = QDir(directory).entryList({stamp + QLatin1Char('*')},
                                                             QDir::Files);
    for (const QString &name : sameSecond) {
        const QRegularExpressionMatch match = fileNamePattern().match(name);
        if (match.hasMatch() && match.captured(1) == stamp)
            first = qMax(first, match.captured(2).isEmpty() ? 2 : match.captured(2).toInt() + 1);
    }
    for (int number = first; number < first + MaxSameSecond; ++number) {
        const QString name = number == 1 ? stamp
                                         : stamp + QLatin1Char('-') + QString::number(number);
        const QString path = QDir(directory).filePath(name + QLatin1String(RecordSuffix));
        const QByteArray native = QFile::encodeName(path);
        // O_EXCL: two windows started in the same second, in one ProcLab or two, never share a
        // file.
        const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            return false;
        }
        // Blocks at most while a pruner looks at the new, empty file; if it removed it meanwhile,
        // the name is no longer this file's: try the next.
        struct stat opened = {};
        struct stat named = {};
        if (::flock(fd, LOCK_EX) != 0 || ::fstat(fd, &opened) != 0
            || ::stat(native.constData(), &named) != 0 || opened.st_ino != named.st_ino
            || opened.st_dev != named.st_dev) {
            ::close(fd);
            continue;
        }
        m_lockFd = fd;
        m_path = path;
        return true;
    }
    return false;
}

QString RecordKeeper::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
            .filePath(QStringLiteral("records"));
}

bool RecordKeeper::isBeingWritten(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    // A shared lock is refused while a keeper holds its exclusive one; two pruners' shared locks
    // do not stand in each other's way.
    const bool locked = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return locked;
}

QStringList RecordKeeper::prune(const QString &folder, int keptRecords, qint64 folderBytes)
{
    struct Entry
    {
        QString stamp;
        int number;
        QString path;
        qint64 size;
    };
    const QDir directory(folder);
    std::vector<Entry> entries;
    const QFileInfoList files = directory.entryInfoList({QLatin1String("*")
                                                         + QLatin1String(RecordSuffix)},
                                                        QDir::Files);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = fileNamePattern().match(file.fileName());
        if (!match.hasMatch())
            continue;
        const int number = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
        entries.push_back({match.captured(1), number, file.filePath(), file.size()});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.stamp != b.stamp ? a.stamp < b.stamp : a.number < b.number;
    });

    QStringList removed;
    std::vector<Entry> kept;
    qint64 total = 0;
    for (const Entry &entry : entries) {
        if (!isBeingWritten(entry.path) && holdsNothing(entry.path, entry.size)) {
            if (QFile::remove(entry.path))
                removed.append(entry.path);
            continue;
        }
        kept.push_back(entry);
        total += entry.size;
    }
    auto count = qsizetype(kept.size());
    for (const Entry &entry : kept) {
        if (count <= keptRecords && total <= folderBytes)
            break;
        if (isBeingWritten(entry.path) || !QFile::remove(entry.path))
            continue;
        removed.append(entry.path);
        --count;
        total -= entry.size;
    }
    return removed;
}

QString RecordKeeper::nothingToSave() const
{
    if (m_off) {
        return tr("Recording is off, so there is no record to save: turn on “Keep a record of "
                  "each session” in Preferences, and the next window's session is recorded.");
    }
    return m_problem.isEmpty() ? tr("Nothing was recorded.") : m_problem;
}

void RecordKeeper::saveAs(const QString &path)
{
    RunRecorder *recorder = m_session.recorder();
    if (m_path.isEmpty() || !recorder) {
        emit saved(path, nothingToSave());
        return;
    }
    RecordWriter &writer = recorder->writer();
    writer.flush();
    // A record still being written is cut after its last whole record and closed, in the copy, as
    // close() would close it; one that has ended (its size limit, a --record run) is copied whole.
    const bool open = writer.isOpen();
    const qint64 size = open ? writer.writtenBytes() : QFileInfo(m_path).size();
    const QByteArray tail = open ? writer.endRecord(QDateTime::currentMSecsSinceEpoch() * 1000)
                                 : QByteArray();
    const QString source = m_path;
    QPointer<RecordKeeper> self(this);
    QThreadPool::globalInstance()->start([self, source, size, tail, path] {
        const QString error = copyRecord(source, size, tail, path);
        QMetaObject::invokeMethod(
                qApp,
                [self, path, error] {
                    if (self)
                        emit self->saved(path, error);
                },
                Qt::QueuedConnection);
    });
}

void RecordKeeper::removeCacheLeftovers()
{
    // Before records were kept, each window wrote "session-PID.proclab-record" to the cache
    // folder and removed it on closing; what a crashed one left is removed here, once.
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                                   .filePath(QStringLiteral("records"));
    QDir directory(folder);
    if (!directory.exists())
        return;
    const QStringList names = directory.entryList({QStringLiteral("session-*.proclab-record")},
                                                  QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = cacheNamePattern().match(name);
        if (!match.hasMatch())
            continue;
        const auto pid = static_cast<pid_t>(match.captured(1).toLongLong());
        // An older ProcLab's, still running (kill 0 checks without sending anything).
        if (pid > 0 && ::kill(pid, 0) == 0)
            continue;
        QFile::remove(directory.filePath(name));
    }
    QDir().rmdir(folder); // only when it is empty
}

} // namespace ProcLab
