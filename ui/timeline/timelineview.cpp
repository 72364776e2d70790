#include "timelineview.h"

#include "worker.h"
#include "workerpool.h"

#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace ProcLab {

namespace {

// The main process prints a line or two; a bound keeps a chatty one from growing without end.
constexpr qsizetype MainLinesKept = 1000;
constexpr qsizetype MainCharactersKept = 200000;
// Repaints while something runs: often enough that the "now" line moves a few pixels at a time,
// never more than ten times a second (each costs a repaint of the lanes in view).
constexpr int FastestRepaintMs = 100;
constexpr int SlowestRepaintMs = 1000;
constexpr double PixelsPerRepaint = 4.0;
// Room on the right of everything in "fit" mode, so the now line is not glued to the edge.
constexpr double FitMargin = 1.05;

} // namespace

TimelineView::TimelineView(const WorkerPool &pool, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_pool(pool)
    , m_repaint(this)
    , m_mainLines(MainLinesKept, MainCharactersKept)
{
    setObjectName(QStringLiteral("timelineView"));
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn); // it carries the zoom buttons
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    // The main process started when the window did; a worker started earlier (tests build the pool
    // first) moves the origin back so that nothing lies left of it.
    qint64 origin = QDateTime::currentMSecsSinceEpoch();
    for (const Worker *worker : m_pool.workers()) {
        if (worker->startTime().isValid())
            origin = qMin(origin, worker->startTime().toMSecsSinceEpoch());
    }
    if (!m_pool.log().isEmpty())
        origin = qMin(origin, m_pool.log().at(m_pool.log().firstLine()).timestampMs);
    m_geometry.setOrigin(origin);
    readMainProcessLines();

    m_repaint.setObjectName(QStringLiteral("timelineRepaint"));
    connect(&m_repaint, &QTimer::timeout, this, &TimelineView::repaintTick);
    connect(&m_pool, &WorkerPool::logAppended, this, &TimelineView::readMainProcessLines);
    connect(&m_pool, &WorkerPool::workersInserted, this, &TimelineView::poolChanged);
    connect(&m_pool, &WorkerPool::workersRemoved, this, &TimelineView::poolChanged);
    connect(&m_pool, &WorkerPool::allFinished, this, &TimelineView::poolChanged);
    connect(&m_pool, &WorkerPool::eventOccurred, this, [this] {
        // While the timer runs it repaints anyway; otherwise show the event now.
        if (!m_repaint.isActive())
            poolChanged();
    });
    connect(&m_pool, &WorkerPool::workersChanged, this, [this] {
        if (!m_repaint.isActive())
            viewport()->update();
    });

    createZoomButtons();
    updateLayout();
}

void TimelineView::createZoomButtons()
{
    // Added right to left beside the scroll bar: they read "−  +  Fit". Their texts are set by
    // retranslate().
    const auto addButton =
            [this](QToolButton *&button, const QString &name, void (TimelineView::*slot)()) {
                button = new QToolButton(this);
                button->setObjectName(name);
                button->setAutoRaise(true);
                connect(button, &QToolButton::clicked, this, slot);
                addScrollBarWidget(button, Qt::AlignRight);
            };
    addButton(m_fitButton, QStringLiteral("fitButton"), &TimelineView::fitAll);
    addButton(m_zoomInButton, QStringLiteral("zoomInButton"), &TimelineView::zoomIn);
    addButton(m_zoomOutButton, QStringLiteral("zoomOutButton"), &TimelineView::zoomOut);
    retranslate();
}

void TimelineView::retranslate()
{
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Show everything from the start of the main process to now"));
    m_zoomInButton->setText(QStringLiteral("+"));
    m_zoomInButton->setToolTip(tr("Show a shorter time in more detail (Ctrl+wheel up)"));
    m_zoomOutButton->setText(QStringLiteral("−"));
    m_zoomOutButton->setToolTip(tr("Show a longer time (Ctrl+wheel down)"));
    // The axis, the lanes' labels and the empty timeline's hint are painted in the new language.
    viewport()->update();
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QAbstractScrollArea::changeEvent(event);
}

