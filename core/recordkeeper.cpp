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

#include <csignal>
#include <unistd.h>

namespace ProcLab {

namespace {

constexpr qint64 CopyChunkBytes = 1024 * 1024;

// "session-4242.proclab-record": the PID tells a live ProcLab's file from a crashed one's.
const QRegularExpression &fileNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^session-(\\d+)\\.proclab-record$"));
    return pattern;
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
    : QObject(parent)
    , m_session(session)
{
    if (m_session.isRecording() && m_session.recorder()) {
        m_path = m_session.recorder()->writer().fileName();
        return;
    }
    const QString directory = folder();
    if (!QDir().mkpath(directory)) {
        m_problem = tr("cannot create %1: this session is not recorded").arg(directory);
        return;
    }
    removeLeftovers(directory);
    const QString path = QDir(directory).filePath(
            QStringLiteral("session-%1.proclab-record").arg(QCoreApplication::applicationPid()));
    if (!m_session.startRecording(path)) {
        m_problem = tr("this session is not recorded: %1").arg(m_session.recordingError());
        return;
    }
    m_path = path;
    m_ownsFile = true;
    RecordWriter &writer = m_session.recorder()->writer();
    writer.setSizeLimit(SizeLimit);
    connect(m_session.recorder(), &RunRecorder::failed, this, [this](const QString &reason) {
        m_problem = reason;
    });
}

RecordKeeper::~RecordKeeper()
{
    if (!m_ownsFile)
        return;
    m_session.stopRecording();
    // A copy still running reads the file through its own descriptor: removing the name is safe.
    QFile::remove(m_path);
}

QString RecordKeeper::folder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
            .filePath(QStringLiteral("records"));
}

void RecordKeeper::saveAs(const QString &path)
{
    RunRecorder *recorder = m_session.recorder();
    if (m_path.isEmpty() || !recorder) {
        emit saved(path, m_problem.isEmpty() ? tr("nothing was recorded") : m_problem);
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

void RecordKeeper::removeLeftovers(const QString &folder)
{
    const QDir directory(folder);
    const QStringList names = directory.entryList({QStringLiteral("session-*.proclab-record")},
                                                  QDir::Files);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = fileNamePattern().match(name);
        if (!match.hasMatch())
            continue;
        const auto pid = static_cast<pid_t>(match.captured(1).toLongLong());
        // Another ProcLab's, still running (kill 0 checks without sending anything).
        if (pid > 0 && ::kill(pid, 0) == 0)
            continue;
        QFile::remove(directory.filePath(name));
    }
}

} // namespace ProcLab
