#pragma once

#include "defaults.h"
#include "processtarget.h"

#include <QAbstractScrollArea>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>

class QAction;
class QIODevice;
class QLabel;

namespace ProcLab {

class FindBar;
class OutputRenderer;
class WorkerPool;
struct OutputLine;

// The merged output of all workers in arrival order, read straight from WorkerPool::log().
//
// A QPlainTextEdit would copy every line into a QTextDocument and lay out all of it; under a flood its
// cost grows with the output. This view copies nothing: it paints only the rows on screen, straight
// from the scrollback, at a fixed row height, and does O(1) work per logAppended() (plus a scan of
// the new lines when filtered). Positions (the top row, the selection, the find match) are absolute
// line numbers, so they stay put while old lines fall out of the bounded log.
//
// Each row shows a bar and the PID of the process that wrote it, in that process's colour: the
// worker's PID and colour for what its own pipe carried, a child's PID and processColor() for a
// line a Python worker's child wrote (OutputLine::pid); the main process, worker 0, shows this
// program's own PID. Then the text with its ANSI colours; stderr rows are tinted red, the monitor's
// own events are grey italics after a "▸". Rows are selected whole: click and drag, Shift+click to
// extend. Ctrl+C copies them as "PID | text" (ANSI removed), Ctrl+F opens a find bar under the text,
// Ctrl+wheel zooms (so do Ctrl++ and Ctrl+- unless a window action takes them, to zoom everything).
// When the log had to drop lines, a banner at the top says how many.
//
// The find bar and the banner are children of this widget: a window embeds the OutputView alone.
class OutputView final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int DefaultPointSize = 12;
    static constexpr int MinimumPointSize = Defaults::MinFontPointSize;
    static constexpr int MaximumPointSize = Defaults::MaxFontPointSize;

    explicit OutputView(const WorkerPool &pool, QWidget *parent = nullptr);
    ~OutputView() override;

    // Shows only the lines of these workers (the table's selected rows); empty shows everything.
    // Lines of the main process itself (worker 0) are always shown: they are the program's own
    // narration ("Process 4242 says: 메인 프로그램") and make sense next to any worker's output.
    void setWorkerFilter(const QSet<int> &workerIds);
    QSet<int> workerFilter() const { return m_filter; }
    // The same for what the table, the timeline or the Processes tab selected: a worker's program
    // shows all of its worker's lines (its children's too), as setWorkerFilter(); a process of a
    // worker's tree shows the lines that process wrote, where they are told apart (a Python
    // worker seen as Python: OutputLine::pid), and its worker's lines where they are not.
    void setSelectedProcesses(const ProcessTargets &targets);

    // The PID a row shows: the process that wrote the line, as far as it is known.
    qint64 pidAt(int row) const;

    // Prefixes every row (and copied and saved lines) with its local time, HH:mm:ss.zzz.
    void setShowTimestamps(bool show);
    bool showsTimestamps() const { return m_showTimestamps; }

    // Following keeps the newest line in view. Scrolling up pauses it, scrolling back to the bottom
    // resumes it; setFollow(true) jumps to the bottom, setFollow(false) stops it until asked again.
    // Setting the current state does nothing, so a checkable action may be wired both ways.
    void setFollow(bool follow);
    bool isFollowing() const { return m_following; }

    // The monospace font's size in points (DefaultPointSize unless the system's is larger).
    void setFontPointSize(int points);
    int fontPointSize() const;

    // Writes every line that passes the filter as UTF-8, one per line: "[HH:mm:ss.zzz] " when
    // timestamps are shown, then "PID | text", ANSI removed, monitor events after "▸ ".
    bool saveTo(QIODevice *device) const;
    // The selected rows in the format of saveTo(), joined by newlines.
    QString selectedText() const;
    bool hasSelection() const;

    // Finds text (ignoring case) after the current match, or before it, wrapping around; selects
    // and shows the match. Without a current match the search starts at the top row on screen.
    bool find(const QString &text, bool backward = false);
    // The row of the current match, or -1.
    int currentMatchRow() const;

