// SPDX-License-Identifier: GPL-3.0-or-later
#include "restore/newerdata.h"

#include "copy/manifest.h"
#include "core/rooteddir.h"
#include "installation/installation.h"

#include <QLocale>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

namespace {

struct Walk
{
    qint64 budget = NewerData::maxEntries;
    const std::atomic_bool *cancelled = nullptr;
    qint64 newest = -1; // seconds since the epoch
    bool found = false;

    bool stopped() const { return budget <= 0 || (cancelled && cancelled->load()); }

    // Lists the folder open at fd (taken over and closed), examining each
    // entry without following it; subfolders are opened beneath it with
    // O_NOFOLLOW, so a link swapped in meanwhile is not entered either.
    void folder(int fd, int depth)
    {
        DIR *dir = ::fdopendir(fd);
        if (!dir) {
            ::close(fd);
            return;
        }
        while (!stopped()) {
            const dirent *entry = ::readdir(dir);
            if (!entry)
                break;
            const char *name = entry->d_name;
            if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
                continue;
            --budget;
            struct stat status;
            if (::fstatat(::dirfd(dir), name, &status, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            if (S_ISREG(status.st_mode)) {
                if (!found || status.st_mtim.tv_sec > newest)
                    newest = status.st_mtim.tv_sec;
                found = true;
            } else if (S_ISDIR(status.st_mode) && depth < NewerData::maxDepth) {
                const int sub
                    = ::openat(::dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub >= 0)
                    folder(sub, depth + 1);
            }
        }
        ::closedir(dir);
    }
};

} // namespace

QHash<QString, QDateTime> NewerData::newestChanges(const Installation &installation,
                                                   const QString &systemCode,
                                                   const QStringList &codes,
                                                   const std::atomic_bool *cancelled)
{
    QHash<QString, QDateTime> changes;
    Walk walk;
    walk.cancelled = cancelled;
    for (const QString &code : codes) {
        if (walk.stopped())
            break;
        const QString relative = InstallationLayout::companyRelativePath(systemCode, code);
        if (!RootedDir::isValidRelativePath(relative)
            || installation.tree().kind(relative) != RootedDir::Kind::Directory)
            continue;
        QString problem;
        const auto company = installation.tree().openDir(relative, &problem);
        if (!company)
            continue;
        const int fd = ::openat(company->fd(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            continue;
        walk.newest = -1;
        walk.found = false;
        walk.folder(fd, 0);
        if (walk.found)
            changes.insert(code, QDateTime::fromSecsSinceEpoch(walk.newest));
    }
    return changes;
}

QDateTime NewerData::copyDateOf(const Manifest &manifest, const QString &code)
{
    Q_UNUSED(code)
    return manifest.createdAt;
}

QList<NewerCompany> NewerData::compare(const Manifest &manifest,
                                       const QHash<QString, QDateTime> &newestChanges)
{
    QList<NewerCompany> newer;
    for (const auto &company : manifest.companies) {
        const auto change = newestChanges.constFind(company.code);
        if (change == newestChanges.constEnd())
            continue;
        const QDateTime copyDate = copyDateOf(manifest, company.code);
        if (!copyDate.isValid()
            || change->toSecsSinceEpoch() <= copyDate.toSecsSinceEpoch() + toleranceSeconds)
            continue;
        newer.append({company.code, *change, copyDate});
    }
    return newer;
}

QList<NewerCompany> NewerData::find(const Manifest &manifest, const Installation &installation,
                                    const std::atomic_bool *cancelled)
{
    QStringList codes;
    for (const auto &company : manifest.companies)
        codes.append(company.code);
    return compare(manifest, newestChanges(installation, manifest.system.code, codes, cancelled));
}

QString NewerData::describe(const NewerCompany &company)
{
    const QLocale locale;
    return tr("the current data is from %1, newer than the copy of %2")
        .arg(locale.toString(company.newestChange.toLocalTime().date(), QLocale::ShortFormat),
             locale.toString(company.copyDate.toLocalTime().date(), QLocale::ShortFormat));
}

} // namespace Resguarda
