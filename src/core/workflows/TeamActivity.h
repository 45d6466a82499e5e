#pragma once

#include "core/audit/TeamAudit.h"

#include <QtCore/QObject>
#include <QtCore/QThread>

#include <memory>

namespace InviteDesk {

/*!
 * The team store's activity, a page at a time, read on a thread of its own so that a slow or absent
 * database never blocks the window. start() asks for the first page of a filter (and how many records
 * match in all); more() for the next; a new start() drops whatever the previous one still delivers.
 *
 * While a filter is shown, the query listens for the store's "invitedesk_audit" notifications (every
 * insert sends one; TeamAuditSchema) and says changed() when records arrived, so the window can show
 * them without asking again and again. The listening connection is checked every 15 s; after a server
 * restart it connects and listens again, and says changed() once, since what arrived meanwhile was
 * not heard.
 */
class TeamActivityQuery : public QObject
{
    Q_OBJECT

public:
    static constexpr int pageSize = 500;

    explicit TeamActivityQuery(QObject *parent = nullptr);
    ~TeamActivityQuery() override;

    void start(const TeamAuditTarget &target, const TeamActivityFilter &filter);
    /*! The next page after the last row delivered; nothing when there is none or a page is on its way. */
    void more();
    /*! Drops whatever is on its way (another profile, another search), and stops listening. */
    void cancel();
    bool isRunning() const { return m_running; }
    bool hasMore() const { return m_hasMore; }

Q_SIGNALS:
    /*!
     * \a first: the first page of a new start() (the list starts over); \a total: how many records
     * match in all (-1 when the store could not count them).
     */
    void pageArrived(const QList<InviteDesk::TeamActivityRow> &rows, bool first, bool more, qint64 total);
    void failed(const QString &error);
    /*! New records reached the store (or may have, while it was away) since the last page. */
    void changed();

private:
    void ask(const std::optional<TeamActivityRow> &after);

    QThread m_thread;
    QObject *m_worker = nullptr;
    struct Reader;
    std::shared_ptr<Reader> m_reader; //!< used on m_thread only
    TeamAuditTarget m_target;
    TeamActivityFilter m_filter;
    quint64 m_generation = 0;
    std::optional<TeamActivityRow> m_last;
    bool m_running = false;
    bool m_hasMore = false;
};

} // namespace InviteDesk
