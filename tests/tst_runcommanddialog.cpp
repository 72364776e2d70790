// The Run command dialog: what it refuses and why, before anything starts; what it builds; its history.
#include "runcommanddialog.h"
#include "testsupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace ProcLab;

class tst_RunCommandDialog final : public QObject
{
    Q_OBJECT

private slots:
    void validates_data();
    void validates();
    void historyPutsTheAcceptedCommandFirst();
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

QTEST_MAIN(tst_RunCommandDialog)

#include "tst_runcommanddialog.moc"
