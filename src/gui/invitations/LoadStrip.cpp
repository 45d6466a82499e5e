#include "gui/invitations/LoadStrip.h"

#include "gui/ProgressLater.h"
#include "gui/invitations/InvitationsController.h"
#include "ui_LoadStrip.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QLocale>

namespace InviteDesk {

LoadStrip::LoadStrip(QWidget *parent) : QWidget(parent), m_ui(std::make_unique<Ui::LoadStrip>())
{
    m_ui->setupUi(this);
    hide();
}

LoadStrip::~LoadStrip() = default;

QPushButton *LoadStrip::cancelButton() const
{
    return m_ui->cancelLoadButton;
}

void LoadStrip::setController(InvitationsController *invitations, const QAbstractItemModel *rows)
{
    connect(m_ui->cancelLoadButton, &QPushButton::clicked, invitations, &InvitationsController::cancelLoad);
    connect(invitations, &InvitationsController::loadStarted, this, [this] {
        show();
        m_ui->loadProgress->setRange(0, 0);
        setText(tr("Loading invitations…"));
        m_ui->cancelLoadButton->show();
    });
    connect(invitations, &InvitationsController::loadProgress, this, [this](int loaded, qint64 total) {
        m_ui->loadProgress->setRange(0, int(std::max<qint64>(total, 1)));
        setProgressLater(m_ui->loadProgress, loaded);
        setCount(loaded, total);
    });
    connect(invitations, &InvitationsController::loadFinished, this, [this] {
        m_ui->cancelLoadButton->hide();
        hide();
    });
    connect(invitations, &InvitationsController::loadCancelled, this, [this, rows] {
        ended();
        setText(tr("Loading cancelled: %1 shown. Press F5 to load everything.").arg(QLocale().toString(rows->rowCount())));
    });
    connect(invitations, &InvitationsController::loadFailed, this, [this](const ClerkError &error) {
        ended();
        setText(tr("Loading failed: %1 Press F5 to try again.").arg(error.userMessage()));
    });
}

void LoadStrip::ended()
{
    m_ui->cancelLoadButton->hide();
    m_ui->loadProgress->setRange(0, 1);
}

void LoadStrip::setText(const QString &text)
{
    QLabel *label = m_ui->loadLabel;
    label->setMinimumSize(0, 0);
    label->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    label->setText(text);
}

void LoadStrip::setCount(int loaded, qint64 total)
{
    // The count changes with every block of rows. A label whose size can change asks the whole window for
    // a new layout on each setText() (~6 ms with its word-wrapped labels); at a fixed size it only repaints.
    QLabel *label = m_ui->loadLabel;
    const QString pattern = tr("Loaded %1 of %2");
    const QFontMetrics metrics = label->fontMetrics();
    // The widest this load's numbers can get: every digit of the larger one as the font's widest digit.
    QString widestDigit;
    for (int d = 0; d <= 9; ++d) {
        const QString digit = QLocale().toString(d);
        if (metrics.horizontalAdvance(digit) > metrics.horizontalAdvance(widestDigit))
            widestDigit = digit;
    }
    QString widest;
    for (const QChar c : QLocale().toString(std::max<qint64>(loaded, total)))
        widest += c.isDigit() ? widestDigit : QString(c);
    label->setText(pattern.arg(QLocale().toString(loaded), QLocale().toString(total)));
    const QMargins margins = label->contentsMargins() + label->margin();
    label->setFixedSize(metrics.horizontalAdvance(pattern.arg(widest, widest)) + margins.left() + margins.right() + 1,
                        label->sizeHint().height()); // the same each time: only the first call lays out
}

} // namespace InviteDesk
