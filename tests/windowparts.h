#pragma once

// The parts of a MainWindow, found the way a test should find them: by the object names the window
// gives them where it creates them, not through accessors kept for tests.
#include "lowerpane.h"
#include "outputview.h"
#include "processview.h"
#include "pythonpanel.h"
#include "tablecolumns.h"
#include "timelineview.h"
#include "workeractions.h"
#include "workertableview.h"

#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>

namespace WindowParts {

template<typename Part>
Part *find(const QObject &window, const char *objectName)
{
    auto *part = window.findChild<Part *>(QLatin1String(objectName));
    if (!part)
        qFatal("the window has no %s", objectName);
    return part;
}

inline ProcLab::WorkerActions *actions(const QObject &window)
{
    return find<ProcLab::WorkerActions>(window, "workerActions");
}
inline QAction *action(const QObject &window, ProcLab::WorkerActions::Id id)
{
    return actions(window)->action(id);
}
inline QToolBar *lessonToolBar(const QObject &window)
{
    return find<QToolBar>(window, "lessonToolBar");
}
inline QToolBar *workerToolBar(const QObject &window)
{
    return find<QToolBar>(window, "workerToolBar");
}
inline QSpinBox *countdownSeconds(const QObject &window)
{
    return find<QSpinBox>(*lessonToolBar(window), "countdownSeconds");
}
inline ProcLab::WorkerTableView *table(const QObject &window)
{
    return find<ProcLab::WorkerTableView>(window, "workerTable");
}
inline ProcLab::TableColumns *tableColumns(const QObject &window)
{
    return find<ProcLab::TableColumns>(window, "tableColumns");
}
inline QSplitter *mainSplitter(const QObject &window)
{
    return find<QSplitter>(window, "mainSplitter");
}
inline QTabWidget *lowerTabs(const QObject &window)
{
    return find<QTabWidget>(window, "lowerTabs");
}
inline ProcLab::OutputView *output(const QObject &window)
{
    return find<ProcLab::OutputView>(window, "outputView");
}
inline ProcLab::TimelineView *timeline(const QObject &window)
{
    return find<ProcLab::TimelineView>(window, "timelineView");
}
inline ProcLab::ProcessView *processView(const QObject &window)
{
    return find<ProcLab::ProcessView>(window, "processView");
}
inline ProcLab::PythonPanel *pythonPanel(const QObject &window)
{
    return find<ProcLab::PythonPanel>(window, "pythonPanel");
}
inline QLabel *label(const QObject &window, const char *objectName)
{
    return find<QLabel>(window, objectName);
}

} // namespace WindowParts
