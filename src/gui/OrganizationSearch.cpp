#include "gui/OrganizationSearch.h"

#include "gui/session/Session.h"

#include <QtCore/QLocale>
#include <QtGui/QFont>

#include <utility>

#include <tuple>

using namespace Qt::StringLiterals;

namespace InviteDesk {

OrganizationSearch::OrganizationSearch(Session *session, QObject *parent) : QObject(parent), m_session(session)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &OrganizationSearch::search);
    connect(session, &Session::closed, this, [this] {
        m_call = 0;
        m_resolveCall = 0;
        ++m_searchGeneration;
        ++m_resolveGeneration;
        m_results.clear();
        updateBusy();
    });
}

void OrganizationSearch::updateBusy()
{
    if (isBusy() == m_busy)
        return;
    m_busy = isBusy();
    Q_EMIT busyChanged(m_busy);
}

QString OrganizationSearch::describe(const Organization &org)
{
    QStringList parts;
    if (!org.slug.isEmpty())
        parts << org.slug;
    parts << org.id;
    if (org.pendingInvitationsCount)
        parts << tr("%1 pending").arg(QLocale().toString(*org.pendingInvitationsCount));
    return parts.join(u" · "_s);
}

void OrganizationSearch::setText(const QString &text)
{
    m_text = text.trimmed();
    m_debounce.start();
    // What was listed for other text must not be chosen by an Enter typed before the new matches arrive.
    if (m_results.rowCount() > 0) {
        m_results.clear();
        Q_EMIT resultsChanged();
    }
}

void OrganizationSearch::cancel()
{
    if (m_call && m_session->client())
        m_session->client()->cancel(m_call);
    m_call = 0;
    ++m_searchGeneration;
    updateBusy();
}

void OrganizationSearch::search()
{
    cancel();
    if (!m_session->client())
        return;
    if (m_text.isEmpty()) {
        m_results.clear();
        Q_EMIT resultsChanged();
        return;
    }
    OrganizationQuery query;
    query.query = m_text;
    query.limit = 20;
    query.includeMembersCount = true;
    const quint64 generation = ++m_searchGeneration;
    m_call = m_session->client()->listOrganizations(query, this, [this, generation](Result<Page<Organization>> result) {
        if (generation != m_searchGeneration)
            return; // an earlier search, cancelled: the one in flight is another call
        m_call = 0;
        updateBusy();
        if (!result) {
            if (!result.error().isCancelled())
                Q_EMIT failed(result.error());
            return;
        }
        m_results.clear();
        m_found.clear();
        if (m_text.size() >= 2)
            addViewItems(m_text); // typing "all" or "app" finds them too
        for (const Organization &org : result.value().data) {
            auto *item = new QStandardItem(org.name);
            item->setData(org.id, OrganizationIdRole);
            item->setData(org.slug, SlugRole);
            item->setData(org.name, NameRole);
            item->setData(org.pendingInvitationsCount ? QVariant(*org.pendingInvitationsCount) : QVariant(), PendingRole);
            item->setToolTip(describe(org));
            item->setData(QString(org.name + u"  —  "_s + describe(org)), Qt::AccessibleTextRole);
            m_results.appendRow(item);
            m_found.insert(org.id, org);
        }
        if (result.value().totalCount > result.value().data.size()) {
            auto *more = new QStandardItem(tr("%1 more — type more of the name to narrow the list")
                                               .arg(QLocale().toString(result.value().totalCount - result.value().data.size())));
            more->setFlags(Qt::NoItemFlags);
            m_results.appendRow(more);
        }
        Q_EMIT resultsChanged();
    });
    updateBusy();
}

QString OrganizationSearch::instanceName()
{
    return tr("All organizations");
}

QString OrganizationSearch::applicationName()
{
    return tr("Application invitations");
}

void OrganizationSearch::addViewItems(const QString &typed)
{
    const std::tuple<View, QString, QString> views[] = {
        {View::AllOrganizations, instanceName(), tr("Every invitation of the instance, across organizations (Ctrl+Shift+O)")},
        {View::ApplicationInvitations, applicationName(),
         tr("Invitations to sign up to the instance, not to an organization (Ctrl+Shift+P)")}};
    for (const auto &[view, name, tip] : views) {
        if (!name.startsWith(typed, Qt::CaseInsensitive))
            continue;
        auto *item = new QStandardItem(name);
        item->setData(int(view), ViewRole);
        item->setToolTip(tip);
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
        m_results.appendRow(item);
    }
}

void OrganizationSearch::showRecent(const QList<QPair<QString, QString>> &idAndName)
{
    m_debounce.stop(); // a search typed before the field was emptied no longer counts
    m_text.clear();
    cancel();
    m_results.clear();
    addViewItems();
    for (const auto &[id, name] : idAndName) {
        auto *item = new QStandardItem(name);
        item->setData(id, OrganizationIdRole);
        item->setData(name, NameRole);
        item->setToolTip(tr("Recent: %1").arg(id));
        m_results.appendRow(item);
    }
    Q_EMIT resultsChanged();
}

void OrganizationSearch::resolve(const QString &idOrSlug, bool fresh)
{
    const QString key = idOrSlug.trimmed();
    if (key.isEmpty() || !m_session->client())
        return;
    m_debounce.stop();
    cancel();
    // The organization asked for last is the one shown: a lookup still on its way (the last organization,
    // opened as the session opens) is dropped, also when this one is answered from what the search found.
    if (m_resolveCall)
        m_session->client()->cancel(std::exchange(m_resolveCall, 0));
    const quint64 generation = ++m_resolveGeneration;
    if (const auto it = m_found.constFind(key); !fresh && it != m_found.cend()) {
        updateBusy();
        Q_EMIT organizationResolved(*it);
        return;
    }
    m_resolveCall = m_session->client()->getOrganization(key, this, [this, key, generation](Result<Organization> result) {
        if (generation != m_resolveGeneration)
            return; // an earlier lookup, cancelled
        m_resolveCall = 0;
        updateBusy();
        if (result) {
            Q_EMIT organizationResolved(result.value());
        } else if (result.error().httpStatus() == 404) {
            Q_EMIT notFound(key);
        } else if (!result.error().isCancelled()) {
            Q_EMIT failed(result.error());
        }
    });
    updateBusy();
}

} // namespace InviteDesk
