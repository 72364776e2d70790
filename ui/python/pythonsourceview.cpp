#include "pythonsourceview.h"

#include "pythonhighlighter.h"

#include <QEvent>
#include <QPainter>
#include <QTextBlock>

namespace ProcLab {

class PythonSourceView::LineNumbers final : public QWidget
{
public:
    explicit LineNumbers(PythonSourceView *view)
        : QWidget(view)
        , m_view(view)
    {}

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    PythonSourceView *m_view;
};

PythonSourceView::PythonSourceView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumbers(new LineNumbers(this))
    , m_highlighter(new PythonHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    // Annotations are rewritten as calls arrive: an undo history would only grow.
    document()->setUndoRedoEnabled(false);
    m_highlighter->setAnnotationStarts(&m_codeLengths);
    m_highlighter->setPalette(palette());
    connect(this, &QPlainTextEdit::blockCountChanged, this, &PythonSourceView::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    updateGutterWidth();
}

QString PythonSourceView::annotationSign()
{
    return QStringLiteral("  # → ");
}

void PythonSourceView::setSource(const QStringList &lines)
{
    m_codeLengths.clear();
    m_codeLengths.reserve(lines.size());
    for (const QString &line : lines)
        m_codeLengths.append(int(line.size()));
    setPlainText(lines.join(QLatin1Char('\n')));
    if (lines.isEmpty())
        m_codeLengths.clear();
}

void PythonSourceView::setAnnotations(const QList<QPair<int, QString>> &annotations)
{
    if (annotations.isEmpty())
        return;
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    for (const auto &[line, text] : annotations) {
        if (line < 1 || line > m_codeLengths.size())
            continue;
        const QTextBlock block = document()->findBlockByNumber(line - 1);
        if (!block.isValid())
            continue;
        cursor.setPosition(block.position() + m_codeLengths.at(line - 1));
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
        const QString shown = text.isEmpty() ? QString() : annotationSign() + text;
        if (cursor.selectedText() != shown)
            cursor.insertText(shown);
    }
    cursor.endEditBlock();
}

QString PythonSourceView::annotation(int line) const
{
    if (line < 1 || line > m_codeLengths.size())
        return QString();
    const QString text = document()->findBlockByNumber(line - 1).text();
    return text.mid(m_codeLengths.at(line - 1) + annotationSign().size());
}

int PythonSourceView::gutterWidth() const
{
    const int digits = int(QString::number(std::max(1, blockCount())).size());
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void PythonSourceView::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void PythonSourceView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_lineNumbers->setGeometry(contents.left(), contents.top(), gutterWidth(), contents.height());
}

void PythonSourceView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(palette());
    } else if (event->type() == QEvent::FontChange) {
        // Python counts a tab as reaching the next multiple of 8 columns.
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 8);
        updateGutterWidth();
        const QRect contents = contentsRect();
        m_lineNumbers->setGeometry(contents.left(),
                                   contents.top(),
                                   gutterWidth(),
                                   contents.height());
    }
}

void PythonSourceView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.setFont(font());
    const int right = m_lineNumbers->width() - 4;
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (block.isVisible() && top + height >= event->rect().top()) {
            painter.drawText(QRectF(0, top, right, fontMetrics().height()),
                             Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        top += height;
        block = block.next();
    }
}

} // namespace ProcLab
