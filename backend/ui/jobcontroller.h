// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobprogress.h"
#include "core/operationerror.h"
#include "ui/backupsettings.h"
#include "ui/companymodel.h"
#include "ui/restoresettings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThread>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Resguarda {

// Runs a backup or a restore on a worker thread and shows it to QML: state,
// phase, progress, rate, time left, current company, and the result or the
// error as a sentence. The UI never blocks; cancel() works at any moment
// with the backend's guarantees (previous copy intact, installation all or
// nothing).
class JobController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Kind kind READ kind NOTIFY stateChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    // Progress is shown phase by phase, each with one measure: progress,
    // bytesDone and bytesTotal are the current phase's and agree; they never
    // go back within a phase. A phase without a measure (saving to disk,
    // replacing) has phaseMeasured false: no percentage, no estimate.
    Q_PROPERTY(QString phaseText READ phaseText NOTIFY
                   progressChanged) // "Copiando", "Verificando a cópia"…
    Q_PROPERTY(bool phaseMeasured READ phaseMeasured NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged) // 0..1, of the phase
    Q_PROPERTY(
        QString progressText READ progressText NOTIFY progressChanged) // "71% · 170 MB de 240 MB…"
    // Counts and sizes are double for QML: JS gets a number either way, and Qt 6.4's
    // tooling (qmllint) knows no qint64. Exact up to 2^53.
    Q_PROPERTY(double filesDone READ filesDone NOTIFY progressChanged)
    Q_PROPERTY(double filesTotal READ filesTotal NOTIFY progressChanged)
    Q_PROPERTY(double bytesDone READ bytesDone NOTIFY progressChanged)
    Q_PROPERTY(double bytesTotal READ bytesTotal NOTIFY progressChanged)
    // Whether cancel() can still stop the job (not once the data is being
    // replaced), and the question asked first: what cancelling keeps.
    Q_PROPERTY(bool canCancel READ canCancel NOTIFY progressChanged)
    Q_PROPERTY(bool cancelling READ cancelling NOTIFY progressChanged) // asked, not yet ended
    // Changes with the phase: stopping an upload keeps the copy made.
    Q_PROPERTY(QString cancelQuestion READ cancelQuestion NOTIFY progressChanged)
    Q_PROPERTY(QString rateText READ rateText NOTIFY progressChanged) // "85,2 MB/s"
    Q_PROPERTY(int etaSeconds READ etaSeconds NOTIFY progressChanged) // -1 unknown
    Q_PROPERTY(QString etaText READ etaText NOTIFY progressChanged) // "cerca de 2 min"
    Q_PROPERTY(QString currentCompany READ currentCompany NOTIFY progressChanged)
    Q_PROPERTY(QString resultText READ resultText NOTIFY stateChanged) // success sentence
    Q_PROPERTY(QStringList resultPaths READ resultPaths NOTIFY stateChanged) // copies written
    Q_PROPERTY(QString safetyCopyPath READ safetyCopyPath NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged) // what happened and what to do
    Q_PROPERTY(QStringList notes READ notes NOTIFY stateChanged) // warnings that did not stop it
    Q_PROPERTY(int exitCode READ exitCode NOTIFY stateChanged) // as resguarda-cli would return
    // State Incomplete: how many files and folders the copy left out, and
    // what each is and why (already display-safe).
    Q_PROPERTY(double leftOutCount READ leftOutCount NOTIFY stateChanged)
    Q_PROPERTY(QStringList leftOutLines READ leftOutLines NOTIFY stateChanged)
    // What really happened, for the step indicator and the last page:
    // workDone only when the copy or the restore was made (in full or, for
    // Incomplete, as asked); outcomeLabel names the last step ("Done",
    // "Cancelled", "In use"…); outcomeTitle is the last page's headline.
    Q_PROPERTY(bool workDone READ workDone NOTIFY stateChanged)
    // The backup under way or ended writes protected copies, or the restore
    // protects its safety copy (a password was given): the last page says so.
    Q_PROPERTY(bool wroteProtected READ wroteProtected NOTIFY stateChanged)
    // Copies sent off site by the backup that ended, one line each: where,
    // and how they were checked there. Empty when nothing was sent.
    Q_PROPERTY(QStringList sentLines READ sentLines NOTIFY stateChanged)
    // The backup was asked to send its copies off site (shown while it runs).
    Q_PROPERTY(QString sendingTo READ sendingTo NOTIFY stateChanged)
    Q_PROPERTY(QString outcomeLabel READ outcomeLabel NOTIFY stateChanged)
    Q_PROPERTY(QString outcomeTitle READ outcomeTitle NOTIFY stateChanged)

