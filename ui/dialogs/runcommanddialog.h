#pragma once

#include "defaults.h"
#include "workerspec.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ProcLab {

// Asks for a command to run as a worker and says what is wrong with it before anything starts:
// an empty line, an unbalanced quote, a program that is not there or cannot be run, a working folder
// that does not exist. The message stands in red under the fields and OK stays disabled until the
// command would start; when it would, the label says which file will run.
//
// The dialog only builds a WorkerSpec; the window hands it to the pool. The command history is kept
// by whoever opens the dialog (setHistory/history), most recent first; the dialog opens with the
// most recent command selected in the field.
class RunCommandDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr int MaxHistory = Defaults::MaxRecentCommands;

    explicit RunCommandDialog(QWidget *parent = nullptr);

    void setHistory(const QStringList &commandLines);
    // The history with the accepted command moved to the front.
    QStringList history() const;

    QString commandLine() const;
    void setCommandLine(const QString &commandLine);
    QString workingDirectory() const;
    void setWorkingDirectory(const QString &directory);
    bool isLineBuffered() const;
    void setLineBuffered(bool lineBuffered);
    // Every process the command starts is followed (its own row, lane and exit); on by default.
    bool followsChildren() const;
    void setFollowChildren(bool follow);

    // Empty when the command would start; else the sentence the red label shows.
    QString validationError() const { return m_error; }
    bool isValid() const { return m_error.isEmpty(); }
    WorkerSpec spec() const;

    void accept() override;

protected:
    // The command offered is selected, so that typing replaces it and Enter runs it again.
    void showEvent(QShowEvent *event) override;

private:
    void validate();
    void browseForFolder();

    QComboBox *m_commandLine = nullptr;
    QLineEdit *m_workingDirectory = nullptr;
    QCheckBox *m_lineBuffered = nullptr;
    QCheckBox *m_followChildren = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QStringList m_history;
    QStringList m_searchPath;
    QString m_error;
};

} // namespace ProcLab
