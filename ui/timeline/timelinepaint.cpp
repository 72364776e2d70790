// TimelineView's drawing and tooltips; layout and interaction are in timelineview.cpp.
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

// Steps of the time axis, the first one whose labels do not crowd each other is used.
constexpr qint64 AxisStepsMs[] = {10,     20,     50,      100,     200,     500,      1000,
                                  2000,   5000,   10000,   15000,   30000,   60000,    120000,
                                  300000, 600000, 1800000, 3600000, 7200000, 21600000, 86400000};
constexpr int MarkerHitPixels = 6;
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
    // Seconds since the main process started, as a stopwatch reads.
    const double seconds = double(timeMs - m_geometry.origin()) / 1000.0;
    if (std::abs(seconds) < 60.0)
        return tr("%1 s").arg(seconds, 0, 'f', 2);
    const qint64 whole = qint64(seconds);
    return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    const TimelineGeometry::LaneRange lanes = m_geometry.visibleLanes(laneCount());
    for (int lane = lanes.first; lane <= lanes.last; ++lane)
        paintLane(painter, lane);
    paintAxis(painter);
    if (m_pool.hasActiveWorkers())
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

    const QFontMetrics metrics(font());
    const double pixelsPerMs = m_geometry.pixelsPerSecond() / 1000.0;
    const int labelWidth = metrics.horizontalAdvance(QStringLiteral("00:00.0")) + 16;
    qint64 step = AxisStepsMs[std::size(AxisStepsMs) - 1];
    for (const qint64 candidate : AxisStepsMs) {
        if (candidate * pixelsPerMs >= labelWidth) {
            step = candidate;
            break;
        }
    }
    const qint64 origin = m_geometry.origin();
    const qint64 first = origin
                         + qMax<qint64>(0, (m_geometry.visibleStartMs() - origin) / step) * step;
    painter.setClipRect(QRect(area.left(), 0, area.width(), viewport()->height()));
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(70);
    for (qint64 time = first; time <= m_geometry.visibleEndMs(); time += step) {
        const int x = int(std::lround(m_geometry.xForTime(time)));
        painter.setPen(grid);
        painter.drawLine(x, m_axisHeight, x, viewport()->height());
        painter.setPen(palette().color(QPalette::WindowText));
        const qint64 relative = time - origin;
        const QString label = relative < 60000
                                      ? (step < 1000 ? tr("%1 s").arg(relative / 1000.0, 0, 'f', 1)
                                                     : tr("%1 s").arg(relative / 1000))
                                      : QStringLiteral("%1:%2")
                                                .arg(relative / 60000)
                                                .arg((relative / 1000) % 60,
                                                     2,
                                                     10,
                                                     QLatin1Char('0'));
        painter.drawLine(x, m_axisHeight - 5, x, m_axisHeight - 1);
        painter.drawText(QRect(x + 3, 0, labelWidth, m_axisHeight - 2),
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
    const Worker *worker = workerAtLane(lane);
    if (worker && m_selected.contains(worker->id())) {
        QColor highlight = palette().color(QPalette::Highlight);
        highlight.setAlpha(45);
        painter.fillRect(row, highlight);
    }

    painter.setClipRect(area.intersected(row));
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (worker)
        paintWorkerLane(painter, *worker, top);
    else
        paintMainLane(painter, top);
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
            painter.setPen(exit.isSuccess() ? EndColor : KillColor);
            painter.drawText(QRectF(marker.x + 5,
                                    y,
                                    labelMetrics.horizontalAdvance(text) + 4,
                                    height),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             text);
            continue;
        }
        painter.drawLine(QPointF(marker.x, top + 3), QPointF(marker.x, y + height + 2));
        const QString text = signalName(marker.signalNumber);
        if (marker.x + 3 > labelsEnd) {
            painter.setPen(markColor);
            painter.drawText(QPointF(marker.x + 3, top + 2 + labelMetrics.ascent()), text);
            labelsEnd = marker.x + 3 + labelMetrics.horizontalAdvance(text) + 6;
        }
    }
    painter.setFont(font());
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
    const Worker *worker = workerAtLane(lane);
    const int workerId = worker ? worker->id() : 0;
    const qint64 pid = worker ? worker->pid() : QCoreApplication::applicationPid();
    const QString name = worker ? worker->name() : tr("main process");
    const QFontMetrics metrics(font());
    const int swatch = metrics.ascent() * 3 / 4;
    painter.setPen(Qt::NoPen);
    painter.setBrush(workerColor(workerId));
    painter.drawRect(6, top + 4 + (metrics.height() - swatch) / 2, swatch, swatch);

    const bool ended = worker && !worker->isActive();
    painter.setPen(palette().color(ended ? QPalette::PlaceholderText : QPalette::WindowText));
    const int textLeft = 6 + swatch + 6;
    const int textWidth = m_gutterWidth - textLeft - 6;
    painter.drawText(QRect(textLeft, top + 4, textWidth, metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(name, Qt::ElideRight, textWidth));
    const QFont small = smallFont(font());
    painter.setFont(small);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    if (pid > 0) {
        painter.drawText(QRect(textLeft,
                               top + 4 + metrics.height(),
                               textWidth,
                               QFontMetrics(small).height()),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         tr("PID %1").arg(pid));
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

QString TimelineView::toolTipAt(const QPoint &position) const
{
    const int lane = m_geometry.laneAt(position.y());
    if (lane < 0 || lane >= laneCount())
        return QString();
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

    // A mark first: it is what the eye aims at.
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

} // namespace ProcLab
