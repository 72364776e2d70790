// The icons compiled in by resources/CMakeLists.txt: present at the paths the UI uses, and drawable,
// which needs Qt's SVG icon engine at run time (libqt6svg6 on Debian 12). Without it every SVG icon
// is blank, so a missing engine fails here rather than showing empty toolbar buttons.
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QScopeGuard>
#include <QtTest>

namespace {

const QString AppId = QStringLiteral("io.github.proclab.ProcLab");

// True when at least a tenth of the pixels are not fully transparent: a drawing, not an empty or
// failed render. (The sparsest icon, clear-finished, covers about a quarter.)
bool looksDrawn(const QPixmap &pixmap)
{
    if (pixmap.isNull())
        return false;
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    qsizetype opaque = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                ++opaque;
        }
    }
    return opaque * 10 >= qsizetype(image.width()) * image.height();
}

} // namespace

class tst_Resources final : public QObject
{
    Q_OBJECT

private slots:
    void actionIcon_data();
    void actionIcon();
    void appIconFiles_data();
    void appIconFiles();
    void appIconFromTheme_data();
    void appIconFromTheme();
};

void tst_Resources::actionIcon_data()
{
    QTest::addColumn<QString>("file");
    for (const char *name : {"spawn",
                             "countdown",
                             "run-command",
                             "terminate",
                             "kill",
                             "terminate-later",
                             "clear-finished",
                             "find",
                             "save",
                             "zoom-in",
                             "zoom-out",
                             "about"}) {
        QTest::newRow(name) << QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(name));
    }
    QTest::newRow("app") << QStringLiteral(":/icons/hicolor/scalable/apps/%1.svg").arg(AppId);
}

void tst_Resources::actionIcon()
{
    QFETCH(QString, file);
    QVERIFY2(QFile::exists(file), qPrintable(file + " is not compiled in"));
    const QIcon icon(file);
    for (int size : {16, 24, 48}) {
        const QPixmap pixmap = icon.pixmap(size, size);
        QVERIFY2(looksDrawn(pixmap),
                 qPrintable(QStringLiteral("%1 at %2 px draws nothing: is Qt's SVG icon engine "
                                           "(libqt6svg6) installed?")
                                    .arg(file)
                                    .arg(size)));
        QCOMPARE(pixmap.size(), QSize(size, size));
    }
}

void tst_Resources::appIconFiles_data()
{
    QTest::addColumn<int>("size");
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QTest::addRow("%d", size) << size;
}

void tst_Resources::appIconFiles()
{
    QFETCH(int, size);
    const QString file = QStringLiteral(":/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(AppId);
    const QImage image(file);
    QVERIFY2(!image.isNull(), qPrintable(file + " is missing or not a PNG"));
    QCOMPARE(image.size(), QSize(size, size));
}

// Qt always appends ":/icons" to the icon theme search paths, so the compiled-in hicolor icons are
// found by name even where ProcLab is not installed (a build tree). With ":/icons" as the only path,
// the compiled-in index.theme has to do the work, as on a machine without hicolor-icon-theme.
void tst_Resources::appIconFromTheme_data()
{
    QTest::addColumn<bool>("compiledInOnly");
    QTest::newRow("system paths, then :/icons") << false;
    QTest::newRow(":/icons only") << true;
}

void tst_Resources::appIconFromTheme()
{
    QFETCH(bool, compiledInOnly);
    const QStringList systemPaths = QIcon::themeSearchPaths();
    const QString systemTheme = QIcon::themeName();
    QVERIFY2(systemPaths.contains(QStringLiteral(":/icons")), qPrintable(systemPaths.join(u',')));
    // QIcon::fromTheme loads lazily, so the paths and theme are put back only at the end.
    const auto restore = qScopeGuard([&] {
        QIcon::setThemeSearchPaths(systemPaths);
        QIcon::setThemeName(systemTheme);
    });
    if (compiledInOnly)
        QIcon::setThemeSearchPaths({QStringLiteral(":/icons")});
    // The offscreen platform has no icon theme at all; every desktop has at least hicolor.
    if (systemTheme.isEmpty())
        QIcon::setThemeName(QStringLiteral("hicolor"));

    const QIcon icon = QIcon::fromTheme(AppId);
    QVERIFY2(!icon.isNull(), "QIcon::fromTheme does not find the application icon");
    const QList<QSize> sizes = icon.availableSizes();
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        QVERIFY2(sizes.contains(QSize(size, size)),
                 qPrintable(QStringLiteral("no %1 px").arg(size)));
    QVERIFY2(looksDrawn(icon.pixmap(16, 16)), "the themed application icon draws nothing at 16 px");
    QVERIFY2(looksDrawn(icon.pixmap(256, 256)),
             "the themed application icon draws nothing at 256 px");
}

QTEST_MAIN(tst_Resources)
#include "tst_resources.moc"
