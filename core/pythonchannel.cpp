#include "pythonchannel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace ProcLab {

namespace {

// As much as one read of the worker's own pipes takes, so that a flood through the channel keeps
// the window painting just as a flood through the pipe does.
constexpr qsizetype ReadChunk = 16 * 1024;
// A hello is one short line; anything longer is not the hook.
constexpr qsizetype MaxHelloLength = 256;
// A call is one JSON line of a few hundred bytes; a longer line is dropped whole.
constexpr qsizetype MaxCallLineLength = 64 * 1024;
// The hook sends its stdout's and its stderr's read ends; a peer that sends more gets them closed.
constexpr int MaxPassedFds = 2;
constexpr qsizetype MaxTextLength = 1024;

const QByteArray HelloPrefix = QByteArrayLiteral("proclab-python 1 ");

void closeFd(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

QString shortText(const QJsonValue &value)
{
    return value.toString().left(MaxTextLength);
}

// One call as the hook writes it (docs/python-hook.md); nullopt-like (empty call) when the line is
// not one. The caller is the connection's process, as the kernel told it, not what the line says.
PythonCall parseCall(const QByteArray &line, qint64 pid)
{
    PythonCall call;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return call;
    const QJsonObject object = document.object();
    const QString name = object.value(QLatin1String("call")).toString();
    if (name.isEmpty() || name.size() > 64)
        return call;
    call.call = name;
    call.pid = pid;
    call.timeUs = qint64(object.value(QLatin1String("t")).toDouble() * 1e6);
    call.target = object.value(QLatin1String("target")).toInteger();
    call.name = shortText(object.value(QLatin1String("name")));
    call.function = shortText(object.value(QLatin1String("function")));
    call.arguments = shortText(object.value(QLatin1String("args")));
    const QJsonValue exitCode = object.value(QLatin1String("exitcode"));
    if (exitCode.isDouble()) {
        call.hasExitCode = true;
        call.exitCode = exitCode.toInt();
    }
    const QJsonArray pids = object.value(QLatin1String("pids")).toArray();
    for (const QJsonValue &value : pids) {
        if (value.isDouble() && call.pids.size() < 4096)
            call.pids.append(value.toInteger());
    }
    call.file = object.value(QLatin1String("file")).toString().left(4096);
    call.line = object.value(QLatin1String("line")).toInt();
    return call;
}

} // namespace

// One connection of a process, or after an "output" hello, one of the pipes it handed over.
struct PythonChannel::Connection
{
    enum class Kind { Hello, Calls, StdOut, StdErr };

    int fd = -1;
    qint64 pid = 0;
    Kind kind = Kind::Hello;
    QByteArray buffer;       // the hello so far, or the calls' incomplete line
    bool discarding = false; // in a calls line longer than the cap: dropped up to its newline
    bool closed = false;
    std::unique_ptr<QSocketNotifier> notifier;
};

PythonChannel::PythonChannel(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ProcLab::PythonCall>();
}

PythonChannel::~PythonChannel()
{
    // Notifiers go before their descriptors, as QSocketNotifier wants.
    delete m_listenNotifier;
    closeFd(m_listenFd);
    for (const auto &connection : m_connections) {
        connection->notifier.reset();
        closeFd(connection->fd);
    }
}

bool PythonChannel::listen()
{
    if (m_listenFd >= 0)
        return true;
    static std::atomic<int> counter{0};
    const QByteArray name = QByteArrayLiteral("proclab-")
                            + QByteArray::number(QCoreApplication::applicationPid()) + '-'
                            + QByteArray::number(++counter) + '-'
                            + QByteArray::number(QRandomGenerator::system()->generate64(), 16);

    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        m_errorString = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // The abstract namespace: the name starts with a NUL byte and is no file, so nothing is left
    // behind when ProcLab ends, however it ends.
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path + 1, name.constData(), size_t(name.size()));
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(name.size()));
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), length) != 0
        || ::listen(fd, SOMAXCONN) != 0) {
        m_errorString = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return false;
    }
    m_listenFd = fd;
    m_address = QLatin1Char('@') + QString::fromLatin1(name);
    m_errorString.clear();
    m_listenNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_listenNotifier, &QSocketNotifier::activated, this, [this] { acceptPending(); });
    return true;
}

void PythonChannel::setPeerCheck(std::function<bool(qint64)> check)
{
    m_peerCheck = std::move(check);
}

int PythonChannel::connectionCount() const
{
    int count = 0;
    for (const auto &connection : m_connections) {
        if (!connection->closed)
            ++count;
    }
    return count;
}

