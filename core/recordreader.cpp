#include "recordreader.h"

#include "recordwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ProcLab {

namespace {

// The reader is a pair of functions, not a class: this gives its sentences a context of their
// own, which lupdate sees too (a free function named tr() would leave them in "ProcLab").
struct RecordReader
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::RecordReader)
};

} // namespace

RecordReadResult readRecord(QIODevice &device)
{
    RecordReadResult result;
    int lineNumber = 0;
    const auto stop = [&result, &lineNumber](const QString &problem) {
        result.problemLine = lineNumber;
        result.problem = problem;
    };
    while (!device.atEnd()) {
        QByteArray line = device.readLine();
        ++lineNumber;
        const bool terminated = line.endsWith('\n');
        if (terminated)
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            // A run cut short (a crash, a full disk) leaves its last line half written.
            stop(terminated ? RecordReader::tr("line %1 is not a record (%2): the rest of the file "
                                               "was not read")
                                      .arg(lineNumber)
                                      .arg(error.errorString())
                            : RecordReader::tr(
                                      "the record ends in the middle of line %1: it was cut short")
                                      .arg(lineNumber));
            return result;
        }
        const QJsonObject record = document.object();
        const QString kind = record.value(QLatin1String("kind")).toString();
        if (result.records.isEmpty()) {
            if (kind != QLatin1String("header")
                || record.value(QLatin1String("format")).toString()
                           != QLatin1String("proclab-record")) {
                stop(RecordReader::tr(
                        "this is not a ProcLab record: its first line is not a record header"));
                return result;
            }
            result.formatVersion = record.value(QLatin1String("version")).toInt();
            if (result.formatVersion < 1) {
                stop(RecordReader::tr("the record header has no valid version"));
                return result;
            }
            if (result.formatVersion > RecordWriter::FormatVersion) {
                result.newerVersion = true;
                result.problem
                        = RecordReader::tr(
                                  "this record was written by a newer ProcLab (format %1; this "
                                  "version reads format %2): what it does not know is left out")
                                  .arg(result.formatVersion)
                                  .arg(RecordWriter::FormatVersion);
            }
        } else if (kind.isEmpty() || !record.value(QLatin1String("t")).isDouble()) {
            stop(RecordReader::tr("line %1 is not a record: it has no \"kind\" or no \"t\"")
                         .arg(lineNumber));
            return result;
        }
        result.records.append(record);
        if (kind == QLatin1String("end"))
            result.complete = true;
    }
    if (result.records.isEmpty())
        stop(RecordReader::tr("the record is empty"));
    return result;
}

RecordReadResult readRecordFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RecordReadResult result;
        result.problem = RecordReader::tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return readRecord(file);
}

} // namespace ProcLab
