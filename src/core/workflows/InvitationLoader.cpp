#include "core/workflows/InvitationLoader.h"

#include <algorithm>
#include <limits>

namespace InviteDesk {

namespace {

/*!
 * Reorders \a list so that it holds list[order[0]], list[order[1]], … and nothing else, by swaps in
 * place: no second list of invitations, only two vectors of positions. \a order holds distinct indexes.
 */
void permuteInPlace(QList<Invitation> &list, const std::vector<qsizetype> &order)
{
    // where[i]: the index the element now at position i came from; at[j]: where element j is now.
    std::vector<qsizetype> where(size_t(list.size()));
    std::vector<qsizetype> at(size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i)
        where[size_t(i)] = at[size_t(i)] = i;
    for (size_t k = 0; k < order.size(); ++k) {
        const qsizetype from = at[size_t(order[k])];
        if (from == qsizetype(k))
            continue;
        list.swapItemsAt(qsizetype(k), from);
        const qsizetype displaced = where[k];
        std::swap(where[k], where[size_t(from)]);
        at[size_t(order[k])] = qsizetype(k);
        at[size_t(displaced)] = from;
    }
    list.resize(qsizetype(order.size()));
}
} // namespace

InvitationLoader::InvitationLoader(ClerkClient *client, QObject *parent) : QObject(parent), m_client(client) {}

InvitationLoader::~InvitationLoader()
{
    // The client drops callbacks for this context when it is destroyed; nothing else to do.
}

QList<Invitation> InvitationLoader::invitations() const
{
    if (m_finished)
        return m_final;
    return m_all;
}

void InvitationLoader::start(const Request &request)
{
    if (m_running)
        cancel();
    m_request = request;
    m_request.pageSize = std::clamp(request.pageSize, 1, 500);
    m_request.maxConcurrentPages = std::max(0, request.maxConcurrentPages);
    m_request.passes = std::max(1, request.passes);
    m_request.pageLimit = std::clamp(request.pageLimit, 1, maxPages);
    m_running = true;
    m_finished = false;
    m_pass = 0;
    m_changed = false;
    m_reachedPageLimit = false;
    m_doubt.clear();
    m_requests = 0;
    m_all.clear();
    m_ids.clear();
    m_updatedAt.clear();
    m_indexOf.clear();
    m_final.clear();
    m_total = request.expectedTotal.value_or(0);
    startPass();
}

void InvitationLoader::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    const auto calls = m_inFlight;
    m_inFlight.clear();
    if (m_client) {
        for (ClerkClient::CallId id : calls)
            m_client->cancel(id);
    }
    Q_EMIT cancelled();
}

void InvitationLoader::startPass()
{
    ++m_pass;
    m_pages.clear();
    m_inPass.assign(m_ids.size(), 0);
    m_passCount = 0;
    m_passTotal.reset();
    m_passEnd.reset();
    m_passConsistent = true;
    m_fullUpTo = 0;
    m_repeated = false;
    m_nextOffset = 0;
    issuePages();
}

std::optional<qint64> InvitationLoader::effectivePassTotal() const
{
    if (m_passEnd && (!m_passTotal || *m_passEnd < *m_passTotal))
        return *m_passEnd;
    return m_passTotal;
}

int InvitationLoader::plannedEnd() const
{
    // Until a page has told the total, plan from the hint (first pass) or ask speculatively.
    qint64 total = 0;
    if (const std::optional<qint64> known = effectivePassTotal())
        total = *known;
    else if (m_pass == 1 && m_request.expectedTotal)
        total = *m_request.expectedTotal;
    else if (m_pass > 1)
        total = m_total;
    else // without a hint, fill the connections at once: an empty page costs less than a round trip
        return std::max(1, m_request.speculativePages) * m_request.pageSize;
    if (m_passEnd)
        total = std::min<qint64>(total, *m_passEnd);
    else // while pages come full and with new rows, the list goes on, whatever total_count says
        total = std::max<qint64>(total, m_fullUpTo + 1);
    return int(std::clamp<qint64>(total, 1, std::numeric_limits<int>::max() - m_request.pageSize));
}

