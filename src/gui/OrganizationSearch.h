#pragma once

#include "core/api/ClerkClient.h"

#include <QtCore/QTimer>
#include <QtGui/QStandardItemModel>

namespace InviteDesk {

class Session;

/*!
 * Finds organizations as the agent types: each change waits a moment
 * (debounce), cancels the search still in flight and asks Clerk for the
 * first matches (`query` matches the ID exactly, name and slug partially).
 * Nothing lists all organizations client-side, so 50,000 stay instant.
 *
 * resolve() goes straight to one organization by ID or slug (pasting one).
 */
class OrganizationSearch : public QObject
{
    Q_OBJECT

public:
    enum ItemRole { OrganizationIdRole = Qt::UserRole + 1, SlugRole, NameRole, PendingRole, ViewRole };
    /*! What a ViewRole entry opens: a view of the whole instance, not one organization. */
    enum class View { AllOrganizations = 1, ApplicationInvitations };

    explicit OrganizationSearch(Session *session, QObject *parent = nullptr);

    QStandardItemModel *results() { return &m_results; }
    void setText(const QString &text);
    /*! \a fresh: read it from Clerk even when a search just found it (its counts may have moved). */
    void resolve(const QString &idOrSlug, bool fresh = false);
    /*! Shows these instead of search results (recent organizations, when the field is empty). */
    void showRecent(const QList<QPair<QString, QString>> &idAndName);
    bool isSearching() const { return m_call != 0; }
    /*! A search or a lookup is waiting for Clerk. */
    bool isBusy() const { return m_call != 0 || m_resolveCall != 0; }
    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }

    static QString describe(const Organization &organization);
    /*! The entry for the whole instance, first in the list of recent organizations. */
    static QString instanceName();
    /*! The entry for the instance's application invitations, second. */
    static QString applicationName();

Q_SIGNALS:
    void resultsChanged();
    void organizationResolved(const InviteDesk::Organization &organization);
    void failed(const InviteDesk::ClerkError &error);
    void notFound(const QString &idOrSlug);
    void busyChanged(bool busy);

private:
    void search();
    void cancel();
    /*! The first entries of a list: the whole instance's views (the ones \a typed names, or both). */
    void addViewItems(const QString &typed = {});
    void updateBusy();

    Session *m_session;
    QStandardItemModel m_results;
    QTimer m_debounce;
    QString m_text;
    ClerkClient::CallId m_call = 0;
    ClerkClient::CallId m_resolveCall = 0;
    QHash<QString, Organization> m_found;
    bool m_busy = false;
    quint64 m_searchGeneration = 0;  //!< the search whose answer counts
    quint64 m_resolveGeneration = 0; //!< the lookup whose answer counts
};

} // namespace InviteDesk
