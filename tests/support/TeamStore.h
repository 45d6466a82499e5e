#pragma once

// A team audit store for tests: a PostgreSQL cluster of its own, set up by running the blocks of
// docs/TEAM-AUDIT.md ("Least-privilege setup") as written, with passwords filled in, and the helpers
// the team store's tests share.

#include "core/audit/AuditLog.h"
#include "core/audit/TeamAudit.h"
#include "support/RealParts.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>
#include <QtTest/QTest>

#include <algorithm>
#include <functional>

namespace InviteDesk::Testing {

class TeamStore
{
public:
    static QString password(const QString &role) { return role + QStringLiteral("-pw"); }
    static QString database() { return QStringLiteral("invitedesk_audit"); }

    TestPostgres &postgres() { return m_pg; }
    quint16 port() const { return m_pg.port(); }

    /*!
     * Starts the cluster and runs docs/TEAM-AUDIT.md's setup blocks in order: SQL as the superuser
     * ("admin") or the owner in the database each names, and the owner's CLI command as a shell line
     * with the test's CLI, host and port. False with \a why when a step fails.
     */
    bool start(const QString &docsFile, const QString &cliPath, QString *why)
    {
        if (!m_pg.start()) {
            *why = m_pg.log();
            return false;
        }
        QFile doc(docsFile);
        if (!doc.open(QIODevice::ReadOnly)) {
            *why = docsFile + QStringLiteral(": cannot read");
            return false;
        }
        const QString text = QString::fromUtf8(doc.readAll());
        static const QRegularExpression block(
            QStringLiteral("<!-- setup: (\\w+) (\\w+) -->\\s*```(\\w+)\\n(.*?)```"),
            QRegularExpression::DotMatchesEverythingOption);
        int steps = 0;
        for (auto it = block.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const QString who = m.captured(1);
            const QString where = m.captured(2);
            QString body = m.captured(4);
            ++steps;
            // Each role's password, where the text has '…'.
            static const QRegularExpression role(QStringLiteral("ROLE (\\w+) ([^;]*)PASSWORD '…'"));
            body.replace(role, QStringLiteral("ROLE \\1 \\2PASSWORD '\\1-pw'"));
            if (m.captured(3) == QStringLiteral("sh")) {
                body.replace(QStringLiteral("'…'"), QLatin1Char('\'') + password(QStringLiteral("invitedesk_owner")) + QLatin1Char('\''));
                static const QRegularExpression host(QStringLiteral("db\\.example\\.com(:\\d+)?"));
                body.replace(host, QStringLiteral("127.0.0.1:%1").arg(port()));
                body.replace(QStringLiteral("invitedesk-cli "), cliPath + QLatin1Char(' '));
                QProcess shell;
                shell.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_WIN
                // Git for Windows' sh (the release workflow's windows job puts it on PATH).
                const QString sh = findTool(QStringLiteral("sh"));
                if (sh.isEmpty()) {
                    *why = QStringLiteral("step %1 is a shell line and there is no sh on PATH (Git for Windows has one)").arg(steps);
                    return false;
                }
#else
                const QString sh = QStringLiteral("/bin/sh");
#endif
                shell.start(sh, {QStringLiteral("-c"), body.trimmed()});
                const bool ran = shell.waitForFinished(60'000) && shell.exitCode() == 0;
                const QString output = QString::fromLocal8Bit(shell.readAll());
                // What the doc says step 3 prints.
                if (!ran || !output.contains(QStringLiteral("created InviteDesk's tables (schema version 2)"))) {
                    *why = QStringLiteral("step %1 (%2): %3").arg(steps).arg(body.trimmed(), output);
                    return false;
                }
                continue;
            }
            const bool asOwner = who == QStringLiteral("owner");
            QSqlDatabase db = connection(QStringLiteral("setup-%1").arg(steps), asOwner ? QStringLiteral("invitedesk_owner") : QStringLiteral("admin"),
                                         asOwner ? password(QStringLiteral("invitedesk_owner")) : TestPostgres::adminPassword(), where);
            for (QString statement : body.split(QStringLiteral(";\n"))) {
                statement = statement.trimmed();
                if (statement.endsWith(QLatin1Char(';')))
                    statement.chop(1);
                if (statement.isEmpty())
                    continue;
                QSqlQuery query(db);
                if (!query.exec(statement)) {
                    *why = QStringLiteral("step %1 (%2): %3").arg(steps).arg(statement, query.lastError().databaseText());
                    return false;
                }
            }
        }
        if (steps != 4) {
            *why = QStringLiteral("docs/TEAM-AUDIT.md has %1 setup steps; this fixture knows 4").arg(steps);
            return false;
        }
        return true;
    }

    QString url(const QString &role, const QString &query = {}) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3%4").arg(role).arg(port()).arg(database(), query);
    }
    TeamAuditTarget target(const QString &role, const QString &query = {}) const
    {
        QString error;
        std::optional<TeamAuditTarget> t = TeamAuditTarget::parse(url(role, query), &error);
        if (!t)
            qFatal("%s", qPrintable(error));
        t->password = password(role);
        return *t;
    }

