// The worker table's model over a real pool with real workers, always under QAbstractItemModelTester.
#include "lessons.h"
#include "testsupport.h"
#include "worker.h"
#include "workercolors.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableproxy.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 15000;

using TestSupport::workerSpec;

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

QPair<int, int> range(const QList<QVariant> &arguments)
{
    return {arguments.at(1).toInt(), arguments.at(2).toInt()};
}

} // namespace

class tst_WorkerTableModel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void rowsFollowThePoolInStartOrder();
    void clearFinishedRemovesExactRanges();
    void floodCausesFewDataChanges();
    void outputCausesFarFewerDataChangesThanReads();
    void changedRowsBecomeOneSignalPerRange();
    void scheduledStopShowsInStateCell();
    void failedStartShowsItsReason();
    void nonZeroExitLooksLikeAFailure();
    void lastOutputCellShowsNoEscapeSequence();
    void proxySortsNumbersAsNumbersAndColoursRows();
    void durationText_data();
    void durationText();
    void countText_data();
    void countText();

private:
    // Every test ends like this: no worker may still run when the pool goes.
    static bool stopAndWait(WorkerPool &pool);
};

void tst_WorkerTableModel::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

bool tst_WorkerTableModel::stopAndWait(WorkerPool &pool)
{
    pool.stopAll();
    return QTest::qWaitFor([&pool] { return !pool.hasActiveWorkers(); }, Timeout);
}

void tst_WorkerTableModel::rowsFollowThePoolInStartOrder()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    Lessons::startSpawnLesson(pool, TestSupport::workerProgram(), 4, DemoLanguage::Korean);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(range(inserted.at(0)), qMakePair(0, 3));
    QCOMPARE(model.rowCount(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);

    for (int row = 0; row < 4; ++row) {
        const Worker *worker = pool.at(row);
        const QString name = Lessons::subProgramText(row, DemoLanguage::Korean);
        QCOMPARE(cell(model, row, WorkerTableModel::NameColumn), name);
        QVERIFY2(worker->pid() > 0, qPrintable(name));
        QCOMPARE(cell(model, row, WorkerTableModel::PidColumn), QString::number(worker->pid()));
        QCOMPARE(model.index(row, 0).data(WorkerTableModel::PidRole).toLongLong(), worker->pid());
        QCOMPARE(model.index(row, 0).data(WorkerTableModel::WorkerIdRole).toInt(), worker->id());
        QCOMPARE(model.index(row, 0).data(WorkerTableModel::StateRole).toInt(),
                 int(WorkerState::Finished));
        QCOMPARE(model.index(row, 0).data(WorkerTableModel::IsActiveRole).toBool(), false);
        QCOMPARE(cell(model, row, WorkerTableModel::StateColumn), QStringLiteral("finished"));
        QCOMPARE(cell(model, row, WorkerTableModel::ExitColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, row, WorkerTableModel::LinesOutColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, row, WorkerTableModel::LinesErrColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, row, WorkerTableModel::LastOutputColumn),
                 Lessons::saysLine(worker->pid(), name));
        QVERIFY2(!cell(model, row, WorkerTableModel::StartedColumn).isEmpty(), qPrintable(name));
    }

    // A second lesson appends: the new rows come after the old ones, in one exact range.
    Lessons::startSpawnLesson(pool, TestSupport::workerProgram(), 2, DemoLanguage::English);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(range(inserted.at(1)), qMakePair(4, 5));
    QCOMPARE(cell(model, 5, WorkerTableModel::NameColumn), QStringLiteral("sub program 1"));
    QVERIFY(stopAndWait(pool));
}

