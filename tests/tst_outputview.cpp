#include "descendanttracker.h"
#include "findbar.h"
#include "outputview.h"
#include "testsupport.h"
#include "worker.h"
#include "workercolors.h"
#include "workerpool.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace ProcLab;

namespace {

constexpr int WorkerTimeoutMs = 60000;

// "flood --lines 10" → the worker program with those arguments (split at spaces).
WorkerSpec workerSpec(const QString &arguments)
{
    WorkerSpec spec;
    spec.arguments = QStringList{TestSupport::workerProgram()}
                     + arguments.split(u' ', Qt::SkipEmptyParts);
    return spec;
}

QStringList allRows(const OutputView &view)
{
    QStringList rows;
    for (int row = 0; row < view.visibleLineCount(); ++row)
        rows.append(view.lineTextAt(row));
    return rows;
}

// The viewport as painted, in viewport coordinates (those of visualRect()).
QImage paintedViewport(OutputView &view)
{
    return view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

// Pixels of a row painted in a saturated colour whose hue lies in [hueFrom, hueTo] (wrapping at
// 360), from x on: the glyphs of a coloured span, antialiased edges included.
int pixelsOfHue(const QImage &image, const QRect &row, int x, int hueFrom, int hueTo)
{
    int count = 0;
    for (int y = qMax(0, row.top()); y <= qMin(image.height() - 1, row.bottom()); ++y) {
        for (int column = x; column < qMin(image.width(), row.right() + 1); ++column) {
            const QColor colour(image.pixel(column, y));
            const int hue = colour.hsvHue();
            if (colour.hsvSaturation() < 90 || colour.value() < 60 || hue < 0)
                continue;
            const bool inRange = hueFrom <= hueTo ? hue >= hueFrom && hue <= hueTo
                                                  : hue >= hueFrom || hue <= hueTo;
            count += inRange ? 1 : 0;
        }
    }
    return count;
}

// Pixels of a part of the image that differ from the background colour: something is drawn there.
int inkedPixels(const QImage &image, const QRect &area, QRgb background)
{
    int count = 0;
    const QRect bounded = area.intersected(image.rect());
    for (int y = bounded.top(); y <= bounded.bottom(); ++y) {
        for (int x = bounded.left(); x <= bounded.right(); ++x)
            count += image.pixel(x, y) != background ? 1 : 0;
    }
    return count;
}

int countLinesOf(const WorkerPool &pool, const QSet<int> &workerIds)
{
    const Scrollback &log = pool.log();
    int count = 0;
    for (qint64 line = log.firstLine(); line < log.endLine(); ++line)
        count += workerIds.contains(log.at(line).workerId) ? 1 : 0;
    return count;
}

} // namespace

// The output view against real proclab-worker processes, on the offscreen platform.
class tst_OutputView final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void floodIsTrackedWithinTheScrollback();
    void filterShowsOnlySelectedWorkers();
    void findLocatesLines();
    void findBarKeys();
    void saveWritesFilteredPlainText();
    void followStaysAtBottomOnlyWhenAtBottom();
    void ansiIsStripped();
    void progressLineUpdatesInPlace();
    void tenMegabyteLineDoesNotStall();
    void droppedLinesAreAnnounced();
    void mouseSelectionAndCopy();
    void zoomKeepsReadableSizes();
    void childLinesShowTheirWriter();

private:
    // Waits until every worker of the pool has ended: a pool must never be destroyed with a process
    // running. A condition, not a sleep.
    static bool finish(WorkerPool &pool);
    static bool show(OutputView &view, const QSize &size);
};

void tst_OutputView::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Destroyed while process")));
}

bool tst_OutputView::finish(WorkerPool &pool)
{
    return QTest::qWaitFor([&pool] { return !pool.hasActiveWorkers(); }, WorkerTimeoutMs);
}

