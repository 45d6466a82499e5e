#pragma once

#include <QtWidgets/QComboBox>

namespace InviteDesk {

/*!
 * A combo box of one width whose current entry, when longer, ends in "…" instead of being cut off mid
 * letter; the list shows every entry whole, and screen readers get the whole text (currentText()).
 * For combos whose entries change while the agent works (counts): a width that followed them would lay
 * the window out again each time.
 */
class ElidingComboBox : public QComboBox
{
    Q_OBJECT

public:
    using QComboBox::QComboBox;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace InviteDesk
