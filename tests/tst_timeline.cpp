// The timeline: its geometry as pure arithmetic, then driven by real workers (the countdown lesson's
// ticks, terminate mark and end land where their times are drawn), and the view itself: lanes,
// tooltips, clicks, and a repaint timer that stops when nothing runs. Followed commands (shell
// subshells, Python's multiprocessing) give their descendants nested lanes with Python's exit
// codes; the axis reads milliseconds at full zoom; Ctrl+wheel keeps the moment under the pointer;
// Fit fits the selection; and an end mark at the last moment keeps its label in view.
#include "descendanttracker.h"
#include "languagemanager.h"
#include "lessons.h"
#include "scrollback.h"
#include "testsupport.h"
#include "timelinegeometry.h"
#include "timelineview.h"
#include "worker.h"
#include "workerpool.h"

#include <QDateTime>
#include <QImage>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>
#include <csignal>
#include <limits>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 15000;

using TestSupport::workerSpec;

WorkerEvent workerEvent(WorkerEvent::Kind kind, qint64 timestampMs)
{
    WorkerEvent result;
    result.kind = kind;
    result.timestampMs = timestampMs;
    return result;
}

// 500 pixels a second from the worker's start, lanes 30 pixels tall below a 20-pixel axis.
TimelineGeometry geometryFrom(qint64 originMs)
{
    TimelineGeometry geometry;
    geometry.setOrigin(originMs);
    geometry.setPixelsPerSecond(500);
    geometry.setLaneArea(QRect(100, 20, 2000, 300));
    geometry.setLaneHeight(30);
    return geometry;
}

// A paint device that draws nothing and counts what is drawn on it: each rectangle, line, path,
// polygon, run of text and image. Rendering a widget into it counts what its paintEvent() paints,
// whatever the clipping: a lane painted outside the viewport counts too.
class CountingPaintEngine final : public QPaintEngine
{
public:
    CountingPaintEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {}

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override {}
    Type type() const override { return QPaintEngine::User; }

    void drawRects(const QRect *, int count) override { items += count; }
    void drawRects(const QRectF *, int count) override { items += count; }
    void drawLines(const QLine *, int count) override { items += count; }
    void drawLines(const QLineF *, int count) override { items += count; }
    void drawEllipse(const QRectF &) override { ++items; }
    void drawEllipse(const QRect &) override { ++items; }
    void drawPath(const QPainterPath &) override { ++items; }
    void drawPoints(const QPointF *, int count) override { items += count; }
    void drawPoints(const QPoint *, int count) override { items += count; }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { ++items; }
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override { ++items; }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { ++items; }
    void drawTextItem(const QPointF &, const QTextItem &) override { ++items; }
    void drawTiledPixmap(const QRectF &, const QPixmap &, const QPointF &) override { ++items; }
    void drawImage(const QRectF &, const QImage &, const QRectF &, Qt::ImageConversionFlags) override
    {
        ++items;
    }

    int items = 0;
};

class CountingPaintDevice final : public QPaintDevice
{
public:
    explicit CountingPaintDevice(const QSize &size)
        : m_size(size)
    {}

    QPaintEngine *paintEngine() const override { return &m_engine; }
    int items() const { return m_engine.items; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmNumColors:
            return INT_MAX;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable CountingPaintEngine m_engine;
};

// The number of things one paint of the view's lanes draws.
int paintedItems(TimelineView &view)
{
    CountingPaintDevice device(view.viewport()->size());
    view.viewport()->render(&device);
    return device.items();
}

// A command run as the window runs one: followed, children and all.
WorkerSpec followedSpec(const QStringList &arguments)
{
    WorkerSpec spec;
    spec.arguments = arguments;
    spec.followChildren = true;
    return spec;
}

// The worker has ended, and so has every process of its tree, as far as the tracker knows.
bool treeEnded(const Worker *worker)
{
    if (!worker || worker->isActive() || !worker->descendants())
        return false;
    const DescendantTracker *tracker = worker->descendants();
    return tracker->isChannelFinished() && tracker->summary().alive == 0;
}

// The lanes under a worker's lane, with what each says at its end.
struct ChildLane
{
    int lane = 0;
    int depth = 0;
    QString name;
    QString end;
    const Descendant *descendant = nullptr;
};

QList<ChildLane> childLanes(const TimelineView &view)
{
    QList<ChildLane> result;
    for (int lane = 0; lane < view.laneCount(); ++lane) {
        if (const Descendant *descendant = view.descendantAtLane(lane)) {
            result.append(ChildLane{lane,
                                    view.laneAt(lane).depth,
                                    descendant->name(),
                                    view.endText(lane),
                                    descendant});
        }
    }
    return result;
}

QString describe(const QList<ChildLane> &lanes)
{
    QStringList parts;
    for (const ChildLane &lane : lanes)
        parts.append(QStringLiteral("%1@%2:%3").arg(lane.name).arg(lane.depth).arg(lane.end));
    return parts.join(QStringLiteral(", "));
}

// The view as the screen shows it.
QImage paintedImage(TimelineView &view)
{
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    view.viewport()->render(&image);
    return image;
}

// A pool of `count` workers that have all ended.
bool fillWithEndedWorkers(WorkerPool &pool, int count)
{
    QList<WorkerSpec> specs;
    for (int i = 0; i < count; ++i)
        specs.append(workerSpec({QStringLiteral("exit"), QStringLiteral("0")}));
    pool.spawnBatch(specs);
    return QTest::qWaitFor([&] { return pool.count() == count && !pool.hasActiveWorkers(); }, 60000);
}

} // namespace

class tst_Timeline final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void timeAndLanes_data();
    void timeAndLanes();
    void pausedIntervals();
    void pythonCallMarksAreBoundedAndThinned();
    void countdownLessonMarksTerminateAndTicks();
    void floodIsThinnedToOneTickPerColumn();
    void viewShowsTheSpawnLesson();
    void viewIdlesAndPaintsFastWithManyLanes();
    void zoomButtonsFollowTheLanguage();
    void axisLabels_data();
    void axisLabels();
    void axisResolvesMillisecondsAtFullZoom();
    void descendantsGetNestedLanes();
    void pythonChildrenGetLanes();
    void zombieLastsUntilReaped();
    void manyChildrenAreSummarised();
    void ctrlWheelKeepsTheMomentUnderThePointer();
    void endMarkAtTheLastMomentIsInView();
    void pythonCallsAreMarkedOnTheirCallersLanes();
    void tenThousandPythonCallsCostAScreenful();

