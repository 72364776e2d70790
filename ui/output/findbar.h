#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace ProcLab {

// The small bar that Ctrl+F opens under the output: a search field, Previous and Next, a "Not found"
// note, and a close button. It only collects what the user wants; the OutputView searches.
//
// Keys in the field: Enter finds the next match, Shift+Enter the previous one, Esc closes the bar.
class FindBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(QWidget *parent = nullptr);

    QString text() const;
    // Shows the bar and puts the cursor in the field with its text selected, ready to be replaced.
    void activate();
    // Feedback on the last search: the field turns red and says "Not found", until the text changes.
    void setNotFound(bool notFound);
    bool isNotFound() const { return m_notFound; }

signals:
    void findNextRequested();
    void findPreviousRequested();
    // As the user types: the view looks for the new text from the current match on.
    void textEdited(const QString &text);
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLineEdit *m_field;
    QLabel *m_status;
    QLabel *m_label;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    bool m_notFound = false;
};

} // namespace ProcLab
