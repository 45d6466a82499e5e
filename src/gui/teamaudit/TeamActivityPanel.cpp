#include "gui/teamaudit/TeamActivityPanel.h"

#include "core/workflows/TeamActivity.h"
#include "gui/Prompts.h"
#include "gui/teamaudit/TeamActivityModel.h"

#include <QtCore/QDir>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QTimeZone>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace Qt::StringLiterals;

namespace InviteDesk {

TeamActivityPanel::TeamActivityPanel(Prompts *prompts, QWidget *parent)
    : QWidget(parent), m_prompts(prompts), m_model(new TeamActivityModel(this)), m_query(new TeamActivityQuery(this))
{
    auto field = [this](const QString &placeholder, const QString &accessibleName) {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        edit->setAccessibleName(accessibleName);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::returnPressed, this, &TeamActivityPanel::search);
        return edit;
    };
    m_organization = field(tr("ID or part of the name"), tr("Filter by organization"));
    m_email = field(tr("name@example.com"), tr("Filter by e-mail address"));
    m_agent = field(tr("operator or database role"), tr("Filter by agent"));
    m_ticket = field(tr("SUP-1234"), tr("Filter by ticket"));
    m_since = field(tr("2026-11-01"), tr("From date (UTC)"));
    m_until = field(tr("2026-12-01"), tr("Before date (UTC)"));

