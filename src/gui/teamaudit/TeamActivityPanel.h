#pragma once

#include "core/audit/TeamAudit.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace InviteDesk {

class Prompts;
class TeamActivityModel;
class TeamActivityQuery;

/*!
 * Who revoked or re-invited what, across every agent: the team audit store, newest first, filtered by
 * organization, e-mail, agent, ticket and time, read a page at a time off the GUI thread, with the
 * total that matches, kept up to date as records arrive (the store's notifications, no polling), and
 * exported as CSV.
 */
class TeamActivityPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TeamActivityPanel(Prompts *prompts, QWidget *parent = nullptr);
    ~TeamActivityPanel() override;

    /*! The store of the open profile; nullopt when it has none (the panel says so). */
    void setTarget(const std::optional<TeamAuditTarget> &target);

    TeamActivityModel *model() const { return m_model; }
    /*! Reads the first page with the filters as typed (the Search button). */
    void search();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    std::optional<TeamActivityFilter> filterFromFields();
    void exportCsv();
    void showState(const QString &text);
    void showCounts();

    Prompts *m_prompts;
    std::optional<TeamAuditTarget> m_target;
    TeamActivityModel *m_model;
    TeamActivityQuery *m_query;
    QLineEdit *m_organization;
    QLineEdit *m_email;
    QLineEdit *m_agent;
    QLineEdit *m_ticket;
    QLineEdit *m_since;
    QLineEdit *m_until;
    QPushButton *m_searchButton;
    QPushButton *m_moreButton;
    QPushButton *m_exportButton;
    QTableView *m_view;
    QLabel *m_state;
    std::optional<TeamActivityFilter> m_lastFilter; //!< what is shown, for the live refresh
    qint64 m_total = -1;
    QTimer m_live;
};

} // namespace InviteDesk