bool PythonChannel::isAcceptable(qint64 pid, qint64 uid) const
{
    // The abstract namespace is open to every local user: the kernel's word on who connected is
    // what keeps another user's process from writing into this worker's output.
    if (pid <= 0 || uid != qint64(::geteuid()))
        return false;
    return !m_peerCheck || m_peerCheck(pid);
}

void PythonChannel::acceptPending()
{
    if (m_listenFd < 0)
        return;
    for (;;) {
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return; // EAGAIN, or out of descriptors: the rest wait in the backlog
        }
        ucred credentials{};
        socklen_t size = sizeof credentials;
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0
            || !isAcceptable(credentials.pid, credentials.uid)) {
            ::close(fd);
            continue;
        }
        auto connection = std::make_unique<Connection>();
        connection->fd = fd;
        connection->pid = credentials.pid;
        watch(*connection);
        m_connections.push_back(std::move(connection));
    }
}

void PythonChannel::watch(Connection &connection)
{
    connection.notifier = std::make_unique<QSocketNotifier>(qintptr(connection.fd),
                                                            QSocketNotifier::Read);
    const int fd = connection.fd;
    connect(connection.notifier.get(), &QSocketNotifier::activated, this, [this, fd] {
        readConnection(fd);
    });
}

PythonChannel::Connection *PythonChannel::find(int fd) const
{
    for (const auto &connection : m_connections) {
        if (connection->fd == fd && !connection->closed)
            return connection.get();
    }
    return nullptr;
}

void PythonChannel::readConnection(int fd)
{
    if (m_reading)
        return;
    Connection *connection = find(fd);
    if (!connection)
        return;
    QPointer<PythonChannel> guard(this);
    m_reading = true;
    readOnce(*connection);
    if (!guard)
        return;
    m_reading = false;
    removeClosed();
}

void PythonChannel::readPending()
{
    if (m_reading)
        return;
    acceptPending();
    QPointer<PythonChannel> guard(this);
    m_reading = true;
    // By index: an "output" hello turns into two pipes in its place, so the vector grows as we go.
    for (size_t index = 0; index < m_connections.size(); ++index) {
        // What is there now, and no more: a process that writes without pause must not keep
        // this loop (and the window) busy.
        int available = 0;
        if (::ioctl(m_connections[index]->fd, FIONREAD, &available) != 0)
            available = 0;
        qsizetype budget = qsizetype(available) + ReadChunk;
        while (budget > 0 && !m_connections[index]->closed) {
            const ReadResult result = readOnce(*m_connections[index]);
            if (!guard)
                return;
            if (result != ReadResult::More)
                break;
            budget -= ReadChunk;
        }
    }
    m_reading = false;
    removeClosed();
}

PythonChannel::ReadResult PythonChannel::readOnce(Connection &connection)
{
    if (connection.closed)
        return ReadResult::Closed;
    if (connection.kind == Connection::Kind::Hello)
        return readHello(connection);

    QByteArray bytes(ReadChunk, Qt::Uninitialized);
    ssize_t count;
    do {
        count = ::read(connection.fd, bytes.data(), size_t(bytes.size()));
    } while (count < 0 && errno == EINTR);
    if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return ReadResult::Drained;
    if (count <= 0) {
        // The end (or an error, which ends it as well): every writer has closed it.
        const qint64 pid = connection.pid;
        const Connection::Kind kind = connection.kind;
        close(connection);
        if (kind == Connection::Kind::StdOut || kind == Connection::Kind::StdErr) {
            emit outputClosed(pid,
                              kind == Connection::Kind::StdOut ? OutputChannel::StdOut
                                                               : OutputChannel::StdErr);
        }
        return ReadResult::Closed;
    }
    bytes.truncate(qsizetype(count));
    if (connection.kind == Connection::Kind::Calls) {
        handOnCalls(connection, bytes);
    } else {
        emit outputReceived(connection.pid,
                            connection.kind == Connection::Kind::StdOut ? OutputChannel::StdOut
                                                                        : OutputChannel::StdErr,
                            bytes);
    }
    return count < ReadChunk ? ReadResult::Drained : ReadResult::More;
}

