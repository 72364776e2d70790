#pragma once

#include <QList>
#include <QPair>
#include <QPlainTextEdit>

namespace ProcLab {

class PythonHighlighter;

// A Python program's source, read-only, with line numbers in a gutter and, after the lines that
// made multiprocessing calls, what they did: "p.start()  # → 31470, 31471". An annotation is
// written into the line's own block, after its code, so replacing one touches that block alone;
// the highlighter colours it apart from the program's own comments.
//
// Lines are never wrapped: Python's indentation is its meaning, and a wrapped line would read as
// a statement of its own at the wrong depth; a long line scrolls sideways instead.
class PythonSourceView final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PythonSourceView(QWidget *parent = nullptr);

    // Shows these lines (line 1 first), with no annotations.
    void setSource(const QStringList &lines);
    // Sets the annotations of these lines (1-based) in one pass; an empty text removes one, and a
    // line the source does not have is left out (the file may have changed since it ran).
    void setAnnotations(const QList<QPair<int, QString>> &annotations);
    // The annotation shown on this line, without "  # → "; empty when none.
    QString annotation(int line) const;
    int lineCount() const { return int(m_codeLengths.size()); }

    static QString annotationSign();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class LineNumbers;
    int gutterWidth() const;
    void updateGutterWidth();
    void paintGutter(QPaintEvent *event);

    LineNumbers *m_lineNumbers;
    PythonHighlighter *m_highlighter;
    QList<int> m_codeLengths; // per block: where its annotation starts
};

} // namespace ProcLab
