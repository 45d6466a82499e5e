#include "gui/connection/ProfileBar.h"

#include "gui/connection/ConnectionController.h"
#include "gui/session/EnvironmentStyle.h"
#include "gui/session/Session.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>

using namespace Qt::StringLiterals;

namespace InviteDesk {

namespace {
constexpr auto newProfileItem = "__new__";
} // namespace

ProfileBar::ProfileBar(Session *session, ConnectionController *connections, QWidget *parent)
    : QWidget(parent), m_session(session), m_connections(connections), m_combo(new QComboBox(this)),
      m_badge(new QLabel(this))
{
    auto *label = new QLabel(tr("P&rofile:"), this);
    m_combo->setObjectName(u"profileCombo"_s);
    m_combo->setAccessibleName(tr("Connection profile"));
    m_combo->setMinimumContentsLength(10);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    label->setBuddy(m_combo);
    m_badge->setObjectName(u"environmentBadge"_s);
    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(separator);
    layout->addWidget(m_badge);

    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString id = m_combo->itemData(index).toString();
        if (id != QLatin1StringView(newProfileItem))
            return m_connections->activate(id);
        refresh();
        m_connections->newProfile();
    });
    connect(connections, &ConnectionController::profilesChanged, this, &ProfileBar::refresh);
    connect(session, &Session::opened, this, &ProfileBar::refresh);
    connect(session, &Session::closed, this, &ProfileBar::refresh);
    refresh();
}

void ProfileBar::refresh()
{
    const QString current = m_session->isOpen() ? m_session->profile().id : QString();
    m_combo->clear();
    for (const ConnectionProfile &p : m_connections->profiles()) {
        const bool production = p.environment == KeyEnvironment::Production && !p.demo;
        m_combo->addItem(production ? p.name + tr(" (production)") : p.name, p.id);
    }
    m_combo->addItem(tr("New profile…"), QString::fromLatin1(newProfileItem));
    m_combo->setCurrentIndex(current.isEmpty() ? -1 : m_combo->findData(current));
    EnvironmentStyle::applyBadge(m_badge, m_session->badge());
}

} // namespace InviteDesk
