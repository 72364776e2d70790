#include "lowerpane.h"

#include "outputview.h"
#include "processview.h"
#include "pythonpanel.h"
#include "session.h"
#include "timelineview.h"
#include "workerpool.h"

#include <QEvent>
#include <QTabBar>
#include <QTabWidget>

namespace ProcLab {

LowerPane::LowerPane(Session &session, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_pool(session.pool())
    , m_tabs(new QTabWidget)
    , m_outputView(new OutputView(session.pool()))
    , m_timeline(new TimelineView(session.pool()))
    , m_processView(new ProcessView(session.pool(), session.sampler()))
    , m_pythonPanel(new PythonPanel(session.pythonMirror()))
{
    setObjectName(QStringLiteral("lowerSplitter"));
    setChildrenCollapsible(false);
    m_tabs->setObjectName(QStringLiteral("lowerTabs"));
    m_tabs->setDocumentMode(true);
    m_outputView->setObjectName(QStringLiteral("outputView"));
    m_timeline->setObjectName(QStringLiteral("timelineView"));
    m_processView->setObjectName(QStringLiteral("processView"));
    m_pythonPanel->setObjectName(QStringLiteral("pythonPanel"));
    m_tabs->addTab(m_outputView, QString());
    m_tabs->addTab(m_timeline, QString());
    m_tabs->addTab(m_processView, QString());

    addWidget(m_tabs);
    addWidget(m_pythonPanel);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);
    setSizes({600, 400});
    retranslate();
}

void LowerPane::setSelectedProcesses(const ProcessTargets &targets)
{
    QSet<int> workerIds;
    for (const ProcessTarget &target : targets)
        workerIds.insert(target.workerId);
    m_outputView->setSelectedProcesses(targets);
    m_timeline->setSelectedWorkers(workerIds);
    m_timeline->setSelectedProcesses(targets);
    m_processView->setSelectedProcesses(targets);
    m_pythonPanel->setWorker(workerIds.size() == 1 ? m_pool.workerById(*workerIds.cbegin())
                                                   : nullptr);
}

void LowerPane::setFontPointSize(int points)
{
    m_outputView->setFontPointSize(points);
    m_timeline->setFontPointSize(points);
    m_processView->setFontPointSize(points);
    m_pythonPanel->setFontPointSize(points);
    QFont tabFont = m_tabs->tabBar()->font();
    tabFont.setPointSize(points);
    m_tabs->tabBar()->setFont(tabFont);
}

void LowerPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QSplitter::changeEvent(event);
}

void LowerPane::retranslate()
{
    m_tabs->setTabText(m_tabs->indexOf(m_outputView), tr("Output"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_outputView),
                          tr("What the workers print, as it arrives"));
    m_tabs->setTabText(m_tabs->indexOf(m_timeline), tr("Timeline"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_timeline),
                          tr("When each process started and ended, its output and the signals it "
                             "got, on one time axis"));
    m_tabs->setTabText(m_tabs->indexOf(m_processView), tr("Processes"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_processView),
                          tr("The process tree: the main process, its workers and the processes "
                             "they started, with PID, PPID, CPU and memory"));
}

} // namespace ProcLab