void tst_WorkerTableModel::clearFinishedRemovesExactRanges()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // Rows: running, ended, ended, running, ended.
    const QStringList longRunning{QStringLiteral("sleep"), QStringLiteral("600000")};
    const QStringList quick{QStringLiteral("exit"), QStringLiteral("3")};
    for (const QStringList &mode : {longRunning, quick, quick, longRunning, quick})
        QVERIFY(pool.spawn(workerSpec(mode)));
    const int keptIds[] = {pool.at(0)->id(), pool.at(3)->id()};
    QTRY_VERIFY_WITH_TIMEOUT(!pool.at(1)->isActive() && !pool.at(2)->isActive()
                                     && !pool.at(4)->isActive(),
                             Timeout);
    QCOMPARE(cell(model, 1, WorkerTableModel::ExitColumn), QStringLiteral("3"));

    QSignalSpy aboutToBeRemoved(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    pool.clearFinished();
    // From the end, so that each range is exact when it is announced.
    QCOMPARE(aboutToBeRemoved.count(), 2);
    QCOMPARE(range(aboutToBeRemoved.at(0)), qMakePair(4, 4));
    QCOMPARE(range(aboutToBeRemoved.at(1)), qMakePair(1, 2));
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(WorkerTableModel::WorkerIdRole).toInt(), keptIds[0]);
    QCOMPARE(model.index(1, 0).data(WorkerTableModel::WorkerIdRole).toInt(), keptIds[1]);

    QVERIFY(stopAndWait(pool));
    QCOMPARE(cell(model, 0, WorkerTableModel::ExitColumn), QStringLiteral("-15 · SIGTERM"));
    pool.clearFinished();
    QCOMPARE(model.rowCount(), 0);
}

void tst_WorkerTableModel::floodCausesFewDataChanges()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    Worker *worker = pool.spawn(workerSpec(
            {QStringLiteral("flood"), QStringLiteral("--lines"), QStringLiteral("10000")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QCOMPARE(cell(model, 0, WorkerTableModel::LinesOutColumn), QStringLiteral("10000"));
    QCOMPARE(cell(model, 0, WorkerTableModel::ExitColumn), QStringLiteral("0"));

    // The pool batches at most every 50 ms; a flood that lasts a second or two makes a few dozen.
    QVERIFY2(changed.count() >= 1, "the finished state was never announced");
    QVERIFY2(changed.count() < 200,
             qPrintable(QStringLiteral("%1 dataChanged for 10000 lines").arg(changed.count())));
    for (const QList<QVariant> &arguments : std::as_const(changed)) {
        const auto topLeft = arguments.at(0).value<QModelIndex>();
        const auto bottomRight = arguments.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 0);
        QCOMPARE(bottomRight.column(), WorkerTableModel::ColumnCount - 1);
    }
}

void tst_WorkerTableModel::outputCausesFarFewerDataChangesThanReads()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Every read of the worker's pipes, as the pool delivers it: one line per write, a write every
    // 2 ms, so the pool sees hundreds of reads in a few seconds.
    int reads = 0;
    connect(&pool, &WorkerPool::outputReceived, this, [&reads] { ++reads; });

    QElapsedTimer clock;
    clock.start();
    Worker *worker = pool.spawn(workerSpec({QStringLiteral("count"),
                                            QStringLiteral("--to"),
                                            QStringLiteral("1500"),
                                            QStringLiteral("--interval-ms"),
                                            QStringLiteral("2")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    const qint64 elapsedMs = clock.elapsed();
    QCOMPARE(cell(model, 0, WorkerTableModel::LinesOutColumn), QStringLiteral("1499"));

    const QString counts = QStringLiteral("%1 dataChanged for %2 reads in %3 ms")
                                   .arg(changed.count())
                                   .arg(reads)
                                   .arg(elapsedMs);
    // The control: the pool did see many separate reads, so that one signal per read would show.
    QVERIFY2(reads >= 100, qPrintable(counts));
    // At most one signal per 50 ms batch (a coarse timer may fire 5 % early), plus the start and
    // the end: a few dozen for the ~3 s of output, however many reads they took.
    QVERIFY2(changed.count() <= elapsedMs / 45 + 3, qPrintable(counts));
    QVERIFY2(changed.count() * 3 <= reads, qPrintable(counts));
    for (const QList<QVariant> &arguments : std::as_const(changed)) {
        QCOMPARE(arguments.at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(arguments.at(1).value<QModelIndex>().row(), 0);
    }
}

void tst_WorkerTableModel::changedRowsBecomeOneSignalPerRange()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < 6; ++i)
        QVERIFY(pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("0")})));
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    emit pool.workersChanged({0, 1, 2, 4, 5});
    QCOMPARE(changed.count(), 2);
    const auto rows = [&changed](int signal) {
        return qMakePair(changed.at(signal).at(0).value<QModelIndex>().row(),
                         changed.at(signal).at(1).value<QModelIndex>().row());
    };
    QCOMPARE(rows(0), qMakePair(0, 2));
    QCOMPARE(rows(1), qMakePair(4, 5));

    changed.clear();
    emit pool.workersChanged({3});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(rows(0), qMakePair(3, 3));
}

