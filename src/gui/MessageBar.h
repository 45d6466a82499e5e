#pragma once

#include <QtWidgets/QFrame>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLabel;
class QToolButton;
QT_END_NAMESPACE

namespace InviteDesk {

/*!
 * A strip across the top of the window that tells the agent something that needs them, with the
 * buttons to act on it: the key was rejected, the instance cannot be reached. It never takes the
 * keyboard focus, so it cannot eat the Enter of someone typing elsewhere, which a dialog popping up
 * mid-word would. Screen readers hear it as an alert when it appears.
 */
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    /*! Shows \a text (plain) with one button per action; earlier actions are removed. */
    void showMessage(Level level, const QString &text, const QList<QAction *> &actions = {});
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};

} // namespace InviteDesk
