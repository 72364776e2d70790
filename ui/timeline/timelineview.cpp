#include "timelineview.h"

#include "descendanttracker.h"
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

#include <algorithm>
#include <cmath>
#include <vector>

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
// Room on the left of a fitted selection, so that its start mark is not on the gutter's edge.
constexpr int FitLeftMargin = 12;

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
    watchDescendants(0, m_pool.count() - 1);
    rebuildLanes();

    m_repaint.setObjectName(QStringLiteral("timelineRepaint"));
    connect(&m_repaint, &QTimer::timeout, this, &TimelineView::repaintTick);
    connect(&m_pool, &WorkerPool::logAppended, this, &TimelineView::readMainProcessLines);
    connect(&m_pool, &WorkerPool::workersInserted, this, [this](int first, int last) {
        watchDescendants(first, last);
        poolChanged();
    });
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
    addButton(m_fitButton, QStringLiteral("fitButton"), &TimelineView::fit);
    addButton(m_zoomInButton, QStringLiteral("zoomInButton"), &TimelineView::zoomIn);
    addButton(m_zoomOutButton, QStringLiteral("zoomOutButton"), &TimelineView::zoomOut);
    retranslate();
}

void TimelineView::retranslate()
{
    m_fitButton->setText(tr("Fit"));
    m_fitButton->setToolTip(tr("Show the selected processes from start to end, or everything "
                               "from the start of the main process to now"));
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

const TimelineView::Lane &TimelineView::laneAt(int lane) const
{
    static const Lane none;
    return lane >= 0 && lane < m_lanes.size() ? m_lanes.at(lane) : none;
}

Worker *TimelineView::workerAtLane(int lane) const
{
    const Lane &entry = laneAt(lane);
    return entry.kind == Lane::Kind::Worker ? entry.worker.data() : nullptr;
}

const Descendant *TimelineView::descendantAtLane(int lane) const
{
    const Lane &entry = laneAt(lane);
    if (entry.kind != Lane::Kind::Descendant || !entry.worker || !entry.worker->descendants())
        return nullptr;
    return entry.worker->descendants()->descendant(entry.descendantId);
}

ProcessTarget TimelineView::processAtLane(int lane) const
{
    const Lane &entry = laneAt(lane);
    if (!entry.worker)
        return ProcessTarget();
    if (entry.kind == Lane::Kind::Worker)
        return ProcessTarget{entry.worker->id(), entry.worker->pid(), true};
    if (const Descendant *descendant = descendantAtLane(lane))
        return ProcessTarget{entry.worker->id(), descendant->pid, false};
    return ProcessTarget();
}

QString TimelineView::moreText(qint64 hiddenCount)
{
    return tr("+%n more", nullptr, int(qMin<qint64>(hiddenCount, INT_MAX)));
}

void TimelineView::watchDescendants(int firstRow, int lastRow)
{
    for (int row = qMax(0, firstRow); row <= lastRow && row < m_pool.count(); ++row) {
        Worker *worker = m_pool.at(row);
        if (const DescendantTracker *tracker = worker->descendants()) {
            // The tracker is the worker's child: the connection ends with either.
            connect(tracker,
                    &DescendantTracker::descendantsChanged,
                    this,
                    [this, guarded = QPointer<Worker>(worker)] {
                        if (guarded)
                            descendantsChanged(guarded);
                    });
        }
    }
}

void TimelineView::descendantsChanged(Worker *worker)
{
    buildDescendantLanes(*worker);
    rebuildLanes();
    updateLayout();
    updateRepaintTimer();
    if (!m_repaint.isActive())
        viewport()->update();
}

void TimelineView::buildDescendantLanes(Worker &worker)
{
    DescendantLanes &result = m_descendantLanes[worker.id()];
    result = DescendantLanes();
    const DescendantTracker *tracker = worker.descendants();
    if (!tracker)
        return;
    const Descendant *root = tracker->root();
    const quint64 rootId = root ? root->id : 0;

    // The kept entries, the program itself left out: its lane is the worker's.
    std::vector<const Descendant *> entries;
    entries.reserve(size_t(tracker->count()));
    for (const quint64 id : tracker->ids()) {
        const Descendant *entry = tracker->descendant(id);
        if (!entry || entry->id == rootId)
            continue;
        entries.push_back(entry);
        if (entry->isAlive() || entry->state == DescendantState::Zombie)
            result.anyAlive = true;
        result.lastMs = qMax(result.lastMs, qMax(entry->endTimeUs, entry->reapTimeUs) / 1000);
    }

    // Too many for lanes: the live ones first, the latest started first, then the latest ended.
    qint64 hidden = tracker->summary().forgotten;
    if (entries.size() > size_t(MaxDescendantLanesPerWorker)) {
        const auto moreInteresting = [](const Descendant *a, const Descendant *b) {
            if (a->isAlive() != b->isAlive())
                return a->isAlive();
            if (a->isAlive())
                return a->startTimeUs > b->startTimeUs;
            return a->endTimeUs > b->endTimeUs;
        };
        std::nth_element(entries.begin(),
                         entries.begin() + MaxDescendantLanesPerWorker,
                         entries.end(),
                         moreInteresting);
        hidden += qint64(entries.size()) - MaxDescendantLanesPerWorker;
        entries.resize(MaxDescendantLanesPerWorker);
        // Back in the order they started, so that the tree below reads as it grew.
        std::sort(entries.begin(), entries.end(), [](const Descendant *a, const Descendant *b) {
            return a->id < b->id;
        });
    }

    // Each under the nearest ancestor that has a lane (its parent, unless that one was left out
    // or forgotten), children in the order they started.
    QHash<quint64, int> shown; // id -> index in entries
    for (size_t i = 0; i < entries.size(); ++i)
        shown.insert(entries[i]->id, int(i));
    QHash<quint64, QList<int>> children; // parent id (0: the worker) -> indexes
    QHash<quint64, quint64> nearest;     // memo: id -> its nearest shown ancestor
    const auto shownAncestor = [&](quint64 id) {
        // Every process on the way up that has no lane shares the answer: remember it for each.
        QList<quint64> path{id};
        quint64 found = 0;
        quint64 current = id;
        for (;;) {
            const Descendant *entry = tracker->descendant(current);
            const quint64 parent = entry ? entry->parentId : 0;
            if (parent == 0 || parent == rootId)
                break;
            if (shown.contains(parent)) {
                found = parent;
                break;
            }
            if (const auto memo = nearest.constFind(parent); memo != nearest.cend()) {
                found = *memo;
                break;
            }
            path.append(parent);
            current = parent;
        }
        for (const quint64 step : path)
            nearest.insert(step, found);
        return found;
    };
    for (size_t i = 0; i < entries.size(); ++i)
        children[shownAncestor(entries[i]->id)].append(int(i));

    // Depth first, without recursion: a chain of 300 nested forks is as cheap as 300 siblings.
    QList<QPair<int, int>> stack; // index, depth
    const QList<int> top = children.value(0);
    for (auto it = top.crbegin(); it != top.crend(); ++it)
        stack.append({*it, 1});
    while (!stack.isEmpty()) {
        const auto [index, depth] = stack.takeLast();
        const Descendant *entry = entries[size_t(index)];
        Lane lane;
        lane.kind = Lane::Kind::Descendant;
        lane.worker = &worker;
        lane.descendantId = entry->id;
        lane.depth = depth;
        result.lanes.append(lane);
        const QList<int> below = children.value(entry->id);
        for (auto it = below.crbegin(); it != below.crend(); ++it)
            stack.append({*it, depth + 1});
    }
    if (hidden > 0) {
        Lane more;
        more.kind = Lane::Kind::More;
        more.worker = &worker;
        more.depth = 1;
        more.hiddenCount = hidden;
        result.lanes.append(more);
    }
}

void TimelineView::rebuildLanes()
{
    m_lanes.clear();
    m_lanes.append(Lane());
    m_workerLanes.clear();
    m_descendantLaneOfPid.clear();
    QHash<int, DescendantLanes> kept;
    for (Worker *worker : m_pool.workers()) {
        Lane lane;
        lane.kind = Lane::Kind::Worker;
        lane.worker = worker;
        m_workerLanes.insert(worker->id(), int(m_lanes.size()));
        m_lanes.append(lane);
        const DescendantTracker *tracker = worker->descendants();
        if (!tracker)
            continue;
        auto found = m_descendantLanes.find(worker->id());
        if (found == m_descendantLanes.end()) {
            buildDescendantLanes(*worker);
            found = m_descendantLanes.find(worker->id());
        }
        // Where a Python call's target is drawn; a reused PID goes to the latest lane with it.
        for (const Lane &descendantLane : std::as_const(found->lanes)) {
            if (const Descendant *descendant = tracker->descendant(descendantLane.descendantId))
                m_descendantLaneOfPid.insert({worker->id(), descendant->pid}, int(m_lanes.size()));
            m_lanes.append(descendantLane);
        }
        kept.insert(worker->id(), *found);
    }
    // Workers the pool let go take their lanes with them.
    m_descendantLanes = kept;
}

int TimelineView::laneOfProcess(int workerId, qint64 pid) const
{
    if (pid <= 0)
        return -1;
    const int workerLane = m_workerLanes.value(workerId, -1);
    if (const Worker *worker = workerAtLane(workerLane); worker && worker->pid() == pid)
        return workerLane;
    return m_descendantLaneOfPid.value({workerId, pid}, -1);
}

bool TimelineView::anythingRuns() const
{
    if (m_pool.hasActiveWorkers())
        return true;
    return std::any_of(m_descendantLanes.cbegin(),
                       m_descendantLanes.cend(),
                       [](const DescendantLanes &lanes) { return lanes.anyAlive; });
}

bool TimelineView::isSelected(const Lane &lane) const
{
    if (!lane.worker)
        return false;
    const int workerId = lane.worker->id();
    if (lane.kind == Lane::Kind::Worker) {
        return m_selected.contains(workerId)
               || std::any_of(m_selectedProcesses.cbegin(),
                              m_selectedProcesses.cend(),
                              [workerId](const ProcessTarget &target) {
                                  return target.isWorker && target.workerId == workerId;
                              });
    }
    if (lane.kind != Lane::Kind::Descendant || m_selectedProcesses.isEmpty())
        return false;
    const Descendant *descendant = lane.worker->descendants()
                                           ? lane.worker->descendants()->descendant(
                                                   lane.descendantId)
                                           : nullptr;
    return descendant
           && m_selectedProcesses.contains(ProcessTarget{workerId, descendant->pid, false});
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
    rebuildLanes();
    updateRepaintTimer();
    updateLayout();
    viewport()->update();
}

void TimelineView::updateRepaintTimer()
{
    if (!anythingRuns() || !isVisible()) {
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
    if (anythingRuns())
        return now();
    // Idle: up to the last thing that happened, so that the picture stands still.
    qint64 end = m_geometry.origin();
    for (const DescendantLanes &lanes : m_descendantLanes)
        end = qMax(end, lanes.lastMs);
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
    m_rightMargin = smallMetrics.horizontalAdvance(QStringLiteral("-15 · SIGTERM")) + 16;
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
                TimelineGeometry::pixelsPerSecondToFit(span, qMax(1, area.width() - m_rightMargin)));
        horizontal->setRange(0, 0);
    } else {
        // Content: origin to the end (at least what "fit" shows), plus a little room; following
        // the end when scrolled there.
        const bool atEnd = horizontal->value() >= horizontal->maximum();
        const qint64 contentEnd = qMax(endMs, m_geometry.origin() + MinFitSpanMs);
        const double width = m_geometry.contentWidth(contentEnd) + m_rightMargin;
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

    if (m_fitting)
        m_geometry.setScrollX(0);
    else
        syncScrollX();
    m_geometry.setScrollY(vertical->value());
}

void TimelineView::setExactScrollX(double contentPixels)
{
    QScrollBar *horizontal = horizontalScrollBar();
    const int rounded = int(std::lround(contentPixels));
    horizontal->setValue(rounded);
    // Keep the fraction the scroll bar cannot hold, unless the bar clamped the value.
    m_geometry.setScrollX(horizontal->value() == rounded ? contentPixels : horizontal->value());
}

void TimelineView::syncScrollX()
{
    // The scroll bar moved (by the user, or by a range that shrank): it is right, and the
    // fraction kept from a zoom is not.
    const int value = horizontalScrollBar()->value();
    if (value != int(std::lround(m_geometry.scrollX())))
        m_geometry.setScrollX(value);
}

void TimelineView::fit()
{
    qint64 start = 0;
    qint64 end = 0;
    if (!selectionSpan(start, end))
        return fitAll();
    const QRect area = m_geometry.laneArea();
    m_fitting = false;
    m_geometry.setPixelsPerSecond(
            TimelineGeometry::pixelsPerSecondToFit(qMax<qint64>(1, end - start),
                                                   qMax(1,
                                                        area.width() - FitLeftMargin
                                                                - m_rightMargin)));
    horizontalScrollBar()->setValue(0);
    updateLayout();
    const double scrollX = double(start - m_geometry.origin()) * m_geometry.pixelsPerSecond()
                                   / 1000.0
                           - FitLeftMargin;
    setExactScrollX(scrollX);
    updateRepaintTimer();
    viewport()->update();
}

bool TimelineView::selectionSpan(qint64 &startMs, qint64 &endMs) const
{
    bool found = false;
    const auto include = [&](qint64 start, qint64 end) {
        startMs = found ? qMin(startMs, start) : start;
        endMs = found ? qMax(endMs, end) : end;
        found = true;
    };
    for (const Lane &lane : m_lanes) {
        if (!isSelected(lane))
            continue;
        if (lane.kind == Lane::Kind::Worker) {
            if (!lane.worker->startTime().isValid())
                continue;
            include(lane.worker->startTime().toMSecsSinceEpoch(),
                    lane.worker->endTime().isValid() ? lane.worker->endTime().toMSecsSinceEpoch()
                                                     : now());
        } else if (const Descendant *descendant = lane.worker->descendants()->descendant(
                           lane.descendantId)) {
            include(descendant->startTimeUs / 1000,
                    descendant->endTimeUs > 0 ? descendant->endTimeUs / 1000 : now());
        }
    }
    return found;
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
    const double anchorTime = m_geometry.exactTimeForX(anchorX);
    m_fitting = false;
    m_geometry.setPixelsPerSecond(m_geometry.pixelsPerSecond() * factor);
    // Let the scroll range grow first, then put the anchor back under the pointer.
    horizontalScrollBar()->setValue(0);
    updateLayout();
    const double scrollX = (anchorTime - double(m_geometry.origin())) * m_geometry.pixelsPerSecond()
                                   / 1000.0
                           - (anchorX - m_geometry.laneArea().left());
    setExactScrollX(scrollX);
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

void TimelineView::setSelectedProcesses(const ProcessTargets &targets)
{
    if (targets == m_selectedProcesses)
        return;
    m_selectedProcesses = targets;
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
    syncScrollX();
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
    if (const Worker *worker = workerAtLane(lane)) {
        emit workerClicked(worker->id());
    } else if (laneAt(lane).kind == Lane::Kind::Descendant) {
        const ProcessTarget target = processAtLane(lane);
        if (target.isValid())
            emit processClicked(target);
    }
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