bool tst_OutputView::show(OutputView &view, const QSize &size)
{
    view.resize(size);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

void tst_OutputView::floodIsTrackedWithinTheScrollback()
{
    WorkerPool pool;
    pool.setLogLimits(5000, 64 * 1024 * 1024);
    OutputView view(pool);
    QVERIFY2(show(view, {800, 400}), "the view never showed");
    // A second view filtered to the flood: its list of matching lines is pruned as the log drops.
    OutputView filtered(pool);
    int overflows = 0;
    connect(&pool, &WorkerPool::logAppended, &view, [&] {
        if (view.visibleLineCount() > pool.log().size()
            || filtered.visibleLineCount() > pool.log().size()
            || (filtered.visibleLineCount() > 0 && !pool.log().contains(filtered.lineNumberAt(0)))) {
            ++overflows;
        }
    });

    Worker *flood = pool.spawn(workerSpec(QStringLiteral("flood --lines 20000")));
    QVERIFY(flood);
    filtered.setWorkerFilter({flood->id()});
    QVERIFY2(finish(pool), "workers still running");

    QCOMPARE(view.visibleLineCount(), int(pool.log().size()));
    QCOMPARE(filtered.visibleLineCount(), countLinesOf(pool, {flood->id(), 0}));
    QVERIFY2(pool.log().size() <= 5000, "the log is bounded");
    QCOMPARE(overflows, 0);
    QVERIFY2(pool.log().droppedLines() > 0, "20 000 lines into 5 000 must drop some");
    QCOMPARE(view.droppedLines(), pool.log().droppedLines());

    const QStringList rows = allRows(view);
    const auto lastFlood = std::find_if(rows.rbegin(), rows.rend(), [](const QString &row) {
        return row.startsWith(QLatin1String("flood "));
    });
    QVERIFY2(lastFlood != rows.rend(), "no flood line in view");
    QVERIFY2(lastFlood->startsWith(QLatin1String("flood 000020000")), qPrintable(*lastFlood));
    QVERIFY(view.isFollowing());
    // The scroll bar spans exactly the lines kept, a screenful of rows to a page.
    QScrollBar *bar = view.verticalScrollBar();
    const int rowHeight = view.visualRect(0).height();
    QVERIFY(rowHeight > 0);
    QCOMPARE(bar->pageStep(), view.viewport()->height() / rowHeight);
    QCOMPARE(bar->maximum(), view.visibleLineCount() - bar->pageStep());
    QCOMPARE(bar->value(), bar->maximum());
    // And the newest line is painted at the bottom: its row has text across the viewport's middle,
    // where a flood line of 64 characters reaches and the empty space below it does not.
    const QImage painted = paintedViewport(view);
    const QRgb background = view.viewport()->palette().color(QPalette::Base).rgb();
    const int lastRow = view.visibleLineCount() - 1;
    QCOMPARE(view.firstVisibleRow() + bar->pageStep() - 1, lastRow);
    const QRect lastRect = view.visualRect(lastRow);
    QVERIFY2(lastRect.bottom() < view.viewport()->height(), "the last row is on screen");
    const QRect middle(view.viewport()->width() / 3,
                       lastRect.top(),
                       view.viewport()->width() / 3,
                       lastRect.height());
    QVERIFY2(inkedPixels(painted, middle, background) > 20, "the last row is not painted");
    const QRect below(0,
                      lastRect.bottom() + 1,
                      view.viewport()->width(),
                      view.viewport()->height() - lastRect.bottom() - 1);
    QCOMPARE(inkedPixels(painted, below, background), 0);
}

void tst_OutputView::filterShowsOnlySelectedWorkers()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {800, 400}), "the view never showed");

    Worker *alpha = pool.spawn(
            workerSpec(QStringLiteral("count --to 6 --interval-ms 0 --label alpha")));
    Worker *beta = pool.spawn(workerSpec(QStringLiteral("say beta")));
    pool.appendMainProcessLine(QStringLiteral("main process line"));
    QVERIFY(alpha && beta);
    // Set before the output arrives: the filter is extended line by line as it comes.
    view.setWorkerFilter({alpha->id()});
    QVERIFY2(finish(pool), "workers still running");

    QCOMPARE(view.visibleLineCount(), countLinesOf(pool, {alpha->id(), 0}));
    QStringList rows = allRows(view);
    QVERIFY2(rows.contains(QStringLiteral("main process line")), "main-process lines always show");
    // alpha's own line and its five numbers, all of them.
    QVERIFY2(rows.contains(QStringLiteral("Process %1 says: alpha").arg(alpha->pid())),
             qPrintable(rows.join(u'\n')));
    QCOMPARE(rows.filter(QStringLiteral("Number")).size(), 5);
    QVERIFY2(rows.filter(QStringLiteral("beta")).isEmpty(), qPrintable(rows.join(u'\n')));

    // Changing the filter rebuilds it from the log.
    view.setWorkerFilter({beta->id()});
    QCOMPARE(view.visibleLineCount(), countLinesOf(pool, {beta->id(), 0}));
    rows = allRows(view);
    QVERIFY2(rows.contains(QStringLiteral("Process %1 says: beta").arg(beta->pid())),
             qPrintable(rows.join(u'\n')));
    QVERIFY2(rows.filter(QStringLiteral("Number")).isEmpty(), qPrintable(rows.join(u'\n')));

    view.setWorkerFilter({});
    QCOMPARE(view.visibleLineCount(), int(pool.log().size()));
}