private:
    static bool stopAndWait(WorkerPool &pool)
    {
        pool.stopAll();
        return QTest::qWaitFor([&pool] { return !pool.hasActiveWorkers(); }, Timeout);
    }
};

void tst_Timeline::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

void tst_Timeline::timeAndLanes_data()
{
    QTest::addColumn<double>("pixelsPerSecond");
    QTest::addColumn<double>("scrollX");
    QTest::addColumn<qint64>("timeMs");
    QTest::addColumn<double>("x");
    QTest::newRow("origin") << 100.0 << 0.0 << qint64(0) << 50.0;
    QTest::newRow("one second") << 100.0 << 0.0 << qint64(1000) << 150.0;
    QTest::newRow("zoomed in") << 1000.0 << 0.0 << qint64(1500) << 1550.0;
    QTest::newRow("scrolled") << 100.0 << 80.0 << qint64(1000) << 70.0;
    QTest::newRow("before the origin") << 100.0 << 0.0 << qint64(-500) << 0.0;
}

void tst_Timeline::timeAndLanes()
{
    QFETCH(double, pixelsPerSecond);
    QFETCH(double, scrollX);
    QFETCH(qint64, timeMs);
    QFETCH(double, x);
    TimelineGeometry geometry;
    const qint64 origin = 1700000000000;
    geometry.setOrigin(origin);
    geometry.setPixelsPerSecond(pixelsPerSecond);
    geometry.setScrollX(scrollX);
    geometry.setLaneArea(QRect(50, 10, 400, 100));
    geometry.setLaneHeight(25);
    QCOMPARE(geometry.xForTime(origin + timeMs), x);
    QCOMPARE(geometry.timeForX(x), origin + timeMs);

    // Lanes: 25 pixels each from y 10; four fit in 100 pixels.
    QCOMPARE(geometry.laneTop(2), 60);
    QCOMPARE(geometry.laneAt(9), -1);
    QCOMPARE(geometry.laneAt(10), 0);
    QCOMPARE(geometry.laneAt(64), 2);
    QCOMPARE(geometry.visibleLanes(100).first, 0);
    QCOMPARE(geometry.visibleLanes(100).last, 3);
    geometry.setScrollY(60); // lane 2 and a bit
    QCOMPARE(geometry.laneAt(10), 2);
    QCOMPARE(geometry.visibleLanes(100).first, 2);
    QCOMPARE(geometry.visibleLanes(100).last, 6);
    QCOMPARE(geometry.visibleLanes(4).last, 3);
    QVERIFY(geometry.visibleLanes(0).isEmpty());
}

void tst_Timeline::pythonCallMarksAreBoundedAndThinned()
{
    TimelineGeometry geometry;
    const qint64 origin = 1700000000000;
    geometry.setOrigin(origin);
    geometry.setPixelsPerSecond(100.0); // 0 to 4 s in view
    geometry.setLaneArea(QRect(50, 10, 400, 100));
    const auto made = [origin](const char *name, qint64 pid, qint64 target, double atMs) {
        PythonCall call;
        call.call = QString::fromLatin1(name);
        call.pid = pid;
        call.target = target;
        call.timeUs = origin * 1000 + qint64(atMs * 1000.0);
        return call;
    };
    // 3000 calls 3 ms apart by one process, from 2 s before the view to 3 s after it.
    QList<PythonCall> calls;
    for (int i = 0; i < 3000; ++i)
        calls.append(made("exitcode", 100, 0, -2000.0 + 3.0 * i));
    calls.append(made("join", 200, 300, -1000.5));
    calls.append(made("Process", 200, 0, 1000.2));
    calls.append(made("start", 200, 300, 1000.4));
    calls.append(made("joined", 200, 300, 3000.5));
    calls.append(made("join", 200, 301, 3500.5));
    calls.append(made("joined", 200, 301, 6000.5));
    std::stable_sort(calls.begin(), calls.end(), [](const PythonCall &a, const PythonCall &b) {
        return a.timeUs < b.timeUs;
    });
    const qint64 always = std::numeric_limits<qint64>::max();

    // One per pixel column, all in view, in order.
    const QList<TimelineGeometry::CallMark> marks
            = geometry.callMarks(calls, 100, 0, always, 0, 100000);
    QVERIFY2(marks.size() >= 399 && marks.size() <= 401, qPrintable(QString::number(marks.size())));
    for (qsizetype i = 0; i < marks.size(); ++i) {
        QVERIFY(marks.at(i).x >= 50 && marks.at(i).x <= 450);
        QCOMPARE(calls.at(marks.at(i).callIndex).pid, 100);
        if (i > 0)
            QVERIFY(std::floor(marks.at(i).x) > std::floor(marks.at(i - 1).x));
    }
    QCOMPARE(geometry.callMarks(calls, 100, 0, always, 0, 10).size(), 10);
    // The process's life bounds its calls: a PID is reused.
    const qint64 oneSecond = (origin + 1000) * 1000;
    const qsizetype within = geometry.callMarks(calls, 100, oneSecond, oneSecond + 10000, 0, 1000)
                                     .size();
    QVERIFY(within >= 1 && within <= 2);

    // Process() and start() share a pixel: start(), about another process, is the one kept.
    const QList<TimelineGeometry::CallMark> other = geometry.callMarks(calls, 200, 0, always, 0, 100);
    QCOMPARE(other.size(), 3);
    QCOMPARE(calls.at(other.at(0).callIndex).call, QStringLiteral("start"));
    QCOMPARE(calls.at(other.at(1).callIndex).call, QStringLiteral("joined"));
    QCOMPARE(calls.at(other.at(2).callIndex).call, QStringLiteral("join"));
    QCOMPARE(geometry.callMarks(calls, 200, 0, always, 0, 100, false).size(), 4);

    // Waits: one begun before the view and ended in it, one begun in it and ended after.
    const QList<TimelineGeometry::CallSpan> spans = geometry.joinSpans(calls, 200, 0, always, 100);
    QCOMPARE(spans.size(), 2);
    for (const TimelineGeometry::CallSpan &span : spans) {
        QCOMPARE(calls.at(span.joinIndex).call, QStringLiteral("join"));
        QVERIFY(span.joinedIndex > span.joinIndex);
        QCOMPARE(calls.at(span.joinedIndex).target, calls.at(span.joinIndex).target);
    }
}

