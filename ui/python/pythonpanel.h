#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ProcLab {

class PythonMirror;

// The Python mirror beside the live processes: for everything the workers did, the line of the
// tutorial's Python that does the same (p1.start()  # pid 4250, p1.terminate(), p1.exitcode  # -15),
// added as it happens. "Copy script" and "Save script…" give the whole session as a program that
// runs with python3 and does it again. Its texts follow a change of language at once.
class PythonPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PythonPanel(const PythonMirror &mirror, QWidget *parent = nullptr);

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

    const PythonMirror &m_mirror;
    QLabel *m_title;
    QPlainTextEdit *m_editor;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
};

} // namespace ProcLab
