#pragma once

#include "core/util/Clock.h"
#include "core/workflows/BulkRevoker.h"
#include "gui/Coalescer.h"

#include <QtCore/QPointer>
#include <QtGui/QKeySequence>
#include <QtWidgets/QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
namespace Ui {
class RevokePanel;
}
QT_END_NAMESPACE

namespace InviteDesk {

class InvitationsController;

/*!
 * The strip under the table that follows a revoke run: the undo countdown while revokes are held,
 * progress with an ETA, Pause/Resume and Stop while they run, the summary with "Retry failed" and
 * "Copy summary" when they end. Its layout is ui/RevokePanel.ui; it shows what InvitationsController
 * reports and sends its buttons there.
 */
class RevokePanel : public QWidget
{
    Q_OBJECT

public:
    explicit RevokePanel(QWidget *parent = nullptr);
    ~RevokePanel() override;

    void setController(InvitationsController *invitations);
    /*! Where the focus goes when the strip closes or loses the button that had it: the table. */
    void setFocusHome(QWidget *home);

Q_SIGNALS:
    /*! Held, started, undone or finished: what the window's actions allow may have changed. */
    void changed();
    /*! The one-line outcome of a run, for the status bar. */
    void finished(const QString &summary);
    void copySummaryRequested();

private:
    void onHeld(int count, int seconds);
    void onUndone(int count);
    void onStarted(int total);
    void onProgress(int settled, int total, qint64 etaMs);
    void onFinished(const BulkSummary &summary);
    void updateCountdown();
    void showProgress();
    void showProgressBar();
    /*! Only these buttons; a focused button that goes passes the focus to \a focusNext, or home. */
    void showButtons(std::initializer_list<QWidget *> visible, QWidget *focusNext = nullptr);
    void presentPauseButton();
    /*! Alt and the letter of "&Pause" as translated. */
    static QKeySequence pauseKey();

    std::unique_ptr<Ui::RevokePanel> m_ui;
    InvitationsController *m_invitations = nullptr;
    ClockTimer m_countdown; //!< the undo window's next whole second, on the hold's clock
    int m_holdCount = 0;
    QPointer<QWidget> m_focusHome;
    BulkRevoker::State m_state = BulkRevoker::State::Idle;
    int m_settled = 0;
    int m_total = 0;
    qint64 m_etaMs = 0;
    Coalescer m_progressText{std::chrono::milliseconds(250), [this] { showProgress(); }}; //!< ~4 new texts a second
    Coalescer m_progressBar{std::chrono::milliseconds(16), [this] { showProgressBar(); }};  //!< once a frame
};

} // namespace InviteDesk
