// TimelineView's drawing and tooltips; layout and interaction are in timelineview.cpp.
#include "descendanttracker.h"
#include "exitinfo.h"
#include "timelineview.h"
#include "worker.h"
#include "workercolors.h"
#include "workerpool.h"
#include "workertablemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <csignal>
#include <limits>

namespace ProcLab {

namespace {

const QColor TerminateColor(0xd9, 0x7a, 0x00);
const QColor KillColor(0xc6, 0x28, 0x28);
const QColor PauseColor(0x37, 0x47, 0x6f);
const QColor ResumeColor(0x2e, 0x7d, 0x32);
const QColor OtherSignalColor(0x7b, 0x1f, 0xa2);
const QColor EndColor(0x30, 0x36, 0x3d);
const QColor NowColor(0xd3, 0x2f, 0x2f);
const QColor StdErrTickColor(0xc6, 0x28, 0x28);
const QColor ExecColor(0x00, 0x83, 0x8f);
const QColor ZombieColor(0x6d, 0x6d, 0x6d);
// Python's own blue: a call the program made, apart from the signals ProcLab sent.
const QColor PythonCallColor(0x30, 0x69, 0x98);

constexpr int MarkerHitPixels = 6;
// Half the width of a Python call's diamond.
constexpr int CallMarkRadius = 5;
// Indentation of a descendant's name in the gutter per generation; deeper ones stay at the last.
constexpr int IndentPixels = 12;
constexpr int MaxIndentDepth = 6;
constexpr int TickHitPixels = 3;
constexpr qsizetype TooltipLineLength = 200;

QColor markerColor(const TimelineGeometry::Marker &marker)
{
    switch (marker.kind) {
    case WorkerEvent::Kind::TerminateSent:
        return TerminateColor;
    case WorkerEvent::Kind::KillSent:
        return KillColor;
    case WorkerEvent::Kind::Paused:
        return PauseColor;
    case WorkerEvent::Kind::Resumed:
        return ResumeColor;
    case WorkerEvent::Kind::SignalSent:
    case WorkerEvent::Kind::ProcessSignalSent:
        return OtherSignalColor;
    default:
        return EndColor;
    }
}

// What a call's diamond is labelled with, as the program wrote it: "start()", ".exitcode".
QString callLabel(const PythonCall &call)
{
    if (call.call == QLatin1String("exitcode"))
        return QStringLiteral(".exitcode");
    if (call.call == QLatin1String("joined"))
        return QStringLiteral("join() ✓");
    return call.call + QStringLiteral("()");
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

} // namespace

int TimelineView::barTop(int laneTop) const
{
    return laneTop + QFontMetrics(smallFont(font())).height() + 4;
}

int TimelineView::barHeight() const
{
    return m_geometry.laneHeight() - (barTop(0) + 4);
}

QString TimelineView::timeText(qint64 timeMs) const
{
    // Since the main process started, as a stopwatch reads, to the millisecond: a child that lives
    // 30 ms starts and ends at different times.
    return axisLabel(timeMs - m_geometry.origin(), 1);
}

QString TimelineView::axisLabel(qint64 relativeMs, qint64 stepMs)
{
    // As many decimals as the step needs, and no more: "8:19" at seconds, "8:19.2" at tenths,
    // "8:19.250" below.
    const int decimals = stepMs % 1000 == 0 ? 0 : stepMs % 100 == 0 ? 1 : 3;
    const bool negative = relativeMs < 0;
    const qint64 magnitude = negative ? -relativeMs : relativeMs;
    const qint64 wholeSeconds = magnitude / 1000;
    QString fraction;
    if (decimals > 0) {
        const qint64 part = decimals == 1 ? (magnitude % 1000) / 100 : magnitude % 1000;
        fraction = QLatin1Char('.')
                   + QStringLiteral("%1").arg(part, decimals, 10, QLatin1Char('0'));
    }
    const QString sign = negative ? QStringLiteral("-") : QString();
    if (magnitude < 60000)
        return tr("%1 s").arg(sign + QString::number(wholeSeconds) + fraction);
    return sign
           + QStringLiteral("%1:%2")
                     .arg(wholeSeconds / 60)
                     .arg(wholeSeconds % 60, 2, 10, QLatin1Char('0'))
           + fraction;
}

qint64 TimelineView::axisStepMs() const
{
    // The finest step whose labels, as wide as that step writes them, do not crowd each other.
    const QFontMetrics metrics(font());
    const double pixelsPerMs = m_geometry.pixelsPerSecond() / 1000.0;
    const qint64 widest = qMax<qint64>(m_geometry.visibleEndMs() - m_geometry.origin(), 0);
    const QList<qint64> steps = TimelineGeometry::axisStepsMs();
    for (const qint64 step : steps) {
        const int labelWidth = metrics.horizontalAdvance(axisLabel(widest, step)) + 16;
        if (step * pixelsPerMs >= labelWidth)
            return step;
    }
    return steps.constLast();
}

QStringList TimelineView::axisLabels() const
{
    const qint64 step = axisStepMs();
    QStringList labels;
    for (const qint64 time : m_geometry.axisTimes(step))
        labels.append(axisLabel(time - m_geometry.origin(), step));
    return labels;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    const TimelineGeometry::LaneRange lanes = m_geometry.visibleLanes(laneCount());
    m_callMarkBudget = MaxCallMarksPerPaint;
    for (int lane = lanes.first; lane <= lanes.last; ++lane)
        paintLane(painter, lane);
    paintCallConnectors(painter, lanes);
    paintAxis(painter);
    if (anythingRuns())
        paintNowLine(painter);

    if (m_pool.count() == 0) {
        // An empty timeline on a projector looks broken; say what fills it.
        const QRect area = m_geometry.laneArea();
        const QRect below(area.left() + 24,
                          m_geometry.laneTop(1) + 12,
                          area.width() - 48,
                          area.bottom() - m_geometry.laneTop(1) - 12);
        painter.setClipping(false);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(below,
                         Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         tr("Each worker gets a lane here: a bar from its start to its end, a tick "
                            "for every line it prints, and a mark for every signal it gets."));
    }
}

void TimelineView::paintAxis(QPainter &painter) const
{
    painter.setClipping(false);
    const QRect area = m_geometry.laneArea();
    const QRect axis(0, 0, viewport()->width(), m_axisHeight);
    painter.fillRect(axis, palette().color(QPalette::Window));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, m_axisHeight - 1, viewport()->width(), m_axisHeight - 1);
    painter.drawLine(m_gutterWidth - 1, 0, m_gutterWidth - 1, viewport()->height());