    /*! A fresh connection of the test's own (as the superuser, or as a role to try what it may not do). */
    QSqlDatabase connection(const QString &name, const QString &user, const QString &pw, const QString &db = database())
    {
        QSqlDatabase c = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false)
                                                      : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        c.setHostName(QStringLiteral("127.0.0.1"));
        c.setPort(port());
        c.setDatabaseName(db);
        c.setUserName(user);
        c.setPassword(pw);
        c.setConnectOptions(QStringLiteral("sslmode=disable;connect_timeout=5"));
        c.close(); // a fresh connection each time: the server may have been killed and restarted since
        if (!c.open())
            qWarning("cannot connect as %s: %s", qPrintable(user), qPrintable(c.lastError().text()));
        return c;
    }
    QSqlDatabase as(const QString &role) { return connection(QStringLiteral("as-") + role, role, password(role)); }
    /*!
     * The superuser with the table's triggers off (session_replication_role = replica): what someone
     * with more rights than an agent, who means it, can do.
     */
    QSqlDatabase privileged()
    {
        QSqlDatabase db = connection(QStringLiteral("privileged"), QStringLiteral("admin"), TestPostgres::adminPassword());
        exec(db, QStringLiteral("SET session_replication_role = replica"));
        exec(db, QStringLiteral("SET search_path = invitedesk"));
        return db;
    }
    static bool exec(QSqlDatabase db, const QString &statement, QString *error = nullptr)
    {
        QSqlQuery query(db);
        const bool ok = query.exec(statement);
        if (!ok && error)
            *error = query.lastError().databaseText();
        return ok;
    }
    bool clear() { return exec(privileged(), QStringLiteral("TRUNCATE invitedesk.invitedesk_audit")); }
    qint64 count(const QString &where = QStringLiteral("true"))
    {
        QSqlQuery query(privileged());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM invitedesk.invitedesk_audit WHERE ") + where) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }
    /*! The hashes the store holds for the chain that starts with \a firstHash, in order. */
    QStringList storedHashes(const QString &firstHash)
    {
        QStringList hashes;
        QSqlQuery query(privileged());
        query.prepare(QStringLiteral("SELECT hash FROM invitedesk.invitedesk_audit WHERE chain = ? ORDER BY seq"));
        query.addBindValue(firstHash);
        if (query.exec())
            while (query.next())
                hashes << query.value(0).toString();
        return hashes;
    }

    /*! The hashes of a local log's complete records, in order. */
    static QStringList localHashes(const QString &path)
    {
        QStringList hashes;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return hashes;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine();
            if (line.endsWith('\n'))
                hashes << QJsonDocument::fromJson(line).object().value(QLatin1StringView("hash")).toString();
        }
        return hashes;
    }

    /*!
     * \a n revokes (intent and outcome each) appended to the log at \a path in the writer's largest groups:
     * the intents of up to AuditLog::maxGroup revokes, then their outcomes. One sync per group, not per record:
     * thousands of records one at a time cost seconds, and many more beside other work.
     */
    static void writeLocalLog(const QString &path, const QString &name, int n, RevokeOutcome outcome = RevokeOutcome::Revoked)
    {
        AuditLog log(path);
        AuditContext context;
        context.operatorName = name;
        context.profile = QStringLiteral("test");
        log.setContext(context);
        RevokeResult result;
        result.outcome = outcome;
        for (int first = 0; first < n; first += AuditLog::maxGroup) {
            QList<RevokeItem> items;
            for (int i = first; i < std::min(n, first + AuditLog::maxGroup); ++i) {
                RevokeItem item;
                item.organizationId = QStringLiteral("org_1");
                item.organizationName = QStringLiteral("Acme 100%_Corp");
                item.ticket = QStringLiteral("SUP-") + name;
                item.invitationId = QStringLiteral("orginv_%1_%2").arg(name).arg(i);
                item.emailAddress = QStringLiteral("person%1@example.com").arg(i);
                items << item;
            }
            QList<AuditLog::Entry> intents, outcomes;
            for (const RevokeItem &item : items)
                intents << log.intent(item);
            QString why;
            if (!log.write(intents, &why))
                qFatal("%s", qPrintable(why));
            for (const RevokeItem &item : items)
                outcomes << log.outcome(item, result);
            if (!log.write(outcomes, &why))
                qFatal("%s", qPrintable(why));
        }
    }

    /*! For CliHarness::start: the team store's password in the environment, and nothing else of it. */
    static std::function<void(QProcess &)> withPassword(const QString &pw)
    {
        return [pw](QProcess &p) {
            QProcessEnvironment env = p.processEnvironment();
            env.insert(QStringLiteral("INVITEDESK_AUDIT_PASSWORD"), pw);
            env.remove(QStringLiteral("INVITEDESK_AUDIT_URL"));
            env.remove(QStringLiteral("PGPASSWORD"));
            p.setProcessEnvironment(env);
        };
    }

    void closeConnections()
    {
        for (const QString &name : QSqlDatabase::connectionNames()) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }

private:
    TestPostgres m_pg;
};

} // namespace InviteDesk::Testing
