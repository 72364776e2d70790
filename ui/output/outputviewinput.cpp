// OutputView, continued: keyboard, mouse and context menu.

#include "findbar.h"
#include "outputrenderer.h"
#include "outputview.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QMenu>
#include <QScrollBar>

namespace ProcLab {

namespace {

// The keys the view handles. The first five it takes even when a window action claims them, since
// their meaning depends on the focus (Copy copies output rows here, table rows there). Zoom it leaves
// to a window action if there is one, so that the window can zoom all its parts together.
constexpr int FocusOwnedKeyCount = 5;
const QList<QKeySequence::StandardKey> &handledKeys()
{
    static const QList<QKeySequence::StandardKey> keys = {QKeySequence::Copy,
                                                          QKeySequence::SelectAll,
                                                          QKeySequence::Find,
                                                          QKeySequence::FindNext,
                                                          QKeySequence::FindPrevious,
                                                          QKeySequence::ZoomIn,
                                                          QKeySequence::ZoomOut};
    return keys;
}

QKeySequence::StandardKey handledKey(const QKeyEvent *event, bool focusOwnedOnly)
{
    const QList<QKeySequence::StandardKey> &keys = handledKeys();
    const qsizetype count = focusOwnedOnly ? FocusOwnedKeyCount : keys.size();
    for (qsizetype index = 0; index < count; ++index) {
        if (event->matches(keys.at(index)))
            return keys.at(index);
    }
    return QKeySequence::UnknownKey;
}

} // namespace

// ---- Keyboard and mouse --------------------------------------------------------------------------

bool OutputView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (handledKey(key, true) != QKeySequence::UnknownKey
            || (key->key() == Qt::Key_Escape && !m_findBar->isHidden())) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

void OutputView::keyPressEvent(QKeyEvent *event)
{
    const QKeySequence::StandardKey key = handledKey(event, false);
    if (key != QKeySequence::UnknownKey) {
        switch (key) {
        case QKeySequence::Copy:
            copy();
            break;
        case QKeySequence::SelectAll:
            selectAll();
            break;
        case QKeySequence::Find:
            showFindBar();
            break;
        case QKeySequence::FindNext:
            findNext();
            break;
        case QKeySequence::FindPrevious:
            findPrevious();
            break;
        case QKeySequence::ZoomIn:
            zoomIn();
            break;
        default:
            zoomOut();
            break;
        }
        return;
    }
    if (event->key() == Qt::Key_Equal && event->modifiers() == Qt::ControlModifier) {
        zoomIn(); // Ctrl+= is where most keyboards have Ctrl++
    } else if (event->key() == Qt::Key_Home) {
        verticalScrollBar()->setValue(0);
    } else if (event->key() == Qt::Key_End) {
        scrollToBottom();
    } else if (event->key() == Qt::Key_Escape) {
        if (m_findBar->isHidden())
            clearSelection();
        else
            hideFindBar();
    } else {
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void OutputView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void OutputView::mousePressEvent(QMouseEvent *event)
{
    const int rows = rowCount();
    const int row = rowAt(int(event->position().y()));
    if (rows == 0 || row >= rows || row < 0) {
        if (event->button() == Qt::LeftButton)
            clearSelection();
        return;
    }
    const qint64 lineNumber = lineNumberAt(row);
    if (event->button() == Qt::LeftButton) {
        if ((event->modifiers() & Qt::ShiftModifier) && m_selectionAnchor >= 0)
            setSelection(m_selectionAnchor, lineNumber);
        else
            setSelection(lineNumber, lineNumber);
        m_dragging = true;
    } else if (event->button() == Qt::RightButton) {
        const qint64 low = qMin(m_selectionAnchor, m_selectionCursor);
        const qint64 high = qMax(m_selectionAnchor, m_selectionCursor);
        if (low < 0 || lineNumber < low || lineNumber > high)
            setSelection(lineNumber, lineNumber);
    }
}

void OutputView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging || !(event->buttons() & Qt::LeftButton))
        return;
    const int y = int(event->position().y());
    m_dragDirection = y < 0 ? -1 : y >= viewport()->height() ? 1 : 0;
    if (m_dragDirection != 0 && !m_dragScrollTimer.isActive())
        m_dragScrollTimer.start();
    else if (m_dragDirection == 0)
        m_dragScrollTimer.stop();
    const int row = qBound(0, rowAt(qBound(0, y, viewport()->height() - 1)), rowCount() - 1);
    setSelection(m_selectionAnchor, lineNumberAt(row));
}

void OutputView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return;
    m_dragging = false;
    m_dragScrollTimer.stop();
    // X11's primary selection: select with the mouse, paste with the middle button.
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->supportsSelection() && hasSelection())
        clipboard->setText(selectedText(), QClipboard::Selection);
}

void OutputView::dragScroll()
{
    if (!m_dragging || m_dragDirection == 0 || rowCount() == 0) {
        m_dragScrollTimer.stop();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    bar->setValue(bar->value() + m_dragDirection);
    const int edgeRow = m_dragDirection < 0 ? bar->value() : bar->value() + pageRows() - 1;
    setSelection(m_selectionAnchor, lineNumberAt(qBound(0, edgeRow, rowCount() - 1)));
}

void OutputView::contextMenuEvent(QContextMenuEvent *event)
{
    m_copyAction->setEnabled(hasSelection());
    m_selectAllAction->setEnabled(rowCount() > 0);
    m_saveAsAction->setEnabled(rowCount() > 0);
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addAction(m_selectAllAction);
    menu.addSeparator();
    menu.addAction(m_findAction);
    menu.addAction(m_saveAsAction);
    menu.addSeparator();
    menu.addAction(m_timestampsAction);
    menu.addAction(m_followAction);
    menu.addSeparator();
    menu.addAction(m_zoomInAction);
    menu.addAction(m_zoomOutAction);
    menu.exec(event->globalPos());
    m_copyAction->setEnabled(true);
    m_selectAllAction->setEnabled(true);
    m_saveAsAction->setEnabled(true);
}

} // namespace ProcLab
