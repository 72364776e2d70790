#include "mainwindow.h"

#include "workerpool.h"

#include <QLabel>

namespace ProcLab {

MainWindow::MainWindow(WorkerPool &pool,
                       const LaunchOptions &options,
                       const QString &workerProgram,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_pool(pool)
{
    Q_UNUSED(options)
    Q_UNUSED(workerProgram)
    setWindowTitle(tr("ProcLab"));
    setCentralWidget(new QLabel(tr("ProcLab"), this));
}

} // namespace ProcLab