void tst_Timeline::pausedIntervals()
{
    using Kind = WorkerEvent::Kind;
    const QList<WorkerEvent> events{workerEvent(Kind::Started, 0),
                                    workerEvent(Kind::Paused, 1000),
                                    workerEvent(Kind::Resumed, 3000),
                                    workerEvent(Kind::Paused, 4000),
                                    workerEvent(Kind::TerminateSent, 4500),
                                    workerEvent(Kind::Ended, 4600)};
    const QList<TimelineGeometry::Interval> paused = TimelineGeometry::pausedIntervals(events, 9999);
    QCOMPARE(paused.size(), 2);
    QCOMPARE(paused.at(0).startMs, 1000);
    QCOMPARE(paused.at(0).endMs, 3000);
    // Terminate wakes a paused worker (SIGCONT follows SIGTERM).
    QCOMPARE(paused.at(1).endMs, 4500);

    // Still paused: up to "now".
    const QList<TimelineGeometry::Interval> ongoing
            = TimelineGeometry::pausedIntervals({workerEvent(Kind::Paused, 200)}, 700);
    QCOMPARE(ongoing.size(), 1);
    QCOMPARE(ongoing.at(0).endMs, 700);
}

void tst_Timeline::countdownLessonMarksTerminateAndTicks()
{
    WorkerPool pool;
    Worker *worker = Lessons::startCountdownLesson(pool,
                                                   TestSupport::workerProgram(),
                                                   1500ms,
                                                   100ms);
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().shortText(), QStringLiteral("-15 · SIGTERM"));

    const qint64 start = worker->startTime().toMSecsSinceEpoch();
    const TimelineGeometry geometry = geometryFrom(start);
    const QList<TimelineGeometry::Marker> markers = geometry.markers(worker->events());
    QCOMPARE(markers.size(), 2);
    const TimelineGeometry::Marker &terminate = markers.at(0);
    QCOMPARE(int(terminate.kind), int(WorkerEvent::Kind::TerminateSent));
    QCOMPARE(terminate.signalNumber, SIGTERM);
    // 1.5 s after the start at 500 px/s: 750 pixels into the lane area, give or take the timers
    // of a busy machine (the countdown starts when the worker is spawned, a little before it runs).
    const double terminateX = terminate.x - geometry.laneArea().left();
    QVERIFY2(terminateX > 650 && terminateX < 900,
             qPrintable(QStringLiteral("terminate mark at %1 px").arg(terminateX)));
    QCOMPARE(terminate.x, geometry.xForTime(terminate.timeMs));
    const TimelineGeometry::Marker &end = markers.at(1);
    QCOMPARE(int(end.kind), int(WorkerEvent::Kind::Ended));
    QVERIFY2(end.x >= terminate.x, "the end comes after the terminate");
    QCOMPARE(end.timeMs, worker->endTime().toMSecsSinceEpoch());

    // A tick for every line (they are half a second, 250 pixels, apart), each where its time is.
    const Scrollback &lines = worker->scrollback();
    const QList<TimelineGeometry::Tick> ticks = geometry.ticks(lines);
    QCOMPARE(ticks.size(), lines.size());
    int numberLines = 0;
    for (const TimelineGeometry::Tick &tick : ticks) {
        const OutputLine &line = lines.at(tick.lineNumber);
        QCOMPARE(tick.x, geometry.xForTime(line.timestampMs));
        if (line.text.contains(QStringLiteral("Number")))
            ++numberLines;
    }
    // Numbers come at 0.5 s and 1.5 s; the terminate at 1.5 s may come before the second.
    QVERIFY2(numberLines >= 1 && numberLines <= 2,
             qPrintable(
                     QStringLiteral("%1 numbers before the terminate at 1.5 s").arg(numberLines)));
    QCOMPARE(lines.at(ticks.constFirst().lineNumber).text,
             Lessons::saysLine(worker->pid(), Lessons::countingLabel()));
    QVERIFY(stopAndWait(pool));
}

