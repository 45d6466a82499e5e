#include "gui/connection/ProxyLoginDialog.h"

#include "ui_ProxyLoginDialog.h"

#include <QtWidgets/QPushButton>

namespace InviteDesk {

ProxyLoginDialog::ProxyLoginDialog(const QString &why, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ProxyLoginDialog>())
{
    m_ui->setupUi(this);
    m_ui->reasonLabel->setText(why);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_ui->userEdit, &QLineEdit::textChanged, this, [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    ok->setText(tr("&OK"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ProxyLoginDialog::~ProxyLoginDialog() = default;

QString ProxyLoginDialog::user() const
{
    return m_ui->userEdit->text().trimmed();
}

QString ProxyLoginDialog::password() const
{
    return m_ui->passwordEdit->text();
}

} // namespace InviteDesk