void tst_OutputView::findLocatesLines()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {600, 300}), "the view never showed");
    pool.spawn(workerSpec(QStringLiteral("flood --lines 100000")));
    QVERIFY2(finish(pool), "workers still running");
    QVERIFY(view.visibleLineCount() > 99000);

    QVERIFY2(view.find(QStringLiteral("FLOOD 000001234")), "case-insensitive find failed");
    int row = view.currentMatchRow();
    QVERIFY(view.lineTextAt(row).startsWith(QLatin1String("flood 000001234")));
    QVERIFY2(row >= view.firstVisibleRow()
                     && view.visualRect(row).bottom() < view.viewport()->height(),
             "the match is scrolled into view");
    QVERIFY2(!view.isFollowing(), "jumping to a match far up pauses following");

    QVERIFY(view.find(QStringLiteral("flood 00000123")));
    QVERIFY(view.lineTextAt(view.currentMatchRow()).startsWith(QLatin1String("flood 000001235")));
    QVERIFY(view.find(QStringLiteral("flood 00000123"), true));
    QVERIFY(view.lineTextAt(view.currentMatchRow()).startsWith(QLatin1String("flood 000001234")));

    // Past the end, the search wraps around to the top.
    QVERIFY(view.find(QStringLiteral("flood 000099999")));
    QVERIFY(view.find(QStringLiteral("flood 000000500")));
    QVERIFY(view.lineTextAt(view.currentMatchRow()).startsWith(QLatin1String("flood 000000500")));

    QElapsedTimer timer;
    timer.start();
    QVERIFY(!view.find(QStringLiteral("not in the output")));
    QVERIFY2(timer.elapsed() < 2000,
             qPrintable(
                     QStringLiteral("a miss over 100 000 lines took %1 ms").arg(timer.elapsed())));
    QCOMPARE(view.currentMatchRow(), -1);
}

void tst_OutputView::findBarKeys()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {600, 300}), "the view never showed");
    pool.spawn(workerSpec(QStringLiteral("count --to 30 --interval-ms 0")));
    QVERIFY2(finish(pool), "workers still running");

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_F, Qt::ControlModifier);
    auto *bar = view.findChild<FindBar *>();
    QVERIFY(bar);
    QTRY_VERIFY2(bar->isVisible(), "Ctrl+F opens the find bar");
    auto *field = bar->findChild<QLineEdit *>();
    QVERIFY(field);
    QTest::keyClicks(field, QStringLiteral("number 2"));
    QVERIFY2(view.currentMatchRow() >= 0, "typing finds as you type");
    const QString first = view.lineTextAt(view.currentMatchRow());
    QVERIFY2(first.contains(QLatin1String("Number 2")), qPrintable(first));

    QTest::keyClick(field, Qt::Key_Return);
    const QString second = view.lineTextAt(view.currentMatchRow());
    QVERIFY2(second != first && second.contains(QLatin1String("Number 2")), qPrintable(second));
    QTest::keyClick(field, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(view.lineTextAt(view.currentMatchRow()), first);

    QTest::keyClicks(field, QStringLiteral("zzz"));
    QVERIFY2(bar->isNotFound(), "a miss is reported");
    QTest::keyClick(field, Qt::Key_Escape);
    QVERIFY2(bar->isHidden(), "Esc closes the find bar");
}