    // Two rows of three labelled fields.
    auto *filters = new QGridLayout;
    const std::pair<QString, QLineEdit *> fields[] = {
        {tr("Organi&zation:"), m_organization}, {tr("E-&mail:"), m_email}, {tr("A&gent:"), m_agent},
        {tr("Tic&ket:"), m_ticket},             {tr("&Since:"), m_since},  {tr("&Before:"), m_until}};
    for (int i = 0; i < 6; ++i) {
        auto *label = new QLabel(fields[i].first, this);
        label->setBuddy(fields[i].second);
        filters->addWidget(label, i / 3, (i % 3) * 2);
        filters->addWidget(fields[i].second, i / 3, (i % 3) * 2 + 1);
    }
    setFocusProxy(m_organization); // the panel, given focus, is ready for its first filter
    m_searchButton = new QPushButton(tr("Se&arch"), this);
    m_searchButton->setAccessibleName(tr("Search the team's activity"));
    filters->addWidget(m_searchButton, 0, 6);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Team activity"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_state = new QLabel(this);
    m_state->setAccessibleName(tr("Team activity status"));
    m_state->setWordWrap(true);
    m_moreButton = new QPushButton(tr("&Load more"), this);
    m_moreButton->setAccessibleName(tr("Load the next page of the team's activity"));
    m_exportButton = new QPushButton(tr("E&xport CSV…"), this);
    m_exportButton->setAccessibleName(tr("Export the team's activity as CSV"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_state, 1);
    bottom->addWidget(m_moreButton);
    bottom->addWidget(m_exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    connect(m_searchButton, &QPushButton::clicked, this, &TeamActivityPanel::search);
    connect(m_moreButton, &QPushButton::clicked, this, [this] {
        m_query->more();
        m_moreButton->setEnabled(false);
        showState(tr("Loading…"));
    });
    connect(m_exportButton, &QPushButton::clicked, this, &TeamActivityPanel::exportCsv);
    connect(m_query, &TeamActivityQuery::pageArrived, this,
            [this](const QList<TeamActivityRow> &rows, bool first, bool more, qint64 total) {
                if (first) {
                    m_model->clear();
                    m_total = total;
                }
                m_model->append(rows);
                if (first) // a page at most: cheap, and the columns fit what is there
                    m_view->resizeColumnsToContents();
                m_moreButton->setEnabled(more);
                m_exportButton->setEnabled(m_model->rowCount() > 0);
                m_searchButton->setEnabled(true);
                showCounts();
            });
    connect(m_query, &TeamActivityQuery::failed, this, [this](const QString &error) {
        m_searchButton->setEnabled(true);
        m_moreButton->setEnabled(false);
        showState(tr("The team audit database did not answer: %1").arg(error));
    });
    // New records in the store (heard through LISTEN): the newest page is read again, unless the agent
    // has paged further, whose place is kept and who is told instead. At most once a second.
    m_live.setSingleShot(true);
    m_live.setInterval(1000);
    connect(&m_live, &QTimer::timeout, this, [this] {
        if (m_query->isRunning())
            return m_live.start();
        if (m_model->rowCount() <= TeamActivityQuery::pageSize && m_lastFilter)
            return m_query->start(*m_target, *m_lastFilter);
        showState(tr("New records arrived; Search to see them first."));
    });
    connect(m_query, &TeamActivityQuery::changed, this, [this] {
        if (!m_live.isActive())
            m_live.start();
    });
    setTarget(std::nullopt);
}

TeamActivityPanel::~TeamActivityPanel() = default;

void TeamActivityPanel::setTarget(const std::optional<TeamAuditTarget> &target)
{
    m_target = target;
    m_lastFilter.reset();
    m_live.stop();
    m_query->cancel(); // a page of the previous profile's store is never shown under this one
    m_model->clear();
    const bool has = target.has_value();
    for (QWidget *w : std::initializer_list<QWidget *>{m_organization, m_email, m_agent, m_ticket, m_since, m_until,
                                                        m_searchButton, m_view})
        w->setEnabled(has);
    m_moreButton->setEnabled(false);
    m_exportButton->setEnabled(false);
    showState(has ? tr("Search to see who revoked or re-invited what, across every agent.")
                  : tr("This profile has no team audit database (Connection → Edit Profile…)."));
}

std::optional<TeamActivityFilter> TeamActivityPanel::filterFromFields()
{
    TeamActivityFilter filter;
    filter.organization = m_organization->text().trimmed();
    filter.email = m_email->text().trimmed();
    filter.agent = m_agent->text().trimmed();
    filter.ticket = m_ticket->text().trimmed();
    for (const auto &[edit, target] : {std::pair{m_since, &filter.since}, std::pair{m_until, &filter.until}}) {
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            continue;
        const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
        if (!day.isValid()) {
            showState(tr("Give dates as 2026-11-30."));
            edit->setFocus();
            return std::nullopt;
        }
        *target = day.startOfDay(QTimeZone::utc());
    }
    return filter;
}

void TeamActivityPanel::search()
{
    if (!m_target)
        return;
    const std::optional<TeamActivityFilter> filter = filterFromFields();
    if (!filter)
        return;
    m_searchButton->setEnabled(false);
    m_moreButton->setEnabled(false);
    m_exportButton->setEnabled(false);
    m_model->clear(); // never the last search's rows under this one's filters
    showState(tr("Loading…"));
    m_lastFilter = *filter;
    m_lastFilter->newestFirst = true;
    m_query->start(*m_target, *m_lastFilter);
}

void TeamActivityPanel::exportCsv()
{
    const QString suggested =
        QDir::home().filePath(u"team-activity-%1.csv"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = m_prompts->saveFileName(window(), tr("Export the team's activity"), suggested,
                                                 tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(m_model->toCsv());
    if (!file.commit()) {
        m_prompts->warn(window(), tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    Q_EMIT statusMessage(m_query->hasMore()
                             ? tr("Exported the %Ln record(s) loaded so far to %1; Load more for the rest.", nullptr,
                                  m_model->rowCount())
                                   .arg(QDir::toNativeSeparators(path))
                             : tr("Exported %Ln record(s) to %1.", nullptr, m_model->rowCount()).arg(QDir::toNativeSeparators(path)),
                         8000);
}

void TeamActivityPanel::showCounts()
{
    const int shown = m_model->rowCount();
    if (m_total < 0)
        showState(m_query->hasMore() ? tr("The newest %Ln record(s); more in the store.", nullptr, shown)
                                     : tr("%Ln record(s).", nullptr, shown));
    else if (m_total > shown)
        showState(tr("%1 of %Ln record(s), newest first; Load more for older ones.", nullptr, int(std::min<qint64>(m_total, INT_MAX)))
                      .arg(QLocale().toString(shown)));
    else
        showState(tr("%Ln record(s), newest first.", nullptr, shown));
}

void TeamActivityPanel::showState(const QString &text)
{
    m_state->setText(text);
}

} // namespace InviteDesk