void tst_WorkerTableModel::scheduledStopShowsInStateCell()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Worker *worker = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(worker);
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Running, Timeout);

    pool.terminateAfter(worker, 3s);
    const QRegularExpression countingDown(QStringLiteral("^running · terminating in [1-3] s$"));
    QTRY_VERIFY2_WITH_TIMEOUT(countingDown.match(cell(model, 0, WorkerTableModel::StateColumn))
                                      .hasMatch(),
                              qPrintable(cell(model, 0, WorkerTableModel::StateColumn)),
                              Timeout);
    // The cell counts down: it reaches 1 s before the worker is terminated.
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 0, WorkerTableModel::StateColumn),
                              QStringLiteral("running · terminating in 1 s"),
                              Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(model, 0, WorkerTableModel::ExitColumn),
                              QStringLiteral("-15 · SIGTERM"),
                              Timeout);
    QCOMPARE(cell(model, 0, WorkerTableModel::StateColumn), QStringLiteral("terminated"));
    QVERIFY(stopAndWait(pool));
}

void tst_WorkerTableModel::failedStartShowsItsReason()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    WorkerSpec spec;
    spec.arguments = {QStringLiteral("/nonexistent/proclab-no-such-program")};
    Worker *worker = pool.spawn(spec);
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);

    QCOMPARE(cell(model, 0, WorkerTableModel::StateColumn), QStringLiteral("failed to start"));
    QCOMPARE(cell(model, 0, WorkerTableModel::ExitColumn), QStringLiteral("failed to start"));
    QCOMPARE(cell(model, 0, WorkerTableModel::PidColumn), QString());
    const QString toolTip = cell(model, 0, WorkerTableModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(toolTip.contains(QStringLiteral("no such file")), qPrintable(toolTip));
    QVERIFY(stopAndWait(pool));
}

void tst_WorkerTableModel::nonZeroExitLooksLikeAFailure()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    WorkerTableProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Worker *failing = pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("1")}));
    Worker *succeeding = pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("0")}));
    Worker *terminated = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(failing && succeeding && terminated);
    QTRY_VERIFY_WITH_TIMEOUT(!failing->isActive() && !succeeding->isActive()
                                     && terminated->state() == WorkerState::Running,
                             Timeout);
    QSignalSpy allFinished(&pool, &WorkerPool::allFinished);
    pool.terminate(terminated);
    QTRY_VERIFY_WITH_TIMEOUT(!terminated->isActive(), Timeout);
    QCOMPARE(failing->state(), WorkerState::Finished);

    QCOMPARE(cell(proxy, 0, WorkerTableModel::StateColumn), QStringLiteral("failed (exit 1)"));
    QCOMPARE(cell(proxy, 1, WorkerTableModel::StateColumn), QStringLiteral("finished"));
    QCOMPARE(cell(proxy, 2, WorkerTableModel::StateColumn), QStringLiteral("terminated"));
    QCOMPARE(proxy.index(0, 0).data(WorkerTableModel::FailedRole).toBool(), true);
    QCOMPARE(proxy.index(1, 0).data(WorkerTableModel::FailedRole).toBool(), false);
    QCOMPARE(proxy.index(2, 0).data(WorkerTableModel::FailedRole).toBool(), false);

    // Red and bold where a success is grey and plain; a stop the user asked for is no failure.
    const auto colour = [&proxy](int row, int column) {
        return proxy.index(row, column).data(Qt::ForegroundRole).value<QColor>();
    };
    for (const int column :
         {int(WorkerTableModel::StateColumn), int(WorkerTableModel::ExitColumn)}) {
        const QColor failure = colour(0, column);
        QVERIFY2(failure.isValid() && failure.saturation() > 100
                         && (failure.hue() < 20 || failure.hue() > 340),
                 qPrintable(failure.name()));
        QCOMPARE(colour(1, column).saturation(), 0);
        QCOMPARE(colour(2, column).saturation(), 0);
    }
    QVERIFY(proxy.index(0, WorkerTableModel::StateColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!proxy.index(1, WorkerTableModel::StateColumn).data(Qt::FontRole).isValid());
    QVERIFY(stopAndWait(pool));
}

