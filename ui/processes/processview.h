#pragma once

#include "processtarget.h"

#include <QSet>
#include <QTreeView>

namespace ProcLab {

class ProcessSampler;
class ProcessTreeModel;
class WorkerPool;

// The "Processes" panel: ProcessTreeModel in a tree view, every row expanded as it appears, so the
// class sees at a glance that the workers are children of the main process and that a worker's
// own children are its children in turn, with the PID and PPID that prove it. Orphans are shown in
// italics, in amber, and say so; zombies in a colour of their own; ended processes dimmed.
//
// With nothing selected in the table it shows every worker that runs; with a selection, the trees
// of the selected workers (setSelectedProcesses: a selected descendant picks its worker's tree and
// is selected in it). What the user selects here is announced (processSelected), and a right-click
// on a process asks for its menu (processMenuRequested); the window builds that menu. Its texts
// follow a change of language at once.
class ProcessView final : public QTreeView
{
    Q_OBJECT

public:
    ProcessView(const WorkerPool &pool, const ProcessSampler &sampler, QWidget *parent = nullptr);

    ProcessTreeModel *processModel() const { return m_model; }
    // The trees of these workers; every running worker's when empty.
    void setWorkerFilter(const QSet<int> &workerIds);
    // The table's selection: the trees of the targets' workers, with the targets selected in them.
    // Selecting them here does not emit processSelected.
    void setSelectedProcesses(const ProcessTargets &targets);
    // The processes selected here, in the order of the rows (the main process and "+N more" rows
    // are left out).
    ProcessTargets selectedProcesses() const;
    // What the tree says when it lists no worker ("No worker is running…"); empty when it lists one.
    QString emptyTreeText() const;
    int fontPointSize() const { return font().pointSize(); }
    void setFontPointSize(int points);

signals:
    // The user selected a process (a worker's program or one of its descendants) by mouse or
    // keyboard: the current one of the selection.
    void processSelected(const ProcLab::ProcessTarget &target);
    // A right-click on a process that has not been reaped (running, stopped or a zombie): the
    // window shows its menu at globalPos. Ended processes ask for none: their PID may be reused.
    void processMenuRequested(const ProcLab::ProcessTarget &target, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void expandInserted(const QModelIndex &parent, int first, int last);
    void sizeColumns();
    void applySelection();
    void announceSelection();

    ProcessTreeModel *m_model;
    ProcessTargets m_targets;
    // Inside a mouse or key event: a change of selection now is the user's.
    bool m_userAction = false;
    bool m_applying = false;
};

} // namespace ProcLab
