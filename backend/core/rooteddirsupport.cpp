// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rooteddirsupport.h"

#include "core/filenames.h"

#include <cerrno>
#include <cstring>

#include <dirent.h>

namespace Resguarda::RootedDirSupport {

QList<QByteArray> components(const QString &relative)
{
    return FileNames::encode(relative).split('/');
}

RootedDir::Kind kindOf(const struct stat &st)
{
    if (S_ISREG(st.st_mode))
        return RootedDir::Kind::File;
    if (S_ISDIR(st.st_mode))
        return RootedDir::Kind::Directory;
    if (S_ISLNK(st.st_mode))
        return RootedDir::Kind::Link;
    return RootedDir::Kind::Other;
}

QString errnoText(int code)
{
    if (code == ELOOP)
        return RootedDir::tr("a symbolic link is in the way (Resguarda never follows one here)");
    if (code == EXDEV)
        return RootedDir::tr("the path leads outside its folder");
    return QString::fromLocal8Bit(std::strerror(code));
}

bool readNames(int dirFd, QList<QByteArray> *names)
{
    const int listFd = ::dup(dirFd);
    DIR *dir = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!dir) {
        const int saved = errno;
        if (listFd >= 0)
            ::close(listFd);
        errno = saved;
        return false;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names->append(name);
    }
    ::closedir(dir);
    return true;
}

} // namespace Resguarda::RootedDirSupport