void tst_Timeline::floodIsThinnedToOneTickPerColumn()
{
    WorkerPool pool;
    Worker *worker = pool.spawn(workerSpec(
            {QStringLiteral("flood"), QStringLiteral("--lines"), QStringLiteral("20000")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->lineCount(OutputChannel::StdOut), qint64(20000));

    TimelineGeometry geometry = geometryFrom(worker->startTime().toMSecsSinceEpoch());
    geometry.setLaneArea(QRect(0, 0, 200, 100));
    geometry.setPixelsPerSecond(
            TimelineGeometry::pixelsPerSecondToFit(worker->runningTimeMs(), 200));
    const QList<TimelineGeometry::Tick> ticks = geometry.ticks(worker->scrollback());
    QVERIFY2(!ticks.isEmpty() && ticks.size() <= 200,
             qPrintable(QStringLiteral("%1 ticks in 200 pixels").arg(ticks.size())));
    for (qsizetype i = 1; i < ticks.size(); ++i) {
        QVERIFY2(std::floor(ticks.at(i).x) > std::floor(ticks.at(i - 1).x),
                 "two ticks in one pixel column");
    }
    QVERIFY(stopAndWait(pool));
}

void tst_Timeline::viewShowsTheSpawnLesson()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *repaint = view.findChild<QTimer *>(QStringLiteral("timelineRepaint"));
    QVERIFY(repaint);
    QVERIFY2(!repaint->isActive(), "nothing runs: no timer");
    QCOMPARE(view.laneCount(), 1);

    Lessons::startSpawnLesson(pool, TestSupport::workerProgram(), 4, DemoLanguage::Korean);
    QCOMPARE(view.laneCount(), 5);
    QVERIFY2(repaint->isActive(), "workers run: the now line moves");
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QTRY_VERIFY2_WITH_TIMEOUT(!repaint->isActive(), "all ended: the timer stops", Timeout);

    // Four short bars, all within the first seconds of a ten-second view.
    const TimelineGeometry &geometry = view.timelineGeometry();
    QVERIFY(view.isFitting());
    for (int lane = 1; lane <= 4; ++lane) {
        const Worker *worker = view.workerAtLane(lane);
        QVERIFY(worker);
        const double left = geometry.xForTime(worker->startTime().toMSecsSinceEpoch());
        const double right = geometry.xForTime(worker->endTime().toMSecsSinceEpoch());
        QVERIFY2(left >= geometry.laneArea().left()
                         && right - left < geometry.laneArea().width() / 10.0,
                 qPrintable(QStringLiteral("lane %1: %2 to %3").arg(lane).arg(left).arg(right)));

        // Hovering the lane's label tells who it is; clicking the lane selects it.
        const int y = geometry.laneTop(lane) + geometry.laneHeight() / 2;
        const QString toolTip = view.toolTipAt(QPoint(10, y));
        QVERIFY2(toolTip.contains(QString::number(worker->pid()))
                         && toolTip.contains(worker->name()),
                 qPrintable(toolTip));
        QSignalSpy clicked(&view, &TimelineView::workerClicked);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(int(right) + 40, y));
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), worker->id());
    }
    // The main process's lane: its line "Process 4242 says: …" is not there (no window printed it),
    // but the lane says what it is.
    QVERIFY(view.toolTipAt(QPoint(10, geometry.laneTop(0) + 5))
                    .contains(QStringLiteral("main process")));

    // Zooming leaves "fit" and keeps the moment under the pointer where it is.
    const double anchorX = geometry.laneArea().left() + 100;
    const qint64 anchorTime = geometry.timeForX(anchorX);
    view.zoomBy(4.0, anchorX);
    QVERIFY(!view.isFitting());
    QVERIFY(qAbs(view.timelineGeometry().timeForX(anchorX) - anchorTime) <= 5);
    view.fitAll();
    QVERIFY(view.isFitting());
    QVERIFY(stopAndWait(pool));
}

void tst_Timeline::viewIdlesAndPaintsFastWithManyLanes()
{
    // Both views lower than their lanes: 10 lanes overflow the screen as 300 do.
    const QSize size(900, 300);
    WorkerPool fewPool;
    QVERIFY(fillWithEndedWorkers(fewPool, 10));
    TimelineView few(fewPool);
    few.resize(size);
    few.show();
    QVERIFY(QTest::qWaitForWindowExposed(&few));
    QCOMPARE(few.laneCount(), 11);
    const TimelineGeometry::LaneRange fewVisible = few.timelineGeometry().visibleLanes(
            few.laneCount());
    QVERIFY2(fewVisible.first == 0 && fewVisible.last < 10,
             qPrintable(QStringLiteral("lanes %1 to %2 of 11 in view")
                                .arg(fewVisible.first)
                                .arg(fewVisible.last)));

    WorkerPool pool;
    QVERIFY(fillWithEndedWorkers(pool, 300));
    TimelineView view(pool);
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.laneCount(), 301);
    const TimelineGeometry::LaneRange visible = view.timelineGeometry().visibleLanes(
            view.laneCount());
    QCOMPARE(visible.first, fewVisible.first);
    QCOMPARE(visible.last, fewVisible.last);

    // Only the lanes in view are painted: a screenful costs the same with 300 lanes as with 10.
    const int fewItems = paintedItems(few);
    const int manyItems = paintedItems(view);
    QVERIFY2(fewItems >= 3 * (fewVisible.last - fewVisible.first + 1),
             qPrintable(QStringLiteral("%1 items painted for 10 lanes").arg(fewItems)));
    QVERIFY2(manyItems <= fewItems + fewItems / 5,
             qPrintable(QStringLiteral("%1 items painted with 300 lanes, %2 with 10")
                                .arg(manyItems)
                                .arg(fewItems)));

    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
    QCOMPARE(view.timelineGeometry().visibleLanes(view.laneCount()).last, 300);
    QVERIFY(!view.findChild<QTimer *>(QStringLiteral("timelineRepaint"))->isActive());
    QVERIFY(!few.findChild<QTimer *>(QStringLiteral("timelineRepaint"))->isActive());
    QVERIFY(stopAndWait(pool));
    QVERIFY(stopAndWait(fewPool));
}

void tst_Timeline::zoomButtonsFollowTheLanguage()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *fit = view.findChild<QToolButton *>(QStringLiteral("fitButton"));
    auto *zoomIn = view.findChild<QToolButton *>(QStringLiteral("zoomInButton"));
    auto *zoomOut = view.findChild<QToolButton *>(QStringLiteral("zoomOutButton"));
    QVERIFY(fit && zoomIn && zoomOut);
    const auto hangul = [](const QString &text) {
        return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.unicode() >= 0xac00 && c.unicode() <= 0xd7a3;
        });
    };

    LanguageManager languages;
    languages.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(fit->text(), QStringLiteral("Fit"));
    // As View → Language does it: the LanguageChange reaches the view with the event loop.
    languages.setLanguage(QStringLiteral("ko"));
    QTRY_VERIFY2_WITH_TIMEOUT(hangul(fit->text()), qPrintable(fit->text()), Timeout);
    QCOMPARE(fit->text(), QCoreApplication::translate("ProcLab::TimelineView", "Fit"));
    for (const QToolButton *button : {fit, zoomIn, zoomOut})
        QVERIFY2(hangul(button->toolTip()), qPrintable(button->toolTip()));
    QCOMPARE(zoomIn->text(), QStringLiteral("+"));

    languages.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE_WITH_TIMEOUT(fit->text(), QStringLiteral("Fit"), Timeout);
    QCOMPARE(zoomOut->toolTip(), QStringLiteral("Show a longer time (Ctrl+wheel down)"));
}