    const qint64 step = axisStepMs();
    painter.setClipRect(QRect(area.left(), 0, area.width(), viewport()->height()));
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(70);
    const QFontMetrics metrics(font());
    for (const qint64 time : m_geometry.axisTimes(step)) {
        const int x = int(std::lround(m_geometry.xForTime(time)));
        painter.setPen(grid);
        painter.drawLine(x, m_axisHeight, x, viewport()->height());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawLine(x, m_axisHeight - 5, x, m_axisHeight - 1);
        // A label that would begin under the gutter would show only its tail: "0 s" for 0.320 s.
        if (x + 3 < area.left())
            continue;
        const QString label = axisLabel(time - m_geometry.origin(), step);
        painter.drawText(QRect(x + 3, 0, metrics.horizontalAdvance(label) + 4, m_axisHeight - 2),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         label);
    }
    painter.setClipping(false);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(6, 0, m_gutterWidth - 12, m_axisHeight - 2),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Process"));
}

void TimelineView::paintLane(QPainter &painter, int lane) const
{
    const int top = m_geometry.laneTop(lane);
    const int height = m_geometry.laneHeight();
    const QRect area = m_geometry.laneArea();
    const QRect row(0, top, viewport()->width(), height);
    painter.setClipRect(QRect(0, area.top(), viewport()->width(), area.height()));
    painter.fillRect(row, palette().color(lane % 2 ? QPalette::AlternateBase : QPalette::Base));
    const Lane &entry = laneAt(lane);
    if (isSelected(entry)) {
        QColor highlight = palette().color(QPalette::Highlight);
        highlight.setAlpha(45);
        painter.fillRect(row, highlight);
    }

    painter.setClipRect(area.intersected(row));
    painter.setRenderHint(QPainter::Antialiasing, false);
    switch (entry.kind) {
    case Lane::Kind::MainProcess:
        paintMainLane(painter, top);
        break;
    case Lane::Kind::Worker:
        if (entry.worker)
            paintWorkerLane(painter, *entry.worker, top);
        break;
    case Lane::Kind::Descendant:
        if (const Descendant *descendant = descendantAtLane(lane))
            paintDescendantLane(painter, *entry.worker, *descendant, top);
        break;
    case Lane::Kind::More:
        paintMoreLane(painter, entry, top);
        break;
    }
    paintPythonCalls(painter, lane, top);
    painter.setClipRect(QRect(0, top, m_gutterWidth - 1, height)
                                .intersected(QRect(0, area.top(), m_gutterWidth, area.height())));
    paintLaneLabel(painter, lane, top);
}

void TimelineView::paintMainLane(QPainter &painter, int top) const
{
    const QColor color = workerColor(0);
    const double left = m_geometry.xForTime(m_geometry.origin());
    const double right = m_geometry.laneArea().right() + 1.0; // it runs as long as we look
    QColor fill = color;
    fill.setAlpha(45);
    painter.setPen(QPen(color, 1));
    painter.setBrush(fill);
    painter.drawRect(QRectF(left, barTop(top), right - left, barHeight()));
    paintTicks(painter, m_mainLines, color.darker(140), top);
}

void TimelineView::paintWorkerLane(QPainter &painter, const Worker &worker, int top) const
{
    const QColor color = workerColor(worker.id());
    const QRect area = m_geometry.laneArea();
    const int y = barTop(top);
    const int height = barHeight();
    const QDateTime start = worker.startTime();
    if (start.isValid()) {
        const qint64 endMs = worker.endTime().isValid() ? worker.endTime().toMSecsSinceEpoch()
                                                        : now();
        const double left = m_geometry.xForTime(start.toMSecsSinceEpoch());
        // At least a few pixels: a worker that lived 20 ms is still a bar a class can see.
        const double right = qMax(left + 3.0, m_geometry.xForTime(endMs));
        if (right >= area.left() && left <= area.right()) {
            QColor fill = color;
            fill.setAlpha(60);
            painter.setPen(QPen(color, 1));
            painter.setBrush(fill);
            painter.drawRect(QRectF(left, y, right - left, height));

            // Paused: hatched, and said in words where there is room.
            const QList<TimelineGeometry::Interval> paused
                    = TimelineGeometry::pausedIntervals(worker.events(), endMs);
            const QFontMetrics smallMetrics(smallFont(font()));
            for (const TimelineGeometry::Interval &interval : paused) {
                const double from = m_geometry.xForTime(interval.startMs);
                const double to = qMax(from + 2.0, m_geometry.xForTime(interval.endMs));
                const QRectF span(from, y, to - from, height);
                painter.setPen(Qt::NoPen);
                painter.setBrush(QBrush(PauseColor, Qt::BDiagPattern));
                painter.drawRect(span);
                const QString text = tr("paused");
                if (span.width() > smallMetrics.horizontalAdvance(text) + 8) {
                    painter.setFont(smallFont(font()));
                    painter.setPen(PauseColor);
                    painter.drawText(span, Qt::AlignCenter, text);
                    painter.setFont(font());
                }
            }
        }
    }
    paintTicks(painter, worker.scrollback(), color.darker(150), top);

    // Marks: a line through the lane in the signal's colour, its name above the bar where it fits.
    QFont labelFont = smallFont(font());
    labelFont.setBold(true);
    painter.setFont(labelFont);
    const QFontMetrics labelMetrics(labelFont);
    double labelsEnd = -1e9;
    const QList<TimelineGeometry::Marker> markers = m_geometry.markers(worker.events());
    for (const TimelineGeometry::Marker &marker : markers) {
        if (marker.x < area.left() - 200 || marker.x > area.right() + 2)
            continue;
        const QColor markColor = markerColor(marker);
        const bool isEnd = marker.kind == WorkerEvent::Kind::Ended
                           || marker.kind == WorkerEvent::Kind::FailedToStart;
        painter.setPen(QPen(markColor, isEnd ? 3 : 2));
        if (isEnd) {
            painter.drawLine(QPointF(marker.x, y - 2), QPointF(marker.x, y + height + 2));
            // The exit code beside the bar's end: -15 · SIGTERM, 0, failed to start.
            const ExitInfo &exit = worker.exitInfo();
            const QString text = exit.shortText();
            const double width = labelMetrics.horizontalAdvance(text) + 4;
            painter.setPen(exit.isSuccess() ? EndColor : KillColor);
            painter.drawText(QRectF(m_geometry.labelLeft(marker.x, width), y, width, height),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             text);
            continue;
        }
        painter.drawLine(QPointF(marker.x, top + 3), QPointF(marker.x, y + height + 2));
        const QString text = signalName(marker.signalNumber);
        const double width = labelMetrics.horizontalAdvance(text);
        const double left = m_geometry.labelLeft(marker.x, width);
        if (left > labelsEnd) {
            painter.setPen(markColor);
            painter.drawText(QPointF(left, top + 2 + labelMetrics.ascent()), text);
            labelsEnd = left + width + 6;
        }
    }
    painter.setFont(font());
}

QString TimelineView::endText(int lane) const
{
    const Lane &entry = laneAt(lane);
    if (entry.kind == Lane::Kind::Worker && entry.worker)
        return entry.worker->exitInfo().shortText();
    const Descendant *descendant = descendantAtLane(lane);
    if (!descendant || descendant->isAlive())
        return QString();
    // Its end was seen but not how (the tracer lost it, or its parent reaped it first).
    const QString text = descendant->exitInfo.shortText();
    return text.isEmpty() ? tr("ended") : text;
}

void TimelineView::paintDescendantLane(QPainter &painter,
                                       const Worker &worker,
                                       const Descendant &descendant,
                                       int top) const
{
    // Its own colour, as its lines in the output have it.
    const QColor color = processColor(worker.id(), descendant.pid);
    const QRect area = m_geometry.laneArea();
    const int y = barTop(top);
    const int height = barHeight();
    const qint64 nowMs = now();
    const qint64 startMs = descendant.startTimeUs / 1000;
    const qint64 endMs = descendant.endTimeUs > 0 ? descendant.endTimeUs / 1000 : nowMs;
    const double left = m_geometry.xForTime(startMs);
    // At least a few pixels: a child that lived 1 ms is still a bar a class can see.
    const double right = qMax(left + 3.0, m_geometry.xForTime(endMs));
    const QFont small = smallFont(font());
    const QFontMetrics smallMetrics(small);
    if (right >= area.left() - 1 && left <= area.right() + 1) {
        QColor fill = color;
        fill.setAlpha(descendant.followed ? 60 : 30);
        // An orphan's outline is dashed: its parent ended, the system adopted it.
        QPen outline(color, 1, descendant.orphan ? Qt::DashLine : Qt::SolidLine);
        painter.setPen(outline);
        painter.setBrush(fill);
        painter.drawRect(QRectF(left, y, right - left, height));
    }

    // A zombie: ended, not yet reaped by its parent. A pale grey, dotted span from its end to its
    // reaping (or to now): it holds a PID, nothing runs. Plain rather than hatched, so that the
    // word "zombie" in it can be read.
    if (descendant.state == DescendantState::Zombie || descendant.reapTimeUs > 0) {
        const qint64 reapMs = descendant.state == DescendantState::Zombie
                                      ? nowMs
                                      : descendant.reapTimeUs / 1000;
        const double from = m_geometry.xForTime(endMs);
        const double to = qMax(from + 2.0, m_geometry.xForTime(reapMs));
        if (to >= area.left() && from <= area.right()) {
            const QRectF span(from, y, to - from, height);
            QColor fill = ZombieColor;
            fill.setAlpha(40);
            painter.setPen(QPen(ZombieColor, 1, Qt::DotLine));
            painter.setBrush(fill);
            painter.drawRect(span);
            const QString text = tr("zombie");
            if (span.width() > smallMetrics.horizontalAdvance(text) + 8) {
                painter.setFont(small);
                painter.setPen(ZombieColor);
                painter.drawText(span.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
            }
        }
    }

    QFont labelFont = small;
    labelFont.setBold(true);
    painter.setFont(labelFont);
    const QFontMetrics labelMetrics(labelFont);
    double labelsEnd = -1e9;
    const auto mark = [&](qint64 timeMs, const QColor &markColor, const QString &label) {
        const double x = m_geometry.xForTime(timeMs);
        if (x < area.left() - 200 || x > area.right() + 2)
            return;
        painter.setPen(QPen(markColor, 2));
        painter.drawLine(QPointF(x, top + 3), QPointF(x, y + height + 2));
        const double width = labelMetrics.horizontalAdvance(label);
        const double labelX = m_geometry.labelLeft(x, width);
        if (labelX > labelsEnd) {
            painter.setPen(markColor);
            painter.drawText(QPointF(labelX, top + 2 + labelMetrics.ascent()), label);
            labelsEnd = labelX + width + 6;
        }
    };
    // Execs and signals in the order they came, each named above the bar where there is room.
    struct Mark
    {
        qint64 timeUs;
        QColor color;
        QString label;
    };
    QList<Mark> marks;
    for (const ExecRecord &exec : descendant.recentExecs)
        marks.append(Mark{exec.timeUs, ExecColor, exec.name});
    for (const ReceivedSignal &received : descendant.recentSignals) {
        // SIGCHLD is the noise of a parent's children ending: drawn, but muted.
        const QColor signalColor = received.signalNumber == SIGCHLD ? palette().color(QPalette::Mid)
                                                                    : OtherSignalColor;
        marks.append(Mark{received.timeUs, signalColor, signalName(received.signalNumber)});
    }
    std::stable_sort(marks.begin(), marks.end(), [](const Mark &a, const Mark &b) {
        return a.timeUs < b.timeUs;
    });
    for (const Mark &each : marks)
        mark(each.timeUs / 1000, each.color, each.label);

    if (!descendant.isAlive()) {
        const double x = m_geometry.xForTime(endMs);
        if (x >= area.left() - 200 && x <= area.right() + 2) {
            const ExitInfo &exit = descendant.exitInfo;
            painter.setPen(QPen(EndColor, 3));
            painter.drawLine(QPointF(x, y - 2), QPointF(x, y + height + 2));
            QString text = exit.shortText();
            if (text.isEmpty())
                text = tr("ended");
            const double width = labelMetrics.horizontalAdvance(text) + 4;
            // Right of the end, unless a zombie's span is there: then above it.
            const bool zombieRight = descendant.state == DescendantState::Zombie
                                     || descendant.reapTimeUs > 0;
            painter.setPen(!exit.hasEnded()   ? ZombieColor
                           : exit.isSuccess() ? EndColor
                                              : KillColor);
            const double textLeft = m_geometry.labelLeft(x, width);
            if (zombieRight && textLeft > x)
                painter.drawText(QPointF(textLeft, top + 2 + labelMetrics.ascent()), text);
            else
                painter.drawText(QRectF(textLeft, y, width, height),
                                 Qt::AlignLeft | Qt::AlignVCenter,
                                 text);
        }
    }
    painter.setFont(font());
}

void TimelineView::paintMoreLane(QPainter &painter, const Lane &lane, int top) const
{
    const QRect area = m_geometry.laneArea();
    painter.setFont(smallFont(font()));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(area.left() + 8, top, area.width() - 16, m_geometry.laneHeight()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     moreSummary(lane));
    painter.setFont(font());
}

QString TimelineView::moreSummary(const Lane &lane) const
{
    const DescendantTracker *tracker = lane.worker ? lane.worker->descendants() : nullptr;
    if (!tracker)
        return QString();
    const DescendantTracker::Summary summary = tracker->summary();
    return tr("%1 processes in all, %2 running; the lanes show the %3 most recent")
            .arg(summary.started - 1)
            .arg(summary.alive - (tracker->root() && tracker->root()->isAlive() ? 1 : 0))
            .arg(MaxDescendantLanesPerWorker);
}

void TimelineView::paintTicks(QPainter &painter,
                              const Scrollback &lines,
                              const QColor &color,
                              int top) const
{
    const QList<TimelineGeometry::Tick> ticks = m_geometry.ticks(lines);
    const int y = barTop(top);
    const int height = barHeight();
    const QPen outPen(color, 1);
    const QPen errPen(StdErrTickColor, 1);
    for (const TimelineGeometry::Tick &tick : ticks) {
        const bool isError = lines.at(tick.lineNumber).channel == OutputChannel::StdErr;
        painter.setPen(isError ? errPen : outPen);
        const int x = int(std::floor(tick.x));
        painter.drawLine(x, y + 2, x, y + height - 3);
    }
}

void TimelineView::paintLaneLabel(QPainter &painter, int lane, int top) const
{
    const Lane &entry = laneAt(lane);
    const Worker *worker = entry.worker.data();
    const Descendant *descendant = descendantAtLane(lane);
    const int workerId = worker ? worker->id() : 0;
    qint64 pid = QCoreApplication::applicationPid();
    QString name = tr("main process");
    QString detail;
    bool ended = false;
    switch (entry.kind) {
    case Lane::Kind::MainProcess:
        break;
    case Lane::Kind::Worker:
        pid = worker ? worker->pid() : 0;
        name = worker ? worker->name() : QString();
        ended = worker && !worker->isActive();
        break;
    case Lane::Kind::Descendant:
        pid = descendant ? descendant->pid : 0;
        name = descendant ? WorkerTableModel::processName(worker, *descendant) : QString();
        ended = !descendant || !descendant->isAlive();
        if (descendant && descendant->orphan)
            detail = descendant->reparentedTo > 0 ? tr("orphan → %1").arg(descendant->reparentedTo)
                                                  : tr("orphan");
        else if (descendant && descendant->state == DescendantState::Zombie)
            detail = tr("zombie");
        break;
    case Lane::Kind::More:
        pid = 0;
        name = moreText(entry.hiddenCount);
        ended = true;
        break;
    }
    const QFontMetrics metrics(font());
    const int indent = 6 + IndentPixels * qMin(entry.depth, MaxIndentDepth);
    const int swatch = metrics.ascent() * 3 / 4;
    int textLeft = indent;
    if (entry.kind != Lane::Kind::More) {
        painter.setPen(Qt::NoPen);
        QColor swatchColor = workerColor(workerId);
        if (entry.kind == Lane::Kind::Descendant) {
            // A child's swatch is its own colour framed in its worker's: the lane belongs to
            // that tree.
            painter.setPen(QPen(swatchColor, 2));
            painter.setBrush(processColor(workerId, pid));
        } else {
            painter.setBrush(swatchColor);
        }
        painter.drawRect(indent, top + 4 + (metrics.height() - swatch) / 2, swatch, swatch);
        textLeft = indent + swatch + 6;
    }

    painter.setPen(palette().color(ended ? QPalette::PlaceholderText : QPalette::WindowText));
    const int textWidth = qMax(0, m_gutterWidth - textLeft - 6);
    painter.drawText(QRect(textLeft, top + 4, textWidth, metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(name, Qt::ElideRight, textWidth));
    const QFont small = smallFont(font());
    painter.setFont(small);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    if (pid > 0) {
        const QString text = detail.isEmpty() ? tr("PID %1").arg(pid)
                                              : tr("PID %1 · %2").arg(pid).arg(detail);
        painter.drawText(QRect(textLeft,
                               top + 4 + metrics.height(),
                               textWidth,
                               QFontMetrics(small).height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(small).elidedText(text, Qt::ElideRight, textWidth));
    }
    painter.setFont(font());
}

void TimelineView::paintNowLine(QPainter &painter) const
{
    const QRect area = m_geometry.laneArea();
    const double x = m_geometry.xForTime(now());
    if (x < area.left() || x > area.right())
        return;
    painter.setClipping(false);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(NowColor, 2));
    painter.drawLine(QPointF(x, m_axisHeight), QPointF(x, area.bottom()));
    // A small flag in the axis, so the line reads as "now" and not as one more event.
    QPainterPath flag;
    flag.moveTo(x - 6, 2);
    flag.lineTo(x + 6, 2);
    flag.lineTo(x, m_axisHeight - 2);
    flag.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(NowColor);
    painter.drawPath(flag);
}

QString TimelineView::workerSummary(const Worker &worker) const
{
    QStringList lines;
    lines.append(worker.pid() > 0 ? tr("%1 · PID %2").arg(worker.name()).arg(worker.pid())
                                  : worker.name());
    lines.append(worker.commandLine());
    if (worker.startTime().isValid()) {
        const qint64 start = worker.startTime().toMSecsSinceEpoch();
        const double seconds = worker.runningTimeMs() / 1000.0;
        lines.append(worker.endTime().isValid()
                             ? tr("started at %1, ended at %2: ran %3 s")
                                       .arg(timeText(start),
                                            timeText(worker.endTime().toMSecsSinceEpoch()))
                                       .arg(seconds, 0, 'f', 2)
                             : tr("started at %1, running for %2 s")
                                       .arg(timeText(start))
                                       .arg(seconds, 0, 'f', 1));
    }
    const ExitInfo &exit = worker.exitInfo();
    lines.append(exit.hasEnded() ? WorkerTableModel::exitExplanation(exit)
                                 : stateText(worker.state(), exit));
    const qint64 count = worker.lineCount(OutputChannel::StdOut)
                         + worker.lineCount(OutputChannel::StdErr);
    lines.append(tr("%n line(s) of output", nullptr, int(qMin<qint64>(count, INT_MAX))));
    return lines.join(QLatin1Char('\n'));
}

QString TimelineView::descendantSummary(const Worker *worker, const Descendant &descendant) const
{
    QStringList lines;
    lines.append(tr("%1 · PID %2 (child of %3)")
                         .arg(WorkerTableModel::processName(worker, descendant))
                         .arg(descendant.pid)
                         .arg(descendant.parentPid));
    if (!descendant.arguments.isEmpty())
        lines.append(descendant.arguments.join(QLatin1Char(' ')).left(TooltipLineLength));
    const qint64 startMs = descendant.startTimeUs / 1000;
    if (descendant.endTimeUs > 0) {
        const qint64 endMs = descendant.endTimeUs / 1000;
        lines.append(tr("started at %1, ended at %2: ran %3 ms")
                             .arg(timeText(startMs), timeText(endMs))
                             .arg(endMs - startMs));
    } else {
        lines.append(tr("started at %1, running").arg(timeText(startMs)));
    }
    if (descendant.exitInfo.hasEnded())
        lines.append(WorkerTableModel::exitExplanation(descendant.exitInfo));
    else if (!descendant.isAlive())
        lines.append(tr("ended; how is not known"));
    if (descendant.state == DescendantState::Zombie)
        lines.append(tr("a zombie: ended, not yet reaped by its parent"));
    else if (descendant.reapTimeUs > 0)
        lines.append(tr("a zombie until %1, when its parent reaped it")
                             .arg(timeText(descendant.reapTimeUs / 1000)));
    if (descendant.orphan) {
        lines.append(descendant.reparentedTo > 0
                             ? tr("an orphan: its parent ended first; adopted by PID %1")
                                       .arg(descendant.reparentedTo)
                             : tr("an orphan: its parent ended first"));
    }
    if (descendant.execCount > 0)
        lines.append(tr("%n exec(s)", nullptr, descendant.execCount));
    if (descendant.signalCount > 0) {
        lines.append(tr("%n signal(s) received",
                        nullptr,
                        int(qMin<qint64>(descendant.signalCount, INT_MAX))));
    }
    if (!descendant.followed)
        lines.append(tr("not followed exactly: seen from /proc"));
    return lines.join(QLatin1Char('\n'));
}

QString TimelineView::descendantToolTip(const Worker *worker,
                                        const Descendant &descendant,
                                        int x) const
{
    // A mark first: it is what the eye aims at.
    if (descendant.endTimeUs > 0
        && std::abs(m_geometry.xForTime(descendant.endTimeUs / 1000) - x) <= MarkerHitPixels) {
        const QString how = descendant.exitInfo.hasEnded()
                                    ? WorkerTableModel::exitExplanation(descendant.exitInfo)
                                    : tr("ended; how is not known");
        return timeText(descendant.endTimeUs / 1000) + QLatin1String(": ") + how;
    }
    for (const ExecRecord &exec : descendant.recentExecs) {
        if (std::abs(m_geometry.xForTime(exec.timeUs / 1000) - x) <= MarkerHitPixels)
            return tr("%1: exec %2").arg(timeText(exec.timeUs / 1000), exec.name);
    }
    for (const ReceivedSignal &received : descendant.recentSignals) {
        if (std::abs(m_geometry.xForTime(received.timeUs / 1000) - x) <= MarkerHitPixels) {
            return tr("%1: received %2")
                           .arg(timeText(received.timeUs / 1000), signalName(received.signalNumber))
                   + QLatin1Char('\n') + signalDescription(received.signalNumber);
        }
    }
    return descendantSummary(worker, descendant);
}

QString TimelineView::toolTipAt(const QPoint &position) const
{
    const int lane = m_geometry.laneAt(position.y());
    if (lane < 0 || lane >= laneCount())
        return QString();
    const Lane &entry = laneAt(lane);
    if (entry.kind == Lane::Kind::More)
        return moreText(entry.hiddenCount) + QLatin1Char('\n') + moreSummary(entry);
    if (entry.kind == Lane::Kind::Descendant) {
        const Descendant *descendant = descendantAtLane(lane);
        if (!descendant)
            return QString();
        if (position.x() < m_gutterWidth)
            return descendantSummary(entry.worker, *descendant);
        const QString call = callToolTip(*entry.worker, lane, position.x());
        return !call.isEmpty() ? call : descendantToolTip(entry.worker, *descendant, position.x());
    }
    const Worker *worker = workerAtLane(lane);
    if (position.x() < m_gutterWidth || !worker) {
        if (worker)
            return workerSummary(*worker);
        // The main process's lane: its own lines, or what it is.
        if (position.x() >= m_gutterWidth) {
            for (const TimelineGeometry::Tick &tick : m_geometry.ticks(m_mainLines)) {
                if (std::abs(tick.x - position.x()) <= TickHitPixels) {
                    const OutputLine &line = m_mainLines.at(tick.lineNumber);
                    return timeText(line.timestampMs) + QLatin1String(": ") + line.text;
                }
            }
        }
        return tr("main process · PID %1\nProcLab itself: it starts the workers, as the "
                  "tutorial's main program starts its processes")
                .arg(QCoreApplication::applicationPid());
    }

    // A mark first: it is what the eye aims at; a call's diamond sits on the bar, in the middle.
    if (const QString call = callToolTip(*worker, lane, position.x()); !call.isEmpty())
        return call;
    const QList<TimelineGeometry::Marker> markers = m_geometry.markers(worker->events());
    for (const TimelineGeometry::Marker &marker : markers) {
        if (std::abs(marker.x - position.x()) > MarkerHitPixels)
            continue;
        const WorkerEvent &event = worker->events().at(marker.eventIndex);
        QString text = timeText(event.timestampMs) + QLatin1String(": ") + event.text;
        if (marker.kind == WorkerEvent::Kind::Ended)
            text += QLatin1Char('\n') + WorkerTableModel::exitExplanation(worker->exitInfo());
        else if (marker.signalNumber != 0)
            text += QLatin1Char('\n') + signalName(marker.signalNumber) + QLatin1String(": ")
                    + signalDescription(marker.signalNumber);
        return text;
    }
    const Scrollback &scrollback = worker->scrollback();
    for (const TimelineGeometry::Tick &tick : m_geometry.ticks(scrollback)) {
        if (std::abs(tick.x - position.x()) <= TickHitPixels) {
            const OutputLine &line = scrollback.at(tick.lineNumber);
            QString text = line.text.left(TooltipLineLength);
            if (line.text.size() > TooltipLineLength)
                text += QChar(0x2026);
            return timeText(line.timestampMs) + QLatin1String(": ") + text.trimmed();
        }
        if (tick.x > position.x() + TickHitPixels)
            break;
    }
    return workerSummary(*worker);
}

bool TimelineView::callerOfLane(
        int lane, const Worker *&worker, qint64 &pid, qint64 &fromUs, qint64 &untilUs) const
{
    const Lane &entry = laneAt(lane);
    worker = entry.worker.data();
    if (!worker || worker->pythonCalls().isEmpty())
        return false;
    fromUs = 0;
    untilUs = std::numeric_limits<qint64>::max();
    if (entry.kind == Lane::Kind::Worker) {
        pid = worker->pid();
        return pid > 0;
    }
    const Descendant *descendant = descendantAtLane(lane);
    if (!descendant)
        return false;
    pid = descendant->pid;
    // Its own life, give or take a millisecond of two clocks: an earlier process with the same
    // PID made the calls before it.
    fromUs = descendant->startTimeUs - 1000;
    if (descendant->endTimeUs > 0)
        untilUs = descendant->endTimeUs + 1000;
    return true;
}

QList<TimelineGeometry::CallMark> TimelineView::pythonCallMarks(int lane, int limit) const
{
    const Worker *worker = nullptr;
    qint64 pid = 0;
    qint64 fromUs = 0;
    qint64 untilUs = 0;
    if (!callerOfLane(lane, worker, pid, fromUs, untilUs))
        return {};
    return m_geometry.callMarks(worker->pythonCalls(), pid, fromUs, untilUs, CallMarkRadius, limit);
}

void TimelineView::paintPythonCalls(QPainter &painter, int lane, int top) const
{
    const Worker *worker = nullptr;
    qint64 pid = 0;
    qint64 fromUs = 0;
    qint64 untilUs = 0;
    if (m_callMarkBudget <= 0 || !callerOfLane(lane, worker, pid, fromUs, untilUs))
        return;
    const QList<PythonCall> &calls = worker->pythonCalls();
    const int y = barTop(top);
    const int height = barHeight();
    const double middle = y + height / 2.0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);

    // A join() waits: a bracket under the bar from the call to its return (or to now).
    const QList<TimelineGeometry::CallSpan> spans = m_geometry.joinSpans(calls,
                                                                         pid,
                                                                         fromUs,
                                                                         untilUs,
                                                                         m_callMarkBudget);
    const double nowX = m_geometry.xForTime(now());
    painter.setPen(QPen(PythonCallColor, 2, Qt::SolidLine, Qt::FlatCap));
    for (const TimelineGeometry::CallSpan &span : spans) {
        const double from = m_geometry.xForTimeUs(calls.at(span.joinIndex).timeUs);
        const double to = span.joinedIndex >= 0
                                  ? m_geometry.xForTimeUs(calls.at(span.joinedIndex).timeUs)
                                  : (untilUs == std::numeric_limits<qint64>::max()
                                                     && worker->hasLiveProcesses()
                                             ? nowX
                                             : from);
        const double bottom = y + height - 1.5;
        painter.drawLine(QPointF(from, bottom - 4), QPointF(from, bottom));
        painter.drawLine(QPointF(from, bottom), QPointF(qMax(from, to), bottom));
        if (span.joinedIndex >= 0)
            painter.drawLine(QPointF(to, bottom - 4), QPointF(to, bottom));
    }

    // The calls: diamonds on the bar, each named above it where there is room.
    const QList<TimelineGeometry::CallMark> marks = pythonCallMarks(lane, m_callMarkBudget);
    m_callMarkBudget -= int(marks.size());
    QFont labelFont = smallFont(font());
    labelFont.setBold(true);
    painter.setFont(labelFont);
    const QFontMetrics labelMetrics(labelFont);
    double labelsEnd = -1e9;
    const QPen outline(palette().color(QPalette::Base), 1);
    for (const TimelineGeometry::CallMark &mark : marks) {
        const PythonCall &call = calls.at(mark.callIndex);
        const QPointF diamond[4] = {QPointF(mark.x, middle - CallMarkRadius),
                                    QPointF(mark.x + CallMarkRadius, middle),
                                    QPointF(mark.x, middle + CallMarkRadius),
                                    QPointF(mark.x - CallMarkRadius, middle)};
        painter.setPen(outline);
        painter.setBrush(PythonCallColor);
        painter.drawPolygon(diamond, 4);
        const QString label = callLabel(call);
        const double width = labelMetrics.horizontalAdvance(label);
        const double left = m_geometry.labelLeft(mark.x, width);
        if (left > labelsEnd) {
            painter.setPen(PythonCallColor);
            painter.drawText(QPointF(left, top + 2 + labelMetrics.ascent()), label);
            labelsEnd = left + width + 6;
        }
    }
    painter.restore();
}

void TimelineView::paintCallConnectors(QPainter &painter,
                                       const TimelineGeometry::LaneRange &lanes) const
{
    // After every lane is painted: a line crosses the lanes between a call and its target.
    painter.save();
    painter.setClipRect(m_geometry.laneArea());
    painter.setRenderHint(QPainter::Antialiasing, true);
    QColor lineColor = PythonCallColor;
    lineColor.setAlpha(170);
    painter.setPen(QPen(lineColor, 1, Qt::DashLine));
    painter.setBrush(PythonCallColor);
    int budget = MaxCallMarksPerPaint;
    const auto middleOf = [this](int lane) {
        return barTop(m_geometry.laneTop(lane)) + barHeight() / 2.0;
    };
    for (int lane = lanes.first; lane <= lanes.last && budget > 0; ++lane) {
        const Worker *worker = nullptr;
        qint64 pid = 0;
        qint64 fromUs = 0;
        qint64 untilUs = 0;
        if (!callerOfLane(lane, worker, pid, fromUs, untilUs))
            continue;
        const QList<PythonCall> &calls = worker->pythonCalls();
        // Every call, not one per column: four start() in a millisecond reach four lanes.
        const QList<TimelineGeometry::CallMark> marks
                = m_geometry.callMarks(calls, pid, fromUs, untilUs, 0, budget, false);
        for (const TimelineGeometry::CallMark &mark : marks) {
            const PythonCall &call = calls.at(mark.callIndex);
            if (!TimelineGeometry::isAboutTarget(call))
                continue;
            const int target = laneOfProcess(worker->id(), call.target);
            if (target < lanes.first || target > lanes.last || target == lane)
                continue;
            --budget;
            const double from = middleOf(lane);
            const double to = middleOf(target);
            const double direction = to > from ? 1.0 : -1.0;
            painter.drawLine(QPointF(mark.x, from + direction * CallMarkRadius),
                             QPointF(mark.x, to - direction * 3.0));
            painter.drawEllipse(QPointF(mark.x, to), 2.5, 2.5);
        }
    }
    painter.restore();
}

QString TimelineView::callToolTip(const Worker &worker, int lane, int x) const
{
    // Every call near the pointer, not only the one drawn: Process() and start() share a pixel.
    constexpr int MaxCallsTold = 5;
    const QList<PythonCall> &calls = worker.pythonCalls();
    const QList<TimelineGeometry::CallMark> marks = pythonCallMarks(lane);
    for (const TimelineGeometry::CallMark &mark : marks) {
        if (std::abs(mark.x - x) > MarkerHitPixels)
            continue;
        const qint64 pid = calls.at(mark.callIndex).pid;
        QStringList lines;
        for (qsizetype i = mark.callIndex; i < calls.size() && lines.size() < MaxCallsTold; ++i) {
            const PythonCall &call = calls.at(i);
            const double callX = m_geometry.xForTimeUs(call.timeUs);
            if (callX > x + MarkerHitPixels)
                break;
            if (call.pid != pid)
                continue;
            QString text = timeText(call.timeUs / 1000) + QLatin1String(": ") + call.text();
            if (!call.file.isEmpty()) {
                text += QLatin1Char('\n') + call.file
                        + (call.line > 0 ? QStringLiteral(":%1").arg(call.line) : QString());
            }
            lines.append(text);
        }
        return lines.join(QLatin1Char('\n'));
    }
    return QString();
}

} // namespace ProcLab
