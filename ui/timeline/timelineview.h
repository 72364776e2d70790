#pragma once

#include "processtarget.h"
#include "scrollback.h"
#include "timelinegeometry.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

class QPainter;
class QToolButton;

namespace ProcLab {

class Worker;
class WorkerPool;
struct Descendant;

// The life of every process on one time axis: a lane for the main process and one per worker, a bar
// from start to end in the worker's colour, a tick for each line of output, a mark where a signal
// was sent (SIGTERM, SIGKILL, SIGSTOP, SIGCONT, any other) and where the process ended, shaded spans
// where it was paused, and a "now" line moving right while anything runs.
//
// A followed worker's descendants get lanes nested under its own, children under their parent,
// each with its start, every exec (named after the new program), the signals it received, its end
// with Python's exit code, the time it lingered as a zombie, and "orphan" when its parent ended
// first. A program that starts 10 000 children gets at most MaxDescendantLanesPerWorker of them
// (the live ones first, then the latest to end) and a "+N more" lane for the rest: the lanes are
// rebuilt when the tracker's batched changes arrive, never per process, and only those in view
// are painted.
//
// A Python worker's multiprocessing calls (Worker::pythonCalls()) are diamonds on the lane of the
// process that made them, named above the bar where there is room ("start()", "terminate()"); a
// call about another process (start, terminate, kill, join) draws a thin line to that process's
// lane when it is in view, and a join() is a bracket under the bar until its join() returned.
// Only the calls in view are looked at (they are in time order: a binary search finds the first),
// at most one per pixel column per lane and MaxCallMarksPerPaint in all. A child Python named is
// labelled with that name: "Process-1 (python3)".
//
// Everything drawn comes from the core: Worker::startTime(), endTime(), events() and the times of
// the lines in its scrollback, so the picture is what the operating system did, not an animation.
// Only the lanes in view are painted, and ticks are thinned to one per pixel column, so 500 workers
// or a flood of output cost no more than a screenful. The repaint timer runs only while a worker is
// active and the timeline is shown: an idle or hidden timeline fires no timer.
//
// Until the user zooms or pans it fits everything from the main process's start to now (at least
// ten seconds, so that short workers look short). Ctrl+wheel or the buttons zoom about the moment
// under the pointer, down to milliseconds (the axis labels follow: "8:19", "8:19.2", "8:19.250");
// Fit shows the selected processes' lives, or everything when nothing is selected. Dragging or the
// scroll bar pans, a click selects the worker or process, and hovering tells the details.
class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr qint64 MinFitSpanMs = 10000;
    static constexpr double ZoomStep = 1.5;
    static constexpr int MaxDescendantLanesPerWorker = 300;
    static constexpr int MaxCallMarksPerPaint = 3000;

    // What one lane shows.
    struct Lane
    {
        enum class Kind { MainProcess, Worker, Descendant, More };
        Kind kind = Kind::MainProcess;
        QPointer<Worker> worker;  // every kind but MainProcess
        quint64 descendantId = 0; // Descendant: its entry in worker->descendants()
        int depth = 0;            // Descendant and More: 1 under the worker, 2 under a child…
        qint64 hiddenCount = 0;   // More: the worker's processes left without a lane
    };

    explicit TimelineView(const WorkerPool &pool, QWidget *parent = nullptr);

    // Current scale, scroll and lane layout; tests and tooltips use the same arithmetic as painting.
    const TimelineGeometry &timelineGeometry() const { return m_geometry; }
    // Lane 0 is the main process; then each of the pool's workers in order, each followed by the
    // lanes of its descendants.
    int laneCount() const { return int(m_lanes.size()); }
    const Lane &laneAt(int lane) const;
    // The worker of a worker lane (not of its descendants' lanes).
    Worker *workerAtLane(int lane) const;
    // The process of a descendant lane, or nullptr.
    const Descendant *descendantAtLane(int lane) const;
    // The process a click on the lane selects; invalid for the main process and "+N more".
    ProcessTarget processAtLane(int lane) const;
    // The Python calls drawn on a lane now, made by the lane's process, at most one per pixel
    // column: what hovering finds, what painting draws.
    QList<TimelineGeometry::CallMark> pythonCallMarks(int lane,
                                                      int limit = MaxCallMarksPerPaint) const;
    // The lane of a process of a worker's tree (its program's or a descendant's), or -1.
    int laneOfProcess(int workerId, qint64 pid) const;
    // What the lane's end mark says: "0", "-15 · SIGTERM"; empty while it runs.
    QString endText(int lane) const;
    // The text of a "+N more" lane.
    static QString moreText(qint64 hiddenCount);

    // An axis label at relativeMs from the origin, as precise as stepMs asks: "42 s", "8:19",
    // "8:19.2", "8:19.250".
    static QString axisLabel(qint64 relativeMs, qint64 stepMs);
    // The axis's step now, and the labels it shows, left to right.
    qint64 axisStepMs() const;
    QStringList axisLabels() const;

