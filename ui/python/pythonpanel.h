#pragma once

#include "pythonsource.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace ProcLab {

class PythonHighlighter;
class PythonMirror;
class PythonSourceView;
class Worker;

// The Python beside the live processes, chosen by the worker selected (setWorker()):
// - a Python worker (its hook is connected, or it reported calls): the program's own source, each
//   line that made a multiprocessing call annotated with what it did ("p.start()  # → 31470,
//   31471"), updated as the calls arrive, a few lines at a time;
// - otherwise the Python mirror: for everything the workers did, the line of Python that does the
//   same (p1.start()  # pid 4250, p1.terminate(), p1.exitcode  # -15), added as it happens.
// "Copy" gives what is shown: the mirror's whole session as a program that runs with python3 and
// does it again, or the annotated source. "Save script…" saves the mirror's program; a Python
// worker's source is a file of its own already, so it is not offered there.
// Its texts follow a change of language at once.
class PythonPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PythonPanel(const PythonMirror &mirror, QWidget *parent = nullptr);

    // The worker whose Python to show; nullptr (or a worker that is not Python): the mirror.
    void setWorker(const Worker *worker);
    const Worker *worker() const;
    // Whether it shows a Python worker's source (else the mirror).
    bool showsSource() const { return m_showsSource; }
    // The file whose source is shown; empty with the mirror.
    QString sourceFile() const { return m_sourceFile; }
    // The annotation shown after this line of the source (1-based), without "  # → ".
    QString annotation(int line) const;

    // The lines shown, one per line of Python.
    QString text() const;
    int fontPointSize() const;
    void setFontPointSize(int points);

    void copyScript();
    // Opens a file dialog (open(), not exec()); the script is written when a name is chosen.
    void saveScriptAs();
    bool saveScript(const QString &fileName, QString *error = nullptr) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void appendLine(const QString &line);
    void noteMirrorModules(const QString &line);
    void updateMode();
    void showMode(bool python);
    void takePythonCalls(const QList<ProcLab::PythonCall> &calls);
    QString fileToShow() const;
    void loadSource();
    void flushAnnotations();

    const PythonMirror &m_mirror;
    QLabel *m_title;
    QLabel *m_sourceMessage;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_editor;
    PythonHighlighter *m_highlighter;
    PythonSourceView *m_sourceView;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
    // What the mirror's code uses, for a title that says so.
    bool m_mirrorUsesMultiprocessing = false;
    bool m_mirrorUsesSubprocess = false;

    QPointer<const Worker> m_worker;
    QList<QMetaObject::Connection> m_workerConnections;
    bool m_showsSource = false;
    PythonSourceAnnotations m_annotations;
    QString m_sourceFile;
    QString m_sourceError;
    // Lines whose annotation changed since the last flush: calls arrive in bursts (a loop's
    // start()s), and the view is updated once per burst.
    QSet<int> m_dirtyLines;
    bool m_reloadSource = false;
    QTimer m_flushTimer;
};

} // namespace ProcLab
