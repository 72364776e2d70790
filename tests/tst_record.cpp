#include "recordreader.h"
#include "recordwriter.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ProcLab;

class tst_Record final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void roundTripsEveryKind();
    void everyLineIsOneJsonObject();
    void escapesHostileText();
    void keepsAHugeLineWhole();
    void flushesWithinASecondWithoutBeingAsked();
    void flushesOnDestruction();
    void truncatedRecordOpensUpToTheBadLine();
    void corruptLineStopsAndSaysWhere();
    void newerVersionSaysSo();
    void notARecordIsRefused();
    void unwritableFileIsAClearError();

private:
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    const qint64 m_start = 1'700'000'000'000'000;
};

void tst_Record::init()
{
    QVERIFY(m_dir.isValid());
}

void tst_Record::roundTripsEveryKind()
{
    const QString file = path("run.proclab-record");
    {
        RecordWriter writer;
        QVERIFY2(writer.open(file, m_start, {{QStringLiteral("command"), QStringLiteral("test")}}),
                 qPrintable(writer.errorString()));
        writer.writeProcessStart(m_start + 1500, 4250, 4242, {"python3", "a.py"}, 1);
        writer.writeProcessStart(m_start + 2250, 4251, 4250, {"python3", "a.py"}, 1);
        writer.writeProcessExec(m_start + 3000, 4251, {"/bin/sh", "-c", "exit 3"});
        writer.writeOutput(m_start + 4000, 4251, QLatin1String("stdout"), "서브 프로그램 0");
        writer.writeSignal(m_start + 5000, 4250, SIGTERM, QLatin1String("group"));
        writer.writeProcessExit(m_start + 6000, 4251, 3);
        writer.writeProcessExit(m_start + 7123, 4250, -SIGTERM);
        writer.writeProcessExit(m_start + 8000, 0, std::nullopt, {{"error", "no such program"}});
        writer.close(m_start + 9000);
    }

    const RecordReadResult result = readRecordFile(file);
    QVERIFY2(!result.hasProblem(), qPrintable(result.problem));
    QVERIFY(result.complete);
    QCOMPARE(result.formatVersion, RecordWriter::FormatVersion);
    QCOMPARE(result.records.size(), 10);

    const QJsonObject header = result.records.at(0);
    QCOMPARE(header["kind"].toString(), "header");
    QCOMPARE(header["format"].toString(), "proclab-record");
    QCOMPARE(header["t"].toDouble(), 0.0);
    QCOMPARE(header["command"].toString(), "test");
    QCOMPARE(QDateTime::fromString(header["started"].toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
             m_start / 1000);

    const QJsonObject start = result.records.at(2);
    QCOMPARE(start["kind"].toString(), "process");
    QCOMPARE(start["event"].toString(), "start");
    QCOMPARE(start["t"].toDouble(), 2.25); // microseconds survive as decimals of a millisecond
    QCOMPARE(start["pid"].toInteger(), 4251);
    QCOMPARE(start["ppid"].toInteger(), 4250);
    QCOMPARE(start["argv"].toArray().at(1).toString(), "a.py");
    QCOMPARE(start["worker"].toInt(), 1);

    QCOMPARE(result.records.at(3)["argv"].toArray().size(), 3);
    const QJsonObject output = result.records.at(4);
    QCOMPARE(output["kind"].toString(), "output");
    QCOMPARE(output["stream"].toString(), "stdout");
    QCOMPARE(output["text"].toString(), QStringLiteral("서브 프로그램 0"));
    QCOMPARE(result.records.at(5)["name"].toString(), "SIGTERM");
    QCOMPARE(result.records.at(5)["target"].toString(), "group");
    QCOMPARE(result.records.at(6)["exitcode"].toInt(), 3);
    QCOMPARE(result.records.at(7)["exitcode"].toInt(), -15);
    QCOMPARE(result.records.at(7)["signal"].toString(), "SIGTERM");
    QCOMPARE(result.records.at(7)["t"].toDouble(), 7.123);
    QVERIFY(result.records.at(8)["exitcode"].isNull());
    QCOMPARE(result.records.at(9)["kind"].toString(), "end");
}

void tst_Record::everyLineIsOneJsonObject()
{
    const QString file = path("lines.proclab-record");
    {
        RecordWriter writer;
        QVERIFY(writer.open(file, m_start));
        for (int i = 0; i < 1000; ++i)
            writer.writeOutput(m_start + i, 7, QLatin1String("stderr"), QString::number(i));
    }
    const QList<QByteArray> lines = contents(file).split('\n');
    QCOMPARE(lines.size(), 1002); // header, 1000 lines, and the empty piece after the last newline
    QVERIFY(lines.last().isEmpty());
    for (int i = 0; i < 1001; ++i) {
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i));
        QVERIFY2(document.isObject(), lines.at(i).constData());
        // "kind" and "t" lead every line, so grep finds them.
        QVERIFY2(lines.at(i).startsWith("{\"kind\":\""), lines.at(i).constData());
        QVERIFY(document.object().contains("t"));
    }
}

