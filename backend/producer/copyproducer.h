// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"
#include "core/jobprogress.h"
#include "core/operationerror.h"
#include "producer/backupplan.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace Resguarda {

// Writes one copy of a plan to its target without ever damaging what is
// there: the copy is written beside the target, synced, read back and
// verified entry by entry, and only then renamed over it. Shared by backup
// and by restore's safety copy.
class CopyProducer
{
    Q_DECLARE_TR_FUNCTIONS(CopyProducer)

public:
    // Receives progress; returns false to cancel.
    using Report = std::function<bool(const JobProgress &progress)>;

    CopyProducer(int compressionLevel, Report report);

    // manifest carries the system, creation time and options; companies and
    // entries are filled in here. createFolder: make the target's folder
    // when missing (the default <root>/Copias), instead of refusing (a
    // destination the user chose, e.g. an unplugged pen drive).
    // progress is updated in place (files and bytes are added to what it
    // holds, so one JobProgress can span several copies).
    OperationError produce(const BackupPlan &plan, Manifest manifest, const QString &target,
                           bool createFolder, JobProgress &progress, qint64 *copySize = nullptr);

    // Makes the copies produced from now on protected copies
    // (ProtectedCopy), encrypted with password (its UTF-8 bytes; empty:
    // plain copies). Whether the password is good enough is the caller's
    // question (PasswordPolicy).
    void setPassword(const QByteArray &password) { m_password = password; }

    // How large the copy of plan will be, from compressing the start of its
    // largest files: cheap, and far closer than assuming no compression.
    static qint64 estimateCopySize(const BackupPlan &plan);

    // What the last copy produced leaves out (with plan.allowIncomplete).
    const QList<ManifestLeftOut> &leftOut() const { return m_leftOut; }

    // The error of a copy that would leave items out without
    // allowIncomplete: every item named, and what to do.
    static QString incompleteCopyRefused(const RootedDir &source, const QList<SkippedItem> &items);

private:
    OperationError checkFreeSpace(const BackupPlan &plan, const QString &target) const;
    // The target's folder, held open: below the installation root it is
    // reached without following any link (anyone may plant one there);
    // elsewhere it is the folder the user chose.
    std::optional<RootedDir> openFolder(const BackupPlan &plan, const QString &folder, bool create,
                                        OperationError *error) const;
    static void removeStalePartials(const RootedDir &folder);
    // Encrypts the finished plain copy in plainFd into outFd and syncs it.
    OperationError seal(int plainFd, int outFd, const QString &systemCode, JobProgress &progress);
    bool report(JobProgress &progress, bool force = false);

    int m_level;
    Report m_report;
    bool m_cancelled = false;
    QList<ManifestLeftOut> m_leftOut;
    QByteArray m_password;
    QElapsedTimer m_clock;
    qint64 m_lastReport = -1;
};

} // namespace Resguarda