    // Rows that pass the filter, and the text of one of them without ANSI sequences or PID.
    int visibleLineCount() const;
    QString lineTextAt(int row) const;
    // The absolute number in WorkerPool::log() of a row's line, or -1. With a filter, between two
    // logAppended() the line may already have left the log: check Scrollback::contains().
    qint64 lineNumberAt(int row) const;
    // The row at the top of the viewport, and where a row is drawn in viewport coordinates.
    int firstVisibleRow() const;
    QRect visualRect(int row) const;
    qint64 droppedLines() const { return m_droppedLines; }

    // The view's actions, for a window's menus and toolbar. The view handles their keys itself while
    // it has the focus; add them to a window only if the window should react to them elsewhere too.
    QAction *copyAction() const { return m_copyAction; }
    QAction *timestampsAction() const { return m_timestampsAction; }

public slots:
    void showFindBar();
    void hideFindBar();
    void findNext();
    void findPrevious();
    void copy();
    void selectAll();
    void clearSelection();
    // Asks for a file name and saves the filtered output there; a message box reports a failure.
    void saveAs();
    void zoomIn();
    void zoomOut();
    void scrollToBottom();

signals:
    void followChanged(bool following);
    // The number of lines the log has dropped so far because of its limits.
    void droppedLinesChanged(qint64 count);
    void selectionChanged();

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void retranslate();
    void applyPalette();
    int rowCount() const;
    // The first row whose line number is lineNumber or later (rowCount() if none).
    int rowOfLine(qint64 lineNumber) const;
    // The row showing exactly this line, or -1.
    int exactRowOfLine(qint64 lineNumber) const;
    int rowAt(int y) const;
    int pageRows() const;
    bool passesFilter(const OutputLine &line) const;
    qint64 pidOf(int workerId) const;
    qint64 pidOf(const OutputLine &line) const;
    bool isFiltered() const { return !m_filter.isEmpty() || !m_processFilter.isEmpty(); }
    void rebuildFilter();
    void updateAttribution();
    QString exportText(const OutputLine &line) const;

    void handleLogAppended();
    void extendFilter();
    void updateScrollBars();
    void updateHorizontalRange();
    void handleScrolled(int value);
    void setFollowing(bool following);
    void updateMargins();
    void placeChrome();
    void updateBanner();
    void ensureRowVisible(int row);
    void ensureMatchVisible(int row);
    bool findFrom(const QString &text, bool backward, bool includeCurrent);
    void setSelection(qint64 anchor, qint64 cursor);
    void dragScroll();

    const WorkerPool &m_pool;
    std::unique_ptr<OutputRenderer> m_renderer;
    FindBar *m_findBar;
    QLabel *m_banner;
    QTimer m_dragScrollTimer;

    QSet<int> m_filter; // workers whose lines all show
    // Workers of which only some processes' lines show.
    struct ProcessFilter
    {
        QSet<qint64> pids;
        bool attributed = false; // the worker's lines carry their writer's PID
        friend bool operator==(const ProcessFilter &a, const ProcessFilter &b)
        {
            return a.pids == b.pids && a.attributed == b.attributed;
        }
    };
    QHash<int, ProcessFilter> m_processFilter;
    // With a filter: the numbers of the lines that pass it, ascending; kept up to date incrementally.
    std::deque<qint64> m_matchingLines;
    qint64 m_scannedEnd = 0;

    qint64 m_topLine = -1;
    qint64 m_selectionAnchor = -1;
    qint64 m_selectionCursor = -1;
    qint64 m_matchLine = -1;
    qsizetype m_matchStart = 0;
    qsizetype m_matchLength = 0;
    qint64 m_droppedLines = 0;
    int m_widestText = 0;
    int m_dragDirection = 0;
    bool m_showTimestamps = false;
    bool m_following = true;
    bool m_followPausedByScrolling = false;
    bool m_adjustingScrollBars = false;
    bool m_dragging = false;
    bool m_horizontalUpdatePending = false;

    QAction *m_copyAction = nullptr;
    QAction *m_selectAllAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_timestampsAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
};

} // namespace ProcLab
