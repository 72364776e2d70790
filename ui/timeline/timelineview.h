#pragma once

#include "scrollback.h"
#include "timelinegeometry.h"

#include <QAbstractScrollArea>
#include <QSet>
#include <QTimer>

class QPainter;
class QToolButton;

namespace ProcLab {

class Worker;
class WorkerPool;

// The life of every process on one time axis: a lane for the main process and one per worker, a bar
// from start to end in the worker's colour, a tick for each line of output, a mark where a signal
// was sent (SIGTERM, SIGKILL, SIGSTOP, SIGCONT, any other) and where the process ended, shaded spans
// where it was paused, and a "now" line moving right while anything runs.
//
// Everything drawn comes from the core: Worker::startTime(), endTime(), events() and the times of
// the lines in its scrollback, so the picture is what the operating system did, not an animation.
// Only the lanes in view are painted, and ticks are thinned to one per pixel column, so 500 workers
// or a flood of output cost no more than a screenful. The repaint timer runs only while a worker is
// active and the timeline is shown: an idle or hidden timeline fires no timer.
//
// Until the user zooms or pans it fits everything from the main process's start to now (at least
// ten seconds, so that short workers look short). Ctrl+wheel or the buttons zoom, dragging or the
// scroll bar pans, a click selects the worker, and hovering tells the details.
class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr qint64 MinFitSpanMs = 10000;
    static constexpr double ZoomStep = 1.5;

    explicit TimelineView(const WorkerPool &pool, QWidget *parent = nullptr);

    // Current scale, scroll and lane layout; tests and tooltips use the same arithmetic as painting.
    const TimelineGeometry &timelineGeometry() const { return m_geometry; }
    // Lane 0 is the main process, lane n the pool's row n - 1.
    int laneCount() const;
    Worker *workerAtLane(int lane) const;
    // The main process's own lines (the tutorial's "Process 4242 says: …"), as the lane shows them.
    const Scrollback &mainProcessLines() const { return m_mainLines; }

    bool isFitting() const { return m_fitting; }
    void fitAll();
    void zoomIn();
    void zoomOut();
    // Zooms keeping the moment under viewport x where it is.
    void zoomBy(double factor, double anchorX);

    void setSelectedWorkers(const QSet<int> &workerIds);
    int fontPointSize() const { return font().pointSize(); }
    void setFontPointSize(int points);

    // What hovering at a viewport position tells: the marker, the line or the worker under it.
    QString toolTipAt(const QPoint &position) const;

signals:
    void workerClicked(int workerId);

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
    void updateRepaintTimer();
    void repaintTick();
    void updateLayout();
    qint64 contentEndMs() const;
    qint64 now() const;

    // timelinepaint.cpp: drawing and tooltips.
    void paintAxis(QPainter &painter) const;
    void paintLane(QPainter &painter, int lane) const;
    void paintWorkerLane(QPainter &painter, const Worker &worker, int top) const;
    void paintMainLane(QPainter &painter, int top) const;
    void paintTicks(QPainter &painter, const Scrollback &lines, const QColor &color, int top) const;
    void paintLaneLabel(QPainter &painter, int lane, int top) const;
    void paintNowLine(QPainter &painter) const;
    QString workerSummary(const Worker &worker) const;
    QString timeText(qint64 timeMs) const;
    int barTop(int laneTop) const;
    int barHeight() const;

    const WorkerPool &m_pool;
    TimelineGeometry m_geometry;
    QTimer m_repaint;
    QToolButton *m_fitButton = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QSet<int> m_selected;
    Scrollback m_mainLines;
    qint64 m_logScanned = 0;
    bool m_fitting = true;
    int m_gutterWidth = 160;
    int m_axisHeight = 24;

    // A press becomes a drag (pan) once it moves; otherwise its release is a click.
    QPoint m_pressPosition;
    int m_pressScrollX = 0;
    int m_pressScrollY = 0;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace ProcLab
