#include "outputview.h"

#include "ansiparser.h"
#include "findbar.h"
#include "outputrenderer.h"
#include "worker.h"
#include "workerpool.h"

#include <QAction>
#include <QFontDatabase>
#include <QLabel>
#include <QPainter>
#include <QScopedValueRollback>
#include <QScrollBar>

#include <algorithm>

namespace ProcLab {

OutputView::OutputView(const WorkerPool &pool, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_pool(pool)
    , m_renderer(std::make_unique<OutputRenderer>())
    , m_findBar(new FindBar(this))
    , m_banner(new QLabel(this))
{
    setObjectName(QStringLiteral("outputView"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);

    // The system's monospace font by family alias, not a named family: fontconfig then falls back to
    // a font with Hangul (Noto Sans CJK) for Korean text.
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(qMax(DefaultPointSize, font.pointSize()));
    m_renderer->setFont(font);
    m_renderer->setPalette(palette());

    m_findBar->hide();
    m_banner->hide();
    m_banner->setAutoFillBackground(true);
    QFont bannerFont = m_banner->font();
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    m_banner->setContentsMargins(8, 2, 8, 2);
    connect(m_findBar, &FindBar::findNextRequested, this, &OutputView::findNext);
    connect(m_findBar, &FindBar::findPreviousRequested, this, &OutputView::findPrevious);
    connect(m_findBar, &FindBar::closeRequested, this, &OutputView::hideFindBar);
    connect(m_findBar, &FindBar::textEdited, this, [this](const QString &text) {
        m_findBar->setNotFound(!findFrom(text, false, true) && !text.isEmpty());
    });

    // While dragging a selection past the top or bottom edge, keep scrolling.
    m_dragScrollTimer.setInterval(50);
    connect(&m_dragScrollTimer, &QTimer::timeout, this, &OutputView::dragScroll);

    createActions();
    retranslate();
    connect(&m_pool, &WorkerPool::logAppended, this, &OutputView::handleLogAppended);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &OutputView::handleScrolled);
    applyPalette();
    handleLogAppended();
}

OutputView::~OutputView() = default;

void OutputView::createActions()
{
    // Their texts are set by retranslate().
    const auto make = [this](QKeySequence::StandardKey key) {
        auto *action = new QAction(this);
        if (key != QKeySequence::UnknownKey)
            action->setShortcut(key);
        action->setShortcutVisibleInContextMenu(true);
        return action;
    };
    m_copyAction = make(QKeySequence::Copy);
    m_selectAllAction = make(QKeySequence::SelectAll);
    m_findAction = make(QKeySequence::Find);
    m_saveAsAction = make(QKeySequence::UnknownKey);
    m_followAction = make(QKeySequence::UnknownKey);
    m_timestampsAction = make(QKeySequence::UnknownKey);
    m_zoomInAction = make(QKeySequence::ZoomIn);
    m_zoomOutAction = make(QKeySequence::ZoomOut);
    m_followAction->setCheckable(true);
    m_followAction->setChecked(m_following);
    m_timestampsAction->setCheckable(true);
    connect(m_copyAction, &QAction::triggered, this, &OutputView::copy);
    connect(m_selectAllAction, &QAction::triggered, this, &OutputView::selectAll);
    connect(m_findAction, &QAction::triggered, this, &OutputView::showFindBar);
    connect(m_saveAsAction, &QAction::triggered, this, &OutputView::saveAs);
    connect(m_followAction, &QAction::triggered, this, &OutputView::setFollow);
    connect(m_timestampsAction, &QAction::triggered, this, &OutputView::setShowTimestamps);
    connect(m_zoomInAction, &QAction::triggered, this, &OutputView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, this, &OutputView::zoomOut);
}

void OutputView::retranslate()
{
    setAccessibleName(tr("Output of the workers"));
    m_banner->setToolTip(
            tr("The log keeps the newest lines only; the rows above the first one were "
               "dropped to keep memory bounded."));
    m_copyAction->setText(tr("&Copy"));
    m_selectAllAction->setText(tr("Select &All"));
    m_findAction->setText(tr("&Find…"));
    m_saveAsAction->setText(tr("&Save Output As…"));
    m_followAction->setText(tr("F&ollow New Output"));
    m_timestampsAction->setText(tr("Show &Timestamps"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    if (m_droppedLines > 0) {
        m_banner->setText(tr("%Ln older line(s) dropped (scrollback limit)",
                             nullptr,
                             int(qMin<qint64>(m_droppedLines, std::numeric_limits<int>::max()))));
    }
    // The "No output yet." of an empty view.
    viewport()->update();
}

// ---- Rows ----------------------------------------------------------------------------------------

int OutputView::rowCount() const
{
    const qsizetype rows = !isFiltered() ? m_pool.log().size() : qsizetype(m_matchingLines.size());
    return int(qMin<qsizetype>(rows, std::numeric_limits<int>::max()));
}

int OutputView::visibleLineCount() const
{
    return rowCount();
}

qint64 OutputView::lineNumberAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return !isFiltered() ? m_pool.log().firstLine() + row : m_matchingLines[size_t(row)];
}

int OutputView::rowOfLine(qint64 lineNumber) const
{
    if (!isFiltered())
        return int(qBound<qint64>(0, lineNumber - m_pool.log().firstLine(), qint64(rowCount())));
    const auto found = std::lower_bound(m_matchingLines.begin(), m_matchingLines.end(), lineNumber);
    return int(found - m_matchingLines.begin());
}

int OutputView::exactRowOfLine(qint64 lineNumber) const
{
    const int row = rowOfLine(lineNumber);
    return lineNumberAt(row) == lineNumber && lineNumber >= 0 ? row : -1;
}

int OutputView::rowAt(int y) const
{
    return verticalScrollBar()->value() + (y < 0 ? -1 : y / m_renderer->lineHeight());
}

int OutputView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

QRect OutputView::visualRect(int row) const
{
    const int lineHeight = m_renderer->lineHeight();
    return QRect(0, (row - firstVisibleRow()) * lineHeight, viewport()->width(), lineHeight);
}

int OutputView::pageRows() const
{
    return qMax(1, viewport()->height() / m_renderer->lineHeight());
}

QString OutputView::lineTextAt(int row) const
{
    const qint64 lineNumber = lineNumberAt(row);
    return m_pool.log().contains(lineNumber)
                   ? AnsiParser::stripped(m_pool.log().at(lineNumber).text)
                   : QString();
}

bool OutputView::passesFilter(const OutputLine &line) const
{
    if (!isFiltered() || line.workerId == 0 || m_filter.contains(line.workerId))
        return true;
    const auto found = m_processFilter.constFind(line.workerId);
    if (found == m_processFilter.cend())
        return false;
    // A line the worker's own pipe carried (pid 0) is known by its worker alone: it goes with a
    // process of a worker whose lines are not told apart (not a Python one, or not yet). ProcLab's
    // own notes on the worker ("terminating 4260") always do.
    if (line.pid == 0)
        return !found->attributed || line.channel == OutputChannel::Monitor;
    return found->pids.contains(line.pid);
}

qint64 OutputView::pidOf(int workerId) const
{
    return workerId == 0 ? QCoreApplication::applicationPid() : m_pool.pidOfWorker(workerId);
}

qint64 OutputView::pidOf(const OutputLine &line) const
{
    return line.pid != 0 ? line.pid : pidOf(line.workerId);
}

qint64 OutputView::pidAt(int row) const
{
    const qint64 lineNumber = lineNumberAt(row);
    return m_pool.log().contains(lineNumber) ? pidOf(m_pool.log().at(lineNumber)) : 0;
}

QString OutputView::exportText(const OutputLine &line) const
{
    QString text;
    if (m_showTimestamps)
        text += QLatin1Char('[') % OutputRenderer::timestampText(line.timestampMs) % u"] ";
    text += OutputRenderer::pidText(pidOf(line)) % u" | ";
    if (line.channel == OutputChannel::Monitor)
        text += QStringLiteral("\u25b8 ");
    text += AnsiParser::stripped(line.text);
    return text;
}

// ---- Following the log ---------------------------------------------------------------------------

void OutputView::setWorkerFilter(const QSet<int> &workerIds)
{
    if (workerIds == m_filter && m_processFilter.isEmpty())
        return;
    m_filter = workerIds;
    m_processFilter.clear();
    rebuildFilter();
}

void OutputView::setSelectedProcesses(const ProcessTargets &targets)
{
    QSet<int> workerIds;
    QHash<int, ProcessFilter> processes;
    for (const ProcessTarget &target : targets) {
        if (target.isWorker)
            workerIds.insert(target.workerId);
    }
    for (const ProcessTarget &target : targets) {
        if (target.isWorker || workerIds.contains(target.workerId))
            continue;
        ProcessFilter &filter = processes[target.workerId];
        filter.pids.insert(target.pid);
        const Worker *worker = m_pool.workerById(target.workerId);
        filter.attributed = worker && worker->isSeenAsPython();
    }
    if (workerIds == m_filter && processes == m_processFilter)
        return;
    m_filter = workerIds;
    m_processFilter = processes;
    rebuildFilter();
}

void OutputView::rebuildFilter()
{
    m_matchingLines.clear();
    m_scannedEnd = 0;
    extendFilter();
    m_widestText = 0;
    updateScrollBars();
    viewport()->update();
}

void OutputView::extendFilter()
{
    if (!isFiltered())
        return;
    const Scrollback &log = m_pool.log();
    while (!m_matchingLines.empty() && m_matchingLines.front() < log.firstLine())
        m_matchingLines.pop_front();
    // Only the lines that arrived since the last scan; those that came and went unseen are skipped.
    for (qint64 lineNumber = qMax(m_scannedEnd, log.firstLine()); lineNumber < log.endLine();
         ++lineNumber) {
        if (passesFilter(log.at(lineNumber)))
            m_matchingLines.push_back(lineNumber);
    }
    m_scannedEnd = log.endLine();
}

void OutputView::updateAttribution()
{
    // A worker is seen as Python once its hook connects, which may be after the selection.
    bool changed = false;
    for (auto it = m_processFilter.begin(); it != m_processFilter.end(); ++it) {
        const Worker *worker = m_pool.workerById(it.key());
        const bool attributed = worker && worker->isSeenAsPython();
        changed = changed || attributed != it->attributed;
        it->attributed = attributed;
    }
    if (changed)
        rebuildFilter();
}

void OutputView::handleLogAppended()
{
    updateAttribution();
    extendFilter();
    updateScrollBars();
    updateBanner();
    viewport()->update();
}

void OutputView::updateScrollBars()
{
    // Our own changes are not the user scrolling: they must not pause or resume following.
    const QScopedValueRollback<bool> adjusting(m_adjustingScrollBars, true);
    // Read before setRange(), which may clamp the value and so move m_topLine.
    const qint64 topLine = m_topLine;
    QScrollBar *bar = verticalScrollBar();
    const int page = pageRows();
    bar->setSingleStep(1);
    bar->setPageStep(page);
    bar->setRange(0, qMax(0, rowCount() - page));
    if (m_following)
        bar->setValue(bar->maximum());
    else
        bar->setValue(topLine >= 0 ? rowOfLine(topLine) : 0);
    m_topLine = lineNumberAt(bar->value());
    updateHorizontalRange();
}

void OutputView::updateHorizontalRange()
{
    m_horizontalUpdatePending = false;
    const int textWidth = qMax(0, viewport()->width() - m_renderer->gutterWidth());
    QScrollBar *bar = horizontalScrollBar();
    bar->setSingleStep(qMax(1, m_renderer->lineHeight()));
    bar->setPageStep(qMax(1, textWidth));
    bar->setRange(0, qMax(0, m_widestText + m_renderer->lineHeight() - textWidth));
}

void OutputView::handleScrolled(int value)
{
    m_topLine = lineNumberAt(value);
    if (m_adjustingScrollBars)
        return;
    const bool atBottom = value >= verticalScrollBar()->maximum();
    if (m_following && !atBottom) {
        m_followPausedByScrolling = true;
        setFollowing(false);
    } else if (!m_following && m_followPausedByScrolling && atBottom) {
        m_followPausedByScrolling = false;
        setFollowing(true);
    }
}

void OutputView::setFollow(bool follow)
{
    // A checkable action wired both ways (toggled → setFollow, followChanged → setChecked) calls
    // back with the state just announced: that must not turn a pause into an explicit stop.
    if (follow == m_following)
        return;
    m_followPausedByScrolling = false;
    setFollowing(follow);
    if (follow)
        scrollToBottom();
}

void OutputView::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    m_followAction->setChecked(following);
    emit followChanged(following);
}

void OutputView::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void OutputView::updateBanner()
{
    const qint64 dropped = m_pool.log().droppedLines();
    if (dropped == m_droppedLines)
        return;
    m_droppedLines = dropped;
    retranslate();
    if (m_banner->isHidden() && dropped > 0) {
        m_banner->show();
        updateMargins();
    }
    emit droppedLinesChanged(dropped);
}

void OutputView::setShowTimestamps(bool show)
{
    if (show == m_showTimestamps)
        return;
    m_showTimestamps = show;
    m_timestampsAction->setChecked(show);
    m_renderer->setShowTimestamps(show);
    updateHorizontalRange();
    viewport()->update();
}

// ---- Font ----------------------------------------------------------------------------------------

int OutputView::fontPointSize() const
{
    return m_renderer->font().pointSize();
}

void OutputView::setFontPointSize(int points)
{
    points = qBound(MinimumPointSize, points, MaximumPointSize);
    if (points == fontPointSize())
        return;
    QFont font = m_renderer->font();
    font.setPointSize(points);
    m_renderer->setFont(font);
    m_widestText = 0;
    updateScrollBars();
    viewport()->update();
}

void OutputView::zoomIn()
{
    setFontPointSize(fontPointSize() + 1);
}

void OutputView::zoomOut()
{
    setFontPointSize(fontPointSize() - 1);
}

// ---- Chrome: the banner above the rows, the find bar below them ----------------------------------

void OutputView::updateMargins()
{
    const int top = m_banner->isHidden() ? 0 : m_banner->sizeHint().height();
    const int bottom = m_findBar->isHidden() ? 0 : m_findBar->sizeHint().height();
    setViewportMargins(0, top, 0, bottom);
    placeChrome();
}

void OutputView::placeChrome()
{
    const QRect area = viewport()->geometry();
    const QMargins margins = viewportMargins();
    m_banner->setGeometry(area.left(), area.top() - margins.top(), area.width(), margins.top());
    m_findBar->setGeometry(area.left(), area.bottom() + 1, area.width(), margins.bottom());
}

bool OutputView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        placeChrome();
        updateScrollBars();
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void OutputView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QAbstractScrollArea::changeEvent(event);
}

void OutputView::applyPalette()
{
    m_renderer->setPalette(palette());
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, m_renderer->theme().bannerBackground());
    bannerPalette.setColor(QPalette::WindowText, m_renderer->theme().bannerText());
    m_banner->setPalette(bannerPalette);
    viewport()->update();
}

