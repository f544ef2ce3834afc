// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/installation.h"

#include "core/displaytext.h"
#include "core/filenames.h"
#include "core/logging.h"
#include "installation/codes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cerrno>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

namespace {

std::optional<QJsonObject> readJsonObject(const RootedDir &tree, const QString &relative,
                                          QString *problem)
{
    // Small files: anything larger is not one of the installation's.
    constexpr qint64 maxJsonSize = 4 * 1024 * 1024;
    QFile file;
    const int fd = tree.openForReading(relative, problem);
    if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0 && problem->isEmpty())
            *problem = file.errorString();
        return std::nullopt;
    }
    const QByteArray data = file.read(maxJsonSize + 1);
    if (data.size() > maxJsonSize) {
        *problem = Installation::tr("the file is too large");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = parseError.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = Installation::tr("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

} // namespace

std::optional<Installation> Installation::open(const QString &rootPath, OperationError *error)
{
    const QFileInfo rootInfo(rootPath);
    if (!rootInfo.isDir()) {
        *error = OperationError::failed(
            tr("The installation folder %1 does not exist. Check the path given with --root.")
                .arg(QDir::toNativeSeparators(rootPath)));
        return std::nullopt;
    }
    Installation installation;
    installation.m_root = rootInfo.absoluteFilePath();
    QString problem;
    auto tree = RootedDir::open(installation.m_root, &problem);
    if (!tree) {
        *error = OperationError::failed(tr("The installation folder %1 cannot be opened: %2.")
                                            .arg(QDir::toNativeSeparators(rootPath), problem));
        return std::nullopt;
    }
    installation.m_tree = std::make_shared<const RootedDir>(std::move(*tree));

    const QString systemsPath
        = installation.m_root + u'/' + QStringView(InstallationLayout::systemsFileName);
    const auto systems = readJsonObject(
        *installation.m_tree, QString::fromUtf16(InstallationLayout::systemsFileName), &problem);
    if (!systems) {
        *error = OperationError::failed(
            tr("%1 is not an installation of the system: %2 could not be read (%3).")
                .arg(QDir::toNativeSeparators(installation.m_root),
                     QDir::toNativeSeparators(systemsPath), problem));
        return std::nullopt;
    }
    if (systems->value(u"formato").toInt() != 1) {
        *error = OperationError::failed(
            tr("%1 has an installation format this version does not know (%2). Update Resguarda.")
                .arg(QDir::toNativeSeparators(systemsPath))
                .arg(systems->value(u"formato").toVariant().toString()));
        return std::nullopt;
    }
    const auto list = systems->value(u"sistemas").toArray();
    for (const auto &value : list) {
        const auto object = value.toObject();
        SystemInfo info {object.value(u"codigo").toString(), object.value(u"nome").toString()};
        // A code becomes a folder name and part of copy file names.
        const bool duplicate = installation.system(info.code).has_value();
        if (!Codes::isValidSystemCode(info.code) || duplicate) {
            *error = OperationError::failed(
                tr("%1 lists a system with an invalid or repeated code \"%2\".")
                    .arg(QDir::toNativeSeparators(systemsPath), info.code));
            return std::nullopt;
        }
        installation.m_systems.append(info);
    }
    return installation;
}

std::optional<SystemInfo> Installation::system(const QString &code, Qt::CaseSensitivity cs) const
{
    for (const auto &info : m_systems) {
        if (info.code.compare(code, cs) == 0)
            return info;
    }
    return std::nullopt;
}

QList<CompanyInfo> Installation::companies(const QString &systemCode, QStringList *warnings,
                                           QList<SkippedItem> *skipped) const
{
    QList<CompanyInfo> result;
    auto warn = [&](const QString &text) {
        if (warnings)
            warnings->append(text);
    };
    // What cannot be a company goes to skipped when asked, else is a warning.
    auto skip = [&](const QString &relative, SkipReason reason, const QString &text) {
        if (skipped)
            skipped->append({relative, reason});
        else
            warn(text);
    };
    const QString companiesDir = InstallationLayout::companiesRelativePath(systemCode);
    switch (m_tree->kind(companiesDir)) {
    case RootedDir::Kind::Directory:
        break;
    case RootedDir::Kind::Missing:
        return result;
    case RootedDir::Kind::Link:
        skip(companiesDir, SkipReason::Link,
             tr("%1 is a symbolic link; Resguarda never follows links in the installation, so no "
                "company of system %2 was read.")
                 .arg(QDir::toNativeSeparators(m_tree->filePath(companiesDir)), systemCode));
        return result;
    default:
        warn(tr("%1 is not a folder; no company of system %2 was read.")
                 .arg(QDir::toNativeSeparators(m_tree->filePath(companiesDir)), systemCode));
        return result;
    }
    QList<RootedDir::Entry> entries;
    QString problem;
    if (!m_tree->list(companiesDir, &entries, &problem)) {
        skip(companiesDir, SkipReason::Unreadable, problem);
        return result;
    }
    std::sort(entries.begin(), entries.end(),
              [](const RootedDir::Entry &a, const RootedDir::Entry &b) { return a.name < b.name; });
    for (const auto &entry : std::as_const(entries)) {
        const QString relative = companiesDir + u'/' + entry.name;
        const QString shown = QDir::toNativeSeparators(m_tree->filePath(relative));
        if (entry.kind == RootedDir::Kind::Link) {
            skip(relative, SkipReason::Link,
                 tr("%1 is a symbolic link and was ignored.").arg(DisplayText::displaySafe(shown)));
            continue;
        }
        if (entry.kind != RootedDir::Kind::Directory)
            continue;
        if (!Codes::isValidCompanyCode(entry.name)) {
            skip(relative, SkipReason::NotACompany,
                 tr("%1 is not a valid company code (letters, digits, - and _ only) and was "
                    "ignored.")
                     .arg(DisplayText::displaySafe(shown)));
            continue;
        }
        CompanyInfo company;
        company.code = entry.name;
        company.relativePath = relative;
        company.path = m_tree->filePath(relative);
        const auto json = readJsonObject(
            *m_tree, relative + u'/' + QStringView(InstallationLayout::companyFileName), &problem);
        if (json) {
            company.name = json->value(u"razaoSocial").toString();
            company.cnpj = json->value(u"cnpj").toString();
            const QString declaredCode = json->value(u"codigo").toString();
            if (!declaredCode.isEmpty() && declaredCode != company.code)
                warn(tr("Company folder %1 declares code %2 in empresa.json.")
                         .arg(company.code, declaredCode));
        } else {
            warn(tr("Company %1 of system %2: empresa.json could not be read (%3).")
                     .arg(company.code, systemCode, problem));
        }
        result.append(company);
    }
    return result;
}

int Installation::privateFileMode(const RootedDir &root, bool groupWrite)
{
    struct stat status
    {
    };
    QByteArray name = QFile::encodeName(QString::fromUtf16(InstallationLayout::systemsFileName));
    int mode = 0600;
    if (::fstatat(root.fd(), name.constData(), &status, AT_SYMLINK_NOFOLLOW) == 0
        && S_ISREG(status.st_mode)) {
        mode |= int(status.st_mode & 040);
        if (groupWrite)
            mode |= int(status.st_mode & 060);
    }
    return mode;
}

QString Installation::systemPath(const QString &systemCode) const
{
    return m_root + u'/' + systemCode;
}

QString Installation::companiesPath(const QString &systemCode) const
{
    return systemPath(systemCode) + u'/' + QStringView(InstallationLayout::companiesDirName);
}

QString Installation::companyPath(const QString &systemCode, const QString &companyCode) const
{
    return companiesPath(systemCode) + u'/' + companyCode;
}

QString Installation::templatesPath(const QString &systemCode) const
{
    return systemPath(systemCode) + u'/' + QStringView(InstallationLayout::templatesDirName);
}

QString Installation::sessionsPath() const
{
    return m_root + u'/' + QStringView(InstallationLayout::sessionsDirName);
}

QString Installation::copiesPath() const
{
    return m_root + u'/' + QStringView(InstallationLayout::copiesDirName);
}

namespace {

// Lists a tree for Installation::collect() one folder at a time: a folder's
// names are read and its files go straight into the FileList; only its
// sub-folders' names are kept while they are listed in turn, so a million
// files cost the list and one folder's names, never a string per file.
class TreeLister
{
public:
    TreeLister(const QString &prefix, TreeListing *listing, Installation::Measure *measure)
        : m_files(prefix)
        , m_listing(listing)
        , m_measure(measure)
    {
    }

    // Lists the folder open as fd, which becomes folder of the FileList,
    // then its sub-folders. False when it cannot be read: nothing was added.
    bool listFolder(int fd, qsizetype folder, qsizetype prefixBytes)
    {
        m_files.setCurrentFolder(folder);
        // The descriptor is duplicated: closedir() closes its own.
        const int listFd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
        DIR *dir = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
        if (!dir) {
            if (listFd >= 0)
                ::close(listFd);
            return false;
        }
        QList<QByteArray> subFolders;
        // A folder opened only as a path (O_PATH, when it cannot be read)
        // fails at the first readdir.
        bool failed = false;
        for (;;) {
            errno = 0;
            const dirent *entry = ::readdir(dir);
            if (!entry) {
                failed = errno != 0;
                break;
            }
            const QByteArrayView name(entry->d_name);
            if (name == "." || name == "..")
                continue;
            struct stat status
            {
            };
            const bool examined = ::fstatat(fd, entry->d_name, &status, AT_SYMLINK_NOFOLLOW) == 0;
            if (prefixBytes + name.size() > Installation::maxPathBytes) {
                // Everything below a folder that is too long is too: the
                // folder stands for it.
                skip(folder, name, SkipReason::TooLong);
            } else if (!examined) {
                skip(folder, name, SkipReason::Unreadable);
            } else if (S_ISREG(status.st_mode)) {
                if (m_measure) {
                    ++m_measure->files;
                    m_measure->bytes += qint64(status.st_size);
                } else {
                    m_files.addFile(name, qint64(status.st_size));
                }
            } else if (S_ISDIR(status.st_mode)) {
                subFolders.append(name.toByteArray());
            } else {
                skip(folder, name,
                     S_ISLNK(status.st_mode) ? SkipReason::Link : SkipReason::Special);
            }
        }
        ::closedir(dir);
        if (failed) {
            m_files.dropCurrentFolder();
            return false;
        }
        const qsizetype first = m_files.finishFolder(&subFolders);
        for (qsizetype i = 0; i < subFolders.size(); ++i) {
            const QByteArray &name = subFolders.at(i);
            const qsizetype child = first + i;
            const QString path = m_files.prefixOf(child).chopped(1);
            const int subFd
                = ::openat(fd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            const bool listed
                = subFd >= 0 && listFolder(subFd, child, prefixBytes + name.size() + 1);
            if (subFd >= 0)
                ::close(subFd);
            if (listed)
                m_listing->folders.append(path);
            else
                m_listing->skipped.append({path, SkipReason::Unreadable});
        }
        return true;
    }

    FileList takeFiles() { return m_files.take(); }

private:
    void skip(qsizetype folder, QByteArrayView name, SkipReason reason)
    {
        m_listing->skipped.append({m_files.prefixOf(folder) + FileNames::decode(name), reason});
    }

    FileList::Builder m_files;
    TreeListing *m_listing;
    Installation::Measure *m_measure;
};

} // namespace

TreeListing Installation::collect(const RootedDir &tree, const QString &relativeDir,
                                  const QString &archivePrefix, Measure *measure)
{
    TreeListing listing;
    const QString rootArchivePath
        = archivePrefix.endsWith(u'/') ? archivePrefix.chopped(1) : archivePrefix;
    const RootedDir::Kind rootKind
        = relativeDir.isEmpty() ? RootedDir::Kind::Directory : tree.kind(relativeDir);
    if (rootKind == RootedDir::Kind::Missing)
        return listing;
    if (rootKind != RootedDir::Kind::Directory) {
        listing.skipped.append(
            {rootArchivePath,
             rootKind == RootedDir::Kind::Link ? SkipReason::Link : SkipReason::Unreadable});
        return listing;
    }
    QString problem;
    std::optional<RootedDir> below;
    if (!relativeDir.isEmpty())
        below = tree.openDir(relativeDir, &problem);
    const int fd = relativeDir.isEmpty() ? tree.fd() : below ? below->fd() : -1;
    TreeLister lister(archivePrefix, &listing, measure);
    if (fd < 0 || !lister.listFolder(fd, 0, FileNames::encode(archivePrefix).size())) {
        listing.folders.clear();
        listing.skipped.append({rootArchivePath, SkipReason::Unreadable});
        return listing;
    }
    if (!rootArchivePath.isEmpty())
        listing.folders.append(rootArchivePath);
    listing.files = lister.takeFiles();
    std::sort(listing.folders.begin(), listing.folders.end());
    std::sort(
        listing.skipped.begin(), listing.skipped.end(),
        [](const SkippedItem &a, const SkippedItem &b) { return a.archivePath < b.archivePath; });
    return listing;
}

QString Installation::skipText(const RootedDir &tree, const SkippedItem &item)
{
    return tr("%1 was not copied: %2")
        .arg(DisplayText::displaySafe(QDir::toNativeSeparators(tree.filePath(item.archivePath))),
             skipReasonText(item.reason));
}

QString Installation::skipReasonText(SkipReason reason)
{
    switch (reason) {
    case SkipReason::Link:
        return tr("it is a symbolic link, and Resguarda never follows links in the installation");
    case SkipReason::Special:
        return tr("it is not a regular file (a FIFO, socket or device)");
    case SkipReason::Unreadable:
        return tr("it cannot be read (check its permissions)");
    case SkipReason::Vanished:
        return tr("it was removed while the copy was being made");
    case SkipReason::Changed:
        return tr("it kept changing while it was being read (a program is using it)");
    case SkipReason::TooLong:
        return tr("its path is longer than %n byte(s)", nullptr, int(maxPathBytes));
    case SkipReason::NotACompany:
        return tr("it is among the companies, but its name is not a company code (letters, "
                  "digits, - and _ only): rename it, or move it out of the companies folder");
    }
    return QString();
}

FileList Installation::collectFiles(const RootedDir &tree, const QString &relativeDir,
                                    const QString &archivePrefix, QStringList *warnings)
{
    TreeListing listing = collect(tree, relativeDir, archivePrefix);
    if (warnings) {
        for (const auto &item : std::as_const(listing.skipped))
            warnings->append(skipText(tree, item));
    }
    return std::move(listing.files);
}

TreeListing Installation::listTree(const QString &relativeDir) const
{
    return collect(*m_tree, relativeDir, relativeDir + u'/');
}

FileList Installation::filesBelow(const QString &relativeDir, QStringList *warnings) const
{
    return collectFiles(*m_tree, relativeDir, relativeDir + u'/', warnings);
}

Installation::Measure Installation::measure(const QString &relativeDir) const
{
    Measure measure;
    collect(*m_tree, relativeDir, relativeDir + u'/', &measure);
    return measure;
}

FileList Installation::listFiles(const QString &dir, const QString &archivePrefix,
                                 QStringList *warnings)
{
    QString problem;
    const auto tree = RootedDir::open(dir, &problem);
    if (!tree) {
        if (warnings && QFileInfo::exists(dir))
            warnings->append(problem);
        return {};
    }
    return collectFiles(*tree, QString(), archivePrefix, warnings);
}

namespace InstallationLayout {

QString companyArchivePrefix(const QString &systemCode, const QString &companyCode)
{
    return companyRelativePath(systemCode, companyCode) + u'/';
}

QString templatesArchivePrefix(const QString &systemCode)
{
    return templatesRelativePath(systemCode) + u'/';
}

QString companiesRelativePath(const QString &systemCode)
{
    return systemCode + u'/' + QStringView(companiesDirName);
}

QString companyRelativePath(const QString &systemCode, const QString &companyCode)
{
    return companiesRelativePath(systemCode) + u'/' + companyCode;
}

QString templatesRelativePath(const QString &systemCode)
{
    return systemCode + u'/' + QStringView(templatesDirName);
}

} // namespace InstallationLayout

} // namespace Resguarda