int TimelineView::laneCount() const
{
    return m_pool.count() + 1;
}

Worker *TimelineView::workerAtLane(int lane) const
{
    return lane >= 1 && lane <= m_pool.count() ? m_pool.at(lane - 1) : nullptr;
}

qint64 TimelineView::now() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void TimelineView::readMainProcessLines()
{
    // Only what was appended since the last look: the log is shared by every worker's output.
    const Scrollback &log = m_pool.log();
    for (qint64 line = qMax(m_logScanned, log.firstLine()); line < log.endLine(); ++line) {
        const OutputLine &outputLine = log.at(line);
        if (outputLine.workerId == 0 && outputLine.channel != OutputChannel::Monitor)
            m_mainLines.append(outputLine);
    }
    m_logScanned = log.endLine();
}

void TimelineView::poolChanged()
{
    updateRepaintTimer();
    updateLayout();
    viewport()->update();
}

void TimelineView::updateRepaintTimer()
{
    if (!m_pool.hasActiveWorkers() || !isVisible()) {
        m_repaint.stop();
        return;
    }
    const double msPerPixel = 1000.0 / m_geometry.pixelsPerSecond();
    m_repaint.setInterval(
            qBound(FastestRepaintMs, int(msPerPixel * PixelsPerRepaint), SlowestRepaintMs));
    if (!m_repaint.isActive())
        m_repaint.start();
}

void TimelineView::repaintTick()
{
    updateLayout();
    viewport()->update();
    // The last repaint after everything ended shows the ends; then the timer stops.
    updateRepaintTimer();
}

qint64 TimelineView::contentEndMs() const
{
    if (m_pool.hasActiveWorkers())
        return now();
    // Idle: up to the last thing that happened, so that the picture stands still.
    qint64 end = m_geometry.origin();
    for (const Worker *worker : m_pool.workers()) {
        if (worker->endTime().isValid())
            end = qMax(end, worker->endTime().toMSecsSinceEpoch());
        if (!worker->events().isEmpty())
            end = qMax(end, worker->events().constLast().timestampMs);
    }
    if (!m_mainLines.isEmpty())
        end = qMax(end, m_mainLines.at(m_mainLines.endLine() - 1).timestampMs);
    return end;
}

void TimelineView::updateLayout()
{
    const QFontMetrics metrics(font());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    m_axisHeight = metrics.height() + 8;
    // A line of small labels above the bar, the bar below it.
    m_geometry.setLaneHeight(smallMetrics.height() + metrics.height() + 8);
    m_gutterWidth = qBound(120, metrics.horizontalAdvance(QLatin1Char('M')) * 13, 280);
    const QRect area(m_gutterWidth,
                     m_axisHeight,
                     qMax(1, viewport()->width() - m_gutterWidth),
                     qMax(1, viewport()->height() - m_axisHeight));
    m_geometry.setLaneArea(area);

    QScrollBar *horizontal = horizontalScrollBar();
    const qint64 endMs = contentEndMs();
    if (m_fitting) {
        const qint64 span = qMax(MinFitSpanMs, endMs - m_geometry.origin());
        m_geometry.setPixelsPerSecond(
                TimelineGeometry::pixelsPerSecondToFit(qint64(span * FitMargin), area.width()));
        horizontal->setRange(0, 0);
    } else {
        // Content: origin to the end (at least what "fit" shows), plus a little room; following
        // the end when scrolled there.
        const bool atEnd = horizontal->value() >= horizontal->maximum();
        const qint64 contentEnd = qMax(endMs, m_geometry.origin() + MinFitSpanMs);
        const double width = m_geometry.contentWidth(contentEnd) * FitMargin + 1;
        const int maximum = int(qMin(double(INT_MAX / 2), qMax(0.0, width - area.width())));
        horizontal->setRange(0, maximum);
        if (atEnd)
            horizontal->setValue(maximum);
    }
    horizontal->setPageStep(area.width());
    horizontal->setSingleStep(qMax(1, area.width() / 20));

    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, qMax(0, m_geometry.contentHeight(laneCount()) - area.height()));
    vertical->setPageStep(area.height());
    vertical->setSingleStep(m_geometry.laneHeight());

    m_geometry.setScrollX(horizontal->value());
    m_geometry.setScrollY(vertical->value());
}

