#pragma once

#include <QtWidgets/QLineEdit>

QT_BEGIN_NAMESPACE
class QCompleter;
QT_END_NAMESPACE

namespace InviteDesk {

class OrganizationSearch;

/*!
 * The toolbar's search field: an organization's name, slug or ID, with matches from Clerk as the agent
 * types (OrganizationSearch) in a completer; or an e-mail address, searched on Enter across the
 * instance. Enter on an ID or slug goes straight to that organization.
 */
class OrganizationSearchField : public QLineEdit
{
    Q_OBJECT

public:
    OrganizationSearchField(OrganizationSearch *search, QWidget *parent = nullptr);

    /*! Wide enough for a long name, where there is room ... */
    QSize sizeHint() const override;
    /*!
     * ... and narrow enough to stay in the toolbar of a small window: a toolbar moves what does not fit
     * into its overflow menu, and Ctrl+L could then not reach the field.
     */
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /*! An address (anything with '@') was entered. */
    void emailEntered(const QString &email);
    /*! "All organizations" was chosen. */
    void instanceChosen();
    /*! "Application invitations" was chosen. */
    void applicationChosen();
    /*!
     * The field was focused or emptied: the owner puts the recent organizations in the search's results
     * (OrganizationSearch::showRecent()) before this returns, and the field shows them.
     */
    void recentWanted();

protected:
    void focusInEvent(QFocusEvent *event) override;

private:
    /*! "All organizations" and the recent ones, as soon as the field is focused or emptied. */
    void offerRecent();
    /*! Opens what a suggestion names: an organization, or the whole instance. */
    void pick(const QModelIndex &index);

    OrganizationSearch *m_search;
    QCompleter *m_completer;
    /*!
     * The agent chose (Enter, a pick): suggestions that arrive late stay away until the agent types again.
     * A list popping up over the opened organization took the next keys (Tab picked its first entry).
     */
    bool m_chosen = false;
};

} // namespace InviteDesk
