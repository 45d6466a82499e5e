#pragma once

#include "core/api/ClerkTypes.h"

#include <QtCore/QString>

#include <optional>

namespace InviteDesk {

/*!
 * The stale sweep's rule, one owner for both front ends: an invitation is stale when it is still
 * pending and was created longer ago than a span (an old invitation to a former employee's address
 * is an open door). A span is written as a whole number and a unit: 36h, 14d, 2w.
 */
class StaleRule
{
public:
    /*! Ten years: a longer span is a typing slip (Clerk's invitations expire within a year). */
    static constexpr int mostDays = 3650;

    /*! nullopt with \a error set when \a text is not a span this takes. */
    static std::optional<StaleRule> parse(const QString &text, QString *error);
    static StaleRule days(int days);

    qint64 spanMs() const { return m_spanMs; }
    /*! Created before this (ms since the epoch) is stale at \a nowMs. */
    qint64 cutoffMs(qint64 nowMs) const { return nowMs - m_spanMs; }
    /*! Pending, not run out by \a nowMs, and created before cutoffMs(). */
    bool isStale(const Invitation &invitation, qint64 nowMs) const;
    /*! As an agent reads it: "14 days", "36 hours", "2 weeks". */
    QString describe() const;

private:
    StaleRule(qint64 spanMs, int count, char unit) : m_spanMs(spanMs), m_count(count), m_unit(unit) {}

    qint64 m_spanMs;
    int m_count;
    char m_unit; //!< 'h', 'd' or 'w', as written
};

} // namespace InviteDesk
