#pragma once

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ProcLab {

// Just enough colour to read Python: keywords in bold, the program's own comments dimmed, and what
// ProcLab adds (the mirror's "# pid 4250" comments, the source view's "# → 31470" annotations) in
// the palette's link colour, made readable on the palette's base (light or dark theme alike).
//
// With setAnnotationStarts(), a block's text from that column on is ProcLab's annotation, whatever
// it holds; before it, a '#' outside a string starts the program's own comment. Without, every
// comment is ProcLab's (the mirror writes the whole text).
class PythonHighlighter final : public QSyntaxHighlighter
{
public:
    explicit PythonHighlighter(QTextDocument *document);

    // Colours from this palette; highlights again.
    void setPalette(const QPalette &palette);
    // For each block (by number), where its annotation starts; nullptr: comments are ProcLab's.
    // The list must outlive the highlighter or be reset first.
    void setAnnotationStarts(const QList<int> *starts);

    QColor annotationColor() const { return m_annotation.foreground().color(); }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_comment;
    QTextCharFormat m_annotation;
    const QList<int> *m_annotationStarts = nullptr;
};

} // namespace ProcLab
