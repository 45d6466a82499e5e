#pragma once

#include "core/api/ClientConfig.h"

#include <QtNetwork/QNetworkProxyFactory>

namespace InviteDesk {

/*!
 * Which proxy a request to Clerk goes through: the operating system's settings (Qt reads the
 * environment's https_proxy/no_proxy on Linux and the system settings on Windows and macOS), none, or
 * one named proxy, which NO_PROXY (and no_proxy) can still bypass for some hosts. Plain http (allowed
 * only to this computer) never goes through a proxy: the key would cross the network in clear.
 */
class ProxyRules : public QNetworkProxyFactory
{
public:
    explicit ProxyRules(const ClientConfig &config);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    /*!
     * Whether \a host matches a NO_PROXY list: "*", a host name, a domain suffix (".example.com" or
     * "example.com" covers its subdomains), or an IP address; entries separated by commas or spaces.
     */
    static bool bypassed(const QString &host, const QString &noProxyList);

    /*!
     * "host:port" of the proxy requests to \a config's API URL go through, or empty when they go
     * straight. Proxy credentials belong to that proxy and are given to no other.
     */
    static QString endpointFor(const ClientConfig &config);

private:
    ProxyMode m_mode;
    QNetworkProxy m_manual;
    QString m_noProxy;
};

} // namespace InviteDesk
