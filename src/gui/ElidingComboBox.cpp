#include "gui/ElidingComboBox.h"

#include <QtWidgets/QStyleOptionComboBox>
#include <QtWidgets/QStylePainter>

namespace InviteDesk {

void ElidingComboBox::paintEvent(QPaintEvent *)
{
    // As QComboBox paints itself, with the label's text elided to the room the style gives it.
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    const QRect room = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    const int iconRoom = option.currentIcon.isNull() ? 0 : option.iconSize.width() + 4;
    option.currentText = option.fontMetrics.elidedText(option.currentText, Qt::ElideRight, room.width() - iconRoom);
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

} // namespace InviteDesk
