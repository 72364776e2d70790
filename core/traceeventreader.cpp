#include "traceeventreader.h"

#include <QPointer>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ProcLab {

namespace {

constexpr qsizetype ReadChunk = 64 * 1024;
// Per wake-up; the notifier fires again at once if more is waiting, after other events had
// their turn.
constexpr qsizetype MaxBytesPerWakeUp = 256 * 1024;

} // namespace

TraceEventReader::Channel TraceEventReader::openChannel()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return Channel();
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    return Channel{fds[0], fds[1]};
}

void TraceEventReader::allowInheritance(int fd)
{
    ::fcntl(fd, F_SETFD, 0);
}

void TraceEventReader::closeDescriptor(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

TraceEventReader::TraceEventReader(QObject *parent)
    : QObject(parent)
{}

TraceEventReader::~TraceEventReader()
{
    closeDescriptor(m_fd);
}

void TraceEventReader::start(int fd)
{
    Q_ASSERT(m_fd < 0 && fd >= 0);
    m_fd = fd;
    m_finished = false;
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TraceEventReader::readAvailable);
}

void TraceEventReader::readAvailable()
{
    if (m_fd < 0)
        return;
    QList<TraceEvent> events;
    // Kept between calls: a worker drains the channel before each read of its output.
    if (m_buffer.size() != ReadChunk)
        m_buffer = QByteArray(ReadChunk, Qt::Uninitialized);
    QByteArray &buffer = m_buffer;
    qsizetype total = 0;
    bool ended = false;
    while (total < MaxBytesPerWakeUp) {
        const ssize_t got = ::read(m_fd, buffer.data(), size_t(buffer.size()));
        if (got > 0) {
            m_parser.feed(QByteArrayView(buffer.constData(), qsizetype(got)), events);
            total += got;
            continue;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        ended = true; // EOF, or an error that no later read would cure
        break;
    }
    if (!events.isEmpty()) {
        const QPointer<TraceEventReader> alive(this); // a receiver may delete us
        emit eventsReceived(events);
        if (!alive)
            return;
    }
    if (ended)
        finish();
}

void TraceEventReader::finish()
{
    if (m_finished)
        return;
    m_parser.finish();
    delete m_notifier;
    m_notifier = nullptr;
    closeDescriptor(m_fd);
    m_finished = true;
    emit finished();
}

} // namespace ProcLab