void tst_OutputView::saveWritesFilteredPlainText()
{
    WorkerPool pool;
    OutputView view(pool);
    Worker *hello = pool.spawn(workerSpec(QStringLiteral("say hello")));
    Worker *korean = pool.spawn(workerSpec(QStringLiteral("say 서브 프로그램")));
    Worker *errors = pool.spawn(workerSpec(QStringLiteral("echo-stderr oops")));
    QVERIFY(hello && korean && errors);
    QVERIFY2(finish(pool), "workers still running");

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(view.saveTo(&buffer));
    const QString saved = QString::fromUtf8(buffer.data());
    const QString helloPid = QString::number(hello->pid());
    const QString koreanPid = QString::number(korean->pid());
    const QString errorsPid = QString::number(errors->pid());
    // Empty when the line is there, else a message saying what is missing.
    const auto expect = [&saved](const QString &line) {
        return saved.contains(QString(line + u'\n'))
                       ? QByteArray()
                       : QString(line + u" not in:\n" + saved).toUtf8();
    };
    QByteArray missing = expect(helloPid + u" | Process " + helloPid + u" says: hello");
    QVERIFY2(missing.isEmpty(), missing.constData());
    missing = expect(koreanPid + u" | Process " + koreanPid + u" says: 서브 프로그램");
    QVERIFY2(missing.isEmpty(), missing.constData());
    missing = expect(errorsPid + u" | oops");
    QVERIFY2(missing.isEmpty(), missing.constData());
    QVERIFY2(saved.contains(QString(helloPid + u" | \u25b8 started " + helloPid)),
             qPrintable(saved));
    QCOMPARE(saved.count(u'\n'), view.visibleLineCount());

    view.setShowTimestamps(true);
    view.setWorkerFilter({errors->id()});
    QBuffer filtered;
    QVERIFY(filtered.open(QIODevice::WriteOnly));
    QVERIFY(view.saveTo(&filtered));
    const QStringList lines = QString::fromUtf8(filtered.data()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), countLinesOf(pool, {errors->id(), 0}));
    const QRegularExpression format(
            QStringLiteral("^\\[\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] %1 \\| ").arg(errorsPid));
    for (const QString &line : lines)
        QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
    QVERIFY(!filtered.data().contains("hello"));

    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    QVERIFY2(!view.saveTo(&readOnly), "a device that cannot be written is refused");
}

void tst_OutputView::followStaysAtBottomOnlyWhenAtBottom()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {600, 200}), "the view never showed");
    QSignalSpy followSpy(&view, &OutputView::followChanged);
    QScrollBar *bar = view.verticalScrollBar();
    const QString flood = QStringLiteral("flood --lines 500");

    QVERIFY(view.isFollowing());
    pool.spawn(workerSpec(flood));
    QVERIFY2(finish(pool), "workers still running");
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(followSpy.isEmpty());

    // Wired as a window does it, both ways: the callback must not turn the pause into a stop.
    QAction windowAction;
    windowAction.setCheckable(true);
    windowAction.setChecked(view.isFollowing());
    connect(&windowAction, &QAction::toggled, &view, &OutputView::setFollow);
    connect(&view, &OutputView::followChanged, &windowAction, &QAction::setChecked);

    // The user scrolls up: following pauses, and new output leaves the view where it is.
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Home);
    QVERIFY(!view.isFollowing());
    QCOMPARE(followSpy.size(), 1);
    QCOMPARE(followSpy.last().first().toBool(), false);
    QTest::keyClick(&view, Qt::Key_PageDown);
    const qint64 topLine = view.lineNumberAt(view.firstVisibleRow());
    pool.spawn(workerSpec(flood));
    QVERIFY2(finish(pool), "workers still running");
    QCOMPARE(view.lineNumberAt(view.firstVisibleRow()), topLine);
    QVERIFY(bar->value() < bar->maximum());

    QVERIFY(!windowAction.isChecked());

    // Back at the bottom, it follows again.
    QTest::keyClick(&view, Qt::Key_End);
    QVERIFY(view.isFollowing());
    QVERIFY(windowAction.isChecked());
    QCOMPARE(followSpy.size(), 2);
    pool.spawn(workerSpec(flood));
    QVERIFY2(finish(pool), "workers still running");
    QCOMPARE(bar->value(), bar->maximum());

    // Turned off explicitly, it stays put even at the bottom, until turned on again.
    view.setFollow(false);
    const int value = bar->value();
    pool.spawn(workerSpec(flood));
    QVERIFY2(finish(pool), "workers still running");
    QCOMPARE(bar->value(), value);
    QVERIFY(bar->value() < bar->maximum());
    QTest::keyClick(&view, Qt::Key_End);
    QVERIFY2(!view.isFollowing(), "an explicit off is not undone by scrolling");
    view.setFollow(true);
    QVERIFY(view.isFollowing());
    QCOMPARE(bar->value(), bar->maximum());
}