void InvitationLoader::issuePages()
{
    if (!m_client) {
        m_running = false;
        Q_EMIT failed(ClerkError::cancelled());
        return;
    }
    const int cap = m_request.pageLimit * m_request.pageSize;
    const int concurrency = m_request.maxConcurrentPages > 0 ? m_request.maxConcurrentPages : std::max(16, m_client->concurrency());
    while (m_running && m_inFlight.size() < concurrency && m_nextOffset < std::min(plannedEnd(), cap)) {
        const int offset = m_nextOffset;
        m_nextOffset += m_request.pageSize;
        ++m_requests;
        m_inFlight.insert(offset, requestPage(offset));
    }
}

ClerkClient::CallId InvitationLoader::requestPage(int offset)
{
    auto done = [this, offset](Result<Page<Invitation>> result) { onPage(offset, std::move(result)); };
    if (m_request.source != Request::Source::Organization) {
        InstanceInvitationQuery query;
        query.query = m_request.query;
        query.status = m_request.status;
        query.orderBy = m_request.orderBy;
        query.limit = m_request.pageSize;
        query.offset = offset;
        return m_request.source == Request::Source::Application
                   ? m_client->listApplicationInvitations(query, this, std::move(done))
                   : m_client->listInstanceInvitations(query, this, std::move(done));
    }
    InvitationQuery query;
    query.status = m_request.status;
    query.orderBy = m_request.orderBy;
    query.limit = m_request.pageSize;
    query.offset = offset;
    return m_client->listInvitations(m_request.organizationId, query, this, std::move(done));
}

void InvitationLoader::onPage(int offset, Result<Page<Invitation>> result)
{
    if (!m_inFlight.remove(offset) || !m_running)
        return;
    if (!result) {
        if (result.error().isCancelled())
            return;
        m_running = false;
        const auto calls = m_inFlight;
        m_inFlight.clear();
        for (ClerkClient::CallId id : calls)
            m_client->cancel(id);
        Q_EMIT failed(result.error());
        return;
    }

    const Page<Invitation> &page = result.value();
    if (m_passTotal && *m_passTotal != page.totalCount)
        m_passConsistent = false;
    if (!m_passTotal || page.totalCount > *m_passTotal)
        m_passTotal = page.totalCount;
    m_total = page.totalCount;
    if (qint64(m_ids.capacity()) < m_total) { // room at once: a rehash at 65,536 rows stalls the window
        const qsizetype room = qsizetype(std::min<qint64>(m_total, qint64(m_request.pageLimit) * m_request.pageSize));
        m_ids.reserve(size_t(room));
        m_updatedAt.reserve(size_t(room));
        m_inPass.reserve(size_t(room));
        m_indexOf.reserve(room);
        if (m_request.keepInvitations)
            m_all.reserve(room);
    }

    QList<Invitation> fresh;
    QList<Invitation> changed;
    int newInPass = 0;
    std::vector<qsizetype> onPage;
    onPage.reserve(size_t(page.data.size()));
    for (Invitation inv : page.data) {
        if (!m_request.keepMetadata)
            inv.dropMetadata();
        const auto found = m_indexOf.constFind(inv.id);
        qsizetype index = 0;
        if (found == m_indexOf.cend()) {
            index = qsizetype(m_ids.size());
            m_indexOf.insert(inv.id, index);
            m_ids.push_back(inv.id);
            m_updatedAt.push_back(inv.updatedAt);
            if (m_request.keepInvitations)
                m_all.append(inv);
            m_inPass.push_back(0);
            fresh.append(inv);
        } else {
            index = *found;
            if (m_request.keepInvitations)
                m_all[index] = inv; // newer data wins
            if (m_updatedAt[size_t(index)] != inv.updatedAt) { // and a caller that keeps rows hears of it
                m_updatedAt[size_t(index)] = inv.updatedAt;
                changed.append(inv);
            }
        }
        if (!m_inPass[size_t(index)]) {
            m_inPass[size_t(index)] = 1;
            ++m_passCount;
            ++newInPass;
        }
        onPage.push_back(index);
    }
    m_pages.insert(offset, std::move(onPage));
    // The pages, not total_count, say where the list ends: an empty or short page, or a full page
    // with nothing new on it (a server that repeats itself would otherwise be walked forever).
    if (qsizetype(page.data.size()) < m_request.pageSize) {
        m_passEnd = std::min(m_passEnd.value_or(std::numeric_limits<int>::max()), offset + int(page.data.size()));
    } else if (newInPass == 0) {
        m_passEnd = std::min(m_passEnd.value_or(std::numeric_limits<int>::max()), offset);
        m_repeated = true;
    } else {
        m_fullUpTo = std::max(m_fullUpTo, offset + m_request.pageSize);
    }
    if (m_passEnd && m_passTotal && *m_passEnd < *m_passTotal)
        m_total = *m_passEnd;
    // The next pages are asked for before this one is handed on: what is done with it (written out, put
    // into a table) does not hold the requests back.
    issuePages();
    if (!m_running)
        return;
    Q_EMIT pageRead(m_pass, offset, fresh);
    if (!m_running)
        return;
    if (!fresh.isEmpty() || m_pass == 1)
        Q_EMIT invitationsArrived(fresh, loadedCount(), m_total);
    if (!m_running)
        return; // a slot cancelled us
    if (!changed.isEmpty()) {
        Q_EMIT invitationsChanged(changed);
        if (!m_running)
            return;
    }

    if (!m_inFlight.isEmpty())
        return;
    if (!m_passEnd && m_nextOffset >= m_request.pageLimit * m_request.pageSize) {
        // Every page full and no end in sight: stop, and say so, rather than read without bound.
        m_running = false;
        m_reachedPageLimit = true;
        Q_EMIT failed(ClerkError::payload(
            tr("the list holds more than %L1 invitations, or the server keeps sending pages; InviteDesk reads at most %L1")
                .arg(qint64(m_request.pageLimit) * m_request.pageSize)));
        return;
    }
    if (m_nextOffset >= plannedEnd())
        finishPass();
}

