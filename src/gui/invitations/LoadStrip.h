#pragma once

#include <QtWidgets/QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QPushButton;
namespace Ui {
class LoadStrip;
}
QT_END_NAMESPACE

namespace InviteDesk {

class InvitationsController;

/*!
 * The strip under the table while a list loads: "Loaded 3,500 of 10,000" with a progress bar and
 * Cancel, and after a cancelled or failed load what happened and how to load it all (ui/LoadStrip.ui).
 * It shows what InvitationsController reports of the load and sends Cancel there; hidden when a
 * load ends well.
 */
class LoadStrip : public QWidget
{
    Q_OBJECT

public:
    explicit LoadStrip(QWidget *parent = nullptr);
    ~LoadStrip() override;

    /*! Follows \a invitations' loads; \a rows is the table model, whose rows a cancelled load says it shows. */
    void setController(InvitationsController *invitations, const QAbstractItemModel *rows);
    QPushButton *cancelButton() const;

private:
    /*! A message, at the label's natural size. */
    void setText(const QString &text);
    /*! The running count, at a fixed size (see there). */
    void setCount(int loaded, qint64 total);
    /*! The load ended: no more Cancel; the bar stands still. */
    void ended();

    std::unique_ptr<Ui::LoadStrip> m_ui;
};

} // namespace InviteDesk