void tst_OutputView::ansiIsStripped()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {600, 300}), "the view never showed");
    pool.spawn(workerSpec(QStringLiteral("ansi")));
    QVERIFY2(finish(pool), "workers still running");

    const QStringList rows = allRows(view);
    for (const QString &expected : {QStringLiteral("red"),
                                    QStringLiteral("green"),
                                    QStringLiteral("bold"),
                                    QStringLiteral("256-colour 208"),
                                    QStringLiteral("bold blue then reset to plain")}) {
        QVERIFY2(rows.contains(expected), qPrintable(expected + u" not in:\n" + rows.join(u'\n')));
    }
    for (const QString &row : rows) {
        QVERIFY2(!row.contains(QChar(0x1b)) && !row.contains(QLatin1String("[0m")), qPrintable(row));
    }

    // The colours are painted: the "red" row has red glyphs and the "green" row green ones, where
    // the "bold" row of the same worker (same bar, same PID) has neither.
    const QImage painted = paintedViewport(view);
    const auto rowRect = [&](const QString &text) {
        return view.visualRect(rows.indexOf(text));
    };
    const QRect red = rowRect(QStringLiteral("red"));
    const QRect green = rowRect(QStringLiteral("green"));
    const QRect plain = rowRect(QStringLiteral("bold"));
    QVERIFY(red.bottom() < view.viewport()->height() && plain.bottom() < view.viewport()->height());
    const int redGain = pixelsOfHue(painted, red, 0, 345, 15)
                        - pixelsOfHue(painted, plain, 0, 345, 15);
    const int greenGain = pixelsOfHue(painted, green, 0, 90, 150)
                          - pixelsOfHue(painted, plain, 0, 90, 150);
    QVERIFY2(redGain >= 15, qPrintable(QStringLiteral("%1 more red pixels").arg(redGain)));
    QVERIFY2(greenGain >= 15, qPrintable(QStringLiteral("%1 more green pixels").arg(greenGain)));
    QVERIFY2(pixelsOfHue(painted, red, 0, 90, 150) <= pixelsOfHue(painted, plain, 0, 90, 150),
             "red text painted green");
}

void tst_OutputView::progressLineUpdatesInPlace()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {600, 300}), "the view never showed");
    // Each '\r' update replaces the row in place: never more than one progress row at a time, and
    // at the end "done" has overwritten it, as in a terminal.
    int mostProgressRows = 0;
    int updatesSeen = 0;
    const QRegularExpression progressRow(QStringLiteral("^progress +\\d+%$"));
    connect(&pool, &WorkerPool::logAppended, &view, [&] {
        const int rows = int(allRows(view).filter(progressRow).size());
        mostProgressRows = qMax(mostProgressRows, rows);
        updatesSeen += rows;
    });
    pool.spawn(workerSpec(QStringLiteral("progress --steps 20 --interval-ms 20")));
    QVERIFY2(finish(pool), "workers still running");
    QVERIFY2(updatesSeen > 0, "no progress row was ever shown");
    QCOMPARE(mostProgressRows, 1);
    const QStringList rows = allRows(view);
    QVERIFY2(rows.filter(progressRow).isEmpty() && rows.contains(QStringLiteral("done")),
             qPrintable(rows.join(u'\n')));
}

void tst_OutputView::tenMegabyteLineDoesNotStall()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {800, 600}), "the view never showed");
    Worker *worker = pool.spawn(workerSpec(QStringLiteral("no-newline --bytes 10485760")));
    QVERIFY(worker);
    QVERIFY2(finish(pool), "workers still running");

    qint64 characters = 0;
    int firstPiece = -1;
    int pieces = 0;
    for (int row = 0; row < view.visibleLineCount(); ++row) {
        const OutputLine &line = pool.log().at(view.lineNumberAt(row));
        if (line.workerId != worker->id() || line.channel != OutputChannel::StdOut)
            continue;
        characters += view.lineTextAt(row).size();
        ++pieces;
        if (firstPiece < 0)
            firstPiece = row;
    }
    QCOMPARE(characters, qint64(10485760));
    QVERIFY2(pieces >= 160, qPrintable(QStringLiteral("%1 pieces").arg(pieces)));

    // A screenful of 64 KiB rows paints in bounded time.
    view.setFollow(false);
    view.verticalScrollBar()->setValue(firstPiece);
    QElapsedTimer timer;
    timer.start();
    const QImage painted = paintedViewport(view);
    QVERIFY2(timer.elapsed() < 3000,
             qPrintable(QStringLiteral("painting took %1 ms").arg(timer.elapsed())));
    // The rows on screen are 64 KiB pieces: their text runs to the right edge of the viewport...
    const QRgb background = view.viewport()->palette().color(QPalette::Base).rgb();
    const QRect pieceRow = view.visualRect(firstPiece);
    const QRect rightEdge(view.viewport()->width() - 60, pieceRow.top(), 60, pieceRow.height());
    QVERIFY2(inkedPixels(painted, rightEdge, background) > 20,
             "a 64 KiB row is not painted up to the right edge");
    // ...and the sideways scroll bar reaches the shown part of them (1000 characters), several
    // viewports wide.
    QTRY_VERIFY2(view.horizontalScrollBar()->maximum() > 4 * view.viewport()->width(),
                 qPrintable(QStringLiteral("sideways range %1 for a viewport of %2 pixels")
                                    .arg(view.horizontalScrollBar()->maximum())
                                    .arg(view.viewport()->width())));
}

