#include "gui/OrganizationSearchField.h"

#include "gui/OrganizationSearch.h"

#include <QtGui/QFocusEvent>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QCompleter>

using namespace Qt::StringLiterals;

namespace InviteDesk {

OrganizationSearchField::OrganizationSearchField(OrganizationSearch *search, QWidget *parent)
    : QLineEdit(parent), m_search(search), m_completer(new QCompleter(search->results(), this))
{
    setObjectName(u"organizationEdit"_s);
    setPlaceholderText(tr("Organization or email (Ctrl+L)"));
    setToolTip(tr("An organization's name, slug or ID, or an email address to find in every organization (Ctrl+L)"));
    setAccessibleName(tr("Find organization"));
    setAccessibleDescription(tr("An organization's name, slug or ID, or an email address"));
    setClearButtonEnabled(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    addAction(QIcon(u":/icons/search.svg"_s), QLineEdit::LeadingPosition)->setText(tr("Search"));
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    setCompleter(m_completer);

    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_chosen = false;
        if (text.trimmed().isEmpty()) {
            // Queued: QLineEdit hides the completer's list on an empty text once this slot returns.
            QMetaObject::invokeMethod(this, [this] {
                if (hasFocus() && this->text().trimmed().isEmpty())
                    offerRecent();
            }, Qt::QueuedConnection);
        } else if (!text.contains(u'@')) // an address is searched on Enter, across organizations
            m_search->setText(text);
    });
    connect(search, &OrganizationSearch::resultsChanged, this, [this] {
        if (hasFocus() && !m_chosen && m_search->results()->rowCount() > 0)
            m_completer->complete();
    });
    // The completer, not this field, is the context: QLineEdit::focusOutEvent() disconnects everything the
    // completer has connected to the field, so a pick made after the field had lost focus once would
    // only set the text and open nothing.
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), m_completer,
            [this](const QModelIndex &index) { pick(index); });
    connect(this, &QLineEdit::returnPressed, this, [this] {
        m_chosen = true;
        const QString value = text().trimmed();
        if (value.compare(OrganizationSearch::instanceName(), Qt::CaseInsensitive) == 0) {
            m_completer->popup()->hide();
            Q_EMIT instanceChosen();
        } else if (value.compare(OrganizationSearch::applicationName(), Qt::CaseInsensitive) == 0) {
            m_completer->popup()->hide();
            Q_EMIT applicationChosen();
        } else if (value.contains(u'@')) {
            m_completer->popup()->hide();
            Q_EMIT emailEntered(value);
        } else if (!m_completer->popup()->isVisible()) { // else the completer handles it
            // A name as a suggestion showed it (chosen by typing it whole) opens that organization;
            // anything else is an ID or a slug.
            const QModelIndexList named = m_search->results()->match(m_search->results()->index(0, 0),
                                                                     OrganizationSearch::NameRole, value, 1,
                                                                     Qt::MatchFixedString);
            if (!named.isEmpty())
                pick(named.first());
            else
                m_search->resolve(value);
        }
    });
}

void OrganizationSearchField::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    // The agent came here (Tab, Ctrl+L, a click, or the window put the focus here): a new search. Coming back
    // to the window, from the list itself or from the menu bar is not.
    switch (event->reason()) {
    case Qt::TabFocusReason:
    case Qt::BacktabFocusReason:
    case Qt::ShortcutFocusReason:
    case Qt::MouseFocusReason:
    case Qt::OtherFocusReason:
        offerRecent();
        break;
    default:
        break;
    }
}

void OrganizationSearchField::offerRecent()
{
    m_chosen = false;
    Q_EMIT recentWanted();
    if (m_search->results()->rowCount() == 0)
        return;
    m_completer->setCompletionPrefix({}); // a list to choose from, nothing chosen yet: Down goes to the first
    m_completer->complete();
}

void OrganizationSearchField::pick(const QModelIndex &index)
{
    m_chosen = true;
    switch (OrganizationSearch::View(index.data(OrganizationSearch::ViewRole).toInt())) {
    case OrganizationSearch::View::AllOrganizations: return Q_EMIT instanceChosen();
    case OrganizationSearch::View::ApplicationInvitations: return Q_EMIT applicationChosen();
    }
    const QString id = index.data(OrganizationSearch::OrganizationIdRole).toString();
    if (!id.isEmpty())
        m_search->resolve(id);
}

QSize OrganizationSearchField::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(u'x') * 52, QLineEdit::sizeHint().height()};
}

QSize OrganizationSearchField::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(u'x') * 22, QLineEdit::minimumSizeHint().height()};
}

} // namespace InviteDesk
