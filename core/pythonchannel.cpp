#include "pythonchannel.h"

// Placeholder until the channel is built (issue 12): it never listens, so no worker hands the
// hook an address and every Python worker runs as before.

namespace ProcLab {

PythonChannel::PythonChannel(QObject *parent)
    : QObject(parent)
{}

PythonChannel::~PythonChannel() = default;

bool PythonChannel::listen()
{
    m_errorString = QStringLiteral("not built yet");
    return false;
}

void PythonChannel::setPeerCheck(std::function<bool(qint64)> check)
{
    m_peerCheck = std::move(check);
}

void PythonChannel::readPending() {}

int PythonChannel::connectionCount() const
{
    return 0;
}

} // namespace ProcLab
