#pragma once

#include "launchoptions.h"

#include <QMainWindow>

namespace ProcLab {

class WorkerPool;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WorkerPool &pool,
               const LaunchOptions &options,
               const QString &workerProgram,
               QWidget *parent = nullptr);

private:
    WorkerPool &m_pool;
};

} // namespace ProcLab
