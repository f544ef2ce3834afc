// SPDX-License-Identifier: GPL-3.0-or-later
#include "backup/backupjob.h"

#include "backup/backupplan.h"
#include "backup/copynaming.h"
#include "backup/copyproducer.h"
#include "copy/manifest.h"
#include "core/logging.h"
#include "core/version.h"
#include "installation/sessionlock.h"
#include "restore/restorejournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace Resguarda {

BackupJob::BackupJob(BackupOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<Resguarda::JobProgress>();
}

void BackupJob::cancel()
{
    m_cancelled.store(true);
}

OperationError BackupJob::run()
{
    m_progress = JobProgress();
    m_written.clear();
    m_warnings.clear();
    OperationError error;
    const auto installation = Installation::open(m_options.root, &error);
    if (!installation)
        return error;
    const QDateTime now = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();

    QStringList knownSystems;
    for (const auto &system : installation->systems())
        knownSystems.append(system.code);
    QList<SystemInfo> systems;
    if (m_options.allSystems) {
        systems = installation->systems();
    } else if (!m_options.systemCode.isEmpty()) {
        const auto system = installation->system(m_options.systemCode);
        if (!system)
            return OperationError::usage(tr("The system %1 is not installed in %2. Installed systems: %3.")
                                             .arg(m_options.systemCode,
                                                  QDir::toNativeSeparators(installation->rootPath()),
                                                  knownSystems.join(u", ")));
        systems = {*system};
    } else if (installation->systems().size() == 1) {
        systems = installation->systems();
    } else {
        return OperationError::usage(
            tr("This installation has several systems (%1): choose one with --system, or copy all "
               "of them with --all-systems.")
                .arg(knownSystems.join(u", ")));
    }
    if (systems.isEmpty())
        return OperationError::failed(tr("This installation has no systems to copy."));

    // Nothing may change while the copy is taken: no client connected, and
    // our own session file tells clients and other Resguardas we are here.
    std::unique_ptr<SessionLock> lock;
    error = SessionLock::acquireExclusive(installation->sessionsPath(), QStringLiteral("RESGUARDA"), &lock);
    if (error)
        return error;
    // A restore interrupted by a crash is finished or undone before the data
    // is read: a copy must never see a company half swapped.
    QString recovered;
    error = RestoreJournal::recover(installation->rootPath(), &recovered);
    if (error)
        return error;
    if (!recovered.isEmpty())
        m_warnings.append(recovered);

    QList<BackupPlan> plans;
    QStringList targets;
    QSet<QString> requested(m_options.companies.begin(), m_options.companies.end());
    for (const auto &system : systems) {
        BackupPlan plan = BackupPlan::make(*installation, system, m_options);
        for (const auto &company : plan.companies)
            requested.remove(company.info.code);
        if (!m_options.companies.isEmpty() && plan.companies.isEmpty()) {
            m_warnings.append(tr("System %1 has none of the chosen companies: no copy was made of it.")
                                  .arg(system.code));
            continue;
        }
        const QString target = CopyNaming::targetPath(installation->rootPath(), system.code, m_options, now, &error);
        if (error)
            return error;
        m_warnings += plan.warnings;
        m_progress.filesTotal += plan.totalFiles();
        m_progress.bytesTotal += plan.totalBytes();
        plans.append(plan);
        targets.append(target);
    }
    if (!requested.isEmpty()) {
        QStringList missing(requested.begin(), requested.end());
        missing.sort();
        return OperationError::usage(tr("Company %1 is not registered in the chosen systems.")
                                         .arg(missing.join(u", ")));
    }

    for (int i = 0; i < plans.size(); ++i) {
        Q_EMIT copyStarted(plans[i].system.code, targets[i]);
        error = writeCopy(plans[i], targets[i]);
        if (error)
            return error;
    }
    return OperationError::none();
}

OperationError BackupJob::writeCopy(const BackupPlan &plan, const QString &target)
{
    Manifest manifest;
    manifest.system = plan.system;
    manifest.createdAt = m_options.now.isValid() ? m_options.now : QDateTime::currentDateTime();
    manifest.toolVersion = QString::fromLatin1(toolVersion);
    manifest.options.templates = m_options.templates;
    manifest.options.archiveFromYear = m_options.archiveFromYear;
    manifest.options.companies = m_options.companies;
    manifest.options.allSystems = m_options.allSystems;
    manifest.options.rotation = m_options.rotation == BackupOptions::Rotation::Weekday
        ? QStringLiteral("weekday")
        : QString();
    manifest.options.extraLabel = m_options.extraLabel;

    CopyProducer producer(m_options.compressionLevel, [this](const JobProgress &progress) {
        Q_EMIT progressChanged(progress);
        return !isCancelled();
    });
    const qint64 filesBefore = m_progress.filesDone;
    const qint64 bytesBefore = m_progress.bytesDone;
    qint64 copySize = 0;
    // The default destination (<root>/Copias) is created; one the user chose is not.
    const OperationError error =
        producer.produce(plan, manifest, target, m_options.output.isEmpty(), m_progress, &copySize);
    if (error)
        return error;
    m_written.append({plan.system.code, target, m_progress.filesDone - filesBefore,
                      m_progress.bytesDone - bytesBefore, copySize});
    return OperationError::none();
}

} // namespace Resguarda
