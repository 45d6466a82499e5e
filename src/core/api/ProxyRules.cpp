#include "core/api/ProxyRules.h"

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;

namespace InviteDesk {

ProxyRules::ProxyRules(const ClientConfig &config)
    // Credentials are not part of the proxy: ClerkClient gives them once, when the proxy asks (407).
    : m_mode(config.proxyMode),
      m_manual(QNetworkProxy::HttpProxy, config.proxyUrl.host(), quint16(std::max(0, config.proxyUrl.port())))
{
    m_noProxy = qEnvironmentVariable("NO_PROXY");
    const QString lower = qEnvironmentVariable("no_proxy");
    if (!lower.isEmpty())
        m_noProxy += u',' + lower;
}

bool ProxyRules::bypassed(const QString &host, const QString &noProxyList)
{
    const QString name = host.toLower();
    static const QRegularExpression separators(u"[,\\s]+"_s);
    for (QString entry : noProxyList.toLower().split(separators, Qt::SkipEmptyParts)) {
        if (entry == "*"_L1)
            return true;
        if (const qsizetype colon = entry.lastIndexOf(u':'); colon > 0 && !entry.contains(u']') && entry.count(u':') == 1)
            entry.truncate(colon); // a port in the entry: the host is what counts
        if (entry.startsWith(u'.'))
            entry.remove(0, 1);
        if (name == entry || name.endsWith(u'.' + entry))
            return true;
    }
    return false;
}

QList<QNetworkProxy> ProxyRules::queryProxy(const QNetworkProxyQuery &query)
{
    // Plain http is allowed only to this computer (checkApiUrl); through a proxy, the secret key would
    // travel in clear to another machine. So it never goes through one, whatever the settings say.
    if (query.url().scheme().compare("http"_L1, Qt::CaseInsensitive) == 0)
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    switch (m_mode) {
    case ProxyMode::None:
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    case ProxyMode::Manual:
        if (bypassed(query.peerHostName(), m_noProxy))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return {m_manual};
    case ProxyMode::System:
        break;
    }
    return systemProxyForQuery(query);
}

QString ProxyRules::endpointFor(const ClientConfig &config)
{
    ProxyRules rules(config);
    const QList<QNetworkProxy> proxies = rules.queryProxy(QNetworkProxyQuery(config.apiUrl));
    for (const QNetworkProxy &proxy : proxies) {
        if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy)
            return proxy.hostName() + u':' + QString::number(proxy.port());
    }
    return {};
}

} // namespace InviteDesk
