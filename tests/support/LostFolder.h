#pragma once

// What a removed drive or a full quota does to the audit log's folder, for the tests of "a write that
// fails is reported": from now on nothing can be written there.

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>

namespace InviteDesk::Testing {

#ifdef Q_OS_WIN
/*! Gives each file in \a folder the \a permissions (Windows enforces read-only for everyone). */
inline bool setFilePermissions(const QString &folder, QFile::Permissions permissions)
{
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        QFile::setPermissions(dir.filePath(name), permissions);
    return true;
}
#endif

/*!
 * Makes \a folder unwritable. On Unix it is replaced by a file (a mode would not do: CI runs as root, who
 * writes through any mode). Windows does not let a folder with an open file in it go (the log's lock file
 * is open while a run lasts), so there each file in it is made read-only, which Windows enforces for
 * everyone.
 */
inline bool loseFolder(const QString &folder)
{
#ifdef Q_OS_WIN
    return setFilePermissions(folder, QFile::ReadOwner | QFile::ReadUser | QFile::ReadGroup | QFile::ReadOther);
#else
    if (!QDir(folder).removeRecursively())
        return false;
    QFile blocker(folder);
    return blocker.open(QIODevice::WriteOnly);
#endif
}

/*! Undoes loseFolder(): the folder is there and writable again (empty, on Unix). */
inline bool findFolderAgain(const QString &folder)
{
#ifdef Q_OS_WIN
    return setFilePermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
#else
    return QFile::remove(folder) && QDir().mkpath(folder);
#endif
}

} // namespace InviteDesk::Testing