void tst_WorkerTableModel::lastOutputCellShowsNoEscapeSequence()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // A real program's bytes: a terminal title (OSC, ended by BEL), a hyperlink (OSC 8, ended by
    // ST) and colours (SGR).
    WorkerSpec spec;
    spec.arguments = {QStringLiteral("printf"),
                      QStringLiteral("\\033]0;window title\\007\\033[31mred\\033[0m and "
                                     "\\033]8;;https://example.org\\033\\\\link\\033]8;;"
                                     "\\033\\\\ plain\\n")};
    Worker *worker = pool.spawn(spec);
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().exitCode, 0);
    // The control: the escapes did reach the worker's line.
    QVERIFY2(worker->lastLine().contains(QStringLiteral("\x1b]0;window title\x07")),
             qPrintable(worker->lastLine().toHtmlEscaped()));
    QCOMPARE(cell(model, 0, WorkerTableModel::LastOutputColumn),
             QStringLiteral("red and link plain"));
    QVERIFY(stopAndWait(pool));
}

void tst_WorkerTableModel::proxySortsNumbersAsNumbersAndColoursRows()
{
    WorkerPool pool;
    WorkerTableModel model(pool);
    WorkerTableProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // As text, "100" < "10" < "9"; as numbers the other way round.
    for (const char *lines : {"100", "9", "10"}) {
        QVERIFY(pool.spawn(workerSpec(
                {QStringLiteral("flood"), QStringLiteral("--lines"), QString::fromLatin1(lines)})));
    }
    Worker *running = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(running);
    QTRY_VERIFY_WITH_TIMEOUT(pool.activeCount() == 1 && running->state() == WorkerState::Running,
                             Timeout);

    proxy.sort(WorkerTableModel::LinesOutColumn, Qt::AscendingOrder);
    QStringList counts;
    for (int row = 0; row < proxy.rowCount(); ++row)
        counts.append(cell(proxy, row, WorkerTableModel::LinesOutColumn));
    QCOMPARE(counts,
             QStringList({QStringLiteral("0"),
                          QStringLiteral("9"),
                          QStringLiteral("10"),
                          QStringLiteral("100")}));
    QCOMPARE(proxy.index(0, WorkerTableModel::PidColumn).data(WorkerTableModel::SortRole).typeId(),
             QMetaType::LongLong);

    // The running worker (row 0 now) wears its colour; ended ones are grey.
    const QModelIndex runningName = proxy.index(0, WorkerTableModel::NameColumn);
    QCOMPARE(runningName.data(WorkerTableModel::WorkerIdRole).toInt(), running->id());
    QCOMPARE(runningName.data(Qt::DecorationRole).value<QColor>(), workerColor(running->id()));
    QCOMPARE(proxy.index(0, WorkerTableModel::PidColumn).data(Qt::ForegroundRole).value<QColor>(),
             workerColor(running->id()));
    const QColor endedColour
            = proxy.index(1, WorkerTableModel::StateColumn).data(Qt::ForegroundRole).value<QColor>();
    QVERIFY2(endedColour.isValid() && endedColour.saturation() == 0, qPrintable(endedColour.name()));

    // Back to start order.
    proxy.sort(-1);
    QCOMPARE(cell(proxy, 0, WorkerTableModel::LinesOutColumn), QStringLiteral("100"));
    QVERIFY(stopAndWait(pool));
}

void tst_WorkerTableModel::durationText_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("under a second") << qint64(999) << QStringLiteral("0:00");
    QTest::newRow("five seconds") << qint64(5000) << QStringLiteral("0:05");
    QTest::newRow("a minute") << qint64(62000) << QStringLiteral("1:02");
    QTest::newRow("an hour") << qint64(3723000) << QStringLiteral("1:02:03");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("0:00");
}

void tst_WorkerTableModel::durationText()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, text);
    QCOMPARE(WorkerTableModel::durationText(milliseconds), text);
}

void tst_WorkerTableModel::countText_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0");
    QTest::newRow("six digits") << qint64(999999) << QStringLiteral("999999");
    QTest::newRow("a million") << qint64(1000000) << QStringLiteral("1.0 M");
    QTest::newRow("a flood") << qint64(13434882) << QStringLiteral("13.4 M");
    QTest::newRow("billions") << qint64(2500000000) << QStringLiteral("2.5 G");
}

void tst_WorkerTableModel::countText()
{
    QFETCH(qint64, count);
    QFETCH(QString, text);
    QCOMPARE(WorkerTableModel::countText(count), text);
}

QTEST_MAIN(tst_WorkerTableModel)

#include "tst_workertablemodel.moc"
