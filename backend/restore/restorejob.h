// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobprogress.h"
#include "core/operationerror.h"
#include "restore/restoreoptions.h"
#include "restore/restoreplan.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace Resguarda {

class OpenedCopy;
class Installation;
class RestoreJournal;

// The procedure's "Restauração de Dados". prepare() opens and checks the copy and
// builds the plan (what the user confirms); run() does it:
//   exclusive access → finish any interrupted restore → check the copy →
//   check free space → extract into staging, checking every CRC → safety
//   copy of what will be replaced or eliminated → swap by renames.
// A damaged or hostile copy is refused before the installation is touched;
// after a crash every company is entirely old or entirely new.
class RestoreJob : public QObject
{
    Q_OBJECT

public:
    explicit RestoreJob(RestoreOptions options, QObject *parent = nullptr);
    ~RestoreJob() override;

    // A failure of prepare() called by a front end (a copy that is invalid,
    // a company not in it) is recorded in the installation's history: it is
    // the first step of the restore the user asked for.
    OperationError prepare();
    const RestorePlan &plan() const { return *m_plan; }
    bool isPrepared() const { return m_plan.has_value(); }
    // The copy's manifest once prepared (nullptr before).
    const Manifest *manifest() const;
    // Runs prepare() again under the installation's lock (the installation
    // may have changed since), then restores. Every outcome, once the
    // installation could be opened, is appended to its history.
    OperationError run();

    QString safetyCopyPath() const { return m_safetyCopyPath; }
    // Sentences about things found on the way (an interrupted restore finished).
    const QStringList &notes() const { return m_notes; }

public Q_SLOTS:
    // Honoured until the swap starts; the swap itself takes a moment and is
    // never left half done.
    void cancel();

Q_SIGNALS:
    void progressChanged(const Resguarda::JobProgress &progress);

private:
    OperationError prepareSteps();
    OperationError execute();
    void recordInHistory(const OperationError &error);
    OperationError openCopy();
    OperationError checkFreeSpace(const Installation &installation) const;
    OperationError extract(const Installation &installation, RestoreJournal &journal);
    OperationError writeSafetyCopy(const Installation &installation);
    bool report(bool force = false);
    bool isCancelled() const { return m_cancelled.load(); }

    RestoreOptions m_options;
    std::unique_ptr<OpenedCopy> m_copy; // a plain copy, or one unpacked from a container
    std::optional<RestorePlan> m_plan;
    QString m_safetyCopyPath;
    QStringList m_notes;
    QString m_historyRoot; // set once the installation is open: where the outcome is recorded
    QDateTime m_startedAt;
    std::atomic_bool m_cancelled {false};
    JobProgress m_progress;
    qint64 m_lastReportMs = -1;
    QElapsedTimer m_clock;
};

} // namespace Resguarda