void tst_OutputView::droppedLinesAreAnnounced()
{
    WorkerPool pool;
    pool.setLogLimits(100, 1024 * 1024);
    OutputView view(pool);
    QVERIFY2(show(view, {600, 300}), "the view never showed");
    QSignalSpy dropped(&view, &OutputView::droppedLinesChanged);
    pool.spawn(workerSpec(QStringLiteral("flood --lines 1000")));
    QVERIFY2(finish(pool), "workers still running");

    QVERIFY2(!dropped.isEmpty(), "no droppedLinesChanged");
    QCOMPARE(dropped.last().first().toLongLong(), pool.log().droppedLines());
    QVERIFY(pool.log().droppedLines() > 800);
    QCOMPARE(view.visibleLineCount(), 100);
    bool bannerShown = false;
    for (const QLabel *label : view.findChildren<QLabel *>())
        bannerShown = bannerShown
                      || (label->isVisible() && label->text().contains(QLatin1String("dropped")));
    QVERIFY2(bannerShown, "the dropped-lines banner is not shown");
}

void tst_OutputView::mouseSelectionAndCopy()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {600, 600}), "the view never showed");
    Worker *worker = pool.spawn(workerSpec(QStringLiteral("count --to 11 --interval-ms 0")));
    QVERIFY(worker);
    QVERIFY2(finish(pool), "workers still running");
    QCOMPARE(view.firstVisibleRow(), 0);
    const QString prefix = QString::number(worker->pid()) + u" | ";

    QWidget *viewport = view.viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, view.visualRect(1).center());
    QTest::mouseMove(viewport, view.visualRect(3).center());
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, view.visualRect(3).center());
    QStringList lines = view.selectedText().split(u'\n');
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(lines.at(i), prefix + view.lineTextAt(1 + i));

    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ShiftModifier, view.visualRect(5).center());
    QCOMPARE(view.selectedText().split(u'\n').size(), 5);

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), view.selectedText());

    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view.selectedText().split(u'\n').size(), view.visibleLineCount());
    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(!view.hasSelection());
}

void tst_OutputView::zoomKeepsReadableSizes()
{
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(view.fontPointSize() >= 11, "readable from the back of a classroom");
    const int size = view.fontPointSize();
    view.zoomIn();
    QCOMPARE(view.fontPointSize(), size + 1);
    view.zoomOut();
    view.zoomOut();
    QCOMPARE(view.fontPointSize(), size - 1);
    view.setFontPointSize(1000);
    QCOMPARE(view.fontPointSize(), OutputView::MaximumPointSize);
}

