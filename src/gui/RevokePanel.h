#pragma once

#include <QtCore/QObject>
#include <QtCore/QTimer>

class QLabel;
class QProgressBar;
class QPushButton;
class QWidget;

namespace InviteDesk {

class InvitationsController;
struct BulkSummary;

/*!
 * The strip under the table that follows a bulk revoke: the undo countdown while revokes are held,
 * progress with an ETA, Pause/Resume and Cancel while they run, the summary with "Retry failed" and
 * "Copy summary" when they end. It drives the widgets it is given (they live in MainWindow.ui) from
 * InvitationsController's signals; the window only shows and hides it and listens to changed().
 */
class RevokePanel : public QObject
{
    Q_OBJECT

public:
    struct Widgets
    {
        QWidget *panel;
        QLabel *label;
        QProgressBar *progress;
        QPushButton *pause;
        QPushButton *cancel;
        QPushButton *retryFailed;
        QPushButton *close;
        QPushButton *undo;
        QPushButton *sendNow;
        QPushButton *copySummary;
    };

    RevokePanel(const Widgets &widgets, InvitationsController *invitations, QObject *parent = nullptr);

    void hide();

Q_SIGNALS:
    /*! Held, started, undone or finished: what the window's actions allow may have changed. */
    void changed();
    /*! The one-line outcome of a run, for the status bar. */
    void finished(const QString &summary);

private:
    void onHeld(int count, int seconds);
    void onUndone(int count);
    void onStarted(int total);
    void onProgress(int settled, int total, qint64 etaMs);
    void onFinished(const BulkSummary &summary);
    void updateCountdown();

    Widgets m_w;
    InvitationsController *m_invitations;
    QTimer m_countdown;
    int m_holdLeft = 0;
    int m_holdCount = 0;
};

} // namespace InviteDesk
