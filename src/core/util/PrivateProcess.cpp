#include "core/util/PrivateProcess.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>

#ifdef Q_OS_UNIX
#  include <sys/stat.h>
#endif
#ifdef Q_OS_LINUX
#  include <sys/prctl.h>
#endif

namespace InviteDesk::PrivateProcess {

void apply()
{
#ifdef Q_OS_UNIX
    ::umask(077);
#endif
#ifdef Q_OS_LINUX
    if (qEnvironmentVariable("INVITEDESK_ALLOW_CORE_DUMPS") != QLatin1StringView("1"))
        ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

void makePrivate(const QString &path)
{
#ifdef Q_OS_UNIX
    const QFileInfo info(path);
    if (!info.exists() || info.isSymLink())
        return;
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                                | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (!(info.permissions() & others))
        return;
    const QFileDevice::Permissions file = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                                          | QFileDevice::WriteUser;
    QFile::setPermissions(path, info.isDir() ? file | QFileDevice::ExeOwner | QFileDevice::ExeUser : file);
#else
    Q_UNUSED(path);
#endif
}

} // namespace InviteDesk::PrivateProcess
