#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace ProcLab {

class Session;

// The window's records of its sessions. Everything a window runs is recorded as it happens, in the
// record format (docs/record-format.md), to a file of the user's data folder named by the
// session's start ("2026-12-03_21-04-05.proclab-record"), so that a run can be opened or saved
// after the window closed, and File → Save record… can save one while it goes on.
//
// The folder is ProcLab's and bounded: the last KeptRecords records are kept, under
// FolderSizeLimit bytes together, the oldest dropped first, checked when a window starts and when
// its session ends; one session's own file stops growing at SizeLimit. A session that ran nothing
// leaves no file. A file another ProcLab is still writing is never removed: its keeper holds an
// exclusive flock() on it, which the kernel lets go when that ProcLab exits or crashes, so a
// crashed ProcLab's record is kept as any other (it ends at its last flush) and a reused PID
// cannot pass for a live writer.
//
// The user can turn recording off (Preferences): then nothing is written, and problem() says so.
class RecordKeeper final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 SizeLimit = 512LL * 1024 * 1024;
    static constexpr int KeptRecords = 20;
    static constexpr qint64 FolderSizeLimit = 1024LL * 1024 * 1024;

    enum class Recording { On, Off };

    // Starts recording the session, unless it records already (proclab --record FILE: then that
    // file is the one saved) or recording is Off.
    explicit RecordKeeper(Session &session, QObject *parent = nullptr);
    RecordKeeper(Session &session, Recording recording, QObject *parent = nullptr);
    ~RecordKeeper() override;

    // Something was recorded that can be saved.
    bool canSave() const { return !m_path.isEmpty(); }
    // Why the run is not (or no longer) recorded, or empty; empty also when the user turned
    // recording off, which is not a problem to report at every start.
    QString problem() const { return m_problem; }
    // Why there is nothing to save, in a sentence: recording is off, or problem().
    QString nothingToSave() const;
    // The file being written.
    QString path() const { return m_path; }
    bool isOff() const { return m_off; }

    // Copies the record so far, closed by an end record, to path. The copy runs on a thread of
    // the pool, so a big record never freezes the window; saved() says how it went.
    void saveAs(const QString &path);

    // The folder of the kept records: the data folder's "records".
    static QString folder();
    // Removes, oldest first, the records of folder that no ProcLab is writing until at most
    // keptRecords remain and they take at most folderBytes together; also those that hold nothing
    // but a header (and an end). Files not named as a keeper names them are left alone. Returns
    // the paths removed.
    static QStringList prune(const QString &folder,
                             int keptRecords = KeptRecords,
                             qint64 folderBytes = FolderSizeLimit);
    // Whether a ProcLab holds path as the record it is writing.
    static bool isBeingWritten(const QString &path);

signals:
    // error is empty when path was written.
    void saved(const QString &path, const QString &error);

private:
    void start();
    void finish();
    // Creates a new file in directory named by the start time, and locks it: false when none can.
    bool claimFile(const QString &directory);
    static void removeCacheLeftovers();

    Session &m_session;
    QString m_path;
    QString m_problem;
    bool m_ownsFile = false;
    bool m_off = false;
    int m_lockFd = -1;
    qint64 m_headerBytes = 0;
};

} // namespace ProcLab
