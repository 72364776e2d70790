#pragma once

#include "outputline.h"

#include <deque>

namespace ProcLab {

// A bounded history of output lines, addressed by absolute line numbers that never change: line n
// stays line n while it is kept, so a view can remember a position while old lines fall out.
//
// Bounded twice: by a number of lines and by a number of characters, because a cap on lines alone lets
// 10 000 lines of 64 KiB take 1.3 GB. What falls out is counted (droppedLines), never lost silently.
class Scrollback final
{
public:
    Scrollback(qsizetype maxLines, qsizetype maxCharacters);

    // Returns the absolute number of the appended line.
    qint64 append(OutputLine line);
    // Replaces a kept line (a '\r' progress update). Returns false when the line already fell out.
    bool replace(qint64 lineNumber, OutputLine line);
    void clear();

    bool contains(qint64 lineNumber) const
    {
        return lineNumber >= m_firstLine && lineNumber < endLine();
    }
    const OutputLine &at(qint64 lineNumber) const;

    qint64 firstLine() const { return m_firstLine; }
    qint64 endLine() const { return m_firstLine + qint64(m_lines.size()); }
    qsizetype size() const { return qsizetype(m_lines.size()); }
    bool isEmpty() const { return m_lines.empty(); }
    // Lines that fell out because of the limits (not those removed by clear()).
    qint64 droppedLines() const { return m_droppedLines; }
    qsizetype characterCount() const { return m_characters; }

    qsizetype maxLines() const { return m_maxLines; }
    qsizetype maxCharacters() const { return m_maxCharacters; }
    void setLimits(qsizetype maxLines, qsizetype maxCharacters);

private:
    void trim();

    std::deque<OutputLine> m_lines;
    qint64 m_firstLine = 0;
    qint64 m_droppedLines = 0;
    qsizetype m_characters = 0;
    qsizetype m_maxLines;
    qsizetype m_maxCharacters;
};

} // namespace ProcLab
