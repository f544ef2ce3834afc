// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "offsite/remotelocation.h"
#include "producer/backupoptions.h"
#include "ui/backupsummarymodel.h"
#include "ui/companymodel.h"
#include "ui/worker.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// The backup wizard's choices (the procedure's "Cópia de Segurança" screen), with
// the rules that tie them together checked here, not in QML: the year of
// "Não Considera Arquivos Mortos", a label for an extra copy, "Apaga
// conteúdo do disco de destino" only on a removable volume that is not the
// installation's.
class BackupSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString root READ root WRITE setRoot NOTIFY changed)
    Q_PROPERTY(QString systemCode READ systemCode WRITE setSystemCode NOTIFY changed)
    // Destination: a folder and a file name (default <root>/Copias, Copia<SIS>.zip).
    Q_PROPERTY(
        QString destinationFolder READ destinationFolder WRITE setDestinationFolder NOTIFY changed)
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY changed)
    Q_PROPERTY(QString targetPath READ targetPath NOTIFY
                   changed) // what will be written (rotation/extra applied)
    Q_PROPERTY(bool templates READ templates WRITE setTemplates NOTIFY changed)
    Q_PROPERTY(bool leaveOutArchived READ leaveOutArchived WRITE setLeaveOutArchived NOTIFY changed)
    Q_PROPERTY(int archiveFromYear READ archiveFromYear WRITE setArchiveFromYear NOTIFY changed)
    Q_PROPERTY(bool allSystems READ allSystems WRITE setAllSystems NOTIFY changed)
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY changed)
    Q_PROPERTY(QString extraLabel READ extraLabel WRITE setExtraLabel NOTIFY changed)
    Q_PROPERTY(bool wipeDestination READ wipeDestination WRITE setWipeDestination NOTIFY changed)
    // Write the copy even if some files cannot be copied; it is then marked
    // incomplete. Never remembered: off in every new wizard and again after
    // each backup (JobController turns it off), so that leaving files out is
    // always a choice made for this copy, not a habit.
    Q_PROPERTY(bool allowIncomplete READ allowIncomplete WRITE setAllowIncomplete NOTIFY changed)
    // A protected copy (docs/procedure.md, "Protected copies"): the password
    // typed twice. Held in memory only, for this wizard: never written to
    // the settings nor to any log, and forgotten by clearPassword() (the
    // wizard calls it when it closes) and when this object goes.
    Q_PROPERTY(bool protect READ protect WRITE setProtect NOTIFY changed)
    Q_PROPERTY(QString password READ password WRITE setPassword NOTIFY changed)
    Q_PROPERTY(QString passwordRepeat READ passwordRepeat WRITE setPasswordRepeat NOTIFY changed)
    // Why the password cannot protect the copy (PasswordPolicy, or the two
    // fields differ), translated; empty when it can or protect is off.
    // Kept apart from validationError: it is the options step's, and the
    // destination step must not be held up by it.
    Q_PROPERTY(QString passwordProblem READ passwordProblem NOTIFY changed)
    // PasswordPolicy::strength of password (0 refused … 3 strong), and the word for it.
    Q_PROPERTY(int passwordStrength READ passwordStrength NOTIFY changed)
    Q_PROPERTY(QString passwordStrengthText READ passwordStrengthText NOTIFY changed)
    // Off site (docs/offsite.md): once made and verified, the copies are also
    // sent to remoteFolder of the rclone remote remoteName; no remote, no
    // sending. Credentials stay in rclone's configuration: only the names
    // are here.
    Q_PROPERTY(QString remoteName READ remoteName WRITE setRemoteName NOTIFY changed)
    Q_PROPERTY(QString remoteFolder READ remoteFolder WRITE setRemoteFolder NOTIFY changed)
    // "NAME:FOLDER" as shown and as rclone takes it; empty when none is
    // chosen or the folder cannot be used (validationError says why).
    Q_PROPERTY(QString remoteSpec READ remoteSpec NOTIFY changed)
    // Facts about the destination, for the warnings and the wipe option.
    Q_PROPERTY(bool destinationOnInstallationDisk READ destinationOnInstallationDisk NOTIFY changed)
    Q_PROPERTY(bool destinationRemovable READ destinationRemovable NOTIFY changed)
    Q_PROPERTY(bool canWipeDestination READ canWipeDestination NOTIFY changed)
    // Sizes are double for QML: JS gets a number either way, and Qt 6.4's
    // tooling (qmllint) knows no qint64. Exact up to 2^53.
    Q_PROPERTY(double destinationFreeBytes READ destinationFreeBytes NOTIFY changed)
    Q_PROPERTY(QString destinationLabel READ destinationLabel NOTIFY changed)
    Q_PROPERTY(double destinationTotalBytes READ destinationTotalBytes NOTIFY changed)
    // What "Apaga conteúdo do disco de destino" would erase: files at the volume.
    // Counted on a worker thread (a pen drive may hold 100,000 files):
    // countingWipeFiles is true meanwhile and wipeFileCount is 0.
    Q_PROPERTY(int wipeFileCount READ wipeFileCount NOTIFY changed)
    Q_PROPERTY(bool countingWipeFiles READ countingWipeFiles NOTIFY changed)
    Q_PROPERTY(int minimumYear READ minimumYear CONSTANT)
    Q_PROPERTY(int maximumYear READ maximumYear CONSTANT)
    // Empty when the choices can be used; otherwise a sentence saying what to fix.
    Q_PROPERTY(QString validationError READ validationError NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    // What each copy will hold, per system; filled by prepareSummary().
    Q_PROPERTY(Resguarda::BackupSummaryModel *summary READ summary CONSTANT)

public:
    // Plain copy, one set per weekday (the procedure's "jogos de backup"), or an extra copy.
    enum Mode { Single, Weekday, Extra };
    Q_ENUM(Mode)

    explicit BackupSettings(QObject *parent = nullptr);
    ~BackupSettings() override;

    QString root() const;
    void setRoot(const QString &root); // also resets the destination to <root>/Copias
    QString systemCode() const;
    void setSystemCode(const QString &code);
    QString destinationFolder() const;
    void setDestinationFolder(const QString &folder);
    QString fileName() const;
    void setFileName(const QString &name);
    QString targetPath() const;
    bool templates() const;
    void setTemplates(bool on);
    bool leaveOutArchived() const;
    void setLeaveOutArchived(bool on);
    int archiveFromYear() const;
    void setArchiveFromYear(int year);
    bool allSystems() const;
    void setAllSystems(bool on);
    Mode mode() const;
    void setMode(Mode mode);
    QString extraLabel() const;
    void setExtraLabel(const QString &label);
    bool wipeDestination() const;
    void setWipeDestination(bool on);
    bool allowIncomplete() const;
    void setAllowIncomplete(bool on);
    bool protect() const;
    void setProtect(bool on);
    QString password() const;
    void setPassword(const QString &password);
    QString passwordRepeat() const;
    void setPasswordRepeat(const QString &password);
    QString passwordProblem() const;
    int passwordStrength() const;
    QString passwordStrengthText() const;
    QString remoteName() const { return m_remoteName; }
    void setRemoteName(const QString &name);
    QString remoteFolder() const { return m_remoteFolder; }
    void setRemoteFolder(const QString &folder);
    QString remoteSpec() const;
    // Where the copies are sent; nothing when no remote is chosen or the
    // choice cannot be used.
    std::optional<RemoteLocation> remoteLocation(QString *problem = nullptr) const;
    // Forgets the password (both fields) and turns protection off.
    Q_INVOKABLE void clearPassword();

    bool destinationOnInstallationDisk() const;
    bool destinationRemovable() const;
    bool canWipeDestination() const;
    qint64 destinationFreeBytes() const;
    qint64 destinationTotalBytes() const;
    QString destinationLabel() const;
    int wipeFileCount() const;
    bool countingWipeFiles() const { return m_wipeCounter.running(); }
    int minimumYear() const;
    int maximumYear() const;
    QString validationError() const;
    bool valid() const { return validationError().isEmpty(); }

    // The options for BackupJob, with the companies selected in companies
    // (all selected: no --companies, as the procedure's default).
    BackupOptions toOptions(const CompanyModel *companies) const;

    // The clock, injectable for tests; invalid = now.
    void setNow(const QDateTime &now);

    BackupSummaryModel *summary() const { return m_summary; }
    // When the summary is shown: fixes the time the copy's name is made
    // from (targetPath and the job then use that name, whatever the clock
    // says later) and computes what each copy will hold.
    Q_INVOKABLE void prepareSummary(Resguarda::CompanyModel *companies);

Q_SIGNALS:
    void changed();

private:
    void refreshDestinationFacts();
    void wipePassword();
    QString defaultFolder() const; // <root>/Copias
    QString defaultFileName() const; // Copia<SIS>.zip
    QDateTime now() const;

    BackupOptions m_options;
    QString m_destinationFolder;
    QString m_fileName; // what the user typed; used only when m_fileNameEdited
    bool m_fileNameEdited = false;
    bool m_leaveOutArchived = false;
    int m_archiveFromYear = 0;
    Mode m_mode = Single;
    bool m_wipeDestination = false;
    bool m_protect = false;
    QString m_remoteName;
    QString m_remoteFolder = RemoteLocation::defaultFolder();
    QString m_password;
    QString m_passwordRepeat;
    bool m_destinationOnInstallationDisk = false;
    bool m_destinationRemovable = false;
    bool m_canWipeDestination = false;
    qint64 m_destinationFreeBytes = -1;
    qint64 m_destinationTotalBytes = -1;
    QString m_destinationLabel;
    int m_wipeFileCount = 0;
    WorkerTask m_wipeCounter;
    QDateTime m_now;
    QDateTime m_nameTime; // set by prepareSummary()
    BackupSummaryModel *m_summary = nullptr;
};

} // namespace Resguarda
