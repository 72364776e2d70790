#pragma once

#include "pythoncall.h"
#include "workerevent.h"

#include <QList>
#include <QRect>

namespace ProcLab {

class Scrollback;

// Where things go on the timeline: time to x, lane to y, and the positions of markers and output
// ticks. Pure arithmetic on the core's data, with no widget in it, so that tests can check that an
// event at 1.5 s lands where 1.5 s is drawn.
//
// Times are milliseconds since the epoch, as the core stamps them. Content x 0 is the origin (when
// the main process started); the lane area is the part of the viewport that shows lanes, scrolled
// horizontally by scrollX content pixels and vertically by scrollY.
class TimelineGeometry final
{
public:
    // A moment worth a mark on a lane: a signal sent, or the end.
    struct Marker
    {
        WorkerEvent::Kind kind = WorkerEvent::Kind::Ended;
        qint64 timeMs = 0;
        int signalNumber = 0; // the signal that was sent (SIGTERM for TerminateSent…)
        int eventIndex = 0;   // into the worker's events()
        double x = 0.0;
    };

    // An output line drawn as a tick: the first line of its pixel column.
    struct Tick
    {
        qint64 lineNumber = 0; // in the worker's scrollback
        double x = 0.0;
    };

    // A Python call drawn on its caller's lane (Worker::pythonCalls()): the first of its pixel
    // column.
    struct CallMark
    {
        qsizetype callIndex = 0; // into the worker's pythonCalls()
        double x = 0.0;
    };

    // A join() drawn as a span on its caller's lane, to the joined() that returned from it.
    struct CallSpan
    {
        qsizetype joinIndex = 0;
        qsizetype joinedIndex = -1; // -1: still waiting, as far as the calls kept tell
    };

    // From Paused to Resumed (or to the end, or to `until` while still paused).
    struct Interval
    {
        qint64 startMs = 0;
        qint64 endMs = 0;
    };

    // A visible range of lanes, both ends included; empty when last < first.
    struct LaneRange
    {
        int first = 0;
        int last = -1;
        bool isEmpty() const { return last < first; }
    };

    static constexpr double MinPixelsPerSecond = 0.01;    // a day in about 900 pixels
    static constexpr double MaxPixelsPerSecond = 20000.0; // 20 pixels a millisecond

    void setOrigin(qint64 originMs) { m_originMs = originMs; }
    qint64 origin() const { return m_originMs; }
    void setPixelsPerSecond(double pixelsPerSecond);
    double pixelsPerSecond() const { return m_pixelsPerMs * 1000.0; }
    void setScrollX(double contentPixels) { m_scrollX = contentPixels; }
    double scrollX() const { return m_scrollX; }
    void setScrollY(int pixels) { m_scrollY = pixels; }
    void setLaneArea(const QRect &area) { m_laneArea = area; }
    const QRect &laneArea() const { return m_laneArea; }
    void setLaneHeight(int pixels) { m_laneHeight = qMax(1, pixels); }
    int laneHeight() const { return m_laneHeight; }

    // Viewport x of a moment, and the moment at a viewport x.
    double xForTime(qint64 timeMs) const;
    qint64 timeForX(double x) const;
    // The same, unrounded: at 20 pixels a millisecond, a whole millisecond is too coarse to keep
    // a moment under the pointer.
    double exactTimeForX(double x) const;
    qint64 visibleStartMs() const { return timeForX(m_laneArea.left()); }
    qint64 visibleEndMs() const { return timeForX(m_laneArea.left() + m_laneArea.width()); }
    // Content pixels from the origin to endMs.
    double contentWidth(qint64 endMs) const;

    int laneTop(int lane) const { return m_laneArea.top() + lane * m_laneHeight - m_scrollY; }
    // The lane under viewport y, or -1 outside the lane area (the caller checks the lane count).
    int laneAt(int y) const;
    LaneRange visibleLanes(int laneCount) const;
    int contentHeight(int laneCount) const { return laneCount * m_laneHeight; }

    // Every signal sent and the end, in the order they happened, each with its x.
    QList<Marker> markers(const QList<WorkerEvent> &events) const;
    // The lines of a scrollback inside the lane area, at most one per pixel column, so that a
    // flood of a million lines costs as much to draw as a few hundred.
    QList<Tick> ticks(const Scrollback &scrollback) const;
    // The calls callerPid made from fromUs to untilUs (the life of the lane's process: PIDs are
    // reused) inside the lane area, widened by margin pixels each side, at most limit of them;
    // onePerColumn keeps the first of each pixel column, or the first about another process
    // (isAboutTarget()), which is the one worth a line to its target. calls are in time order, as
    // a worker keeps them: a binary search finds the first in view, and a paint costs what is in
    // view, not the history.
    QList<CallMark> callMarks(const QList<PythonCall> &calls,
                              qint64 callerPid,
                              qint64 fromUs,
                              qint64 untilUs,
                              double margin,
                              int limit,
                              bool onePerColumn = true) const;
    // start(), terminate(), kill(), join() and its return: a call about another process, its
    // target.
    static bool isAboutTarget(const PythonCall &call);
    // callerPid's join() calls whose wait shows in the lane area, each with its joined(): those
    // that begin or end in view (a wait that spans the whole view, begun and ended outside it, is
    // not found), at most limit.
    QList<CallSpan> joinSpans(const QList<PythonCall> &calls,
                              qint64 callerPid,
                              qint64 fromUs,
                              qint64 untilUs,
                              int limit) const;
    // Viewport x of a moment in microseconds, as PythonCall and Descendant times are.
    double xForTimeUs(qint64 timeUs) const;
    // Paused spans, from the events; a pause still going on ends at untilMs.
    static QList<Interval> pausedIntervals(const QList<WorkerEvent> &events, qint64 untilMs);
    // The zoom that shows spanMs in width pixels.
    static double pixelsPerSecondToFit(qint64 spanMs, int width);

    // The steps the time axis can take, finest first: 1 ms up to a day.
    static QList<qint64> axisStepsMs();
    // The moments from firstMs to lastMs (both relative to the origin's whole steps) that get an
    // axis label at stepMs.
    QList<qint64> axisTimes(qint64 stepMs) const;
    // Where a label of width pixels beside a mark at x goes: right of it, or left of it when it
    // would run past the lane area's right edge, so that a mark at the last moment still says
    // what it is.
    double labelLeft(double markX, double width) const;

private:
    qint64 m_originMs = 0;
    double m_pixelsPerMs = 0.1;
    double m_scrollX = 0.0;
    int m_scrollY = 0;
    QRect m_laneArea;
    int m_laneHeight = 24;
};

} // namespace ProcLab