void InvitationLoader::finishPass()
{
    const std::optional<qint64> total = effectivePassTotal();
    const bool complete = total && qint64(m_passCount) >= *total;
    if (!(m_passConsistent && complete)) {
        m_changed = true;
        if (m_pass < m_request.passes) {
            startPass();
            return;
        }
    }

    m_running = false;
    QStringList gone;
    if (m_passConsistent && complete) {
        // This pass saw a consistent list: it is the answer, in Clerk's order. Move, do not copy:
        // for 100,000 invitations one copy less is tens of megabytes.
        // Indexes, not IDs: at 100,000 rows a set of IDs and the lookups cost the window a visible stall.
        std::vector<qsizetype> order;
        order.reserve(m_ids.size());
        std::vector<char> added(m_ids.size(), 0);
        for (const std::vector<qsizetype> &page : std::as_const(m_pages)) {
            for (qsizetype index : page) {
                if (!added[size_t(index)]) {
                    added[size_t(index)] = 1;
                    order.push_back(index);
                }
            }
        }
        for (size_t index = 0; index < m_ids.size(); ++index) {
            if (!added[index])
                gone.append(m_ids[index]);
        }
        m_loadedCount = int(order.size());
        if (m_request.keepInvitations) {
            // Into Clerk's order in place: a second list of 100,000 invitations would be ~30 MB more at the peak.
            permuteInPlace(m_all, order);
            m_final = std::move(m_all);
        }
    } else {
        m_final = std::move(m_all);
        m_loadedCount = int(m_ids.size());
    }
    m_all.clear();
    m_ids.clear();
    m_updatedAt.clear();
    m_indexOf.clear();
    m_inPass.clear();
    m_pages.clear();
    m_finished = true;
    // Said, never silent: a count that does not match what was read, or pages that came again.
    if (m_repeated)
        m_doubt = tr("Clerk sent a page of invitations already read (after %L1); the list may be incomplete")
                      .arg(m_loadedCount);
    else if (m_passTotal && *m_passTotal != m_loadedCount)
        m_doubt = tr("Clerk counted %L1 invitations, but %L2 were read").arg(*m_passTotal).arg(m_loadedCount);
    if (!gone.isEmpty())
        Q_EMIT invitationsGone(gone);
    Q_EMIT finished();
}

} // namespace InviteDesk