void tst_Timeline::axisLabels_data()
{
    QTest::addColumn<qint64>("relativeMs");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<QString>("label");
    QTest::newRow("seconds") << qint64(12000) << qint64(1000) << QStringLiteral("12 s");
    QTest::newRow("tenths") << qint64(12300) << qint64(100) << QStringLiteral("12.3 s");
    QTest::newRow("milliseconds") << qint64(12250) << qint64(5) << QStringLiteral("12.250 s");
    QTest::newRow("minutes") << qint64(499000) << qint64(1000) << QStringLiteral("8:19");
    QTest::newRow("minutes, tenths") << qint64(499200) << qint64(200) << QStringLiteral("8:19.2");
    QTest::newRow("minutes, ms") << qint64(499250) << qint64(10) << QStringLiteral("8:19.250");
    QTest::newRow("one ms") << qint64(499001) << qint64(1) << QStringLiteral("8:19.001");
    QTest::newRow("hour") << qint64(3723000) << qint64(60000) << QStringLiteral("62:03");
}

void tst_Timeline::axisLabels()
{
    QFETCH(qint64, relativeMs);
    QFETCH(qint64, stepMs);
    QFETCH(QString, label);
    QCOMPARE(TimelineView::axisLabel(relativeMs, stepMs), label);
}

void tst_Timeline::axisResolvesMillisecondsAtFullZoom()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Fit shows ten seconds: whole seconds.
    QVERIFY(view.axisStepMs() >= 1000);
    for (const QString &label : view.axisLabels())
        QVERIFY2(!label.contains(QLatin1Char('.')), qPrintable(label));

    // As far in as the zoom goes: a millisecond is many pixels, and the labels tell them apart.
    for (int i = 0; i < 40; ++i)
        view.zoomIn();
    const TimelineGeometry &geometry = view.timelineGeometry();
    QCOMPARE(geometry.pixelsPerSecond(), TimelineGeometry::MaxPixelsPerSecond);
    const qint64 t = geometry.origin() + 1000;
    QVERIFY2(geometry.xForTime(t + 1) - geometry.xForTime(t) >= 10.0, "1 ms is 10 pixels or more");
    QVERIFY2(view.axisStepMs() < 100, qPrintable(QString::number(view.axisStepMs())));
    const QStringList labels = view.axisLabels();
    QVERIFY2(labels.size() >= 3, qPrintable(labels.join(QLatin1Char(' '))));
    const QRegularExpression milliseconds(QStringLiteral("\\.\\d{3}( s)?$"));
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QVERIFY2(milliseconds.match(labels.at(i)).hasMatch(), qPrintable(labels.at(i)));
        if (i > 0)
            QVERIFY2(labels.at(i) != labels.at(i - 1), qPrintable(labels.join(QLatin1Char(' '))));
    }
}

void tst_Timeline::descendantsGetNestedLanes()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(1000, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Three subshells that exit 3, 4 and 6, the last after a 30 ms sleep of its own (a grandchild
    // that execs), and a sleep that SIGTERM ends.
    Worker *worker = pool.spawn(
            followedSpec({QStringLiteral("sh"),
                          QStringLiteral("-c"),
                          QStringLiteral("(exit 3) & (exit 4) & (sleep 0.03; exit 6) & "
                                         "sleep 5 & kill -TERM $!; wait")}));
    QVERIFY(worker && worker->descendants());
    QTRY_VERIFY_WITH_TIMEOUT(treeEnded(worker), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(childLanes(view).size(), 5, Timeout);

    // In the order they started, each child of the worker at depth 1, the grandchild under its
    // parent at depth 2, each with its end as Python tells it.
    QList<ChildLane> lanes = childLanes(view);
    QCOMPARE(view.workerAtLane(1), worker);
    QCOMPARE(lanes.at(0).lane, 2);
    QStringList ends;
    for (const ChildLane &lane : lanes)
        ends.append(lane.end);
    const QStringList expectedEnds{QStringLiteral("3"),
                                   QStringLiteral("4"),
                                   QStringLiteral("6"),
                                   QStringLiteral("0"),
                                   QStringLiteral("-15 · SIGTERM")};
    QVERIFY2(ends == expectedEnds, qPrintable(describe(lanes)));
    QCOMPARE(QList<int>({lanes.at(0).depth,
                         lanes.at(1).depth,
                         lanes.at(2).depth,
                         lanes.at(3).depth,
                         lanes.at(4).depth}),
             QList<int>({1, 1, 1, 2, 1}));
    const ChildLane &sleeper = lanes.at(3);
    QCOMPARE(sleeper.name, QStringLiteral("sleep"));
    QCOMPARE(sleeper.descendant->parentPid, lanes.at(2).descendant->pid);
    QVERIFY2(!sleeper.descendant->recentExecs.isEmpty()
                     && sleeper.descendant->recentExecs.constLast().name == QStringLiteral("sleep"),
             "the exec is marked with the new program's name");
    const Descendant *terminated = lanes.at(4).descendant;
    QVERIFY2(std::any_of(terminated->recentSignals.cbegin(),
                         terminated->recentSignals.cend(),
                         [](const ReceivedSignal &received) {
                             return received.signalNumber == SIGTERM;
                         }),
             "the SIGTERM it received is on its lane");

    // Clicking a child's lane selects that process; the worker's lane still selects the worker.
    const TimelineGeometry &geometry = view.timelineGeometry();
    QSignalSpy processClicked(&view, &TimelineView::processClicked);
    QSignalSpy workerClicked(&view, &TimelineView::workerClicked);
    const auto laneMiddle = [&](int lane) {
        return QPoint(geometry.laneArea().left() + 5,
                      geometry.laneTop(lane) + geometry.laneHeight() / 2);
    };
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, laneMiddle(sleeper.lane));
    QCOMPARE(processClicked.size(), 1);
    const auto target = processClicked.at(0).at(0).value<ProcessTarget>();
    QCOMPARE(target, (ProcessTarget{worker->id(), sleeper.descendant->pid, false}));
    QCOMPARE(view.processAtLane(sleeper.lane), target);
    QCOMPARE(workerClicked.size(), 0);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, laneMiddle(1));
    QCOMPARE(workerClicked.size(), 1);
    QCOMPARE(processClicked.size(), 1);

    // Fit with the 30 ms sleep selected: its life fills the lanes' width, as far as the zoom goes.
    view.setSelectedProcesses({target});
    view.fit();
    QVERIFY(!view.isFitting());
    const qint64 startMs = sleeper.descendant->startTimeUs / 1000;
    const qint64 endMs = sleeper.descendant->endTimeUs / 1000;
    QVERIFY2(endMs - startMs >= 30, qPrintable(QString::number(endMs - startMs)));
    const double left = geometry.xForTime(startMs);
    const double right = geometry.xForTime(endMs);
    const QRect area = geometry.laneArea();
    const double expected = qMin(area.width() * 0.6,
                                 (endMs - startMs) * TimelineGeometry::MaxPixelsPerSecond / 1000.0);
    QVERIFY2(left >= area.left() && right <= area.right() && right - left >= expected,
             qPrintable(QStringLiteral("%1 to %2 in %3 to %4")
                                .arg(left)
                                .arg(right)
                                .arg(area.left())
                                .arg(area.right())));

    // And it is painted so: the bar fills its span of the lane, in the worker's colour.
    const QImage image = paintedImage(view);
    const int barY = geometry.laneTop(sleeper.lane) + geometry.laneHeight() * 3 / 4;
    const int backgroundY = geometry.laneTop(sleeper.lane) + 1;
    int barColumns = 0;
    for (int x = area.left(); x <= area.right(); ++x) {
        if (image.pixel(x, barY) != image.pixel(x, backgroundY))
            ++barColumns;
    }
    QVERIFY2(barColumns >= int(expected) - 4 && barColumns <= int(right - left) + 80,
             qPrintable(QStringLiteral("%1 columns painted for a bar %2 pixels wide")
                                .arg(barColumns)
                                .arg(right - left)));

    // With nothing selected, Fit shows everything again.
    view.setSelectedProcesses({});
    view.fit();
    QVERIFY(view.isFitting());
}

