#include "gui/RevokePanel.h"

#include "gui/InvitationsController.h"
#include "gui/ProgressLater.h"

#include <QtCore/QLocale>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

namespace InviteDesk {

RevokePanel::RevokePanel(const Widgets &widgets, InvitationsController *invitations, QObject *parent)
    : QObject(parent), m_w(widgets), m_invitations(invitations)
{
    m_w.panel->hide();
    m_w.undo->hide();
    m_w.sendNow->hide();
    m_w.copySummary->hide();

    connect(invitations, &InvitationsController::revokeHeld, this, &RevokePanel::onHeld);
    connect(invitations, &InvitationsController::revokeUndone, this, &RevokePanel::onUndone);
    connect(invitations, &InvitationsController::revokeStarted, this, &RevokePanel::onStarted);
    connect(invitations, &InvitationsController::revokeProgress, this, &RevokePanel::onProgress);
    connect(invitations, &InvitationsController::revokeFinished, this, &RevokePanel::onFinished);
    connect(invitations, &InvitationsController::revokeStateChanged, this, [this](BulkRevoker::State state) {
        m_w.pause->setText(state == BulkRevoker::State::Paused ? tr("&Resume") : tr("&Pause"));
        if (state == BulkRevoker::State::Cancelling)
            m_w.label->setText(tr("Stopping: letting requests in flight finish…"));
    });

    connect(m_w.undo, &QPushButton::clicked, invitations, &InvitationsController::undoHeldRevokes);
    connect(m_w.sendNow, &QPushButton::clicked, invitations, &InvitationsController::sendHeldRevokesNow);
    connect(m_w.pause, &QPushButton::clicked, this, [this] {
        if (m_invitations->revokeState() == BulkRevoker::State::Paused)
            m_invitations->resumeRevokes();
        else
            m_invitations->pauseRevokes();
    });
    connect(m_w.cancel, &QPushButton::clicked, invitations, &InvitationsController::cancelRevokes);
    connect(m_w.retryFailed, &QPushButton::clicked, invitations, &InvitationsController::retryFailed);
    connect(m_w.close, &QPushButton::clicked, m_w.panel, &QWidget::hide);
    connect(&m_countdown, &QTimer::timeout, this, &RevokePanel::updateCountdown);
}

void RevokePanel::hide()
{
    m_w.panel->hide();
}

void RevokePanel::onHeld(int count, int seconds)
{
    m_w.panel->show();
    m_holdCount = count;
    m_holdLeft = seconds;
    m_w.progress->setRange(0, seconds);
    setProgressLater(m_w.progress, 0);
    m_w.progress->setTextVisible(false); // a countdown, not a share of work done
    for (QPushButton *button : {m_w.pause, m_w.cancel, m_w.retryFailed, m_w.close, m_w.copySummary})
        button->hide();
    m_w.undo->show();
    m_w.sendNow->show();
    m_w.undo->setFocus();
    updateCountdown();
    m_countdown.start(1000);
    Q_EMIT changed();
}

void RevokePanel::onUndone(int count)
{
    m_countdown.stop();
    m_w.label->setText(tr("Undone: the %Ln revoke(s) were never sent.", nullptr, count));
    m_w.undo->hide();
    m_w.sendNow->hide();
    m_w.close->show();
    Q_EMIT changed();
}

void RevokePanel::onStarted(int total)
{
    m_countdown.stop();
    m_w.undo->hide();
    m_w.sendNow->hide();
    m_w.copySummary->hide();
    m_w.panel->show();
    m_w.progress->setTextVisible(true);
    m_w.progress->setRange(0, total);
    setProgressLater(m_w.progress, 0);
    m_w.pause->setText(tr("&Pause"));
    m_w.pause->show();
    m_w.cancel->show();
    m_w.retryFailed->hide();
    m_w.close->hide();
    Q_EMIT changed();
}

void RevokePanel::onProgress(int settled, int total, qint64 etaMs)
{
    setProgressLater(m_w.progress, settled);
    QString text = tr("Revoked %1 of %2").arg(QLocale().toString(settled), QLocale().toString(total));
    if (etaMs > 1500)
        text += tr(" — about %n second(s) left", nullptr, int((etaMs + 999) / 1000));
    m_w.label->setText(text);
}

void RevokePanel::onFinished(const BulkSummary &summary)
{
    setProgressLater(m_w.progress, summary.total);
    const QStringList failed = m_invitations->failedIds();
    QString text = summary.describe();
    if (!failed.isEmpty())
        text += tr(" — see the rows marked Failed and the Activity panel");
    m_w.label->setText(text);
    m_w.pause->hide();
    m_w.cancel->hide();
    m_w.retryFailed->setVisible(!failed.isEmpty());
    m_w.retryFailed->setText(tr("Retry %Ln &Failed", nullptr, int(failed.size())));
    m_w.close->show();
    m_w.copySummary->show();
    Q_EMIT finished(text);
    Q_EMIT changed();
}

void RevokePanel::updateCountdown()
{
    setProgressLater(m_w.progress, m_w.progress->maximum() - m_holdLeft);
    m_w.label->setText(tr("Revoking %Ln invitation(s) in %1 s — Undo takes it back", nullptr, m_holdCount)
                           .arg(std::max(m_holdLeft, 0)));
    if (--m_holdLeft < 0)
        m_countdown.stop();
}

} // namespace InviteDesk
