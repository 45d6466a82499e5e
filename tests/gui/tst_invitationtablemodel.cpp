// The table model and its proxy: the model contract, precise notifications, filtering and typed sorting.

#include "gui/invitations/InvitationFilterModel.h"
#include "gui/ActivityModel.h"
#include "gui/invitations/InvitationTableModel.h"

#include <QtCore/QDateTime>
#include <QtCore/QJsonObject>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace InviteDesk;

namespace {
constexpr qint64 now = 1'800'000'000'000;
constexpr qint64 hour = 3'600'000;
constexpr qint64 day = 24 * hour;

Invitation make(const QString &id, const QString &email, qint64 createdAgo, std::optional<qint64> expiresIn,
                InvitationStatus status = InvitationStatus::Pending, const QString &role = u"org:member"_s)
{
    Invitation inv;
    inv.id = id;
    inv.emailAddress = email;
    inv.role = role;
    inv.roleName = role == "org:admin"_L1 ? u"Admin"_s : u"Member"_s;
    inv.status = status;
    inv.statusText = invitationStatusKey(status);
    inv.createdAt = now - createdAgo;
    inv.updatedAt = inv.createdAt;
    if (expiresIn)
        inv.expiresAt = now + *expiresIn;
    return inv;
}
} // namespace

class TestInvitationTableModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<InvitationTableModel> m_model;
    std::unique_ptr<InvitationFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList proxyColumn(int column, int role = Qt::DisplayRole) const
    {
        QStringList values;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            values << m_proxy->index(row, column).data(role).toString();
        return values;
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<InvitationTableModel>();
        m_model->setNow(now);
        m_proxy = std::make_unique<InvitationFilterModel>();
        m_proxy->setSourceModel(m_model.get());
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void pagesAreInsertedOnceEach()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QList<Invitation> page1;
        QList<Invitation> page2;
        for (int i = 0; i < 500; ++i)
            page1 << make(u"inv_%1"_s.arg(i), u"a%1@x.example"_s.arg(i), i * hour, 29 * day);
        for (int i = 500; i < 700; ++i)
            page2 << make(u"inv_%1"_s.arg(i), u"a%1@x.example"_s.arg(i), i * hour, 29 * day);
        page2 << page1.first(); // a list that shifted: the same invitation again
        m_model->append(page1);
        m_model->append(page2);
        QCOMPARE(inserted.size(), 2); // one beginInsertRows per page
        QCOMPARE(inserted.at(1).at(1).toInt(), 500);
        QCOMPARE(inserted.at(1).at(2).toInt(), 699);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_model->rowCount(), 700);
        QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 0); // no children
        QCOMPARE(m_model->rowOf(u"inv_650"_s), 650);
    }

    void theOrganizationColumnComesAndGoesCleanly()
    {
        // The proxy leaves the model's last column (Organization) out outside views across organizations;
        // the model tester checks every insert, removal and change notice it sends meanwhile.
        static_assert(InvitationTableModel::Organization == InvitationTableModel::ColumnCount - 1);
        QList<Invitation> rows;
        for (int i = 0; i < 10; ++i)
            rows << make(u"inv_%1"_s.arg(i), u"a%1@x.example"_s.arg(i), i * hour, 29 * day);
        m_model->append(rows);
        QCOMPARE(m_proxy->columnCount(), int(InvitationTableModel::Organization));
        QVERIFY(!m_proxy->index(0, InvitationTableModel::Organization).isValid());
        QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::columnsInserted);
        QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::columnsRemoved);
        QSignalSpy changed(m_proxy.get(), &QAbstractItemModel::dataChanged);
        m_proxy->setOrganizationShown(true);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), int(InvitationTableModel::Organization));
        QCOMPARE(m_proxy->columnCount(), int(InvitationTableModel::ColumnCount));
        QVERIFY(m_proxy->index(0, InvitationTableModel::Organization).isValid());
        m_proxy->setOrganizationShown(false);
        QCOMPARE(removed.size(), 1);
        // A row's whole-row notice reaches the proxy without the absent column.
        m_model->markRevoking(u"inv_3"_s);
        QTRY_VERIFY(!changed.isEmpty());
        for (const QList<QVariant> &notice : changed) {
            const QModelIndex bottomRight = notice.at(1).value<QModelIndex>();
            QVERIFY(bottomRight.isValid());
            QVERIFY(bottomRight.column() < m_proxy->columnCount());
        }
    }

    void displayAndRoles()
    {
        Invitation inv = make(u"inv_1"_s, u"zoë@x.example"_s, 3 * day, 2 * hour);
        inv.inviter = std::make_shared<const InviterData>(
            InviterData{u"user_1"_s, u"Ada"_s, u"Lovelace"_s, {}, u"ada@x.example"_s, false});
        m_model->append({inv});
        const auto at = [this](int column, int role = Qt::DisplayRole) { return m_model->index(0, column).data(role); };
        QCOMPARE(at(InvitationTableModel::Email).toString(), u"zoë@x.example"_s);
        QCOMPARE(at(InvitationTableModel::Role).toString(), u"Member"_s);
        QCOMPARE(at(InvitationTableModel::Role, Qt::ToolTipRole).toString(), u"org:member"_s);
        QCOMPARE(at(InvitationTableModel::Status).toString(), u"Pending"_s);
        QVERIFY(at(InvitationTableModel::Invited).toString().contains(u"3 day"_s));
        QVERIFY(at(InvitationTableModel::Expires).toString().contains(u"2 hour"_s));
        QVERIFY(at(InvitationTableModel::Expires, Qt::ForegroundRole).isValid()); // within 24 h: marked
        QVERIFY(at(InvitationTableModel::Expires, Qt::FontRole).value<QFont>().bold());
        QCOMPARE(at(InvitationTableModel::InvitedBy).toString(), u"Ada Lovelace"_s);
        QCOMPARE(at(InvitationTableModel::InvitedBy, Qt::ToolTipRole).toString(), u"ada@x.example"_s);
        QCOMPARE(at(InvitationTableModel::Email, InvitationTableModel::InvitationIdRole).toString(), u"inv_1"_s);
        QCOMPARE(at(InvitationTableModel::Invited, InvitationTableModel::SortRole).toLongLong(), now - 3 * day);
        QVERIFY(!at(InvitationTableModel::Invited, Qt::ToolTipRole).toString().isEmpty()); // exact local time
        QCOMPARE(m_model->headerData(InvitationTableModel::Expires, Qt::Horizontal).toString(), u"Expires"_s);
    }

    void expiredIsMarked()
    {
        m_model->append({make(u"inv_1"_s, u"a@x"_s, 40 * day, -2 * day)});
        const QModelIndex expires = m_model->index(0, InvitationTableModel::Expires);
        QVERIFY(expires.data().toString().startsWith(u"expired"_s));
        QVERIFY(expires.data(Qt::ForegroundRole).isValid());
    }

    void aRevokedInvitationNoLongerExpiresAndRowsAreNamed()
    {
        // Revoked rows said "in 29 days"; a screen reader named rows "1", "2".
        m_model->append({make(u"inv_1"_s, u"a@x.example"_s, day, 29 * day), make(u"inv_2"_s, u"b@x.example"_s, day, 29 * day)});
        Invitation revoked = m_model->invitationAt(m_model->rowOf(u"inv_1"_s));
        revoked.status = InvitationStatus::Revoked;
        revoked.statusText = u"revoked"_s;
        m_model->applyResult(u"inv_1"_s, RevokeResult{RevokeOutcome::Revoked, std::nullopt, revoked, 1, false});
        QCOMPARE(m_model->index(m_model->rowOf(u"inv_1"_s), InvitationTableModel::Expires).data().toString(), u"—"_s);
        QVERIFY(m_model->index(m_model->rowOf(u"inv_2"_s), InvitationTableModel::Expires).data().toString().contains(u"29 day"_s));
        QCOMPARE(m_model->headerData(m_model->rowOf(u"inv_2"_s), Qt::Vertical).toString(), u"b@x.example"_s);
        m_proxy->sort(InvitationTableModel::Email, Qt::DescendingOrder);
        QCOMPARE(m_proxy->headerData(0, Qt::Vertical).toString(), u"b@x.example"_s); // the proxy's row, not the model's
    }

    void rowStateChangesAreNarrow()
    {
        m_model->append({make(u"inv_1"_s, u"a@x"_s, day, day), make(u"inv_2"_s, u"b@x"_s, day, day)});
        RevokeResult failure;
        failure.outcome = RevokeOutcome::Forbidden;
        failure.error = ClerkError::fromHttp(403, R"({"errors":[{"code":"x","message":"Forbidden"}],"clerk_trace_id":"abc"})");
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->applyResult(u"inv_2"_s, failure);
        QTRY_COMPARE(changed.size(), 1); // at the end of the frame
        const QModelIndex from = changed.first().at(0).toModelIndex();
        const QModelIndex to = changed.first().at(1).toModelIndex();
        QCOMPARE(from.row(), 1);
        QCOMPARE(to.row(), 1);
        QCOMPARE(from.column(), int(InvitationTableModel::Status));
        QCOMPARE(to.column(), int(InvitationTableModel::Status));
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(Qt::ToolTipRole));
        const QModelIndex status = m_model->index(1, InvitationTableModel::Status);
        QCOMPARE(status.data().toString(), u"Failed"_s);
        QCOMPARE(status.data(Qt::ToolTipRole).toString(), u"Clerk refused this operation: Forbidden\nTrace ID: abc"_s);
        // Setting the same state again announces nothing: the next frame's notice is the other row's alone.
        m_model->applyResult(u"inv_2"_s, failure);
        m_model->markRevoking(u"inv_1"_s);
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.last().at(1).toModelIndex().row(), 0);
    }

    void aFrameOfRevokesIsToldOnce()
    {
        // Issue 14: hundreds of row states a second reach the view as one notice per frame.
        QList<Invitation> rows;
        for (int i = 0; i < 50; ++i)
            rows << make(u"inv_%1"_s.arg(i), u"a%1@x"_s.arg(i), day, day);
        m_model->append(rows);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        for (int i : {7, 3, 41, 19})
            m_model->markRevoking(u"inv_%1"_s.arg(i));
        QCOMPARE(changed.size(), 0);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 41);
        QCOMPARE(m_model->revokeState(u"inv_41"_s), RevokeState::Revoking); // the data was there at once
        // A removal first tells what is pending, with the row numbers of then.
        m_model->markRevoking(u"inv_45"_s);
        m_model->remove({u"inv_0"_s});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 45);
    }

    void removeAndUpdate()
    {
        m_model->append({make(u"inv_1"_s, u"a@x"_s, day, day), make(u"inv_2"_s, u"b@x"_s, day, day),
                         make(u"inv_3"_s, u"c@x"_s, day, day)});
        m_model->remove({u"inv_1"_s, u"inv_3"_s, u"inv_unknown"_s});
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->rowOf(u"inv_2"_s), 0);
        Invitation revoked = m_model->invitationAt(0);
        revoked.status = InvitationStatus::Revoked;
        revoked.statusText = u"revoked"_s;
        m_model->update(revoked);
        QCOMPARE(m_model->index(0, InvitationTableModel::Status).data().toString(), u"Revoked"_s);
    }

    void sortsByTypedValues()
    {
        // As text "10 days ago" < "2 days ago" < "9 hours ago"; by value the order is by time.
        m_model->append({make(u"b"_s, u"b@x"_s, 2 * day, 5 * day), make(u"a"_s, u"A@x"_s, 10 * day, std::nullopt),
                         make(u"c"_s, u"c@x"_s, 9 * hour, 1 * day)});
        m_proxy->sort(InvitationTableModel::Invited, Qt::DescendingOrder);
        QCOMPARE(proxyColumn(InvitationTableModel::InvitationId), (QStringList{u"c"_s, u"b"_s, u"a"_s}));
        m_proxy->sort(InvitationTableModel::Expires, Qt::AscendingOrder);
        QCOMPARE(proxyColumn(InvitationTableModel::InvitationId), (QStringList{u"c"_s, u"b"_s, u"a"_s})); // never last
        m_proxy->sort(InvitationTableModel::Email, Qt::AscendingOrder);
        QCOMPARE(proxyColumn(InvitationTableModel::InvitationId), (QStringList{u"a"_s, u"b"_s, u"c"_s})); // case-insensitive
        for (int column = 0; column < InvitationTableModel::ColumnCount; ++column)
            m_proxy->sort(column, Qt::AscendingOrder); // every column sorts without trouble
    }

    // Issue 14: with many rows the proxy sorts and filters on a worker thread and swaps the result in.
    // These force that path (on a few hundred rows, as the model testers walk every row after each
    // change) and hold it to what the synchronous path gives.

    QList<Invitation> manyRows(int count, int from = 0) const
    {
        QList<Invitation> rows;
        for (int i = from; i < from + count; ++i)
            rows << make(u"orginv_%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"user%1@%2.example"_s.arg((i * 7919) % 1000).arg(i % 3 ? u"acme"_s : u"globex"_s),
                         ((i * 104729) % 5000) * hour / 10, std::optional<qint64>(((i * 31) % 40) * day / 5),
                         InvitationStatus::Pending, i % 5 ? u"org:member"_s : u"org:admin"_s);
        return rows;
    }

    static QList<int> sourceOrder(const InvitationFilterModel &proxy)
    {
        QList<int> rows;
        for (int row = 0; row < proxy.rowCount(); ++row)
            rows << proxy.mapToSource(proxy.index(row, 0)).row();
        return rows;
    }

    void theWorkerGivesWhatTheGuiThreadWould()
    {
        m_model->append(manyRows(400));
        InvitationFilterModel inline_; // below its threshold: worked out at once
        inline_.setSourceModel(m_model.get());
        m_proxy->setBackgroundThreshold(0); // every sort and filter on the worker
        for (int column = 0; column < InvitationTableModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                inline_.sort(column, order);
                m_proxy->sort(column, order);
                QVERIFY(m_proxy->isWorking());
                QTRY_VERIFY(!m_proxy->isWorking());
                QCOMPARE(sourceOrder(*m_proxy), sourceOrder(inline_));
            }
        }
        for (const QString &text : {u"user1"_s, u"GLOBEX"_s, u"admin"_s, u"orginv_00299"_s, u""_s}) {
            inline_.setText(text);
            m_proxy->setText(text);
            QTRY_VERIFY(!m_proxy->isWorking());
            QCOMPARE(sourceOrder(*m_proxy), sourceOrder(inline_));
            QCOMPARE(m_proxy->countMatching(InvitationFilterModel::QuickFilter::Within7Days),
                     inline_.countMatching(InvitationFilterModel::QuickFilter::Within7Days));
        }
        m_proxy->setText(u"acme"_s);
        inline_.setText(u"acme"_s);
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter::Within7Days);
        inline_.setQuickFilter(InvitationFilterModel::QuickFilter::Within7Days);
        QTRY_VERIFY(!m_proxy->isWorking());
        QVERIFY(m_proxy->rowCount() > 0 && m_proxy->rowCount() < 400);
        QCOMPARE(sourceOrder(*m_proxy), sourceOrder(inline_));

        // A sort asked for, then a keystroke before the worker is done: both land.
        inline_.sort(InvitationTableModel::Email, Qt::DescendingOrder);
        m_proxy->sort(InvitationTableModel::Email, Qt::DescendingOrder);
        inline_.setText(u"user"_s);
        m_proxy->setText(u"user"_s);
        QTRY_VERIFY(!m_proxy->isWorking());
        QCOMPARE(sourceOrder(*m_proxy), sourceOrder(inline_));

        // Everything selected under a role filter, then the filter goes: no row of another role becomes
        // selected (a revoke would act on them).
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter::Any);
        m_proxy->setText({});
        m_proxy->setRole(u"org:admin"_s);
        QTRY_VERIFY(!m_proxy->isWorking());
        QItemSelectionModel selection(m_proxy.get());
        selection.select(QItemSelection(m_proxy->index(0, 0), m_proxy->index(m_proxy->rowCount() - 1, 0)),
                         QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(selection.selectedRows().size() > 10);
        m_proxy->setRole({});
        QTRY_VERIFY(!m_proxy->isWorking());
        QCOMPARE(m_proxy->rowCount(), 400);
        for (const QModelIndex &row : selection.selectedRows())
            QCOMPARE(m_model->invitationAt(m_proxy->mapToSource(row).row()).role, u"org:admin"_s);
    }

    void rowsThatArriveOrChangeWhileTheWorkerRunsAreKept()
    {
        m_model->append(manyRows(400));
        m_proxy->setBackgroundThreshold(0);
        m_proxy->sort(InvitationTableModel::Email, Qt::AscendingOrder);
        QTRY_VERIFY(!m_proxy->isWorking());
        // The agent has a row selected; then sorts again, and a page arrives before the worker is done.
        QItemSelectionModel selection(m_proxy.get());
        const int chosenSource = m_proxy->mapToSource(m_proxy->index(10, 0)).row();
        selection.select(m_proxy->index(10, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_proxy->sort(InvitationTableModel::Invited, Qt::DescendingOrder);
        QVERIFY(m_proxy->isWorking());
        m_model->append(manyRows(100, 400)); // shown at once, at the end
        QCOMPARE(m_proxy->rowCount(), 500);
        m_model->markQueued({RevokeItem::of(m_model->invitationAt(5))});
        QTRY_VERIFY(!m_proxy->isWorking());
        QCOMPARE(m_proxy->rowCount(), 500);
        QSet<int> seen;
        for (int row : sourceOrder(*m_proxy))
            seen.insert(row);
        QCOMPARE(seen.size(), 500); // every row once
        QCOMPARE(sourceOrder(*m_proxy).mid(400), [] { QList<int> late; for (int r = 400; r < 500; ++r) late << r; return late; }());
        // The selection followed its row through the swap.
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(m_proxy->mapToSource(selected.first()).row(), chosenSource);
        // A row removed while the worker runs is gone from the result, and nothing points past the end.
        m_proxy->sort(InvitationTableModel::Email, Qt::DescendingOrder);
        m_model->remove({m_model->invitationAt(0).id, m_model->invitationAt(1).id});
        QTRY_VERIFY(!m_proxy->isWorking());
        QCOMPARE(m_proxy->rowCount(), 498);
        QList<int> order = sourceOrder(*m_proxy);
        std::sort(order.begin(), order.end());
        QCOMPARE(order.first(), 0);
        QCOMPARE(order.last(), 497);
    }

    void filtersAsYouType()
    {
        m_model->append({make(u"orginv_1"_s, u"ada@acme.example"_s, day, day),
                         make(u"orginv_2"_s, u"bob@globex.example"_s, day, day, InvitationStatus::Pending, u"org:admin"_s),
                         make(u"orginv_3"_s, u"carol@acme.example"_s, day, day)});
        m_proxy->setText(u"ACME"_s);
        QCOMPARE(m_proxy->rowCount(), 2);
        m_proxy->setText(u"admin"_s); // role
        QCOMPARE(m_proxy->rowCount(), 1);
        m_proxy->setText(u"orginv_3"_s); // ID
        QCOMPARE(m_proxy->rowCount(), 1);
        m_proxy->setText(u"  "_s);
        QCOMPARE(m_proxy->rowCount(), 3);
        m_proxy->setText(u"nobody"_s);
        QCOMPARE(m_proxy->rowCount(), 0);
    }

    void expiryFilters()
    {
        m_model->append({make(u"soon"_s, u"a@x"_s, 29 * day, 3 * hour), make(u"week"_s, u"b@x"_s, 25 * day, 5 * day),
                         make(u"later"_s, u"c@x"_s, day, 29 * day),
                         make(u"gone"_s, u"d@x"_s, 40 * day, -10 * day, InvitationStatus::Expired),
                         make(u"ranout"_s, u"e@x"_s, 31 * day, -hour)});
        using QuickFilter = InvitationFilterModel::QuickFilter;
        QCOMPARE(m_proxy->countMatching(QuickFilter::Within24Hours), 1);
        QCOMPARE(m_proxy->countMatching(QuickFilter::Within7Days), 2);
        QCOMPARE(m_proxy->countMatching(QuickFilter::Expired), 2);
        m_proxy->setQuickFilter(QuickFilter::Within7Days);
        QCOMPARE(proxyColumn(InvitationTableModel::InvitationId).size(), 2);
        m_proxy->setText(u"b@"_s);
        QCOMPARE(m_proxy->rowCount(), 1);
        m_proxy->setQuickFilter(QuickFilter::Any);
        QCOMPARE(m_proxy->rowCount(), 1);
    }

    void duplicatesAreCountedAndTheOlderOnesPicked()
    {
        m_model->append({make(u"old"_s, u"Twin@x.example"_s, 5 * day, day), make(u"new"_s, u"twin@x.example"_s, day, day),
                         make(u"solo"_s, u"solo@x.example"_s, day, day),
                         make(u"gone"_s, u"twin@x.example"_s, 9 * day, -day, InvitationStatus::Revoked)});
        QCOMPARE(m_model->pendingDuplicates(m_model->rowOf(u"old"_s)), 2); // case does not matter
        QCOMPARE(m_model->pendingDuplicates(m_model->rowOf(u"solo"_s)), 1);
        QCOMPARE(m_model->pendingDuplicates(m_model->rowOf(u"gone"_s)), 0); // not pending
        QCOMPARE(m_model->olderDuplicateIds(), QStringList{u"old"_s});
        QVERIFY(!m_model->index(m_model->rowOf(u"old"_s), InvitationTableModel::Email).data(Qt::DecorationRole).isNull());
        QCOMPARE(m_proxy->countMatching(InvitationFilterModel::QuickFilter::Duplicates), 2);
        // Once the older one is revoked there are no duplicates left.
        Invitation revoked = m_model->invitationAt(m_model->rowOf(u"old"_s));
        revoked.status = InvitationStatus::Revoked;
        m_model->update(revoked);
        QVERIFY(m_model->olderDuplicateIds().isEmpty());
        QCOMPARE(m_proxy->countMatching(InvitationFilterModel::QuickFilter::Duplicates), 0);
    }

    void aLookAlikeAddressIsNeitherADuplicateNorHidden()
    {
        // The Kelvin sign (U+212A) looks like "K" and Unicode folds it to "k": it is another address, so
        // "older duplicates" never revokes the real one for it, and its row says what it holds.
        m_model->append({make(u"real"_s, u"kelvin@x.example"_s, 5 * day, day), make(u"fake"_s, u"\u212Aelvin@x.example"_s, day, day)});
        QCOMPARE(m_model->pendingDuplicates(m_model->rowOf(u"real"_s)), 1);
        QVERIFY(m_model->olderDuplicateIds().isEmpty());
        const QModelIndex fake = m_model->index(m_model->rowOf(u"fake"_s), InvitationTableModel::Email);
        QVERIFY(!fake.data(Qt::DecorationRole).isNull());
        QVERIFY2(fake.data(Qt::ToolTipRole).toString().contains(u"\\u{212a}elvin@x.example"_s),
                 qPrintable(fake.data(Qt::ToolTipRole).toString()));
        QVERIFY(fake.data(Qt::AccessibleTextRole).toString().contains(u"\\u{212a}"_s));
        QVERIFY(m_model->index(m_model->rowOf(u"real"_s), InvitationTableModel::Email).data(Qt::DecorationRole).isNull());
    }

    void aRowKeepsLittleMetadata()
    {
        // Up to 100,000 rows are held: a row keeps small metadata, and only a mark of large metadata.
        Invitation small = make(u"small"_s, u"a@x"_s, day, day);
        small.publicMetadata = QJsonObject{{u"team"_s, u"support"_s}};
        small.privateMetadata = QJsonObject{{u"note"_s, u"internal"_s}};
        Invitation large = make(u"large"_s, u"b@x"_s, day, day);
        large.publicMetadata = QJsonObject{{u"blob"_s, QString(Invitation::listedMetadataBytes, u'x')}};
        m_model->append({small, large});
        const Invitation &keptSmall = m_model->invitationAt(m_model->rowOf(u"small"_s));
        QCOMPARE(keptSmall.publicMetadata, small.publicMetadata);
        QVERIFY(!keptSmall.metadataCut);
        QVERIFY(!keptSmall.privateMetadata);
        const Invitation &keptLarge = m_model->invitationAt(m_model->rowOf(u"large"_s));
        QVERIFY(keptLarge.publicMetadata.isEmpty());
        QVERIFY(keptLarge.metadataCut);
    }

    void unknownStatusIsShown()
    {
        Invitation inv = make(u"x"_s, u"x@x"_s, day, day, InvitationStatus::Unknown);
        inv.statusText = u"quarantined"_s;
        m_model->append({inv});
        QCOMPARE(m_model->index(0, InvitationTableModel::Status).data().toString(), u"quarantined"_s);
    }

    void hostileTextIsShownEscaped()
    {
        Invitation inv = make(u"orginv_x"_s, u"evil@x.example\n\x1b[31mforged\u202E"_s, 0, 0);
        m_model->append({inv});
        const QString shown = m_model->index(m_model->rowOf(u"orginv_x"_s), InvitationTableModel::Email).data().toString();
        QCOMPARE(shown, u"evil@x.example\\n\\e[31mforged\\u{202e}"_s);
        // The exact value is still what is copied and revoked.
        QCOMPARE(m_model->index(m_model->rowOf(u"orginv_x"_s), 0).data(InvitationTableModel::EmailRole).toString(),
                 inv.emailAddress);
        ActivityModel activity;
        activity.add(ActivityModel::Level::Error, u"Failed: \x1b]0;owned\x07"_s, u"trace\tid"_s);
        QCOMPARE(activity.index(0, ActivityModel::Message).data().toString(), u"Failed: \\e]0;owned\\u{7}"_s);
        QVERIFY(!activity.index(0, ActivityModel::Message).data(Qt::ToolTipRole).toString().contains(u'\t'));
    }

    // Issue 12: each of these failed on 425a982.

    void duplicateMarksRefreshWhenOneIsRevoked()
    {
        m_model->append({make(u"old"_s, u"twin@x"_s, 5 * day, day), make(u"new"_s, u"TWIN@x"_s, day, day),
                         make(u"other"_s, u"solo@x"_s, day, day)});
        const int oldRow = m_model->rowOf(u"old"_s);
        QCOMPARE(m_model->pendingDuplicates(oldRow), 2);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        Invitation revoked = m_model->invitationAt(m_model->rowOf(u"new"_s));
        revoked.status = InvitationStatus::Revoked;
        revoked.statusText = u"revoked"_s;
        m_model->applyResult(u"new"_s, RevokeResult{RevokeOutcome::Revoked, std::nullopt, revoked, 1, false});
        QCOMPARE(m_model->pendingDuplicates(oldRow), 1);
        // The other row of that address is told its mark went away; unrelated rows are not.
        bool oldRowAnnounced = false;
        for (const QList<QVariant> &args : changed) {
            const QModelIndex from = args.at(0).toModelIndex();
            QVERIFY(from.row() != m_model->rowOf(u"other"_s));
            if (from.row() == oldRow && from.column() == InvitationTableModel::Email)
                oldRowAnnounced = args.at(2).value<QList<int>>().contains(Qt::DecorationRole);
        }
        QVERIFY(oldRowAnnounced);
        QVERIFY(!m_model->index(oldRow, InvitationTableModel::Email).data(Qt::DecorationRole).isValid());
        // And the quick filter no longer lists it (nor the row revoked before the filter was chosen).
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter::Duplicates);
        QCOMPARE(m_proxy->rowCount(), 0);
    }

    void aRowRevokedUnderAFilterStaysUntilTheFilterChanges()
    {
        // Issue 17: rows revoked while a quick filter was on vanished instead of showing Revoked.
        m_model->append({make(u"old"_s, u"twin@x"_s, 5 * day, day), make(u"new"_s, u"twin@x"_s, day, day),
                         make(u"other"_s, u"solo@x"_s, day, day)});
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter::Duplicates);
        QCOMPARE(m_proxy->rowCount(), 2);
        Invitation revoked = m_model->invitationAt(m_model->rowOf(u"old"_s));
        revoked.status = InvitationStatus::Revoked;
        m_model->applyResult(u"old"_s, RevokeResult{RevokeOutcome::Revoked, std::nullopt, revoked, 1, false});
        // The revoked row stays, showing how it went; its twin is no longer a duplicate and goes.
        QCOMPARE(m_proxy->rowCount(), 1);
        QCOMPARE(m_proxy->mapToSource(m_proxy->index(0, 0)).row(), m_model->rowOf(u"old"_s));
        QCOMPARE(m_proxy->index(0, InvitationTableModel::Status).data().toString(), u"Revoked"_s);
        // Another filter, then back: the pin is gone with the filter it was made under.
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter::Any);
        m_proxy->setQuickFilter(InvitationFilterModel::QuickFilter::Duplicates);
        QCOMPARE(m_proxy->rowCount(), 0);
    }

    void olderDuplicatesLeaveRowsAlreadyInARun()
    {
        m_model->append({make(u"a"_s, u"twin@x"_s, 5 * day, day), make(u"b"_s, u"twin@x"_s, 3 * day, day),
                         make(u"c"_s, u"twin@x"_s, day, day)});
        QCOMPARE(m_model->olderDuplicateIds().size(), 2);
        m_model->markQueued({RevokeItem{{}, {}, u"a"_s, {}, {}, {}}});
        QCOMPARE(m_model->olderDuplicateIds(), QStringList{u"b"_s}); // the queued one is not offered again
        m_model->markRevoking(u"a"_s);
        QCOMPARE(m_model->olderDuplicateIds(), QStringList{u"b"_s});
    }

    void oneRuleDecidesWhatMayBeRevoked_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("revocable");
        QTest::newRow("pending, idle") << int(InvitationStatus::Pending) << int(RevokeState::Idle) << true;
        QTest::newRow("pending, failed: retry") << int(InvitationStatus::Pending) << int(RevokeState::Failed) << true;
        QTest::newRow("pending, queued") << int(InvitationStatus::Pending) << int(RevokeState::Queued) << false;
        QTest::newRow("pending, revoking") << int(InvitationStatus::Pending) << int(RevokeState::Revoking) << false;
        QTest::newRow("accepted") << int(InvitationStatus::Accepted) << int(RevokeState::Idle) << false;
        QTest::newRow("revoked") << int(InvitationStatus::Revoked) << int(RevokeState::Idle) << false;
    }

    void oneRuleDecidesWhatMayBeRevoked()
    {
        QFETCH(int, status);
        QFETCH(int, state);
        QFETCH(bool, revocable);
        m_model->append({make(u"x"_s, u"x@x"_s, day, day, InvitationStatus(status))});
        const RevokeItem item{{}, {}, u"x"_s, {}, {}, {}};
        switch (RevokeState(state)) {
        case RevokeState::Queued: m_model->markQueued({item}); break;
        case RevokeState::Revoking: m_model->markRevoking(u"x"_s); break;
        case RevokeState::Failed:
            m_model->applyResult(u"x"_s, RevokeResult{RevokeOutcome::Failed, ClerkError::timeout(), std::nullopt, 1, false});
            break;
        default: break;
        }
        QCOMPARE(m_model->revokeState(u"x"_s), RevokeState(state));
        QCOMPARE(m_model->isRevocable(0), revocable);
        QCOMPARE(m_model->isRevocable(0), isRevocable(m_model->invitationAt(0), RevokeState(state)));
    }

    void removalsAreAnnouncedPerRange()
    {
        QList<Invitation> rows;
        for (int i = 0; i < 10; ++i)
            rows << make(u"inv_%1"_s.arg(i), u"%1@x"_s.arg(i), day, day);
        m_model->append(rows);
        QSignalSpy removing(m_model.get(), &QAbstractItemModel::rowsAboutToBeRemoved);
        m_model->remove({u"inv_2"_s, u"inv_3"_s, u"inv_4"_s, u"inv_7"_s});
        QCOMPARE(removing.size(), 2); // rows 7, then rows 2-4
        QCOMPARE(m_model->rowCount(), 6);
        for (int row = 0; row < m_model->rowCount(); ++row)
            QCOMPARE(m_model->rowOf(m_model->invitationAt(row).id), row);
    }

    void sortRoleIsWhatTheTableSortsBy_data()
    {
        QTest::addColumn<int>("column");
        for (int column = 0; column < InvitationTableModel::ColumnCount; ++column)
            QTest::newRow(qPrintable(QString::number(column))) << column;
    }

    void sortRoleIsWhatTheTableSortsBy()
    {
        QFETCH(int, column);
        m_model->append({make(u"b"_s, u"b@x"_s, 2 * day, 5 * day), make(u"a"_s, u"A@x"_s, 10 * day, std::nullopt),
                         make(u"c"_s, u"c@x"_s, 5 * day, day, InvitationStatus::Accepted, u"org:admin"_s),
                         make(u"d"_s, u"d@x"_s, day, 2 * day)});
        m_model->applyResult(u"d"_s, RevokeResult{RevokeOutcome::Failed, ClerkError::timeout(), std::nullopt, 1, false});
        m_model->markQueued({RevokeItem{{}, {}, u"b"_s, {}, {}, {}}});
        m_proxy->sort(column, Qt::AscendingOrder);
        // Rows come out in the order of their SortRole values, whatever the column.
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant before = m_proxy->index(row - 1, column).data(InvitationTableModel::SortRole);
            const QVariant after = m_proxy->index(row, column).data(InvitationTableModel::SortRole);
            QCOMPARE(before.typeId(), after.typeId());
            if (before.typeId() == QMetaType::QString)
                QVERIFY2(before.toString().compare(after.toString(), Qt::CaseInsensitive) <= 0, qPrintable(before.toString()));
            else
                QVERIFY(before.toLongLong() <= after.toLongLong());
        }
    }

    void markupFromClerkIsNeverRenderedAsRichText()
    {
        Invitation inv = make(u"orginv_x"_s, u"<b>boss</b>@x.example"_s, 0, 0);
        inv.statusText = u"<img src=x>"_s;
        inv.status = InvitationStatus::Unknown;
        m_model->append({inv});
        const QString tip = m_model->index(0, InvitationTableModel::Email).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"&lt;b&gt;"_s), qPrintable(tip)); // shown as the characters it is
        const QString status = m_model->index(0, InvitationTableModel::Status).data(Qt::ToolTipRole).toString();
        QVERIFY2(status.contains(u"&lt;img"_s), qPrintable(status));
        ActivityModel activity;
        activity.add(ActivityModel::Level::Error, u"<h1>Pay now</h1>"_s);
        QVERIFY(activity.index(0, ActivityModel::Message).data(Qt::ToolTipRole).toString().contains(u"&lt;h1&gt;"_s));
    }
};

QTEST_MAIN(TestInvitationTableModel)
#include "tst_invitationtablemodel.moc"
