// The Run command dialog: what it refuses and why, before anything starts; what it builds; its history.
#include "runcommanddialog.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ProcLab;

class tst_RunCommandDialog final : public QObject
{
    Q_OBJECT

private slots:
    void validates_data();
    void validates();
    void historyPutsTheAcceptedCommandFirst();
    void typingReplacesTheOfferedCommand();
};

void tst_RunCommandDialog::validates_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("error"); // a part of the message; empty: valid

    const QString worker = TestSupport::workerProgram();
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("Type the command");
    QTest::newRow("missing program") << QStringLiteral("proclab-no-such-program --flag")
                                     << QString() << QStringLiteral("no such program in PATH");
    QTest::newRow("unbalanced quote")
            << QStringLiteral("echo 'hello") << QString() << QStringLiteral("single quote");
    QTest::newRow("a folder") << QStringLiteral("/tmp") << QString()
                              << QStringLiteral("is a folder");
    QTest::newRow("not executable")
            << TestSupport::sourceDirectory() + QStringLiteral("/CMakeLists.txt") << QString()
            << QStringLiteral("not executable");
    QTest::newRow("missing folder")
            << worker + QStringLiteral(" say hi") << QStringLiteral("/nonexistent/folder")
            << QStringLiteral("does not exist");
    QTest::newRow("valid") << worker + QStringLiteral(" say 'hello there'")
                           << QStringLiteral("/tmp") << QString();
}

void tst_RunCommandDialog::validates()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, error);

    RunCommandDialog dialog;
    dialog.setCommandLine(commandLine);
    dialog.setWorkingDirectory(workingDirectory);
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("validationMessage"));
    QVERIFY(label);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok);

    if (error.isEmpty()) {
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationError()));
        QVERIFY(ok->isEnabled());
        QVERIFY2(label->text().startsWith(QStringLiteral("Runs ")), qPrintable(label->text()));
        const WorkerSpec spec = dialog.spec();
        QCOMPARE(spec.arguments,
                 QStringList({TestSupport::workerProgram(),
                              QStringLiteral("say"),
                              QStringLiteral("hello there")}));
        QCOMPARE(spec.workingDirectory, QStringLiteral("/tmp"));
        QVERIFY(spec.lineBuffered);
        QVERIFY(spec.useStdbuf);
        dialog.setLineBuffered(false);
        QVERIFY(!dialog.spec().lineBuffered);
        QVERIFY(!dialog.spec().useStdbuf);
    } else {
        QVERIFY(!dialog.isValid());
        QVERIFY(!ok->isEnabled());
        QVERIFY2(label->text().contains(error), qPrintable(label->text()));
        // Enter reaches accept() even with OK disabled: it must not accept.
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
}

void tst_RunCommandDialog::historyPutsTheAcceptedCommandFirst()
{
    const QString worker = TestSupport::workerProgram();
    const QString older = worker + QStringLiteral(" say one");
    const QString newer = worker + QStringLiteral(" say two");
    RunCommandDialog dialog;
    dialog.setHistory({newer, older});
    // The most recent command is offered, ready to run again.
    QCOMPARE(dialog.commandLine(), newer);
    QCOMPARE(dialog.findChild<QComboBox *>()->count(), 2);

    dialog.setCommandLine(older);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.history(), QStringList({older, newer}));

    QStringList many;
    for (int i = 0; i < RunCommandDialog::MaxHistory + 5; ++i)
        many.append(worker + QStringLiteral(" say %1").arg(i));
    dialog.setHistory(many);
    QCOMPARE(dialog.history().size(), RunCommandDialog::MaxHistory);
}

void tst_RunCommandDialog::typingReplacesTheOfferedCommand()
{
    // As a window opens it: the last command offered, the dialog opened over the window, then
    // activated by the window manager, which gives the field the focus (ActiveWindowFocusReason,
    // which does not select a line edit's text as Tab would). The user types at once.
    QWidget window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString worker = TestSupport::workerProgram();
    auto *dialog = new RunCommandDialog(&window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setHistory({QStringLiteral("sleep 300")});
    dialog->open();
    dialog->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), dialog);
    QLineEdit *field = dialog->findChild<QComboBox *>()->lineEdit();
    QVERIFY(field);
    QTRY_VERIFY(field->hasFocus());
    QCOMPARE(field->selectedText(), QStringLiteral("sleep 300"));

    const QString typed = worker + QStringLiteral(" say typed");
    QTest::keyClicks(QApplication::focusWidget(), typed);
    QCOMPARE(dialog->commandLine(), typed);
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog->spec().arguments,
             QStringList({worker, QStringLiteral("say"), QStringLiteral("typed")}));
    QCOMPARE(dialog->history(), QStringList({typed, QStringLiteral("sleep 300")}));
}

QTEST_MAIN(tst_RunCommandDialog)

#include "tst_runcommanddialog.moc"