void tst_Timeline::pythonChildrenGetLanes()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(1000, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Four processes that return at once, and one that terminate() ends.
    const QString script = QStringLiteral(
            "import multiprocessing, time\n"
            "def quick():\n"
            "    pass\n"
            "def slow():\n"
            "    time.sleep(30)\n"
            "if __name__ == '__main__':\n"
            "    quick_ones = [multiprocessing.Process(target=quick) for _ in range(4)]\n"
            "    for p in quick_ones: p.start()\n"
            "    for p in quick_ones: p.join()\n"
            "    s = multiprocessing.Process(target=slow)\n"
            "    s.start()\n"
            "    time.sleep(0.2)\n"
            "    s.terminate()\n"
            "    s.join()\n"
            "    print(s.exitcode)\n");
    Worker *worker = pool.spawn(
            followedSpec({QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), script}));
    QVERIFY(worker && worker->descendants());
    QTRY_VERIFY_WITH_TIMEOUT(treeEnded(worker), Timeout);
    QCOMPARE(worker->exitInfo().shortText(), QStringLiteral("0"));
    QTRY_COMPARE_WITH_TIMEOUT(childLanes(view).size(), 5, Timeout);
    const QList<ChildLane> lanes = childLanes(view);
    QStringList ends;
    for (const ChildLane &lane : lanes) {
        ends.append(lane.end);
        QCOMPARE(lane.depth, 1);
    }
    const QStringList expectedEnds{QStringLiteral("0"),
                                   QStringLiteral("0"),
                                   QStringLiteral("0"),
                                   QStringLiteral("0"),
                                   QStringLiteral("-15 · SIGTERM")};
    QVERIFY2(ends == expectedEnds, qPrintable(describe(lanes)));
    // Its tooltip tells the same, in the words the table uses.
    const TimelineGeometry &geometry = view.timelineGeometry();
    const int lane = lanes.at(4).lane;
    const QString toolTip = view.toolTipAt(
            QPoint(10, geometry.laneTop(lane) + geometry.laneHeight() / 2));
    QVERIFY2(toolTip.contains(QString::number(lanes.at(4).descendant->pid))
                     && toolTip.contains(QStringLiteral("-15")),
             qPrintable(toolTip));
}

void tst_Timeline::zombieLastsUntilReaped()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // A child that exits at once, reaped by its parent a second later.
    const QString script = QStringLiteral("import os, time\n"
                                          "pid = os.fork()\n"
                                          "if pid == 0:\n"
                                          "    os._exit(0)\n"
                                          "time.sleep(1)\n"
                                          "os.waitpid(pid, 0)\n");
    Worker *worker = pool.spawn(
            followedSpec({QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), script}));
    QVERIFY(worker && worker->descendants());
    QTRY_VERIFY_WITH_TIMEOUT(treeEnded(worker), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(childLanes(view).size(), 1, Timeout);
    // Its reaping is seen on the tracker's next look at /proc, after the program may have ended.
    QTRY_VERIFY_WITH_TIMEOUT(childLanes(view).constFirst().descendant->reapTimeUs > 0, Timeout);
    const ChildLane child = childLanes(view).constFirst();
    QCOMPARE(child.end, QStringLiteral("0"));
    // A zombie from its end to its reaping, as /proc showed it (looked at every quarter second).
    const qint64 zombieMs = (child.descendant->reapTimeUs - child.descendant->endTimeUs) / 1000;
    QVERIFY2(zombieMs >= 600 && zombieMs <= 3000,
             qPrintable(QStringLiteral("a zombie for %1 ms").arg(zombieMs)));
    const TimelineGeometry &geometry = view.timelineGeometry();
    const QString toolTip = view.toolTipAt(
            QPoint(10, geometry.laneTop(child.lane) + geometry.laneHeight() / 2));
    QVERIFY2(toolTip.contains(QStringLiteral("a zombie until")), qPrintable(toolTip));
}

