#pragma once

#include "processtarget.h"

#include <QSet>
#include <QSplitter>

class QTabWidget;

namespace ProcLab {

class OutputView;
class ProcessView;
class PythonPanel;
class Session;
class TimelineView;
class WorkerPool;

// The lower half of the window: the output, the timeline and the process tree as tabs, with the
// Python panel beside them. Python sits beside the output rather than beside the table: the table
// keeps its full width, and the code sits next to the lines it explains.
//
// It shows the processes selected in the table (setSelectedProcesses) in each of them: the output
// filtered to them (a worker's row: all its lines; a child's: the lines it wrote, where a Python
// worker's lines tell it), the lanes highlighted, the trees picked; the Python panel shows a
// selected Python program's own source when they are all of one worker.
class LowerPane final : public QSplitter
{
    Q_OBJECT

public:
    explicit LowerPane(Session &session, QWidget *parent = nullptr);

    OutputView *outputView() const { return m_outputView; }
    TimelineView *timelineView() const { return m_timeline; }
    ProcessView *processView() const { return m_processView; }
    PythonPanel *pythonPanel() const { return m_pythonPanel; }

    // The processes selected in the table: their workers' output, their lanes, their trees.
    void setSelectedProcesses(const ProcessTargets &targets);
    void setFontPointSize(int points);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    const WorkerPool &m_pool;
    QTabWidget *m_tabs;
    OutputView *m_outputView;
    TimelineView *m_timeline;
    ProcessView *m_processView;
    PythonPanel *m_pythonPanel;
};

} // namespace ProcLab
