#include "gui/MessageBar.h"

#include "gui/Accessible.h"

#include <QtGui/QAction>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>

using namespace Qt::StringLiterals;

namespace InviteDesk {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_buttons(new QHBoxLayout),
      m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setFocusPolicy(Qt::TabFocus);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::showMessage(Level level, const QString &text, const QList<QAction *> &actions)
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        if (QWidget *old = item->widget()) {
            old->hide();
            old->deleteLater(); // it may be the one whose click led here
        }
        delete item;
    }
    for (QAction *action : actions) {
        // Buttons, not a dialog: Tab reaches them, and nothing here takes focus by itself. The action's own
        // letter belongs to its menu and may be taken in the window: an action shown here sets its icon
        // text with a letter free in the window; without one, the button has none.
        const QString label = action->iconText(); // Qt derives it from the text, without the letter, if not set
        auto *button = new QPushButton(label, this);
        button->setAutoDefault(false);
        button->setFocusPolicy(Qt::TabFocus);
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_buttons->addWidget(button);
    }
    const char *icon = level == Level::Error     ? ":/icons/status-failed.svg"
                       : level == Level::Warning ? ":/icons/status-warning.svg"
                                                 : ":/icons/status-info.svg";
    const int size = fontMetrics().height();
    m_icon->setPixmap(QIcon(QString::fromLatin1(icon)).pixmap(size, size));
    m_text->setText(text);
    const QString kind = level == Level::Error ? tr("Error") : level == Level::Warning ? tr("Warning") : tr("Note");
    setAccessibleName(kind);
    m_text->setAccessibleName(kind + u": "_s + text);
    // From the surroundings' palette, not this bar's: each message would tint it further.
    QPalette tint = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const QColor base = level == Level::Error ? QColor(0xc6, 0x28, 0x28) : level == Level::Warning ? QColor(0xb2, 0x5e, 0x00)
                                                                                                 : QColor(0x15, 0x65, 0xc0);
    // A light wash of the level's colour over the window colour keeps the palette's text readable.
    const QColor window = tint.color(QPalette::Window);
    tint.setColor(QPalette::Window, QColor((window.red() * 5 + base.red()) / 6, (window.green() * 5 + base.green()) / 6,
                                           (window.blue() * 5 + base.blue()) / 6));
    setPalette(tint);
    show();
    announce(this, kind + u": "_s + text);
}

} // namespace InviteDesk
