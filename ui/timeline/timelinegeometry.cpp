#include "timelinegeometry.h"

#include "scrollback.h"

#include <algorithm>
#include <cmath>
#include <csignal>

namespace ProcLab {

void TimelineGeometry::setPixelsPerSecond(double pixelsPerSecond)
{
    m_pixelsPerMs = qBound(MinPixelsPerSecond, pixelsPerSecond, MaxPixelsPerSecond) / 1000.0;
}

double TimelineGeometry::xForTime(qint64 timeMs) const
{
    return m_laneArea.left() + double(timeMs - m_originMs) * m_pixelsPerMs - m_scrollX;
}

qint64 TimelineGeometry::timeForX(double x) const
{
    return m_originMs + std::llround((x - m_laneArea.left() + m_scrollX) / m_pixelsPerMs);
}

double TimelineGeometry::exactTimeForX(double x) const
{
    return double(m_originMs) + (x - m_laneArea.left() + m_scrollX) / m_pixelsPerMs;
}

double TimelineGeometry::contentWidth(qint64 endMs) const
{
    return qMax(0.0, double(endMs - m_originMs) * m_pixelsPerMs);
}

int TimelineGeometry::laneAt(int y) const
{
    if (y < m_laneArea.top() || y > m_laneArea.bottom())
        return -1;
    return (y - m_laneArea.top() + m_scrollY) / m_laneHeight;
}

TimelineGeometry::LaneRange TimelineGeometry::visibleLanes(int laneCount) const
{
    LaneRange range;
    if (laneCount <= 0 || m_laneArea.height() <= 0)
        return range;
    range.first = qBound(0, m_scrollY / m_laneHeight, laneCount - 1);
    range.last = qBound(0, (m_scrollY + m_laneArea.height() - 1) / m_laneHeight, laneCount - 1);
    return range;
}

QList<TimelineGeometry::Marker> TimelineGeometry::markers(const QList<WorkerEvent> &events) const
{
    QList<Marker> result;
    for (int i = 0; i < events.size(); ++i) {
        const WorkerEvent &event = events.at(i);
        int signalNumber = 0;
        switch (event.kind) {
        case WorkerEvent::Kind::TerminateSent:
            signalNumber = SIGTERM;
            break;
        case WorkerEvent::Kind::KillSent:
            signalNumber = SIGKILL;
            break;
        case WorkerEvent::Kind::Paused:
            signalNumber = SIGSTOP;
            break;
        case WorkerEvent::Kind::Resumed:
            signalNumber = SIGCONT;
            break;
        case WorkerEvent::Kind::SignalSent:
        case WorkerEvent::Kind::ProcessSignalSent: // to one process of the tree alone
            signalNumber = event.signalNumber;
            break;
        case WorkerEvent::Kind::Ended:
        case WorkerEvent::Kind::FailedToStart:
            break;
        case WorkerEvent::Kind::Started:
        case WorkerEvent::Kind::LeftoversStopped:
        case WorkerEvent::Kind::OrphansKept:
            continue; // the start is the bar's left end; leftovers are the end's business
        case WorkerEvent::Kind::PythonCall:
            // Drawn from Worker::pythonCalls() on the caller's lane, which may be a child's, with
            // the target, file and line the event's text lacks (callMarks()).
            continue;
        }
        result.append(
                Marker{event.kind, event.timestampMs, signalNumber, i, xForTime(event.timestampMs)});
    }
    return result;
}

QList<TimelineGeometry::Tick> TimelineGeometry::ticks(const Scrollback &scrollback) const
{
    QList<Tick> result;
    if (scrollback.isEmpty() || m_laneArea.width() <= 0)
        return result;
    const qint64 endLine = scrollback.endLine();
    // Lines are appended as they are read, so their times only grow: a binary search finds the
    // first line of each pixel column, and the lines in between are never looked at.
    const auto firstAtOrAfter = [&](qint64 from, double timeMs) {
        qint64 low = from;
        qint64 high = endLine;
        while (low < high) {
            const qint64 middle = low + (high - low) / 2;
            if (double(scrollback.at(middle).timestampMs) < timeMs)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    };
    const double left = m_laneArea.left();
    const double right = left + m_laneArea.width();
    // The wall clock can step back (a time sync): a line out of order is skipped, never drawn
    // in a column that already has its tick.
    double lastColumn = left - 1.0;
    qint64 line = firstAtOrAfter(scrollback.firstLine(), exactTimeForX(left));
    while (line < endLine) {
        const double x = xForTime(scrollback.at(line).timestampMs);
        if (x >= right)
            break;
        const double column = std::floor(x);
        if (column > lastColumn && x >= left) {
            result.append(Tick{line, x});
            lastColumn = column;
        }
        line = firstAtOrAfter(line + 1, exactTimeForX(lastColumn + 1.0));
    }
    return result;
}

double TimelineGeometry::xForTimeUs(qint64 timeUs) const
{
    return m_laneArea.left() + (double(timeUs) / 1000.0 - double(m_originMs)) * m_pixelsPerMs
           - m_scrollX;
}

namespace {

// The first call at or after timeUs; calls are in time order.
qsizetype firstCallAtOrAfter(const QList<PythonCall> &calls, double timeUs)
{
    const auto found = std::lower_bound(calls.cbegin(),
                                        calls.cend(),
                                        timeUs,
                                        [](const PythonCall &call, double time) {
                                            return double(call.timeUs) < time;
                                        });
    return found - calls.cbegin();
}

// How far a join() is looked for from its joined(), and the other way: a program that makes
// thousands of calls between the two still gets its span, and a paint stays bounded.
constexpr qsizetype MaxJoinDistance = 2000;

} // namespace

QList<TimelineGeometry::CallMark> TimelineGeometry::callMarks(const QList<PythonCall> &calls,
                                                              qint64 callerPid,
                                                              qint64 fromUs,
                                                              qint64 untilUs,
                                                              double margin,
                                                              int limit,
                                                              bool onePerColumn) const
{
    QList<CallMark> result;
    if (calls.isEmpty() || m_laneArea.width() <= 0 || limit <= 0)
        return result;
    const double left = m_laneArea.left() - margin;
    const double right = m_laneArea.left() + m_laneArea.width() + margin;
    double lastColumn = left - 1.0;
    for (qsizetype i = firstCallAtOrAfter(calls, exactTimeForX(left) * 1000.0); i < calls.size();
         ++i) {
        const PythonCall &call = calls.at(i);
        const double x = xForTimeUs(call.timeUs);
        if (x > right)
            break;
        if (call.pid != callerPid || call.timeUs < fromUs || call.timeUs > untilUs || x < left)
            continue;
        const double column = std::floor(x);
        if (onePerColumn && column <= lastColumn) {
            if (isAboutTarget(call) && !isAboutTarget(calls.at(result.constLast().callIndex)))
                result.last() = CallMark{i, x};
            continue;
        }
        result.append(CallMark{i, x});
        lastColumn = column;
        if (result.size() >= limit)
            break;
    }
    return result;
}

bool TimelineGeometry::isAboutTarget(const PythonCall &call)
{
    return call.target > 0
           && (call.call == QLatin1String("start") || call.call == QLatin1String("terminate")
               || call.call == QLatin1String("kill") || call.call == QLatin1String("join")
               || call.call == QLatin1String("joined"));
}

QList<TimelineGeometry::CallSpan> TimelineGeometry::joinSpans(const QList<PythonCall> &calls,
                                                              qint64 callerPid,
                                                              qint64 fromUs,
                                                              qint64 untilUs,
                                                              int limit) const
{
    QList<CallSpan> result;
    if (calls.isEmpty() || m_laneArea.width() <= 0 || limit <= 0)
        return result;
    const auto isCall = [&](const PythonCall &call, QLatin1String name) {
        return call.pid == callerPid && call.timeUs >= fromUs && call.timeUs <= untilUs
               && call.call == name;
    };
    const QLatin1String join("join");
    const QLatin1String joined("joined");
    const qsizetype first = firstCallAtOrAfter(calls, exactTimeForX(m_laneArea.left()) * 1000.0);
    const qsizetype end = firstCallAtOrAfter(calls,
                                             exactTimeForX(m_laneArea.left() + m_laneArea.width())
                                                             * 1000.0
                                                     + 1.0);
    for (qsizetype i = first; i < end && result.size() < limit; ++i) {
        const PythonCall &call = calls.at(i);
        if (isCall(call, join)) {
            CallSpan span{i, -1};
            for (qsizetype j = i + 1; j < calls.size() && j <= i + MaxJoinDistance; ++j) {
                const PythonCall &later = calls.at(j);
                if (isCall(later, joined) && later.target == call.target) {
                    span.joinedIndex = j;
                    break;
                }
            }
            result.append(span);
        } else if (isCall(call, joined)) {
            // Begun before the view: its join() is left of it (one begun in view is found above).
            for (qsizetype j = i - 1; j >= 0 && j >= i - MaxJoinDistance; --j) {
                const PythonCall &earlier = calls.at(j);
                if (isCall(earlier, join) && earlier.target == call.target) {
                    if (j < first)
                        result.append(CallSpan{j, i});
                    break;
                }
            }
        }
    }
    return result;
}

QList<TimelineGeometry::Interval> TimelineGeometry::pausedIntervals(const QList<WorkerEvent> &events,
                                                                    qint64 untilMs)
{
    QList<Interval> result;
    qint64 pausedAt = -1;
    for (const WorkerEvent &event : events) {
        switch (event.kind) {
        case WorkerEvent::Kind::Paused:
            if (pausedAt < 0)
                pausedAt = event.timestampMs;
            break;
        // Terminate and kill wake a paused worker too (SIGCONT follows SIGTERM).
        case WorkerEvent::Kind::Resumed:
        case WorkerEvent::Kind::TerminateSent:
        case WorkerEvent::Kind::KillSent:
        case WorkerEvent::Kind::Ended:
            if (pausedAt >= 0)
                result.append(Interval{pausedAt, event.timestampMs});
            pausedAt = -1;
            break;
        default:
            break;
        }
    }
    if (pausedAt >= 0)
        result.append(Interval{pausedAt, qMax(pausedAt, untilMs)});
    return result;
}

QList<qint64> TimelineGeometry::axisStepsMs()
{
    return {1,      2,      5,      10,      20,      50,      100,      200,
            500,    1000,   2000,   5000,    10000,   15000,   30000,    60000,
            120000, 300000, 600000, 1800000, 3600000, 7200000, 21600000, 86400000};
}

QList<qint64> TimelineGeometry::axisTimes(qint64 stepMs) const
{
    QList<qint64> result;
    if (stepMs <= 0 || m_laneArea.width() <= 0)
        return result;
    const qint64 last = visibleEndMs();
    for (qint64 time = m_originMs
                       + qMax<qint64>(0, (visibleStartMs() - m_originMs) / stepMs) * stepMs;
         time <= last;
         time += stepMs) {
        result.append(time);
    }
    return result;
}

double TimelineGeometry::labelLeft(double markX, double width) const
{
    constexpr double Gap = 4.0;
    const double right = m_laneArea.left() + m_laneArea.width();
    if (markX + Gap + width <= right)
        return markX + Gap;
    return qMax(double(m_laneArea.left()), markX - Gap - width);
}

double TimelineGeometry::pixelsPerSecondToFit(qint64 spanMs, int width)
{
    if (spanMs <= 0 || width <= 0)
        return MaxPixelsPerSecond;
    return qBound(MinPixelsPerSecond, width * 1000.0 / double(spanMs), MaxPixelsPerSecond);
}

} // namespace ProcLab
