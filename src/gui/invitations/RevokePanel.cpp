#include "gui/invitations/RevokePanel.h"

#include "gui/Accessible.h"
#include "gui/ProgressLater.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_RevokePanel.h"

#include <QtCore/QLocale>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>

namespace InviteDesk {

RevokePanel::RevokePanel(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::RevokePanel>())
{
    m_ui->setupUi(this);
    m_ui->pauseButton->setCheckable(true);
    hide();
    connect(m_ui->closeRevokePanelButton, &QPushButton::clicked, this, [this] {
        hide();
        if (m_focusHome)
            m_focusHome->setFocus(Qt::OtherFocusReason);
    });
    connect(m_ui->copySummaryButton, &QPushButton::clicked, this, &RevokePanel::copySummaryRequested);
    m_countdown.setTimerType(Qt::PreciseTimer); // a coarse timer may fire early, and the second shown late
    connect(&m_countdown, &ClockTimer::timeout, this, &RevokePanel::updateCountdown);
}

RevokePanel::~RevokePanel() = default;

void RevokePanel::setController(InvitationsController *invitations)
{
    m_invitations = invitations;
    connect(invitations, &InvitationsController::revokeHeld, this, &RevokePanel::onHeld);
    connect(invitations, &InvitationsController::revokeUndone, this, &RevokePanel::onUndone);
    connect(invitations, &InvitationsController::revokeStarted, this, &RevokePanel::onStarted);
    connect(invitations, &InvitationsController::revokeProgress, this, &RevokePanel::onProgress);
    connect(invitations, &InvitationsController::revokeFinished, this, &RevokePanel::onFinished);
    connect(invitations, &InvitationsController::revokeStateChanged, this, [this](BulkRevoker::State state) {
        m_state = state;
        presentPauseButton();
        if (state == BulkRevoker::State::Cancelling)
            m_ui->revokeLabel->setText(tr("Stopping: letting requests in flight finish…"));
        else
            showProgress();
        if (state == BulkRevoker::State::Paused)
            announce(m_ui->revokeLabel, m_ui->revokeLabel->text());
    });
    connect(m_ui->undoButton, &QPushButton::clicked, invitations, &InvitationsController::undoHeldRevokes);
    connect(m_ui->sendNowButton, &QPushButton::clicked, invitations, &InvitationsController::sendHeldRevokesNow);
    connect(m_ui->pauseButton, &QPushButton::clicked, this, [this] {
        if (m_invitations->revokeState() == BulkRevoker::State::Paused)
            m_invitations->resumeRevokes();
        else
            m_invitations->pauseRevokes();
        presentPauseButton(); // pressed as the run is, not as the click left it
    });
    connect(m_ui->cancelRevokeButton, &QPushButton::clicked, invitations, &InvitationsController::cancelRevokes);
    connect(m_ui->retryFailedButton, &QPushButton::clicked, invitations, &InvitationsController::retryFailed);
}

QKeySequence RevokePanel::pauseKey()
{
    return QKeySequence::mnemonic(tr("&Pause"));
}

void RevokePanel::presentPauseButton()
{
    // One button, one key: Alt+P pauses and Alt+P resumes. It is pressed while paused, its name says what
    // pressing it now does, and a screen reader hears the state change.
    const bool paused = m_invitations && m_invitations->revokeState() == BulkRevoker::State::Paused;
    QPushButton *button = m_ui->pauseButton;
    button->setChecked(paused);
    button->setText(paused ? tr("Resume") : tr("&Pause"));
    button->setShortcut(pauseKey()); // the letter of "&Pause" in this language, while it reads "Resume" too
    button->setAccessibleName(paused ? tr("Resume revoking") : tr("Pause revoking"));
    const QString key = pauseKey().toString(QKeySequence::NativeText);
    button->setToolTip(paused ? tr("Send the rest (%1)").arg(key) : tr("Send nothing new until resumed (%1)").arg(key));
}

void RevokePanel::setFocusHome(QWidget *home)
{
    m_focusHome = home;
}

void RevokePanel::showButtons(std::initializer_list<QWidget *> visible, QWidget *focusNext)
{
    // Hiding the focused button would send the focus along the chain, button by button as they hide (six
    // moves at the end of an Undo window), and a key meant for Undo could land on Stop. The focus moves
    // first, once: to \a focusNext, or home to the table. A button that stays keeps it.
    QWidget *focused = QApplication::focusWidget();
    if (focused && isAncestorOf(focused) && std::find(visible.begin(), visible.end(), focused) == visible.end()) {
        if (QWidget *next = focusNext ? focusNext : m_focusHome.data()) {
            next->show(); // a hidden widget cannot take the focus
            next->setFocus(Qt::OtherFocusReason);
        }
    }
    for (QWidget *button : {static_cast<QWidget *>(m_ui->pauseButton), static_cast<QWidget *>(m_ui->cancelRevokeButton),
                            static_cast<QWidget *>(m_ui->undoButton), static_cast<QWidget *>(m_ui->sendNowButton),
                            static_cast<QWidget *>(m_ui->copySummaryButton), static_cast<QWidget *>(m_ui->retryFailedButton),
                            static_cast<QWidget *>(m_ui->closeRevokePanelButton)})
        button->setVisible(std::find(visible.begin(), visible.end(), button) != visible.end());
}

void RevokePanel::onHeld(int count, int seconds)
{
    // The buttons first, then the strip: shown with the buttons of an earlier state, it would ask the
    // window for their room, and a window grown to that (past a laptop screen at 2×) stays grown.
    showButtons({m_ui->undoButton, m_ui->sendNowButton});
    show();
    m_holdCount = count;
    m_ui->revokeProgress->show();
    m_ui->revokeProgress->setRange(0, seconds);
    m_ui->revokeProgress->setTextVisible(false); // a countdown, not a share of work done
    m_ui->undoButton->setFocus();
    m_countdown.setClock(m_invitations->clock());
    updateCountdown();
    Q_EMIT changed();
}

void RevokePanel::onUndone(int count)
{
    m_countdown.stop();
    // The strip owns the focus it had: home to the table, once, not via the Dismiss button.
    if (QWidget *focused = QApplication::focusWidget(); focused && isAncestorOf(focused) && m_focusHome)
        m_focusHome->setFocus(Qt::OtherFocusReason);
    if (m_invitations->summary().total > 0 && m_invitations->heldWasRetry()) {
        onFinished(m_invitations->summary()); // the run stands as it was before the retry
        return;
    }
    m_ui->revokeLabel->setText(tr("Undone: the %Ln revoke(s) were never sent.", nullptr, count));
    m_ui->revokeProgress->hide(); // nothing was done: no part-filled bar
    showButtons({m_ui->closeRevokePanelButton});
    announce(m_ui->revokeLabel, m_ui->revokeLabel->text());
    Q_EMIT changed();
}

void RevokePanel::onStarted(int total)
{
    m_countdown.stop();
    // The texts that follow the run's counts go by the run's clock.
    m_progressText.setClock(m_invitations->clock());
    m_progressBar.setClock(m_invitations->clock());
    // After an Undo window the focus goes home: a key meant for Undo must not land on Pause or Stop. After
    // Retry, pressed here, it stays in the strip.
    const QWidget *focused = QApplication::focusWidget();
    const bool wasHeld = focused == m_ui->undoButton || focused == m_ui->sendNowButton;
    showButtons({m_ui->pauseButton, m_ui->cancelRevokeButton}, wasHeld ? nullptr : m_ui->pauseButton);
    show();
    m_state = BulkRevoker::State::Running;
    m_settled = 0;
    m_total = total;
    m_etaMs = 0;
    m_ui->revokeProgress->show();
    m_ui->revokeProgress->setTextVisible(true);
    m_ui->revokeProgress->setRange(0, total);
    setProgressLater(m_ui->revokeProgress, 0);
    presentPauseButton();
    Q_EMIT changed();
}

void RevokePanel::onProgress(int settled, int total, qint64 etaMs)
{
    m_settled = settled;
    m_total = total;
    m_etaMs = etaMs;
    // Revokes settle ~100 times a second: the bar moves once a frame, its text a few times a second.
    m_progressBar.request();
    m_progressText.request();
}

void RevokePanel::showProgressBar()
{
    if (m_state == BulkRevoker::State::Running || m_state == BulkRevoker::State::Paused
        || m_state == BulkRevoker::State::Cancelling)
        setProgressLater(m_ui->revokeProgress, m_settled);
}

void RevokePanel::showProgress()
{
    if (m_state == BulkRevoker::State::Cancelling)
        return; // "Stopping…" stays until the run ends
    if (m_state != BulkRevoker::State::Running && m_state != BulkRevoker::State::Paused)
        return; // a late count must not cover what the end of the run says
    const QString done = tr("%1 of %2 settled").arg(QLocale().toString(m_settled), QLocale().toString(m_total));
    if (m_state == BulkRevoker::State::Paused) {
        // No estimate while nothing is sent: the clock is not running.
        m_ui->revokeLabel->setText(
            tr("Paused: %1. Resume (%2) sends the rest.").arg(done, pauseKey().toString(QKeySequence::NativeText)));
        return;
    }
    QString text = tr("Revoking: %1").arg(done);
    if (m_etaMs > 1500)
        text += tr(" — about %n second(s) left", nullptr, int((m_etaMs + 999) / 1000));
    m_ui->revokeLabel->setText(text);
}

void RevokePanel::onFinished(const BulkSummary &summary)
{
    m_state = BulkRevoker::State::Finished;
    // The bar shows what was settled: a run stopped with items cancelled is not full. The summary covers the
    // whole run, retries included, so the bar's range is the run's.
    m_ui->revokeProgress->setRange(0, std::max(summary.total, 1));
    setProgressLater(m_ui->revokeProgress, summary.total - summary.cancelled);
    const int failed = m_invitations->failedCount();
    QString text = summary.describe();
    if (failed > 0)
        text += tr(" — see the rows marked Failed and the Activity panel");
    m_ui->revokeLabel->setText(text);
    // The agent was in the strip (Stop, Pause, Retry): it stays there, on what is safe to press.
    if (failed > 0)
        showButtons({m_ui->retryFailedButton, m_ui->copySummaryButton, m_ui->closeRevokePanelButton}, m_ui->copySummaryButton);
    else
        showButtons({m_ui->copySummaryButton, m_ui->closeRevokePanelButton}, m_ui->copySummaryButton);
    m_ui->retryFailedButton->setText(tr("Retr&y %Ln Failed", nullptr, failed));
    // Said once, by the status line the page forwards it to (the agent may be anywhere); kept here too.
    m_ui->revokeLabel->setAccessibleDescription(text);
    Q_EMIT finished(text);
    Q_EMIT changed();
}

void RevokePanel::updateCountdown()
{
    // What the hold has left, read from it: "in 5 s" until four are left, and so on.
    const std::chrono::milliseconds left = m_invitations->holdRemaining();
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(left);
    setProgressLater(m_ui->revokeProgress, m_ui->revokeProgress->maximum() - int(seconds.count()));
    m_ui->revokeLabel->setText(tr("Revoking %Ln invitation(s) in %1 s — Undo takes it back", nullptr, m_holdCount)
                                   .arg(seconds.count()));
    if (seconds.count() > 0)
        m_countdown.start(left - (seconds - std::chrono::seconds(1))); // when the next whole second is left
}

} // namespace InviteDesk
