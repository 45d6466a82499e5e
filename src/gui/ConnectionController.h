#pragma once

#include "gui/Profiles.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace InviteDesk {

class Session;

/*!
 * Chooses which profile the session uses: reads its key from the keychain
 * (or asks for one), offers to keep a key for this session only where no
 * keychain is available, and creates, edits and deletes profiles.
 *
 * Transient profiles (the demo sandbox, CLERK_SECRET_KEY) are listed too but
 * never saved.
 */
class ConnectionController : public QObject
{
    Q_OBJECT

public:
    ConnectionController(Session *session, QWidget *window, QObject *parent = nullptr);

    QList<ConnectionProfile> profiles() const;
    void addTransient(const ConnectionProfile &profile, const QString &secretKey);

    void activate(const QString &profileId);
    void newProfile();
    void editCurrent();
    void deleteCurrent();

    ProfileStore &store() { return m_store; }
    SecretStore &secrets() { return m_secrets; }

Q_SIGNALS:
    void profilesChanged();
    void notice(const QString &message);

private:
    void edit(const ConnectionProfile &profile, bool isNew, const QString &reason = {});
    void storeKey(const ConnectionProfile &profile, const QString &key);
    ConnectionProfile find(const QString &profileId) const;

    Session *m_session;
    QPointer<QWidget> m_window;
    ProfileStore m_store;
    SecretStore m_secrets;
    QList<ConnectionProfile> m_transient;
};

} // namespace InviteDesk