void TimelineView::fitAll()
{
    m_fitting = true;
    updateLayout();
    updateRepaintTimer();
    viewport()->update();
}

void TimelineView::zoomIn()
{
    zoomBy(ZoomStep, m_geometry.laneArea().center().x());
}

void TimelineView::zoomOut()
{
    zoomBy(1.0 / ZoomStep, m_geometry.laneArea().center().x());
}

void TimelineView::zoomBy(double factor, double anchorX)
{
    const qint64 anchorTime = m_geometry.timeForX(anchorX);
    m_fitting = false;
    m_geometry.setPixelsPerSecond(m_geometry.pixelsPerSecond() * factor);
    // Let the scroll range grow first, then put the anchor back under the pointer.
    horizontalScrollBar()->setValue(0);
    updateLayout();
    const double scrollX = double(anchorTime - m_geometry.origin()) * m_geometry.pixelsPerSecond()
                                   / 1000.0
                           - (anchorX - m_geometry.laneArea().left());
    horizontalScrollBar()->setValue(int(std::lround(scrollX)));
    m_geometry.setScrollX(horizontalScrollBar()->value());
    updateRepaintTimer();
    viewport()->update();
}

void TimelineView::setSelectedWorkers(const QSet<int> &workerIds)
{
    if (workerIds == m_selected)
        return;
    m_selected = workerIds;
    viewport()->update();
}

void TimelineView::setFontPointSize(int points)
{
    QFont font = this->font();
    font.setPointSize(points);
    setFont(font);
    updateLayout();
    viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateLayout();
}

void TimelineView::scrollContentsBy(int, int)
{
    m_geometry.setScrollX(horizontalScrollBar()->value());
    m_geometry.setScrollY(verticalScrollBar()->value());
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0)
            zoomBy(std::pow(ZoomStep, delta.y() / 120.0), event->position().x());
        event->accept();
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) || delta.x() != 0) {
        // In "fit" everything is in view and the range is empty: nothing to pan to.
        const int steps = delta.x() != 0 ? delta.x() : delta.y();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value()
                                        - steps * horizontalScrollBar()->singleStep() / 120);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_pressed = true;
    m_dragging = false;
    m_pressPosition = event->position().toPoint();
    m_pressScrollX = horizontalScrollBar()->value();
    m_pressScrollY = verticalScrollBar()->value();
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed)
        return QAbstractScrollArea::mouseMoveEvent(event);
    const QPoint moved = event->position().toPoint() - m_pressPosition;
    if (!m_dragging && moved.manhattanLength() < QApplication::startDragDistance())
        return;
    if (!m_dragging) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
        if (m_fitting) {
            // Panning leaves "fit": keep the current scale, from the current place.
            m_fitting = false;
            updateLayout();
        }
    }
    horizontalScrollBar()->setValue(m_pressScrollX - moved.x());
    verticalScrollBar()->setValue(m_pressScrollY - moved.y());
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        viewport()->unsetCursor();
        updateRepaintTimer();
        return;
    }
    const int lane = m_geometry.laneAt(event->position().toPoint().y());
    if (const Worker *worker = workerAtLane(lane))
        emit workerClicked(worker->id());
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    // Hidden, nothing was repainted or laid out: catch up with what happened meanwhile.
    updateLayout();
    updateRepaintTimer();
}

void TimelineView::hideEvent(QHideEvent *event)
{
    QAbstractScrollArea::hideEvent(event);
    m_repaint.stop();
}

} // namespace ProcLab
