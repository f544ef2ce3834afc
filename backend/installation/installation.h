// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "core/rooteddir.h"
#include "installation/filelist.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Resguarda {

struct SystemInfo
{
    QString code; // "AT"
    QString name; // "Ativo Imobilizado"
};

struct CompanyInfo
{
    QString code; // the folder name, "0001"
    QString name; // razaoSocial
    QString cnpj;
    QString path; // absolute path of the company folder
    QString relativePath; // "AT/empresas/0001", below the installation root
};

// Why something of the installation is not in a copy.
enum class SkipReason {
    Link, // a symbolic link: never followed
    Special, // a FIFO, socket or device
    Unreadable, // a file or folder that cannot be opened or listed
    Vanished, // removed between the listing and the copy
    Changed, // kept changing while it was read
    TooLong, // a path longer than the platform's limit (maxPathBytes)
    // a folder among the companies whose name is not a company code: its
    // data cannot be copied as a company's
    NotACompany,
};

struct SkippedItem
{
    QString archivePath;
    SkipReason reason = SkipReason::Unreadable;
};

// Everything below a folder of the installation: the regular files, every
// folder (empty ones are data too) and what cannot be copied.
struct TreeListing
{
    FileList files; // sorted by archive path
    QStringList folders; // archive paths, the listed folder itself first
    QList<SkippedItem> skipped;
};

// Read-only view of an installation root as docs/installation-format.md
// describes it. It never writes; backup and restore do that.
class Installation
{
    Q_DECLARE_TR_FUNCTIONS(Installation)

public:
    static std::optional<Installation> open(const QString &rootPath, OperationError *error);

    QString rootPath() const { return m_root; }
    // The root held open: every read and write inside the installation goes
    // through it, so no planted link leads elsewhere.
    const RootedDir &tree() const { return *m_tree; }
    std::shared_ptr<const RootedDir> sharedTree() const { return m_tree; }
    const QList<SystemInfo> &systems() const { return m_systems; }
    // The system with exactly this code; a copy of "at" is not one of "AT".
    // Case-insensitive only for what a person typed.
    std::optional<SystemInfo> system(const QString &code,
                                     Qt::CaseSensitivity cs = Qt::CaseSensitive) const;

    // Companies of a system, sorted by code. A folder whose empresa.json is
    // missing or unreadable is still a company (its data must not be skipped
    // silently); its problem is added to warnings.
    // With skipped, what sits among the companies and cannot be copied as
    // one (a link, a folder whose name is not a company code, a folder that
    // cannot be listed) goes there instead of into warnings: a backup of
    // every company must not leave it out in silence.
    QList<CompanyInfo> companies(const QString &systemCode, QStringList *warnings = nullptr,
                                 QList<SkippedItem> *skipped = nullptr) const;

    QString systemPath(const QString &systemCode) const;
    QString companiesPath(const QString &systemCode) const;
    QString companyPath(const QString &systemCode, const QString &companyCode) const;
    QString templatesPath(const QString &systemCode) const;
    QString sessionsPath() const;

    // Permission bits for a file Resguarda creates that holds the
    // installation's data (a copy, the history): the owner's only, plus the
    // group's read (and write, with groupWrite) when the installation's own
    // files give the group that.
    static int privateFileMode(const RootedDir &root, bool groupWrite = false);
    int privateFileMode(bool groupWrite = false) const
    {
        return privateFileMode(*m_tree, groupWrite);
    }
    QString copiesPath() const;

    // The longest path below the root a copy holds, in bytes: PATH_MAX, the
    // limit every program that opens the file by its path has.
    static constexpr qsizetype maxPathBytes = 4095;

    // Everything below relativeDir (relativeDir included), as listTree's
    // TreeListing says; no link is followed. A relativeDir that does not
    // exist gives an empty listing; one that cannot be read is skipped.
    TreeListing listTree(const QString &relativeDir) const;

    // Every regular file below relativeDir (a path below the root, such as
    // "AT/empresas/0001"), sorted by archive path, which is the path below
    // the root. No symbolic link is followed, neither on the way to
    // relativeDir nor below it: links, special files and unreadable folders
    // are reported in warnings.
    FileList filesBelow(const QString &relativeDir, QStringList *warnings = nullptr) const;

    // How many regular files filesBelow() would give, and their bytes,
    // without keeping anything per file.
    struct Measure
    {
        qint64 files = 0;
        qint64 bytes = 0;
    };
    Measure measure(const QString &relativeDir) const;

    // The same for any folder (for counting and tests): dir itself is taken
    // as given, nothing below it is followed.
    static FileList listFiles(const QString &dir, const QString &archivePrefix,
                              QStringList *warnings = nullptr);

private:
    // With measure, the files are only counted into it.
    static TreeListing collect(const RootedDir &tree, const QString &relativeDir,
                               const QString &archivePrefix, Measure *measure = nullptr);
    // collect()'s files, with what it skipped as warnings.
    static FileList collectFiles(const RootedDir &tree, const QString &relativeDir,
                                 const QString &archivePrefix, QStringList *warnings);

public:
    // Why an item was left out, as a phrase for the user; and a sentence
    // naming the item below tree.
    static QString skipReasonText(SkipReason reason);
    static QString skipText(const RootedDir &tree, const SkippedItem &item);

    QString m_root;
    std::shared_ptr<const RootedDir> m_tree;
    QList<SystemInfo> m_systems;
};

// Archive paths of the installation format, shared by backup and restore.
namespace InstallationLayout {
QString companyArchivePrefix(const QString &systemCode, const QString &companyCode);
QString templatesArchivePrefix(const QString &systemCode);
QString companyRelativePath(const QString &systemCode,
                            const QString &companyCode); // "AT/empresas/0001"
QString companiesRelativePath(const QString &systemCode); // "AT/empresas"
QString templatesRelativePath(const QString &systemCode); // "AT/modelos"
inline constexpr char16_t systemsFileName[] = u"sistemas.json";
inline constexpr char16_t companyFileName[] = u"empresa.json";
inline constexpr char16_t companiesDirName[] = u"empresas";
inline constexpr char16_t templatesDirName[] = u"modelos";
inline constexpr char16_t sessionsDirName[] = u"sessoes";
inline constexpr char16_t copiesDirName[] = u"Copias";
} // namespace InstallationLayout

} // namespace Resguarda
