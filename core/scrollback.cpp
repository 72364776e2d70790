#include "scrollback.h"

namespace ProcLab {

Scrollback::Scrollback(qsizetype maxLines, qsizetype maxCharacters)
    : m_maxLines(qMax<qsizetype>(maxLines, 1))
    , m_maxCharacters(qMax<qsizetype>(maxCharacters, 1))
{}

qint64 Scrollback::append(OutputLine line)
{
    m_characters += line.text.size();
    m_lines.push_back(std::move(line));
    const qint64 lineNumber = endLine() - 1;
    trim();
    return lineNumber;
}

bool Scrollback::replace(qint64 lineNumber, OutputLine line)
{
    if (!contains(lineNumber))
        return false;
    OutputLine &kept = m_lines[size_t(lineNumber - m_firstLine)];
    m_characters += line.text.size() - kept.text.size();
    kept = std::move(line);
    trim();
    return true;
}

void Scrollback::clear()
{
    m_firstLine = endLine();
    m_lines.clear();
    m_characters = 0;
}

const OutputLine &Scrollback::at(qint64 lineNumber) const
{
    Q_ASSERT(contains(lineNumber));
    return m_lines[size_t(lineNumber - m_firstLine)];
}

void Scrollback::setLimits(qsizetype maxLines, qsizetype maxCharacters)
{
    m_maxLines = qMax<qsizetype>(maxLines, 1);
    m_maxCharacters = qMax<qsizetype>(maxCharacters, 1);
    trim();
}

void Scrollback::trim()
{
    // The newest line always stays, even when it alone is over the character cap.
    while (m_lines.size() > 1
           && (qsizetype(m_lines.size()) > m_maxLines || m_characters > m_maxCharacters)) {
        m_characters -= m_lines.front().text.size();
        m_lines.pop_front();
        ++m_firstLine;
        ++m_droppedLines;
    }
}

} // namespace ProcLab
