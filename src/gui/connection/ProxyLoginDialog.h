#pragma once

#include <QtWidgets/QDialog>

#include <memory>

QT_BEGIN_NAMESPACE
namespace Ui {
class ProxyLoginDialog;
}
QT_END_NAMESPACE

namespace InviteDesk {

/*! Asks for the user name and password a proxy wants (it answered 407), and says why. */
class ProxyLoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ProxyLoginDialog(const QString &why, QWidget *parent = nullptr);
    ~ProxyLoginDialog() override;

    QString user() const;
    QString password() const;

private:
    std::unique_ptr<Ui::ProxyLoginDialog> m_ui;
};

} // namespace InviteDesk
