#include "gui/invitations/RevokeDialog.h"

#include "core/domain/Confirmation.h"

#include "gui/session/EnvironmentStyle.h"
#include "ui_RevokeDialog.h"

#include <QtGui/QScreen>
#include <QtGui/QTextDocument>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;

namespace InviteDesk {

RevokeDialog::RevokeDialog(const Prompts::RevokeRequest &request, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::RevokeDialog>())
{
    m_ui->setupUi(this);
    const int count = request.count > 0 ? request.count : int(request.lines.size());
    setWindowTitle(tr("Revoke %Ln invitation(s)", nullptr, count));

    EnvironmentStyle::applyBanner(m_ui->environmentBanner, request.badge);
    if (request.badge == Session::Badge::Live)
        m_ui->environmentBanner->setText(tr("LIVE · PRODUCTION INSTANCE — real users are affected"));

    m_ui->summaryLabel->setText(tr("Revoke %Ln invitation(s) %1?", nullptr, count).arg(request.scope));
    QFont bigger = m_ui->summaryLabel->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.15);
    bigger.setBold(true);
    m_ui->summaryLabel->setFont(bigger);
    // What happens, said for this count and for whether the Undo hold is on: "cannot be undone" is only
    // true once the hold has passed.
    const QString consequence = tr("The %n invitee(s) will no longer be able to join with their invitation(s).", nullptr, count);
    const QString finality = request.undoSeconds > 0
                                 ? tr("You can undo for %n second(s) after you confirm; then it cannot be undone, but you can invite them again.",
                                      nullptr, request.undoSeconds)
                                 : tr("This cannot be undone, but you can invite them again.");
    m_ui->explanationLabel->setText(consequence + u' ' + finality);
    m_ui->emailList->setPlainText(request.lines.join(u'\n'));

    m_expected = request.confirmationText;
    m_needsTyping = Confirmation::needsTypedHandle(request.badge == Session::Badge::Live, count);
    m_ui->confirmLabel->setVisible(m_needsTyping);
    m_ui->confirmEdit->setVisible(m_needsTyping);
    if (m_needsTyping) {
        m_ui->confirmLabel->setText(tr("Type <b>%1</b> to confirm:").arg(m_expected.toHtmlEscaped()));
        m_ui->confirmEdit->setPlaceholderText(m_expected);
    }

    m_revokeButton = m_ui->buttonBox->addButton(tr("&Revoke %Ln Invitation(s)", nullptr, count),
                                                QDialogButtonBox::AcceptRole);
    m_revokeButton->setObjectName(u"revokeButton"_s);
    m_revokeButton->setAutoDefault(false);
    m_revokeButton->setDefault(false);
    if (QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel)) {
        cancel->setText(tr("&Cancel"));
        cancel->setDefault(true);
        cancel->setFocus();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &RevokeDialog::updateButton);
    updateButton();
    fitToScreen();
}

void RevokeDialog::fitToScreen()
{
    // As tall as the list wants (up to about twelve lines), as the screen allows: on a short screen (a
    // laptop at 2×) the list gives way first, down to two lines, then the dialog grows wider so that the
    // texts take fewer lines. Room is kept for the window frame, which is not known before it is shown.
    const QScreen *here = parentWidget() ? parentWidget()->screen() : screen();
    const QSize room = here ? here->availableGeometry().size() - QSize(16, 48) : QSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    QPlainTextEdit *list = m_ui->emailList;
    const int frame = 2 * list->frameWidth() + int(list->document()->documentMargin() * 2);
    const int line = list->fontMetrics().lineSpacing();
    const int lines = std::max(1, int(m_ui->emailList->document()->blockCount()));
    list->setMinimumHeight(frame + std::min(lines, 2) * line + line / 2); // block layout adds a little per line
    list->setMaximumHeight(frame + std::min(lines, 12) * line + line / 2);
    QLayout *layout = this->layout();
    auto heightAt = [&](int width) {
        layout->activate();
        return layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : layout->totalSizeHint().height();
    };
    int width = std::min(std::max(this->width(), layout->totalMinimumSize().width()), room.width());
    int height = heightAt(width);
    if (height > room.height()) {
        list->setMaximumHeight(std::max(list->minimumHeight(), list->maximumHeight() - (height - room.height())));
        height = heightAt(width);
    }
    if (height > room.height() && width < room.width()) {
        width = room.width();
        height = heightAt(width);
    }
    resize(width, std::min(height, room.height()));
}

RevokeDialog::~RevokeDialog() = default;

QString RevokeDialog::ticket() const
{
    return m_ui->ticketEdit->text().trimmed();
}

void RevokeDialog::updateButton()
{
    m_revokeButton->setEnabled(!m_needsTyping || Confirmation::confirms(m_ui->confirmEdit->text(), m_expected));
}

} // namespace InviteDesk
