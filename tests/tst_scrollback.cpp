#include "scrollback.h"

#include <QTest>

using namespace ProcLab;

class tst_Scrollback final : public QObject
{
    Q_OBJECT

private slots:
    void keepsAbsoluteLineNumbers();
    void boundsByCharacters();
    void replacesAKeptLine();
    void clearIsNotCountedAsDropped();

private:
    static OutputLine line(const QString &text)
    {
        OutputLine result;
        result.text = text;
        return result;
    }
};

void tst_Scrollback::keepsAbsoluteLineNumbers()
{
    Scrollback scrollback(3, 1000);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(scrollback.append(line(QString::number(i))), qint64(i));
    QCOMPARE(scrollback.size(), 3);
    QCOMPARE(scrollback.firstLine(), 2);
    QCOMPARE(scrollback.endLine(), 5);
    QCOMPARE(scrollback.droppedLines(), 2);
    QCOMPARE(scrollback.at(2).text, QStringLiteral("2"));
    QCOMPARE(scrollback.at(4).text, QStringLiteral("4"));
    QVERIFY(!scrollback.contains(1));
}

void tst_Scrollback::boundsByCharacters()
{
    Scrollback scrollback(1000, 10);
    scrollback.append(line(QStringLiteral("aaaa")));
    scrollback.append(line(QStringLiteral("bbbb")));
    scrollback.append(line(QStringLiteral("cccc")));
    QCOMPARE(scrollback.size(), 2);
    QCOMPARE(scrollback.characterCount(), 8);
    // A single line over the cap is still kept: the newest output is always shown.
    scrollback.append(line(QString(50, u'z')));
    QCOMPARE(scrollback.size(), 1);
    QCOMPARE(scrollback.at(scrollback.firstLine()).text.size(), 50);
}

void tst_Scrollback::replacesAKeptLine()
{
    Scrollback scrollback(2, 1000);
    const qint64 progress = scrollback.append(line(QStringLiteral("10%")));
    QVERIFY(scrollback.replace(progress, line(QStringLiteral("100%"))));
    QCOMPARE(scrollback.at(progress).text, QStringLiteral("100%"));
    QCOMPARE(scrollback.characterCount(), 4);
    scrollback.append(line(QStringLiteral("x")));
    scrollback.append(line(QStringLiteral("y")));
    QVERIFY2(!scrollback.replace(progress, line(QStringLiteral("late"))),
             "a line that fell out cannot be replaced");
}

void tst_Scrollback::clearIsNotCountedAsDropped()
{
    Scrollback scrollback(10, 1000);
    scrollback.append(line(QStringLiteral("a")));
    scrollback.clear();
    QVERIFY(scrollback.isEmpty());
    QCOMPARE(scrollback.droppedLines(), 0);
    QCOMPARE(scrollback.append(line(QStringLiteral("b"))), qint64(1));
}

QTEST_GUILESS_MAIN(tst_Scrollback)
#include "tst_scrollback.moc"