void tst_Timeline::manyChildrenAreSummarised()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int children = TimelineView::MaxDescendantLanesPerWorker + 150;
    Worker *worker = pool.spawn(followedSpec(
            {QStringLiteral("sh"),
             QStringLiteral("-c"),
             QStringLiteral("i=0; while [ $i -lt %1 ]; do (exit 0) & i=$((i+1)); done; wait")
                     .arg(children)}));
    QVERIFY(worker && worker->descendants());
    QTRY_VERIFY_WITH_TIMEOUT(treeEnded(worker), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(view.laneAt(view.laneCount() - 1).kind,
                              TimelineView::Lane::Kind::More,
                              Timeout);
    // The worker, as many children as lanes are kept for, and one that counts the rest.
    QCOMPARE(view.laneCount(), 1 + 1 + TimelineView::MaxDescendantLanesPerWorker + 1);
    const TimelineView::Lane &more = view.laneAt(view.laneCount() - 1);
    QCOMPARE(more.hiddenCount, qint64(children - TimelineView::MaxDescendantLanesPerWorker));
    QCOMPARE(TimelineView::moreText(more.hiddenCount), QStringLiteral("+150 more"));
    // The latest to end have the lanes.
    qint64 earliestShownEnd = LLONG_MAX;
    for (const ChildLane &lane : childLanes(view))
        earliestShownEnd = qMin(earliestShownEnd, lane.descendant->endTimeUs);
    const DescendantTracker *tracker = worker->descendants();
    int endedLater = 0;
    for (const quint64 id : tracker->ids()) {
        const Descendant *entry = tracker->descendant(id);
        if (entry != tracker->root() && entry->endTimeUs >= earliestShownEnd)
            ++endedLater;
    }
    QVERIFY2(endedLater <= TimelineView::MaxDescendantLanesPerWorker + 5,
             qPrintable(QString::number(endedLater)));
}

void tst_Timeline::ctrlWheelKeepsTheMomentUnderThePointer()
{
    WorkerPool pool;
    QVERIFY(fillWithEndedWorkers(pool, 3));
    TimelineView view(pool);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const TimelineGeometry &geometry = view.timelineGeometry();
    const auto wheel = [&](double x, int steps) {
        const QPointF position(x, geometry.laneArea().top() + 10);
        QWheelEvent event(position,
                          view.viewport()->mapToGlobal(position),
                          QPoint(),
                          QPoint(0, 120 * steps),
                          Qt::NoButton,
                          Qt::ControlModifier,
                          Qt::NoScrollPhase,
                          false);
        QCoreApplication::sendEvent(view.viewport(), &event);
    };
    // Far from the middle, where a zoom about the centre would move it most.
    const double x = geometry.laneArea().left() + geometry.laneArea().width() * 0.8;
    const double anchor = geometry.exactTimeForX(x);
    const double before = geometry.pixelsPerSecond();
    // The moment stays under the pointer to a fraction of a pixel, zoom after zoom: rounding each
    // zoom's scroll to the scroll bar's whole pixels would walk it away.
    const auto pixelsMoved = [&] {
        return std::abs(geometry.exactTimeForX(x) - anchor) * geometry.pixelsPerSecond() / 1000.0;
    };
    for (int i = 0; i < 12; ++i) {
        wheel(x, 1);
        QVERIFY2(pixelsMoved() <= 0.25,
                 qPrintable(QStringLiteral("zoom %1 (%2 px/s): the moment moved %3 px")
                                    .arg(i)
                                    .arg(geometry.pixelsPerSecond())
                                    .arg(pixelsMoved())));
    }
    QVERIFY(geometry.pixelsPerSecond() > before * 100);
    wheel(x, -3);
    QVERIFY2(pixelsMoved() <= 0.25, qPrintable(QString::number(pixelsMoved())));
    QVERIFY(!view.isFitting());
}

void tst_Timeline::endMarkAtTheLastMomentIsInView()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Long enough that fitting it does not hit the zoom's limit: its end is at the right edge.
    const Worker *worker = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("300")}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().shortText(), QStringLiteral("0"));
    const QFontMetrics metrics(view.font());
    const auto check = [&](const char *when) {
        const TimelineGeometry &geometry = view.timelineGeometry();
        const QList<TimelineGeometry::Marker> markers = geometry.markers(worker->events());
        QVERIFY(!markers.isEmpty());
        const double x = markers.constLast().x;
        const QRect area = geometry.laneArea();
        const double width = metrics.horizontalAdvance(QStringLiteral("-15 · SIGTERM"));
        const double labelLeft = geometry.labelLeft(x, width);
        QVERIFY2(x >= area.left() && x <= area.right() - 3 && labelLeft >= area.left()
                         && labelLeft + width <= area.right() + 1,
                 qPrintable(QStringLiteral("%1: end mark at %2, its label %3 to %4, lanes %5 to %6")
                                    .arg(QLatin1String(when))
                                    .arg(x)
                                    .arg(labelLeft)
                                    .arg(labelLeft + width)
                                    .arg(area.left())
                                    .arg(area.right())));
    };
    // Fit to the worker alone: its end is the last moment in view.
    view.setSelectedWorkers({worker->id()});
    view.fit();
    QVERIFY(view.timelineGeometry().pixelsPerSecond() < TimelineGeometry::MaxPixelsPerSecond);
    check("fit to the worker");

    // A mark at the right edge, wherever the zoom put it, has its label on its left.
    const QRect area = view.timelineGeometry().laneArea();
    const double width = metrics.horizontalAdvance(QStringLiteral("-15 · SIGTERM"));
    const double edgeLabel = view.timelineGeometry().labelLeft(area.right() - 1, width);
    QVERIFY2(edgeLabel >= area.left() && edgeLabel + width <= area.right() - 1,
             qPrintable(QString::number(edgeLabel)));
}