void tst_OutputView::childLinesShowTheirWriter()
{
    // The tracer is proclab-worker; a test program is not installed beside it.
    qputenv("PROCLAB_WORKER", QFile::encodeName(TestSupport::workerProgram()));
    WorkerPool pool;
    OutputView view(pool);
    QVERIFY2(show(view, {800, 400}), "the view never showed");
    WorkerSpec spec;
    spec.arguments = QStringList{QStringLiteral("/usr/bin/python3"),
                                 QStringLiteral("-c"),
                                 QStringLiteral("import multiprocessing, time\n"
                                                "def sub():\n"
                                                "    time.sleep(600)\n"
                                                "if __name__ == '__main__':\n"
                                                "    ps = [multiprocessing.Process(target=sub)\n"
                                                "          for _ in range(2)]\n"
                                                "    for p in ps: p.start()\n"
                                                "    for p in ps: p.join()\n")};
    spec.followChildren = true;
    Worker *worker = pool.spawn(spec);
    QVERIFY(worker && worker->descendants());
    // Its two children, from the tracker: real processes of the worker's.
    QList<qint64> children;
    QVERIFY2(QTest::qWaitFor(
                     [&] {
                         children.clear();
                         const DescendantTracker *tracker = worker->descendants();
                         for (const quint64 id : tracker->ids()) {
                             const Descendant *process = tracker->descendant(id);
                             if (process && process->parentPid == worker->pid()
                                 && process->isAlive())
                                 children.append(process->pid);
                         }
                         return children.size() == 2;
                     },
                     WorkerTimeoutMs),
             "the children never showed");
    const qint64 first = children.at(0);
    const qint64 second = children.at(1);

    // Lines as the worker hands them on when Python's hook tells who wrote each.
    const auto line = [&](const QString &text, qint64 pid) {
        OutputLine made;
        made.text = text;
        made.timestampMs = QDateTime::currentMSecsSinceEpoch();
        made.workerId = worker->id();
        made.pid = qint32(pid);
        return made;
    };
    const QString firstText = QStringLiteral("Process %1 says: 서브 프로그램 0").arg(first);
    const QString secondText = QStringLiteral("Process %1 says: 서브 프로그램 1").arg(second);
    const QString programText = QStringLiteral("the program itself");
    emit worker->outputReceived(
            {line(firstText, first), line(programText, 0), line(secondText, second)});
    const auto rowOf = [&view](const QString &text) {
        for (int row = 0; row < view.visibleLineCount(); ++row) {
            if (view.lineTextAt(row) == text)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(secondText) >= 0, WorkerTimeoutMs);

    // Each row with its writer's PID, in its writer's colour; the program's own with the worker's.
    QCOMPARE(view.pidAt(rowOf(firstText)), first);
    QCOMPARE(view.pidAt(rowOf(secondText)), second);
    QCOMPARE(view.pidAt(rowOf(programText)), worker->pid());
    view.selectAll();
    const QString copied = view.selectedText();
    QVERIFY2(copied.contains(QString::number(first) + u" | " + firstText), qPrintable(copied));
    QVERIFY2(copied.contains(QString::number(worker->pid()) + u" | " + programText),
             qPrintable(copied));
    view.clearSelection();
    view.scrollToBottom();
    const QImage image = paintedViewport(view);
    const auto barOf = [&](const QString &text) {
        const QRect rect = view.visualRect(rowOf(text));
        return QColor(image.pixel(1, rect.center().y()));
    };
    QCOMPARE(barOf(firstText).rgb(), processColor(worker->id(), first).rgb());
    QCOMPARE(barOf(secondText).rgb(), processColor(worker->id(), second).rgb());
    QCOMPARE(barOf(programText).rgb(), workerColor(worker->id()).rgb());
    QVERIFY(processColor(worker->id(), first) != processColor(worker->id(), second));
    QVERIFY(processColor(worker->id(), first) != workerColor(worker->id()));
    // The PID's digits too, in the gutter, in the hue of their writer.
    const int hue = processColor(worker->id(), first).hslHue();
    const QRect firstRow = view.visualRect(rowOf(firstText));
    QVERIFY(pixelsOfHue(image,
                        QRect(6, firstRow.top(), 80, firstRow.height()),
                        6,
                        (hue + 352) % 360,
                        (hue + 8) % 360)
            > 10);

    // Selecting one child shows what that child wrote, not its sibling's lines; lines the
    // program's pipe carried go with it unless the worker's lines are told apart.
    view.setSelectedProcesses({ProcessTarget{worker->id(), first, false}});
    QVERIFY(rowOf(firstText) >= 0);
    QCOMPARE(rowOf(secondText), -1);
    QCOMPARE(rowOf(programText) >= 0, !worker->isSeenAsPython());
    // The worker's own row: everything of it.
    view.setSelectedProcesses({ProcessTarget{worker->id(), worker->pid(), true}});
    QVERIFY(rowOf(firstText) >= 0 && rowOf(secondText) >= 0 && rowOf(programText) >= 0);
    view.setSelectedProcesses({});
    QCOMPARE(view.visibleLineCount(), int(pool.log().size()));

    pool.stopAll();
    QVERIFY2(finish(pool), "workers still running");
}

QTEST_MAIN(tst_OutputView)
#include "tst_outputview.moc"
