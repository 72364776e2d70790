#include "countdown.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ProcLab;
using namespace std::chrono;

// The countdown runs on a deadline with an injectable tick, so 300 ms in 20 ms ticks stands in for
// five seconds in one-second ticks.
class tst_Countdown final : public QObject
{
    Q_OBJECT

private slots:
    void expiresAtTheDeadline();
    void ticksCountDown();
    void cancelStopsIt();
    void roundsSecondsUp();
};

void tst_Countdown::expiresAtTheDeadline()
{
    Countdown countdown(milliseconds(300), milliseconds(20));
    QSignalSpy expired(&countdown, &Countdown::expired);
    QElapsedTimer clock;
    clock.start();
    countdown.start();
    QVERIFY(countdown.isActive());
    QVERIFY(expired.wait(5000));
    QVERIFY2(clock.elapsed() >= 295, "expired before its deadline");
    QVERIFY(!countdown.isActive());
    QCOMPARE(countdown.remaining().count(), 0);
}

void tst_Countdown::ticksCountDown()
{
    Countdown countdown(milliseconds(200), milliseconds(20));
    QSignalSpy ticked(&countdown, &Countdown::ticked);
    QSignalSpy expired(&countdown, &Countdown::expired);
    countdown.start();
    QVERIFY(expired.wait(5000));
    QVERIFY2(ticked.size() >= 3, "expected several ticks");
    qint64 previous = ticked.first().first().value<milliseconds>().count();
    for (const QList<QVariant> &arguments : std::as_const(ticked)) {
        const qint64 remaining = arguments.first().value<milliseconds>().count();
        QVERIFY2(remaining <= previous, "remaining time must never grow");
        previous = remaining;
    }
    QCOMPARE(previous, 0);
}

void tst_Countdown::cancelStopsIt()
{
    Countdown countdown(milliseconds(100), milliseconds(10));
    QSignalSpy expired(&countdown, &Countdown::expired);
    QSignalSpy cancelled(&countdown, &Countdown::cancelled);
    countdown.start();
    countdown.cancel();
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!countdown.isActive());
    // Well past the deadline, it must still not have expired.
    QVERIFY(!expired.wait(300));
}

void tst_Countdown::roundsSecondsUp()
{
    Countdown countdown(seconds(5));
    countdown.start();
    QCOMPARE(countdown.remainingSeconds(), 5);
    countdown.cancel();
    QCOMPARE(countdown.remainingSeconds(), 0);
}

QTEST_GUILESS_MAIN(tst_Countdown)
#include "tst_countdown.moc"
