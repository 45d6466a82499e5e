#pragma once

#include "gui/session/Settings.h"

#include <QtCore/QAbstractProxyModel>
#include <QtCore/QFutureWatcher>
#include <QtCore/QSet>

#include <array>
#include <vector>

namespace InviteDesk {

class InvitationTableModel;

/*!
 * Sorts invitations by typed values and filters them as the agent types: the
 * text matches email, role and ID, case-insensitively. A quick filter narrows
 * to invitations that expire soon, have expired, or are duplicates (several
 * pending invitations for one address); a role filter to the pending
 * invitations with one role (what keeps Clerk from deleting that role).
 *
 * With many rows, the sorting and the text matching run on a worker thread
 * over a snapshot (the keys share the model's strings), and the finished
 * mapping replaces the shown one in one step, so no click or keystroke
 * blocks the window. The GUI thread only takes the snapshot and swaps.
 * Rows that arrive meanwhile are appended at the end (in a load, the next
 * sort places them); rows that change are re-checked one by one. A revoke
 * never moves a row: the order changes when the agent sorts.
 */
class InvitationFilterModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    /*! PendingLongerThan: the stale sweep's rule (StaleRule) with staleDays(). */
    enum class QuickFilter { Any, Within24Hours, Within7Days, Expired, Duplicates, PendingLongerThan };
    Q_ENUM(QuickFilter)

    explicit InvitationFilterModel(QObject *parent = nullptr);
    ~InvitationFilterModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setQuickFilter(QuickFilter filter);
    QuickFilter quickFilter() const { return m_quickFilter; }
    /*! The N of "pending longer than N days" (1 to StaleRule::mostDays). */
    void setStaleDays(int days);
    int staleDays() const { return m_staleDays; }

    /*! How many source rows each quick filter would show (with the current text). */
    int countMatching(QuickFilter filter) const;

    /*! Only pending invitations with this role key; empty for any role. */
    void setRole(const QString &roleKey);
    QString role() const { return m_role; }
    struct RoleCount
    {
        QString key;
        QString name;
        int pending = 0;
    };
    /*! The roles of the pending invitations loaded, by name, with how many hold each. */
    QList<RoleCount> pendingRoles() const;

    /*!
     * The Organization column is part of the model only across organizations. A hidden section would still
     * be read out: Qt's table interface for screen readers walks the model's columns, hidden or not.
     */
    void setOrganizationShown(bool shown);
    bool isOrganizationShown() const { return m_organizationShown; }

    /*! Sorting and text filtering of at least this many rows run on a worker thread (tests lower it). */
    void setBackgroundThreshold(int rows) { m_threshold = rows; }
    /*! A sort or filter is being worked out; settled() follows. */
    bool isWorking() const { return m_working; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // QAbstractProxyModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    /*! The mapping asked for (a sort, a filter) is in place. */
    void settled();

public:
    /*! What a worker gets: a snapshot, nothing that points into the model. */
    struct Job
    {
        quint64 generation = 0;
        int rows = 0;
        std::vector<char> base;                 //!< quick and role filters, per source row (worked out on the GUI thread)
        QString text;                           //!< the filter text, trimmed
        std::vector<std::array<QString, 4>> hay; //!< email, ID, role key, role name, when text is set
        bool resort = false;
        std::vector<qint64> numbers;  //!< sort keys, for a number column
        std::vector<QString> texts;   //!< sort keys, for a text column
        bool descending = false;
        std::vector<int> order;       //!< the current order, when not resorting
    };
    struct Mapping
    {
        quint64 generation = 0;
        int rows = 0;
        std::vector<int> order;   //!< every source row, in order
        std::vector<char> textOk; //!< per source row
        std::vector<int> shown;   //!< the rows that pass, in order
        bool resorted = false;
    };
    /*! The whole work, on whatever thread: pure, so it can be tested and timed alone. */
    static Mapping work(Job job);

private:
    void request(bool resort);
    void apply(Mapping mapping);
    bool baseAccepts(int sourceRow) const;
    bool textMatches(int sourceRow) const;
    bool quickMatches(int sourceRow, QuickFilter filter) const;
    bool accepts(int sourceRow) const { return baseAccepts(sourceRow) && m_textOk[size_t(sourceRow)]; }
    void rebuildProxyOf();
    void resetFromSource();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void showRow(int sourceRow);
    void hideRow(int sourceRow);

    InvitationTableModel *m_invitations = nullptr;
    QString m_text;
    QuickFilter m_quickFilter = QuickFilter::Any;
    int m_staleDays = Settings::staleDays.byDefault();
    QString m_role;
    QSet<QString> m_pinned; //!< rows revoked while shown under the current quick or role filter
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<int> m_shown;   //!< proxy row → source row
    std::vector<int> m_proxyOf; //!< source row → proxy row, or -1
    std::vector<int> m_order;   //!< every source row in the current order; rows that arrived since at the end
    std::vector<char> m_textOk; //!< per source row: matches the text

    int m_threshold = 20'000;
    quint64 m_generation = 0; //!< the job whose answer counts
    bool m_working = false;
    bool m_organizationShown = false;
    bool m_resortPending = false; //!< a sort was asked for and its result is not in place yet
    QSet<int> m_changedMeanwhile; //!< source rows changed while a job worked on a snapshot
    QFutureWatcher<Mapping> m_watcher;
};

} // namespace InviteDesk
