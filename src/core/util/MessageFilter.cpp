#include "core/util/MessageFilter.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QtGlobal>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace InviteDesk {

QString scrubSecrets(const QString &text)
{
    // Deliberately never destroyed: Qt logs warnings during static destruction too, and a destroyed
    // expression would let those through unscrubbed.
    static const auto *bearer = new QRegularExpression(u"(Bearer\\s+)\\S+"_s, QRegularExpression::CaseInsensitiveOption);
    static const auto *key = new QRegularExpression(u"\\bsk_(live|test)_[A-Za-z0-9_\\-]+"_s);
    QString scrubbed = text;
    scrubbed.replace(*bearer, u"\\1<redacted>"_s);
    scrubbed.replace(*key, u"sk_\\1_<redacted>"_s);
    return scrubbed;
}

namespace {
/*!
 * What Qt's PostgreSQL driver says while tidying up a connection that was already lost (and said so in
 * InviteDesk's own words): no news, and alarming on a terminal. Qt 6.4 says it bare, later versions with
 * the driver's name.
 */
bool isLostConnectionTidying(const QString &message)
{
    return message.startsWith("Unable to free statement"_L1) || message.startsWith("QPSQLResult: Unable to free statement"_L1);
}

void filterMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const bool debug = qEnvironmentVariableIsSet("INVITEDESK_DEBUG");
    // Warnings are shown (scrubbed): hiding them would hide real problems. Chatter only on request.
    if (!debug && (type == QtDebugMsg || type == QtInfoMsg))
        return;
    if (!debug && isLostConnectionTidying(message))
        return;
    const QString line = qFormatLogMessage(type, context, scrubSecrets(message));
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}
} // namespace

void installMessageFilter()
{
    qInstallMessageHandler(filterMessage);
}

} // namespace InviteDesk
