#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class QIODevice;

namespace ProcLab {

// Reads a ProcLab record (docs/record-format.md) back: every record up to the end, or up to the first
// line that is not a record, which is then named with its line number. A record written by a newer
// ProcLab is read as far as this version understands it, and says so.
struct RecordReadResult
{
    QList<QJsonObject> records; // the header first
    int formatVersion = 0;      // 0: no valid header
    bool newerVersion = false;  // written by a ProcLab that knows a newer format
    bool complete = false;      // ends with the closing "end" record
    int problemLine = 0;        // 1-based line where reading stopped; 0: none
    QString problem;            // a sentence for the user; empty when the whole file was read

    bool hasProblem() const { return !problem.isEmpty(); }
};

RecordReadResult readRecord(QIODevice &device);
RecordReadResult readRecordFile(const QString &path);

} // namespace ProcLab
