#pragma once

#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
QT_END_NAMESPACE

namespace InviteDesk {

class ConnectionController;
class Session;

/*!
 * The toolbar's connection part: the profile chooser (with "New profile…") and the environment badge
 * (LIVE · production in red, Development in amber, DEMO in blue). Choosing a profile asks the
 * connection controller; the badge follows the session.
 */
class ProfileBar : public QWidget
{
    Q_OBJECT

public:
    ProfileBar(Session *session, ConnectionController *connections, QWidget *parent = nullptr);

    /*! Lists the profiles again (after one was added, edited or removed, or the session changed). */
    void refresh();

private:
    Session *m_session;
    ConnectionController *m_connections;
    QComboBox *m_combo;
    QLabel *m_badge;
};

} // namespace InviteDesk