// ---- Painting ------------------------------------------------------------------------------------

void OutputView::paintEvent(QPaintEvent *)
{
    // A paint between two batched logAppended() (an expose, a scroll) may find lines gone from the
    // log that the filter still lists: catch up first.
    extendFilter();
    QPainter painter(viewport());
    const int rows = rowCount();
    if (rows == 0) {
        painter.setPen(m_renderer->theme().monitorText());
        painter.drawText(viewport()->rect(),
                         Qt::AlignCenter,
                         !isFiltered() ? tr("No output yet.")
                         : m_processFilter.isEmpty()
                                 ? tr("No output from the selected workers yet.")
                                 : tr("No output from the selected processes yet."));
        return;
    }
    const Scrollback &log = m_pool.log();
    const qint64 selectionLow = qMin(m_selectionAnchor, m_selectionCursor);
    const qint64 selectionHigh = qMax(m_selectionAnchor, m_selectionCursor);
    const int lineHeight = m_renderer->lineHeight();
    const int width = viewport()->width();
    const int offset = horizontalScrollBar()->value();
    qreal widest = 0;
    for (int row = verticalScrollBar()->value(), top = 0; row < rows && top < viewport()->height();
         ++row, top += lineHeight) {
        const qint64 lineNumber = lineNumberAt(row);
        const OutputLine &line = log.at(lineNumber);
        OutputRenderer::Decoration decoration;
        decoration.selected = selectionLow >= 0 && lineNumber >= selectionLow
                              && lineNumber <= selectionHigh;
        if (lineNumber == m_matchLine) {
            decoration.currentMatch = true;
            decoration.matchStart = m_matchStart;
            decoration.matchLength = m_matchLength;
        }
        widest = qMax(widest,
                      m_renderer->paintRow(painter,
                                           top,
                                           width,
                                           offset,
                                           lineNumber,
                                           line,
                                           pidOf(line),
                                           decoration));
    }
    // The sideways range grows with the widest row seen; measuring every line would defeat the point.
    if (widest > m_widestText) {
        m_widestText = qCeil(widest);
        if (!m_horizontalUpdatePending) {
            m_horizontalUpdatePending = true;
            QTimer::singleShot(0, this, &OutputView::updateHorizontalRange);
        }
    }
}

} // namespace ProcLab
