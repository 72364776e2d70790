#include "recordplayer.h"

#include "session.h"

namespace ProcLab {

// Placeholder until the replay work lands: opens nothing.
class RecordPlayer::Private
{
public:
    Session session{QString()};
    QString path;
    QString problem;
};

RecordPlayer::RecordPlayer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{}

RecordPlayer::~RecordPlayer() = default;

bool RecordPlayer::open(const QString &path)
{
    d->path = path;
    d->problem = QStringLiteral("not built yet");
    return false;
}

QString RecordPlayer::path() const
{
    return d->path;
}
QJsonObject RecordPlayer::header() const
{
    return {};
}
Session &RecordPlayer::session()
{
    return d->session;
}
qint64 RecordPlayer::durationUs() const
{
    return 0;
}
bool RecordPlayer::isIndexed() const
{
    return false;
}
qint64 RecordPlayer::recordCount() const
{
    return 0;
}
bool RecordPlayer::isNewerVersion() const
{
    return false;
}
bool RecordPlayer::isComplete() const
{
    return false;
}
QString RecordPlayer::problem() const
{
    return d->problem;
}
int RecordPlayer::problemLine() const
{
    return 0;
}
qint64 RecordPlayer::positionUs() const
{
    return 0;
}
void RecordPlayer::seek(qint64) {}
void RecordPlayer::seekToEnd() {}
void RecordPlayer::stepForward() {}
void RecordPlayer::stepBackward() {}
void RecordPlayer::play() {}
void RecordPlayer::pause() {}
bool RecordPlayer::isPlaying() const
{
    return false;
}
double RecordPlayer::speed() const
{
    return 1.0;
}
void RecordPlayer::setSpeed(double) {}

} // namespace ProcLab