void tst_Record::escapesHostileText()
{
    const QString file = path("hostile.proclab-record");
    QString hostile = QStringLiteral("quote \" backslash \\ tab \t cr \r nul ");
    hostile += QChar(0);
    hostile += QStringLiteral(" esc \x1b[31m del \x7f bell \a ");
    hostile += QChar(0xFFFD); // what the decoder left of invalid UTF-8
    hostile += QStringLiteral(" 줄 \u2028 end");
    {
        RecordWriter writer;
        QVERIFY(writer.open(file, m_start));
        writer.writeOutput(m_start + 1, 1, QLatin1String("stdout"), hostile);
        writer.writeProcessExec(m_start + 2, 1, {hostile});
    }
    const RecordReadResult result = readRecordFile(file);
    QVERIFY2(!result.hasProblem(), qPrintable(result.problem));
    QCOMPARE(result.records.size(), 3);
    QCOMPARE(result.records.at(1)["text"].toString(), hostile);
    QCOMPARE(result.records.at(2)["argv"].toArray().at(0).toString(), hostile);
    // One line per record: no raw newline or control byte made it into the file.
    const QByteArray bytes = contents(file);
    QCOMPARE(bytes.count('\n'), 3);
    for (const char c : bytes)
        QVERIFY2(c == '\n' || static_cast<unsigned char>(c) >= 0x20, "raw control byte written");
}

void tst_Record::keepsAHugeLineWhole()
{
    const QString file = path("huge.proclab-record");
    const QString line(10 * 1024 * 1024, u'x');
    {
        RecordWriter writer;
        QVERIFY(writer.open(file, m_start));
        writer.writeOutput(m_start + 1, 1, QLatin1String("stdout"), line);
    }
    const RecordReadResult result = readRecordFile(file);
    QVERIFY2(!result.hasProblem(), qPrintable(result.problem));
    QCOMPARE(result.records.at(1)["text"].toString().size(), line.size());
}

void tst_Record::flushesWithinASecondWithoutBeingAsked()
{
    const QString file = path("live.proclab-record");
    RecordWriter writer;
    QVERIFY(writer.open(file, m_start));
    const qsizetype headerSize = contents(file).size();
    QVERIFY(headerSize > 0); // the header is on disk at once
    writer.writeOutput(m_start + 1, 1, QLatin1String("stdout"), "soon on disk");
    // Still buffered right after the write: the flush is batched, not per line.
    QCOMPARE(contents(file).size(), headerSize);
    QTRY_VERIFY_WITH_TIMEOUT(contents(file).contains("soon on disk"),
                             RecordWriter::FlushIntervalMs * 3);
}

void tst_Record::flushesOnDestruction()
{
    const QString file = path("destroyed.proclab-record");
    {
        RecordWriter writer;
        QVERIFY(writer.open(file, m_start));
        writer.writeOutput(m_start + 1, 1, QLatin1String("stdout"), "last words");
    }
    QVERIFY(contents(file).contains("last words"));
}

