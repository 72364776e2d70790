#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace ProcLab {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal, so that the monitor can stop its workers (grace,
// then kill) in the event loop instead of dying with them still running. The handler only writes the
// signal number to a socket (async-signal-safe); everything else happens in received().
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void received(int signalNumber);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ProcLab