// The first line of a connection says what it is:
//   "proclab-python 1 output stdout stderr\n" with the read ends of the process's new stdout and
//   stderr pipes attached (SCM_RIGHTS), in the order named; the connection ends there;
//   "proclab-python 1 calls\n", followed by the process's calls, one JSON object a line.
// Read one byte at a time up to the newline, so that no call after it is taken as part of it.
PythonChannel::ReadResult PythonChannel::readHello(Connection &connection)
{
    std::vector<int> passed;
    bool complete = false;
    for (;;) {
        char byte = 0;
        iovec vector{&byte, 1};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 8)];
        msghdr message{};
        message.msg_iov = &vector;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        const ssize_t count = ::recvmsg(connection.fd, &message, MSG_CMSG_CLOEXEC);
        if (count < 0 && errno == EINTR)
            continue;
        for (cmsghdr *header = CMSG_FIRSTHDR(&message); header;
             header = CMSG_NXTHDR(&message, header)) {
            if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS)
                continue;
            const size_t fds = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < fds; ++i) {
                int fd;
                std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
                passed.push_back(fd);
            }
        }
        if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (count <= 0 || connection.buffer.size() >= MaxHelloLength) {
            for (const int fd : passed)
                ::close(fd);
            close(connection);
            return ReadResult::Closed;
        }
        if (byte == '\n') {
            complete = true;
            break;
        }
        connection.buffer.append(byte);
    }
    // Descriptors come with the hello's first byte; any that arrive before it is complete are
    // only kept when they belong to an "output" hello, checked below.
    if (!complete) {
        // A hello split across writes: the descriptors came with its first byte, so none can be
        // pending here for a well-behaved hook. Refuse what does not fit that.
        for (const int fd : passed)
            ::close(fd);
        if (!passed.empty())
            close(connection);
        return passed.empty() ? ReadResult::Drained : ReadResult::Closed;
    }

    const QByteArray hello = connection.buffer;
    connection.buffer.clear();
    if (!hello.startsWith(HelloPrefix)) {
        for (const int fd : passed)
            ::close(fd);
        close(connection);
        return ReadResult::Closed;
    }
    const QList<QByteArray> words = hello.mid(HelloPrefix.size()).split(' ');
    if (words == QList<QByteArray>{QByteArrayLiteral("calls")} && passed.empty()) {
        connection.kind = Connection::Kind::Calls;
        return ReadResult::More;
    }
    const bool output = !words.isEmpty() && words.constFirst() == "output"
                        && int(passed.size()) == words.size() - 1
                        && int(passed.size()) <= MaxPassedFds;
    std::vector<std::unique_ptr<Connection>> pipes;
    for (qsizetype i = 1; output && i < words.size(); ++i) {
        const int fd = passed[size_t(i - 1)];
        auto pipe = std::make_unique<Connection>();
        pipe->fd = fd;
        pipe->pid = connection.pid;
        if (words[i] == "stdout")
            pipe->kind = Connection::Kind::StdOut;
        else if (words[i] == "stderr")
            pipe->kind = Connection::Kind::StdErr;
        else
            pipe->fd = -1;
        passed[size_t(i - 1)] = -1;
        if (pipe->fd < 0 || ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
            closeFd(fd);
            continue;
        }
        watch(*pipe);
        pipes.push_back(std::move(pipe));
    }
    for (const int fd : passed)
        closeFd(fd);
    // The hello's connection has done its work; its pipes take its place in the order.
    close(connection);
    auto here = std::find_if(m_connections.begin(),
                             m_connections.end(),
                             [&connection](const auto &entry) {
                                 return entry.get() == &connection;
                             });
    if (here != m_connections.end()) {
        m_connections.insert(here + 1,
                             std::make_move_iterator(pipes.begin()),
                             std::make_move_iterator(pipes.end()));
    }
    return ReadResult::Closed;
}

void PythonChannel::handOnCalls(Connection &connection, const QByteArray &bytes)
{
    QList<PythonCall> calls;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        if (!connection.discarding)
            connection.buffer.append(bytes.constData() + start, end - start);
        if (connection.buffer.size() > MaxCallLineLength) {
            connection.buffer.clear();
            connection.discarding = true;
        }
        if (newline < 0)
            break;
        if (!connection.discarding) {
            PythonCall call = parseCall(connection.buffer, connection.pid);
            if (!call.call.isEmpty())
                calls.append(call);
        }
        connection.buffer.clear();
        connection.discarding = false;
        start = newline + 1;
    }
    if (!calls.isEmpty())
        emit callsReceived(calls);
}

void PythonChannel::close(Connection &connection)
{
    if (connection.closed)
        return;
    connection.closed = true;
    // Inside its own activated() the notifier must not be deleted: it goes with removeClosed().
    if (connection.notifier)
        connection.notifier->setEnabled(false);
    closeFd(connection.fd);
    connection.fd = -1;
}

void PythonChannel::removeClosed()
{
    for (auto &connection : m_connections) {
        if (connection->closed && connection->notifier)
            connection->notifier.release()->deleteLater();
    }
    m_connections.erase(std::remove_if(m_connections.begin(),
                                       m_connections.end(),
                                       [](const auto &connection) { return connection->closed; }),
                        m_connections.end());
}

} // namespace ProcLab