void tst_Record::truncatedRecordOpensUpToTheBadLine()
{
    const QString file = path("cut.proclab-record");
    {
        RecordWriter writer;
        QVERIFY(writer.open(file, m_start));
        for (int i = 0; i < 5; ++i)
            writer.writeOutput(m_start + i, 1, QLatin1String("stdout"), QString::number(i));
    }
    QByteArray bytes = contents(file);
    bytes.chop(9); // the last line loses its end, as when the machine lost power
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const RecordReadResult result = readRecord(buffer);
    QCOMPARE(result.records.size(), 5); // the header and four whole lines
    QCOMPARE(result.problemLine, 6);
    QVERIFY2(result.problem.contains("cut short"), qPrintable(result.problem));
    QVERIFY(!result.complete);
}

void tst_Record::corruptLineStopsAndSaysWhere()
{
    QByteArray bytes
            = "{\"kind\":\"header\",\"t\":0,\"format\":\"proclab-record\",\"version\":1}\n"
              "{\"kind\":\"output\",\"t\":1,\"pid\":1,\"stream\":\"stdout\",\"text\":\"a\"}\n"
              "\xff\xfe garbage\n"
              "{\"kind\":\"output\",\"t\":2,\"pid\":1,\"stream\":\"stdout\",\"text\":\"b\"}\n";
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const RecordReadResult result = readRecord(buffer);
    QCOMPARE(result.records.size(), 2);
    QCOMPARE(result.problemLine, 3);
    QVERIFY2(result.problem.contains("line 3"), qPrintable(result.problem));

    QByteArray noTime
            = "{\"kind\":\"header\",\"t\":0,\"format\":\"proclab-record\",\"version\":1}\n"
              "{\"kind\":\"output\",\"pid\":1}\n";
    QBuffer second(&noTime);
    QVERIFY(second.open(QIODevice::ReadOnly));
    const RecordReadResult missing = readRecord(second);
    QCOMPARE(missing.records.size(), 1);
    QCOMPARE(missing.problemLine, 2);
}

void tst_Record::newerVersionSaysSo()
{
    QByteArray bytes
            = "{\"kind\":\"header\",\"t\":0,\"format\":\"proclab-record\",\"version\":99}\n"
              "{\"kind\":\"hologram\",\"t\":1}\n"
              "{\"kind\":\"end\",\"t\":2}\n";
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const RecordReadResult result = readRecord(buffer);
    QVERIFY(result.newerVersion);
    QCOMPARE(result.formatVersion, 99);
    QVERIFY2(result.problem.contains("newer ProcLab"), qPrintable(result.problem));
    QCOMPARE(result.records.size(), 3); // read on: unknown kinds are the reader's to skip
    QVERIFY(result.complete);
}

void tst_Record::notARecordIsRefused()
{
    QByteArray bytes = "{\"hello\":1}\n";
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const RecordReadResult result = readRecord(buffer);
    QVERIFY(result.records.isEmpty());
    QVERIFY2(result.problem.contains("not a ProcLab record"), qPrintable(result.problem));

    QByteArray empty;
    QBuffer emptyBuffer(&empty);
    QVERIFY(emptyBuffer.open(QIODevice::ReadOnly));
    QVERIFY(readRecord(emptyBuffer).problem.contains("empty"));
}

void tst_Record::unwritableFileIsAClearError()
{
    RecordWriter writer;
    QVERIFY(!writer.open(path("no/such/folder/run.proclab-record"), m_start));
    QVERIFY(!writer.errorString().isEmpty());
    QVERIFY(!writer.isOpen());
    // Writing to a writer that could not open is harmless.
    writer.writeOutput(m_start, 1, QLatin1String("stdout"), "nowhere");
    writer.flush();
}

QTEST_GUILESS_MAIN(tst_Record)
#include "tst_record.moc"
