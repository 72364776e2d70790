#pragma once

#include "defaults.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace ProcLab {

// Help → The Tutorial: the two examples of the Python multiprocessing tutorial ProcLab grew from,
// each with its code, what it printed, what it shows, and a button that runs the same lesson in
// the window. The dialog runs nothing itself: it asks, with a signal, and the window starts the
// lesson. It is not modal, so the class watches the workers appear while the code stays on screen.
class TutorialDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TutorialDialog(QWidget *parent = nullptr);

    // Lesson 2's seconds, as in the window's toolbar.
    void setCountdownSeconds(int seconds);

signals:
    void spawnLessonRequested();
    void countdownLessonRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Page
    {
        QLabel *explanation = nullptr;
        QLabel *codeTitle = nullptr;
        QPlainTextEdit *code = nullptr;
        QLabel *outputTitle = nullptr;
        QPlainTextEdit *output = nullptr;
    };

    QWidget *createPage(Page &page, const QString &code, const QString &output, QPushButton *run);
    void retranslate();

    QTabWidget *m_tabs = nullptr;
    Page m_spawnPage;
    Page m_countdownPage;
    QPushButton *m_spawnButton = nullptr;
    QPushButton *m_countdownButton = nullptr;
    int m_countdownSeconds = Defaults::CountdownSeconds;
};

} // namespace ProcLab
