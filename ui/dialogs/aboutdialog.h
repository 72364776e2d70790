#pragma once

#include <QDialog>

class QLabel;

namespace ProcLab {

// Help → About ProcLab: the program's icon, name and version, what it is for, its licence and the
// versions of Qt it was built with and runs on.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text of the dialog as shown, for tests.
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
};

} // namespace ProcLab
