#include "runcommanddialog.h"

#include "commandline.h"
#include "programlocator.h"

#include <QApplication>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ProcLab {

namespace {

constexpr int MinPointSize = 12;

// The core words its reasons as clauses ("“x”: no such file"); the dialog shows them as sentences.
QString sentence(const QString &clause)
{
    if (clause.isEmpty())
        return clause;
    QString text = clause;
    text[0] = text.at(0).toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

RunCommandDialog::RunCommandDialog(QWidget *parent)
    : QDialog(parent)
    , m_searchPath(systemSearchPath())
{
    setWindowTitle(tr("Run Command"));
    // The class may be reading the command as it is typed: the size of the window's table text.
    QFont font = this->font();
    font.setPointSize(qMax(MinPointSize, QApplication::font().pointSize() + 2));
    setFont(font);

    m_commandLine = new QComboBox(this);
    m_commandLine->setEditable(true);
    // History entries are chosen from the list, not inserted by pressing Enter: Enter means OK.
    m_commandLine->setInsertPolicy(QComboBox::NoInsert);
    m_commandLine->setMinimumContentsLength(40);
    m_commandLine->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_commandLine->lineEdit()->setPlaceholderText(tr("for example: python3 count.py"));
    m_commandLine->lineEdit()->setClearButtonEnabled(true);

    m_workingDirectory = new QLineEdit(this);
    m_workingDirectory->setPlaceholderText(QDir::currentPath());
    m_workingDirectory->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("Browse…"), this);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_workingDirectory, 1);
    folderRow->addWidget(browse);

    m_lineBuffered = new QCheckBox(tr("Line-buffer output"), this);
    m_lineBuffered->setChecked(true);
    m_lineBuffered->setToolTip(
            tr("Asks the program to write each line as soon as it prints it "
               "(Python: line-buffered stdout and stderr; C programs: stdbuf), so "
               "that output "
               "arrives live instead of in blocks."));

    m_followChildren = new QCheckBox(tr("Follow the processes it starts"), this);
    m_followChildren->setObjectName(QStringLiteral("followChildren"));
    m_followChildren->setChecked(true);
    m_followChildren->setToolTip(
            tr("Show every process the command starts, at any depth, with its PID, what it runs, "
               "and when and how it ends, however briefly it lives. Turn it off for programs that "
               "need their set-user-ID privileges (sudo, ping) or trace processes themselves."));

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("validationMessage"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Command:"), m_commandLine);
    // A label of its own: the form gives a buddy (and so a working "&W") only to a single widget.
    auto *folderLabel = new QLabel(tr("&Working folder:"), this);
    folderLabel->setBuddy(m_workingDirectory);
    form->addRow(folderLabel, folderRow);
    form->addRow(QString(), m_lineBuffered);
    form->addRow(QString(), m_followChildren);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_commandLine, &QComboBox::editTextChanged, this, &RunCommandDialog::validate);
    connect(m_workingDirectory, &QLineEdit::textChanged, this, &RunCommandDialog::validate);
    connect(browse, &QPushButton::clicked, this, &RunCommandDialog::browseForFolder);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RunCommandDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RunCommandDialog::reject);

    validate();
}

void RunCommandDialog::setHistory(const QStringList &commandLines)
{
    m_history = commandLines.mid(0, MaxHistory);
    const QString current = m_commandLine->currentText();
    m_commandLine->clear();
    m_commandLine->addItems(m_history);
    // Offer the most recent command, ready to run again or to edit.
    m_commandLine->setEditText(m_history.isEmpty() ? current : m_history.constFirst());
    validate();
}

QStringList RunCommandDialog::history() const
{
    return m_history;
}

QString RunCommandDialog::commandLine() const
{
    return m_commandLine->currentText();
}

void RunCommandDialog::setCommandLine(const QString &commandLine)
{
    m_commandLine->setEditText(commandLine);
}

QString RunCommandDialog::workingDirectory() const
{
    return m_workingDirectory->text().trimmed();
}

void RunCommandDialog::setWorkingDirectory(const QString &directory)
{
    m_workingDirectory->setText(directory);
}

bool RunCommandDialog::isLineBuffered() const
{
    return m_lineBuffered->isChecked();
}

void RunCommandDialog::setLineBuffered(bool lineBuffered)
{
    m_lineBuffered->setChecked(lineBuffered);
}

bool RunCommandDialog::followsChildren() const
{
    return m_followChildren->isChecked();
}

void RunCommandDialog::setFollowChildren(bool follow)
{
    m_followChildren->setChecked(follow);
}

WorkerSpec RunCommandDialog::spec() const
{
    WorkerSpec spec;
    spec.arguments = splitCommandLine(commandLine()).arguments;
    spec.workingDirectory = workingDirectory();
    spec.lineBuffered = isLineBuffered();
    spec.useStdbuf = isLineBuffered();
    spec.followChildren = followsChildren();
    return spec;
}

void RunCommandDialog::accept()
{
    // Enter in the combo box reaches here even while OK is disabled.
    validate();
    if (!isValid())
        return;
    const QString command = commandLine().trimmed();
    m_history.removeAll(command);
    m_history.prepend(command);
    m_history = m_history.mid(0, MaxHistory);
    QDialog::accept();
}

void RunCommandDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    // The field gets the focus by activation, and QLineEdit selects its text only on Tab focus:
    // without this, what the user types is appended to the offered command.
    m_commandLine->setFocus(Qt::OtherFocusReason);
    m_commandLine->lineEdit()->selectAll();
}

void RunCommandDialog::validate()
{
    const QString text = commandLine();
    const QString folder = workingDirectory();
    QString hint;
    m_error.clear();

    const SplitCommand split = splitCommandLine(text);
    if (text.trimmed().isEmpty()) {
        m_error = tr("Type the command to run.");
    } else if (!split.isValid()) {
        m_error = sentence(split.error);
    } else if (!folder.isEmpty() && !QFileInfo(folder).isDir()) {
        m_error = QFileInfo::exists(folder)
                          ? tr("The working folder “%1” is not a folder.").arg(folder)
                          : tr("The working folder “%1” does not exist.").arg(folder);
    } else {
        const ProgramLocation location = locateProgram(split.arguments.constFirst(),
                                                       folder,
                                                       m_searchPath);
        if (location.isValid())
            hint = tr("Runs %1").arg(QDir::toNativeSeparators(location.path));
        else
            m_error = sentence(location.error);
    }

    // An empty line is not a mistake yet: it gets a plain hint, the others stand out in red.
    const bool empty = text.trimmed().isEmpty();
    m_message->setText(m_error.isEmpty() ? hint : m_error);
    const bool isMistake = !m_error.isEmpty() && !empty;
    QPalette palette = this->palette();
    palette.setColor(QPalette::WindowText,
                     isMistake ? QColor(0xb0, 0x1c, 0x1c)
                               : palette.color(QPalette::PlaceholderText));
    m_message->setPalette(palette);
    QFont font = this->font();
    font.setBold(isMistake);
    m_message->setFont(font);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_error.isEmpty());
}

void RunCommandDialog::browseForFolder()
{
    // Not the static getExistingDirectory(): its nested event loop would hold up the window's
    // updates and a close request while the user browses.
    auto *dialog = new QFileDialog(this, tr("Working Folder"), workingDirectory());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &folder) {
        m_workingDirectory->setText(QDir::toNativeSeparators(folder));
    });
    dialog->open();
}

} // namespace ProcLab