void tst_Timeline::pythonCallsAreMarkedOnTheirCallersLanes()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(1000, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString script = QStringLiteral(
            "import multiprocessing, time\n"
            "def sub():\n"
            "    time.sleep(600)\n"
            "if __name__ == '__main__':\n"
            "    p = multiprocessing.Process(target=sub, name='Reader')\n"
            "    p.start()\n"
            "    p.join()\n");
    Worker *worker = pool.spawn(
            followedSpec({QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), script}));
    QVERIFY(worker && worker->descendants());
    QTRY_COMPARE_WITH_TIMEOUT(childLanes(view).size(), 1, Timeout);
    const ChildLane child = childLanes(view).constFirst();
    const qint64 childPid = child.descendant->pid;
    QCOMPARE(TestSupport::parentPid(childPid), worker->pid());
    const int workerLane = view.laneOfProcess(worker->id(), worker->pid());
    QVERIFY(workerLane > 0);
    QCOMPARE(view.workerAtLane(workerLane), worker);
    QCOMPARE(view.laneOfProcess(worker->id(), childPid), child.lane);

    // What the hook reports, through the worker's entry point: the program starts and joins its
    // child; the child makes a call of its own.
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    const auto call = [&](const char *name, qint64 caller, qint64 target, qint64 timeUs, int line) {
        PythonCall made;
        made.call = QString::fromLatin1(name);
        made.pid = caller;
        made.target = target;
        made.timeUs = timeUs;
        made.name = QStringLiteral("Reader");
        made.file = QStringLiteral("<string>");
        made.line = line;
        return made;
    };
    const PythonCall start = call("start", worker->pid(), childPid, nowUs - 2000, 6);
    const PythonCall join = call("join", worker->pid(), childPid, nowUs - 1000, 7);
    const PythonCall own = call("exitcode", childPid, 0, nowUs, 42);
    worker->addPythonCalls({start, join, own});
    view.fitAll();

    const QList<PythonCall> &calls = worker->pythonCalls();
    const TimelineGeometry &geometry = view.timelineGeometry();
    const auto find = [&](const PythonCall &wanted) {
        for (qsizetype i = 0; i < calls.size(); ++i) {
            if (calls.at(i).call == wanted.call && calls.at(i).timeUs == wanted.timeUs
                && calls.at(i).pid == wanted.pid)
                return i;
        }
        return qsizetype(-1);
    };
    const auto middleOf = [&](int lane) {
        return geometry.laneTop(lane) + geometry.laneHeight() / 2;
    };

    // The program's calls on its own lane, at their time; the one about the child is the one
    // drawn when they share a pixel.
    const QList<TimelineGeometry::CallMark> programMarks = view.pythonCallMarks(workerLane);
    QVERIFY(!programMarks.isEmpty());
    const auto startMark = std::find_if(programMarks.cbegin(),
                                        programMarks.cend(),
                                        [&](const TimelineGeometry::CallMark &mark) {
                                            return mark.callIndex == find(start)
                                                   || mark.callIndex == find(join);
                                        });
    QVERIFY(startMark != programMarks.cend());
    QCOMPARE(startMark->x, geometry.xForTimeUs(calls.at(startMark->callIndex).timeUs));
    for (const TimelineGeometry::CallMark &mark : programMarks)
        QCOMPARE(calls.at(mark.callIndex).pid, worker->pid());
    // Hovering it tells the calls with where the program made them.
    const QString programTip = view.toolTipAt(
            QPoint(int(std::lround(geometry.xForTimeUs(start.timeUs))), middleOf(workerLane)));
    QVERIFY2(programTip.contains(start.text()) && programTip.contains(QStringLiteral("<string>:6")),
             qPrintable(programTip));

    // The child's call on the child's lane, and only there.
    const QList<TimelineGeometry::CallMark> childMarks = view.pythonCallMarks(child.lane);
    QCOMPARE(childMarks.size(), 1);
    QCOMPARE(childMarks.constFirst().callIndex, find(own));
    const QString childTip = view.toolTipAt(
            QPoint(int(std::lround(childMarks.constFirst().x)), middleOf(child.lane)));
    QVERIFY2(childTip.contains(own.text()) && childTip.contains(QStringLiteral("<string>:42")),
             qPrintable(childTip));
    QVERIFY2(!programTip.contains(own.text()), qPrintable(programTip));

    // The child's lane is labelled with the name Python gave it.
    const QString label = view.toolTipAt(QPoint(10, middleOf(child.lane)));
    QVERIFY2(label.contains(QStringLiteral("Reader (python3)")), qPrintable(label));

    pool.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(treeEnded(worker), Timeout);
}

void tst_Timeline::tenThousandPythonCallsCostAScreenful()
{
    WorkerPool pool;
    TimelineView view(pool);
    view.resize(1000, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Worker *worker = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("300")}));
    QVERIFY(worker);
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Running, Timeout);
    view.fitAll();
    const int before = paintedItems(view);

    // A call every millisecond across the whole ten seconds the view fits.
    const qint64 originUs = view.timelineGeometry().origin() * 1000;
    QList<PythonCall> calls;
    for (int i = 0; i < 10000; ++i) {
        PythonCall call;
        call.call = QStringLiteral("exitcode");
        call.pid = worker->pid();
        call.timeUs = originUs + qint64(i) * 1000;
        calls.append(call);
    }
    worker->addPythonCalls(calls);
    view.fitAll();
    const int width = view.timelineGeometry().laneArea().width();
    const int lane = view.laneOfProcess(worker->id(), worker->pid());
    const qsizetype marks = view.pythonCallMarks(lane).size();
    QVERIFY2(marks > width / 2 && marks <= width + 1, qPrintable(QString::number(marks)));
    // One diamond per pixel column, and the names where they fit: a screenful, not the history.
    const int added = paintedItems(view) - before;
    QVERIFY2(added >= marks && added <= 2 * width,
             qPrintable(QStringLiteral("%1 more items for %2 pixels").arg(added).arg(width)));
    QVERIFY(stopAndWait(pool));
}

QTEST_MAIN(tst_Timeline)

#include "tst_timeline.moc"
