#include "core/audit/TeamAuditTarget.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>
#include <QtCore/QUrl>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QHostAddress>

using namespace Qt::StringLiterals;

namespace InviteDesk {

bool TeamAuditTarget::isLoopback() const
{
    if (host == "localhost"_L1 || host.startsWith(u'/'))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString TeamAuditTarget::storeId() const
{
    return u"%1:%2/%3"_s.arg(host).arg(port).arg(database);
}

QString TeamAuditTarget::display() const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + database);
    if (!sslMode.isEmpty())
        url.setQuery(u"sslmode="_s + sslMode);
    return url.toString();
}

std::optional<TeamAuditTarget> TeamAuditTarget::parse(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!url.isValid() || (url.scheme() != "postgresql"_L1 && url.scheme() != "postgres"_L1))
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL must look like postgresql://USER@HOST:PORT/DATABASE"));
    TeamAuditTarget target;
    target.host = url.host();
    target.port = url.port(5432);
    target.database = url.path().mid(1);
    target.user = url.userName();
    target.password = url.password();
    if (target.host.isEmpty())
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL names no host"));
    if (target.database.isEmpty() || target.database.contains(u'/'))
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL names no database (…/DATABASE at its end)"));
    if (target.port < 1 || target.port > 65535)
        return fail(QCoreApplication::translate("TeamAudit", "the team audit URL's port is not a port"));
    static const QStringList modes = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                      u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "sslmode"_L1) {
            if (!modes.contains(value))
                return fail(QCoreApplication::translate("TeamAudit", "sslmode must be one of %1").arg(modes.join(u", "_s)));
            target.sslMode = value;
        } else if (key == "sslrootcert"_L1) {
            if (value.contains(u';'))
                return fail(QCoreApplication::translate("TeamAudit", "sslrootcert must be a file path without ';'"));
            target.sslRootCert = value;
        } else if (key == "connect_timeout"_L1 || key == "statement_timeout"_L1) {
            const bool connect = key == "connect_timeout"_L1;
            const int most = connect ? 300 : 600;
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > most)
                return fail(QCoreApplication::translate("TeamAudit", "%1 must be a whole number of seconds from 1 to %2")
                                .arg(key)
                                .arg(most));
            (connect ? target.connectTimeout : target.statementTimeout) = std::chrono::seconds(seconds);
        } else {
            return fail(QCoreApplication::translate("TeamAudit", "unknown team audit URL option \"%1\" (sslmode, "
                                                                 "sslrootcert, connect_timeout and statement_timeout "
                                                                 "are known)")
                            .arg(key));
        }
    }
    if (target.sslMode.isEmpty())
        target.sslMode = target.isLoopback() ? u"prefer"_s : u"verify-full"_s;
    // Over a network, the team's records and the password go in clear with these, or to whoever answers.
    static const QStringList clear = {u"disable"_s, u"allow"_s, u"prefer"_s};
    if (!target.isLoopback() && clear.contains(target.sslMode))
        return fail(QCoreApplication::translate("TeamAudit", "sslmode=%1 would send the team's records and the password "
                                                             "to %2 unencrypted, or to whoever answers; use verify-full "
                                                             "(or verify-ca, or require) for a host other than this "
                                                             "computer")
                        .arg(target.sslMode, target.host));
    return target;
}

} // namespace InviteDesk
