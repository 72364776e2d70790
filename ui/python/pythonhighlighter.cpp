#include "pythonhighlighter.h"

#include "outputtheme.h"

#include <QPalette>
#include <QRegularExpression>

namespace ProcLab {

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_keyword.setFontWeight(QFont::Bold);
    m_comment.setFontItalic(true);
    m_annotation.setFontItalic(true);
    setPalette(QPalette());
}

void PythonHighlighter::setPalette(const QPalette &palette)
{
    // No fixed colour: a dark blue that reads on white vanishes on a dark theme.
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    m_comment.setForeground(OutputTheme::readableOn(OutputTheme::mix(text, base, 0.45),
                                                    base,
                                                    OutputTheme::MinimumContrast));
    m_annotation.setForeground(OutputTheme::readableOn(palette.color(QPalette::Link),
                                                       base,
                                                       OutputTheme::MinimumContrast));
    rehighlight();
}

void PythonHighlighter::setAnnotationStarts(const QList<int> *starts)
{
    m_annotationStarts = starts;
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    qsizetype codeEnd = text.size();
    if (m_annotationStarts) {
        const int block = currentBlock().blockNumber();
        if (block >= 0 && block < m_annotationStarts->size())
            codeEnd = std::min<qsizetype>(m_annotationStarts->at(block), text.size());
    }
    static const QRegularExpression keywords(QStringLiteral(
            "\\b(import|from|as|def|class|for|in|if|elif|else|while|with|try|except|finally|"
            "return|yield|lambda|pass|break|continue|raise|global|nonlocal|del|assert|is|"
            "True|False|None|and|or|not)\\b"));
    const QString code = text.left(codeEnd);
    for (auto it = keywords.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_keyword);
    }
    // A comment starts at a '#' outside a string ('…' or "…", on this line).
    QChar quote;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#')) {
            setFormat(int(i), int(code.size() - i), m_annotationStarts ? m_comment : m_annotation);
            break;
        }
    }
    if (codeEnd < text.size())
        setFormat(int(codeEnd), int(text.size() - codeEnd), m_annotation);
}

} // namespace ProcLab