public:
    // Incomplete: a backup asked to allow it wrote its copy but left files
    // out (ExitCode::Incomplete): the copy exists, yet it is no full backup.
    // NotSent: the copy was made and verified here, but sending it off site
    // failed or was cancelled (ExitCode::Offsite): the copy exists, the
    // remote keeps its previous one, and the run is no success.
    enum State {
        Idle,
        Running,
        Succeeded,
        Failed,
        Cancelled,
        InUse,
        InvalidCopy,
        Incomplete,
        NotSent
    };
    Q_ENUM(State)
    enum Kind { NoJob, Backup, Restore };
    Q_ENUM(Kind)

    explicit JobController(QObject *parent = nullptr);
    ~JobController() override;

    Q_INVOKABLE bool startBackup(Resguarda::BackupSettings *settings,
                                 Resguarda::CompanyModel *companies);
    Q_INVOKABLE bool startRestore(Resguarda::RestoreSettings *settings);
    Q_INVOKABLE void cancel();
    // Back to Idle after a finished job (the wizard starts again).
    Q_INVOKABLE void reset();
    // Blocks until the running job ends (tests and the quit confirmation).
    bool waitForFinished(int timeoutMs = -1);

    State state() const { return m_state; }
    Kind kind() const { return m_kind; }
    bool running() const { return m_state == Running; }
    QString phaseText() const;
    bool phaseMeasured() const;
    double progress() const;
    QString progressText() const;
    bool canCancel() const;
    bool cancelling() const { return m_state == Running && m_cancelRequested; }
    QString cancelQuestion() const;
    bool workDone() const { return m_state == Succeeded || m_state == Incomplete; }
    QString outcomeLabel() const;
    QString outcomeTitle() const;
    bool wroteProtected() const { return m_wroteProtected; }
    qint64 filesDone() const { return m_progress.filesDone; }
    qint64 filesTotal() const { return m_progress.filesTotal; }
    qint64 bytesDone() const { return m_progress.bytesDone; }
    qint64 bytesTotal() const { return m_progress.bytesTotal; }
    QString rateText() const;
    int etaSeconds() const;
    QString etaText() const;
    QString currentCompany() const;
    QString resultText() const { return m_resultText; }
    QStringList resultPaths() const { return m_resultPaths; }
    QString safetyCopyPath() const { return m_safetyCopyPath; }
    QString errorText() const { return m_errorText; }
    QStringList notes() const { return m_notes; }
    int exitCode() const { return m_exitCode; }
    qint64 leftOutCount() const { return m_leftOutCount; }
    QStringList leftOutLines() const { return m_leftOutLines; }
    QStringList sentLines() const { return m_sentLines; }
    QString sendingTo() const { return m_sendingTo; }

Q_SIGNALS:
    void stateChanged();
    void progressChanged();
    void finished(); // the job ended, whatever the outcome
    void cancelRequested(); // reaches the running job's cancel() directly (an atomic flag)

private:
    // What a job hands back from the worker thread.
    struct Outcome
    {
        OperationError error;
        QStringList paths;
        QString safetyCopy;
        QStringList notes;
        qint64 leftOut = 0;
        QStringList leftOutLines;
        QStringList sentLines;
        OperationError offsiteError; // the copies were made; sending them was not
    };

    void setProgress(const JobProgress &progress);
    void finish(const Outcome &outcome);
    // extraWork: bytes of work the reports of the first pass do not count
    // (a restore's safety copy, written and read back).
    void begin(Kind kind, qint64 extraWork);
    void refuse(Kind kind, const QString &problem);
    void clearResults();
    double totalWork() const;
    void launch(QObject *job, std::function<Outcome()> work);

    State m_state = Idle;
    Kind m_kind = NoJob;
    JobProgress m_progress;
    QString m_resultText;
    QStringList m_resultPaths;
    QString m_safetyCopyPath;
    QString m_errorText;
    QStringList m_notes;
    int m_exitCode = 0;
    qint64 m_leftOutCount = 0;
    QStringList m_leftOutLines;
    QStringList m_sentLines;
    QString m_sendingTo;
    // The wizard's settings of the running backup: its "allow an incomplete
    // copy" is turned off once the backup ends.
    QPointer<BackupSettings> m_backupSettings;
    QThread m_thread;
    QPointer<QObject> m_job; // lives on m_thread while running
    QElapsedTimer m_clock;
    double m_smoothedRate = 0; // bytes per second, as shown
    double m_smoothedWorkRate = 0; // work per second, for the ETA (verification weighs less)
    double m_work = 0; // done so far, in weighted bytes
    double m_extraWork = 0;
    qint64 m_extractBytes = 0;
    qint64 m_writeBytes = 0; // a backup's bytes to copy, all copies together
    double m_progressValue = 0; // of the phase; never goes back within it
    qint64 m_lastProgressMs = 0;
    bool m_cancelRequested = false; // a failure after cancel() is a cancellation
    bool m_wroteProtected = false;
};

} // namespace Resguarda
