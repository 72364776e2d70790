// OutputView, continued: getting text out of the view (selection, copy, find, save).

#include "ansiparser.h"
#include "findbar.h"
#include "outputrenderer.h"
#include "outputview.h"
#include "workerpool.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardPaths>

namespace ProcLab {

// ---- Selection -----------------------------------------------------------------------------------

void OutputView::setSelection(qint64 anchor, qint64 cursor)
{
    if (anchor == m_selectionAnchor && cursor == m_selectionCursor)
        return;
    m_selectionAnchor = anchor;
    m_selectionCursor = cursor;
    viewport()->update();
    emit selectionChanged();
}

void OutputView::clearSelection()
{
    setSelection(-1, -1);
}

void OutputView::selectAll()
{
    const int rows = rowCount();
    if (rows > 0)
        setSelection(lineNumberAt(0), lineNumberAt(rows - 1));
}

bool OutputView::hasSelection() const
{
    if (m_selectionAnchor < 0)
        return false;
    const qint64 low = qMin(m_selectionAnchor, m_selectionCursor);
    const qint64 high = qMax(m_selectionAnchor, m_selectionCursor);
    // Selected lines may have fallen out of the log since.
    return rowOfLine(low) < rowOfLine(high + 1);
}

QString OutputView::selectedText() const
{
    if (m_selectionAnchor < 0)
        return QString();
    const qint64 low = qMin(m_selectionAnchor, m_selectionCursor);
    const qint64 high = qMax(m_selectionAnchor, m_selectionCursor);
    const int end = rowOfLine(high + 1);
    QString text;
    const Scrollback &log = m_pool.log();
    for (int row = rowOfLine(low); row < end; ++row) {
        const qint64 lineNumber = lineNumberAt(row);
        if (!log.contains(lineNumber))
            continue;
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += exportText(log.at(lineNumber));
    }
    return text;
}

void OutputView::copy()
{
    if (hasSelection())
        QGuiApplication::clipboard()->setText(selectedText());
}

// ---- Find ----------------------------------------------------------------------------------------

void OutputView::showFindBar()
{
    if (m_findBar->isHidden()) {
        m_findBar->show();
        updateMargins();
    }
    m_findBar->activate();
}

void OutputView::hideFindBar()
{
    if (!m_findBar->isHidden()) {
        m_findBar->hide();
        updateMargins();
    }
    m_matchLine = -1;
    setFocus(Qt::OtherFocusReason);
    viewport()->update();
}

void OutputView::findNext()
{
    if (m_findBar->isHidden() || m_findBar->text().isEmpty()) {
        showFindBar();
        return;
    }
    m_findBar->setNotFound(!findFrom(m_findBar->text(), false, false));
}

void OutputView::findPrevious()
{
    if (m_findBar->isHidden() || m_findBar->text().isEmpty()) {
        showFindBar();
        return;
    }
    m_findBar->setNotFound(!findFrom(m_findBar->text(), true, false));
}

bool OutputView::find(const QString &text, bool backward)
{
    return findFrom(text, backward, false);
}

int OutputView::currentMatchRow() const
{
    return m_matchLine < 0 ? -1 : exactRowOfLine(m_matchLine);
}

// A linear scan with QString::indexOf: about a millisecond per 100 000 short lines, so it needs no
// thread. Lines without escapes are searched in place; the others are stripped first, so a match
// never straddles a colour change and its offset is where it is shown.
bool OutputView::findFrom(const QString &text, bool backward, bool includeCurrent)
{
    const int rows = rowCount();
    if (text.isEmpty() || rows == 0) {
        m_matchLine = -1;
        viewport()->update();
        return false;
    }
    const int matchRow = currentMatchRow();
    const bool fromMatch = matchRow >= 0;
    int startRow = 0;
    qsizetype startOffset = 0;
    if (fromMatch) {
        startRow = matchRow;
        startOffset = backward ? m_matchStart - (includeCurrent ? 0 : 1)
                               : m_matchStart + (includeCurrent ? 0 : 1);
    } else {
        const int top = verticalScrollBar()->value();
        startRow = backward ? qMin(rows - 1, top + pageRows() - 1) : qMin(rows - 1, top);
    }

    // rows + 1 steps: the last one is the start row again, for the matches before (or after) the
    // starting point in it.
    for (int step = 0; step <= rows; ++step) {
        const int row = backward ? ((startRow - step) % rows + rows) % rows
                                 : (startRow + step) % rows;
        const QString plain = lineTextAt(row);
        const bool resume = step == 0 && fromMatch;
        qsizetype found = -1;
        if (!backward) {
            found = plain.indexOf(text, resume ? startOffset : 0, Qt::CaseInsensitive);
        } else if (!resume || startOffset >= 0) {
            // lastIndexOf reads -1 as "from the end", so a match at 0 resumes at the previous row.
            found = plain.lastIndexOf(text, resume ? startOffset : -1, Qt::CaseInsensitive);
        }
        if (found >= 0) {
            m_matchLine = lineNumberAt(row);
            m_matchStart = found;
            m_matchLength = text.size();
            ensureMatchVisible(row);
            viewport()->update();
            return true;
        }
    }
    m_matchLine = -1;
    viewport()->update();
    return false;
}

void OutputView::ensureRowVisible(int row)
{
    QScrollBar *bar = verticalScrollBar();
    const int page = pageRows();
    // Centred rather than at an edge, so the lines around the match are in view too. Not guarded:
    // like the user scrolling, it pauses following when it leaves the bottom.
    if (row < bar->value() || row >= bar->value() + page)
        bar->setValue(row - page / 2);
}

void OutputView::ensureMatchVisible(int row)
{
    ensureRowVisible(row);
    const OutputLine &line = m_pool.log().at(lineNumberAt(row));
    const qreal start = m_renderer->textPosition(m_matchLine, line, m_matchStart);
    const qreal end = m_renderer->textPosition(m_matchLine, line, m_matchStart + m_matchLength);
    if (start < 0)
        return; // beyond what a row shows: the row's frame marks it
    const int textWidth = qMax(1, viewport()->width() - m_renderer->gutterWidth());
    m_widestText = qMax(m_widestText, qCeil(qMax(start, end)));
    updateHorizontalRange();
    QScrollBar *bar = horizontalScrollBar();
    if (start < bar->value() || qMax(start, end) > bar->value() + textWidth)
        bar->setValue(qMax(0, int(start) - textWidth / 3));
}

// ---- Save ----------------------------------------------------------------------------------------

bool OutputView::saveTo(QIODevice *device) const
{
    if (!device || !device->isWritable())
        return false;
    // Written in pieces: converting the whole log to one QByteArray would double its memory.
    constexpr qsizetype ChunkCharacters = 256 * 1024;
    QString chunk;
    const auto flush = [device, &chunk] {
        const QByteArray bytes = chunk.toUtf8();
        chunk.clear();
        return device->write(bytes) == bytes.size();
    };
    const Scrollback &log = m_pool.log();
    const int rows = rowCount();
    for (int row = 0; row < rows; ++row) {
        const qint64 lineNumber = lineNumberAt(row);
        if (!log.contains(lineNumber))
            continue;
        chunk += exportText(log.at(lineNumber));
        chunk += QLatin1Char('\n');
        if (chunk.size() >= ChunkCharacters && !flush())
            return false;
    }
    return flush();
}

void OutputView::saveAs()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString fileName = QFileDialog::getSaveFileName(this,
                                                          tr("Save Output"),
                                                          folder + u"/proclab-output.txt",
                                                          tr("Text files (*.txt);;All files (*)"));
    if (fileName.isEmpty())
        return;
    // QSaveFile: a failed save leaves an existing file as it was instead of half written.
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || !saveTo(&file) || !file.commit()) {
        QMessageBox::warning(this,
                             tr("Save Output"),
                             tr("Could not save the output to “%1”: %2")
                                     .arg(QDir::toNativeSeparators(fileName), file.errorString()));
    }
}

} // namespace ProcLab
