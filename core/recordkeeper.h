#pragma once

#include <QObject>
#include <QString>

namespace ProcLab {

class Session;

// The window's record of its session. Everything the window runs is recorded as it happens, in
// the record format (docs/record-format.md), to a file of the user's cache folder, so that
// File → Save record… can keep a run after it happened, not only from the moment one asks.
//
// The file is ProcLab's, not the user's: it is removed when the keeper goes (the window closes),
// and one left by a ProcLab that crashed is removed by the next. It is bounded: at SizeLimit
// recording stops, and what came before can still be saved.
class RecordKeeper final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 SizeLimit = 512LL * 1024 * 1024;

    // Starts recording the session, unless it records already (proclab --record FILE: then that
    // file is the one saved).
    explicit RecordKeeper(Session &session, QObject *parent = nullptr);
    ~RecordKeeper() override;

    // Something was recorded that can be saved.
    bool canSave() const { return !m_path.isEmpty(); }
    // Why the run is not (or no longer) recorded, or empty.
    QString problem() const { return m_problem; }
    // The file being written.
    QString path() const { return m_path; }

    // Copies the record so far, closed by an end record, to path. The copy runs on a thread of
    // the pool, so a big record never freezes the window; saved() says how it went.
    void saveAs(const QString &path);

    // The folder of the keepers' files.
    static QString folder();

signals:
    // error is empty when path was written.
    void saved(const QString &path, const QString &error);

private:
    static void removeLeftovers(const QString &folder);

    Session &m_session;
    QString m_path;
    QString m_problem;
    bool m_ownsFile = false;
};

} // namespace ProcLab
