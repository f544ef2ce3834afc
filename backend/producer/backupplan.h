// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "installation/installation.h"
#include "producer/backupoptions.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Resguarda {

struct PlannedCompany
{
    CompanyInfo info;
    FileList files;
    QStringList folders; // archive paths; the company's own folder first
    qint64 bytes = 0;
    QList<int> years; // years of the dated tables included, ascending
    int archiveFromYear = 0; // dated tables before this year are left out
};

// What one system's copy will hold, decided from the options before any byte
// is written, so that its size can be checked against the free space.
struct BackupPlan
{
    Q_DECLARE_TR_FUNCTIONS(BackupPlan)

public:
    SystemInfo system;
    // The folder the files are read from: each file's archivePath is its
    // path below it (the installation root).
    std::shared_ptr<const RootedDir> source;
    QList<PlannedCompany> companies;
    // The companies asked for (empty: every one), as the manifest records them.
    QStringList requestedCompanies;
    FileList templates;
    QStringList templateFolders;
    // What cannot be copied (links, special files, unreadable folders):
    // the copy fails naming them, unless allowIncomplete.
    QList<SkippedItem> skipped;
    bool allowIncomplete = false;
    // Links and special files are left out (listed in the manifest) without
    // failing, whatever allowIncomplete says: the safety copy before a
    // restore, which cannot copy them and whose restore removes them.
    bool leaveOutLinks = false;
    // Whether item makes the copy fail (unless allowIncomplete).
    bool refuses(const SkippedItem &item) const
    {
        return !leaveOutLinks
            || (item.reason != SkipReason::Link && item.reason != SkipReason::Special);
    }
    // Permissions of the copy file: it holds payroll and tax data.
    int fileMode = 0600;
    QStringList warnings;

    qint64 totalBytes() const;
    qint64 totalFiles() const;

    // options.companies are codes of this system (SystemSelector); those
    // not registered in it are left out, and the caller checks that each
    // requested code exists.
    static BackupPlan make(const Installation &installation, const SystemInfo &system,
                           const BackupOptions &options);
};

} // namespace Resguarda
