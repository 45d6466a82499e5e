#pragma once

#include "core/BulkRevoker.h"

#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace InviteDesk {

/*! Who is acting on which instance; copied into every record. Never holds the key. */
struct AuditContext
{
    QString profile;
    QString environment;    //!< "production", "development", "sandbox"
    QString keyFingerprint; //!< keyFingerprint(): a short hash, never the key
    QString apiHost;
    QString ticket;         //!< the support ticket this work belongs to, if given
    QString operatorName;   //!< the OS user; filled in automatically when empty
};

struct AuditVerification
{
    bool ok = false;
    int records = 0;
    int firstBadLine = 0; //!< 1-based; 0 when ok
    QString problem;
};

/*!
 * The append-only audit trail of revokes, as JSON Lines.
 *
 * For each revoke an "intent" record is written and flushed to disk before
 * the request goes out, and an "outcome" record right after the answer. A
 * crash leaves intents without outcomes; unsettledIntents() finds them so
 * they can be reconciled (re-read) on the next start.
 *
 * Every record holds the SHA-256 of the previous one ("prev") and its own
 * ("hash", over the record without that field), so verify() detects an edited
 * or deleted line; a side file holds the newest hash so cutting lines off the
 * end is detected as well. A lock file keeps concurrent writers (GUI and CLI)
 * from breaking the chain.
 */
class AuditLog : public RevokeObserver
{
public:
    explicit AuditLog(QString filePath = defaultPath());
    ~AuditLog() override;

    static QString defaultPath();
    QString filePath() const { return m_path; }

    void setContext(const AuditContext &context);
    const AuditContext &context() const { return m_context; }

    /*! Adds seq, time, prev and hash, then appends and syncs. False with lastError() on failure. */
    bool append(QJsonObject record);
    QString lastError() const { return m_error; }

    bool revokeIntended(const RevokeItem &item, QString *whyNot) override;
    void revokeSettled(const RevokeItem &item, const RevokeResult &result) override;

    /*! Records what a re-read found for an intent that never got its outcome. */
    bool recordReconciliation(const QJsonObject &intent, const QString &outcome, const QString &detail);

    static AuditVerification verify(const QString &filePath);
    /*!
     * Intent records with no outcome or reconciliation after them, in log order; only the lines that
     * start before \a upToByte when given. Memory grows with the open intents, not with the log.
     */
    static QList<QJsonObject> unsettledIntents(const QString &filePath, qint64 upToByte = -1);
    static bool exportCsv(const QString &filePath, QIODevice *out, QString *error);
    static QByteArray hashRecord(const QJsonObject &recordWithoutHash);

private:
    QJsonObject baseRecord(const QString &event, const RevokeItem &item) const;

    QString m_path;
    AuditContext m_context;
    QString m_error;
    QHash<QString, QString> m_openIntents; //!< invitation ID -> intent op ID
};

} // namespace InviteDesk
