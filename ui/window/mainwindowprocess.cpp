// MainWindow: the panes that show processes as the operating system sees them (timeline, process
// tree, the Python mirror) and the commands that act on them (pause, resume, any signal).
#include "mainwindow.h"
#include "outputview.h"
#include "processsampler.h"
#include "processview.h"
#include "pythonmirror.h"
#include "pythonpanel.h"
#include "timelineview.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertableview.h"

#include <QAction>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>

namespace ProcLab {

QWidget *MainWindow::createLowerPane()
{
    // One sampler for the whole window: the table's CPU and memory and the process tree read the
    // same samples, taken twice a second and only while a worker runs.
    m_sampler = new ProcessSampler(m_pool, this);
    m_pythonMirror = new PythonMirror(m_pool, m_language, this);
    m_table->setSampler(m_sampler);

    m_lowerTabs = new QTabWidget;
    m_lowerTabs->setObjectName(QStringLiteral("lowerTabs"));
    m_lowerTabs->setDocumentMode(true);
    m_timeline = new TimelineView(m_pool);
    m_processView = new ProcessView(m_pool, *m_sampler);
    m_lowerTabs->addTab(m_outputView, QString());
    m_lowerTabs->addTab(m_timeline, QString());
    m_lowerTabs->addTab(m_processView, QString());

    // Python beside the output rather than beside the table: the table keeps its full width, and
    // the code sits next to the lines it explains.
    m_pythonPanel = new PythonPanel(*m_pythonMirror);
    m_lowerSplitter = new QSplitter(Qt::Horizontal);
    m_lowerSplitter->setObjectName(QStringLiteral("lowerSplitter"));
    m_lowerSplitter->setChildrenCollapsible(false);
    m_lowerSplitter->addWidget(m_lowerTabs);
    m_lowerSplitter->addWidget(m_pythonPanel);
    m_lowerSplitter->setStretchFactor(0, 3);
    m_lowerSplitter->setStretchFactor(1, 2);
    m_lowerSplitter->setSizes({600, 400});

    setProcessFontPointSize(m_table->fontPointSize());
    retranslateProcessWidgets();
    return m_lowerSplitter;
}

void MainWindow::connectProcessActions()
{
    connect(m_actions->action(WorkerActions::Pause),
            &QAction::triggered,
            this,
            &MainWindow::pauseSelected);
    connect(m_actions->action(WorkerActions::Resume),
            &QAction::triggered,
            this,
            &MainWindow::resumeSelected);
    for (QAction *signal : m_actions->signalActions()) {
        connect(signal, &QAction::triggered, this, [this, signal] {
            sendSignalToSelected(signal->data().toInt());
        });
    }

    QAction *python = m_actions->action(WorkerActions::ShowPythonPanel);
    python->setChecked(!m_pythonPanel->isHidden());
    connect(python, &QAction::toggled, m_pythonPanel, &QWidget::setVisible);

    // A click on a lane selects the worker; the selection highlights lanes and picks the trees.
    connect(m_timeline, &TimelineView::workerClicked, m_table, &WorkerTableView::selectWorker);
    connect(m_table, &WorkerTableView::workerSelectionChanged, this, [this] {
        const QSet<int> workerIds = m_table->selectedWorkerIds();
        m_timeline->setSelectedWorkers(workerIds);
        m_processView->setWorkerFilter(workerIds);
    });
}

void MainWindow::retranslateProcessWidgets()
{
    m_lowerTabs->setTabText(m_lowerTabs->indexOf(m_outputView), tr("Output"));
    m_lowerTabs->setTabToolTip(m_lowerTabs->indexOf(m_outputView),
                               tr("What the workers print, as it arrives"));
    m_lowerTabs->setTabText(m_lowerTabs->indexOf(m_timeline), tr("Timeline"));
    m_lowerTabs->setTabToolTip(m_lowerTabs->indexOf(m_timeline),
                               tr("When each process started and ended, its output and the "
                                  "signals it got, on one time axis"));
    m_lowerTabs->setTabText(m_lowerTabs->indexOf(m_processView), tr("Processes"));
    m_lowerTabs->setTabToolTip(m_lowerTabs->indexOf(m_processView),
                               tr("The process tree: the main process, its workers and the "
                                  "processes they started, with PID, PPID, CPU and memory"));
}

void MainWindow::setProcessFontPointSize(int points)
{
    m_timeline->setFontPointSize(points);
    m_processView->setFontPointSize(points);
    m_pythonPanel->setFontPointSize(points);
    QFont tabFont = m_lowerTabs->tabBar()->font();
    tabFont.setPointSize(points);
    m_lowerTabs->tabBar()->setFont(tabFont);
}

void MainWindow::pauseSelected()
{
    for (Worker *worker : m_table->selectedWorkers()) {
        if (worker->state() == WorkerState::Running)
            m_pool.pause(worker);
    }
}

void MainWindow::resumeSelected()
{
    for (Worker *worker : m_table->selectedWorkers()) {
        if (worker->isPaused())
            m_pool.resume(worker);
    }
}

void MainWindow::sendSignalToSelected(int signalNumber)
{
    for (Worker *worker : m_table->selectedWorkers()) {
        if (worker->isActive())
            m_pool.sendSignal(worker, signalNumber);
    }
}

} // namespace ProcLab