    bool isFitting() const { return m_fitting; }
    // Fit's button: the selected workers' and processes' lives from start to end (or now), or
    // everything when nothing is selected or nothing selected has started.
    void fit();
    // Everything from the main process's start to now, following now.
    void fitAll();
    // The span the selection covers, start to end or now; false when there is none.
    bool selectionSpan(qint64 &startMs, qint64 &endMs) const;
    void zoomIn();
    void zoomOut();
    // Zooms keeping the moment under viewport x where it is.
    void zoomBy(double factor, double anchorX);

    void setSelectedWorkers(const QSet<int> &workerIds);
    // Highlights these processes' lanes: a worker's program (isWorker) or a descendant.
    void setSelectedProcesses(const ProcessTargets &targets);
    int fontPointSize() const { return font().pointSize(); }
    void setFontPointSize(int points);

    // What hovering at a viewport position tells: the marker, the line or the worker under it.
    QString toolTipAt(const QPoint &position) const;

signals:
    // A worker's own lane was clicked.
    void workerClicked(int workerId);
    // A descendant's lane was clicked.
    void processClicked(const ProcLab::ProcessTarget &target);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // timelineview.cpp: layout, time and interaction.
    void createZoomButtons();
    void retranslate();
    void readMainProcessLines();
    void poolChanged();
    void watchDescendants(int firstRow, int lastRow);
    void descendantsChanged(Worker *worker);
    void buildDescendantLanes(Worker &worker);
    void rebuildLanes();
    bool anythingRuns() const;
    void updateRepaintTimer();
    void repaintTick();
    void updateLayout();
    // The horizontal scroll in content pixels, to a fraction of a pixel: a zoom about the pointer
    // lands between whole pixels, and rounding each of a dozen zooms would walk the moment away.
    void setExactScrollX(double contentPixels);
    void syncScrollX();
    qint64 contentEndMs() const;
    qint64 now() const;
    bool isSelected(const Lane &lane) const;

    // timelinepaint.cpp: drawing and tooltips.
    void paintAxis(QPainter &painter) const;
    void paintLane(QPainter &painter, int lane) const;
    void paintWorkerLane(QPainter &painter, const Worker &worker, int top) const;
    void paintDescendantLane(QPainter &painter,
                             const Worker &worker,
                             const Descendant &descendant,
                             int top) const;
    void paintMoreLane(QPainter &painter, const Lane &lane, int top) const;
    void paintMainLane(QPainter &painter, int top) const;
    void paintTicks(QPainter &painter, const Scrollback &lines, const QColor &color, int top) const;
    void paintLaneLabel(QPainter &painter, int lane, int top) const;
    void paintNowLine(QPainter &painter) const;
    void paintPythonCalls(QPainter &painter, int lane, int top) const;
    void paintCallConnectors(QPainter &painter, const TimelineGeometry::LaneRange &lanes) const;
    // The process whose calls a lane shows, and its life in microseconds; false for none.
    bool callerOfLane(
            int lane, const Worker *&worker, qint64 &pid, qint64 &fromUs, qint64 &untilUs) const;
    QString callToolTip(const Worker &worker, int lane, int x) const;
    QString workerSummary(const Worker &worker) const;
    QString descendantSummary(const Worker *worker, const Descendant &descendant) const;
    QString descendantToolTip(const Worker *worker, const Descendant &descendant, int x) const;
    QString moreSummary(const Lane &lane) const;
    QString timeText(qint64 timeMs) const;
    int barTop(int laneTop) const;
    int barHeight() const;

    // A followed worker's descendant lanes, rebuilt from its tracker's batches.
    struct DescendantLanes
    {
        QList<Lane> lanes;
        bool anyAlive = false; // an orphan can outlive its worker: the now line still moves
        qint64 lastMs = 0;     // the latest end or reap, for the idle picture's right end
    };

    const WorkerPool &m_pool;
    TimelineGeometry m_geometry;
    QTimer m_repaint;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QList<Lane> m_lanes;
    QHash<int, DescendantLanes> m_descendantLanes;        // by worker id
    QHash<int, int> m_workerLanes;                        // worker id -> its lane
    QHash<QPair<int, qint64>, int> m_descendantLaneOfPid; // (worker id, PID) -> lane
    mutable int m_callMarkBudget = MaxCallMarksPerPaint;  // what is left for this paint
    QSet<int> m_selected;
    ProcessTargets m_selectedProcesses;
    Scrollback m_mainLines;
    qint64 m_logScanned = 0;
    bool m_fitting = true;
    int m_gutterWidth = 160;
    int m_axisHeight = 24;
    // Room right of the latest moment, so that an end mark's "-15 · SIGTERM" is not cut off.
    int m_rightMargin = 100;

    // A press becomes a drag (pan) once it moves; otherwise its release is a click.
    QPoint m_pressPosition;
    int m_pressScrollX = 0;
    int m_pressScrollY = 0;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace ProcLab
