// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "restore/newerdata.h"
#include "restore/restoreoptions.h"
#include "ui/companymodel.h"
#include "ui/restoreplanmodel.h"
#include "ui/worker.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <memory>

namespace Resguarda {

class OpenedCopy;

// The restore wizard's choices (the procedure's "Restauração de Dados" screen)
// and what it shows of the chosen copy: its details from the manifest, its
// companies (into a CompanyModel), and the plan (into a RestorePlanModel),
// recomputed whenever a choice changes.
class RestoreSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString root READ root WRITE setRoot NOTIFY changed)
    Q_PROPERTY(QString copyPath READ copyPath NOTIFY copyChanged)
    // True while openCopy() unpacks and checks a copy on a worker thread;
    // openingName is the file being opened, for the page to say so.
    Q_PROPERTY(bool opening READ opening NOTIFY openingChanged)
    Q_PROPERTY(QString openingName READ openingName NOTIFY openingChanged)
    // True while openRemoteCopy() fetches the copy from its remote (opening
    // is true then too); the bytes as rclone counts them, for a progress bar.
    Q_PROPERTY(bool fetching READ fetching NOTIFY openingChanged)
    Q_PROPERTY(double fetchBytesDone READ fetchBytesDone NOTIFY fetchProgressChanged)
    Q_PROPERTY(double fetchBytesTotal READ fetchBytesTotal NOTIFY fetchProgressChanged)
    // 0 to 1; 0 until rclone says how far it got.
    Q_PROPERTY(double fetchFraction READ fetchFraction NOTIFY fetchProgressChanged)
    Q_PROPERTY(QString fetchProgressText READ fetchProgressText NOTIFY fetchProgressChanged)
    // The remote the copy open came from ("NAME:FOLDER/CopiaAT.zip"),
    // display-safe; empty for a local copy.
    Q_PROPERTY(QString copyOrigin READ copyOrigin NOTIFY copyChanged)
    Q_PROPERTY(bool copyOpen READ copyOpen NOTIFY copyChanged)
    Q_PROPERTY(
        QString copyError READ copyError NOTIFY copyChanged) // why the chosen file cannot be used
    // The file chosen is a protected copy and waits for its password
    // (openWithPassword()); passwordError says why the last one did not
    // open it ("not the password"), empty before the first try.
    Q_PROPERTY(bool copyNeedsPassword READ copyNeedsPassword NOTIFY copyChanged)
    Q_PROPERTY(QString passwordError READ passwordError NOTIFY copyChanged)
    // The copy open is a protected one (opened with its password).
    Q_PROPERTY(bool copyProtected READ copyProtected NOTIFY copyChanged)
    Q_PROPERTY(QString copySystemCode READ copySystemCode NOTIFY copyChanged)
    Q_PROPERTY(QString copySystemName READ copySystemName NOTIFY copyChanged)
    Q_PROPERTY(QDateTime copyCreatedAt READ copyCreatedAt NOTIFY copyChanged)
    Q_PROPERTY(
        QString copyCreatedText READ copyCreatedText NOTIFY copyChanged) // "26/11/2026 15:30"
    // Counts and sizes are double for QML: JS gets a number either way, and Qt 6.4's
    // tooling (qmllint) knows no qint64. Exact up to 2^53.
    Q_PROPERTY(double copyFileSize READ copyFileSize NOTIFY copyChanged)
    Q_PROPERTY(bool copyHasTemplates READ copyHasTemplates NOTIFY copyChanged)
    Q_PROPERTY(int copyArchiveFromYear READ copyArchiveFromYear NOTIFY copyChanged) // 0: all years
    // The copy was made with files left out (its manifest lists them): the
    // wizard says so before anything else, with each item and why.
    Q_PROPERTY(bool copyIncomplete READ copyIncomplete NOTIFY copyChanged)
    Q_PROPERTY(double copyLeftOutCount READ copyLeftOutCount NOTIFY copyChanged)
    Q_PROPERTY(QStringList copyLeftOutLines READ copyLeftOutLines NOTIFY copyChanged)
    Q_PROPERTY(bool replaceAll READ replaceAll WRITE setReplaceAll NOTIFY changed)
    Q_PROPERTY(bool templates READ templates WRITE setTemplates NOTIFY changed)
    Q_PROPERTY(bool leaveOutArchived READ leaveOutArchived WRITE setLeaveOutArchived NOTIFY changed)
    Q_PROPERTY(int archiveFromYear READ archiveFromYear WRITE setArchiveFromYear NOTIFY changed)
    // The range of archiveFromYear (ArchiveYears), for the year field.
    Q_PROPERTY(int minimumYear READ minimumYear CONSTANT)
    Q_PROPERTY(int maximumYear READ maximumYear CONSTANT)
    Q_PROPERTY(bool safetyCopy READ safetyCopy WRITE setSafetyCopy NOTIFY changed)
    // The copy's companies, with check boxes.
    Q_PROPERTY(Resguarda::CompanyModel *companies READ companies CONSTANT)
    Q_PROPERTY(Resguarda::RestorePlanModel *plan READ plan CONSTANT)
    // True while the plan for the current choices is worked out on a worker
    // thread (it reads the whole installation); the plan shown is then empty.
    Q_PROPERTY(bool planning READ planning NOTIFY changed)
    Q_PROPERTY(QString validationError READ validationError NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    // The installation's companies are being compared with the copy's date
    // (NewerData), off the GUI thread.
    Q_PROPERTY(bool checkingNewerData READ checkingNewerData NOTIFY newerDataChanged)

public:
    explicit RestoreSettings(QObject *parent = nullptr);
    ~RestoreSettings() override;

    QString root() const;
    void setRoot(const QString &root);
    // Starts opening path (a copy or a container holding one) on a worker
    // thread: unpacking a container and checking the whole central
    // directory take seconds on big copies. The copy open before is closed
    // at once; copyOpened() says how it went: with ok, companies() (all
    // selected) and the plan are filled; without, copyError says why it is
    // not a usable copy. A newer openCopy(), closeCopy() or cancelOpening()
    // drops an unfinished one.
    // A protected copy does not open without its password: copyOpened(false)
    // with copyNeedsPassword, and no copyError.
    Q_INVOKABLE void openCopy(const QString &path);
    // Fetches the copy at remoteSpec ("NAME:FOLDER/CopiaAT.zip", checked by
    // RemoteLocation) into a temporary folder of its own, on a worker
    // thread, then opens it as openCopy() does (a protected one asks for its
    // password). fetching and the fetch* properties follow the download;
    // cancelOpening() stops rclone. The fetched file is removed when the
    // copy is closed, another is opened, the download or the opening fails,
    // or these settings are destroyed (a restore running from it keeps it
    // until it ends: copyKeepAlive()). toOptions().copyOrigin is remoteSpec.
    Q_INVOKABLE void openRemoteCopy(const QString &remoteSpec);
    // Opens the protected copy waiting for its password with password, on
    // a worker thread (it is decrypted and checked whole, about a second a
    // gigabyte). A wrong one leaves it waiting, with passwordError. The
    // password is kept in memory only, for the restore (toOptions()), and
    // forgotten when the copy is closed.
    Q_INVOKABLE void openWithPassword(const QString &password);
    Q_INVOKABLE void cancelOpening();
    Q_INVOKABLE void closeCopy();
    // Starts working out the plan from the current choices and selection,
    // on a worker thread; planning is true until it is shown.
    Q_INVOKABLE void updatePlan();
    bool planning() const { return m_planner.running() || m_planTimer.isActive(); }

    QString copyPath() const;
    bool opening() const { return m_opener.running() || m_fetcher.running(); }
    QString openingName() const;
    bool fetching() const { return m_fetcher.running(); }
    double fetchBytesDone() const { return double(m_fetchDone); }
    double fetchBytesTotal() const { return double(m_fetchTotal); }
    double fetchFraction() const;
    QString fetchProgressText() const;
    QString copyOrigin() const;
    // Holds the fetched file of the copy open (if it came from a remote)
    // for as long as the caller keeps it: the restore job reads it after
    // the wizard may be gone.
    std::shared_ptr<const void> copyKeepAlive() const { return m_download; }
    bool copyOpen() const;
    QString copyError() const;
    bool copyNeedsPassword() const { return !m_passwordPath.isEmpty() && !m_copy; }
    QString passwordError() const { return m_passwordError; }
    bool copyProtected() const;
    QString copySystemCode() const;
    QString copySystemName() const;
    QDateTime copyCreatedAt() const;
    QString copyCreatedText() const;
    qint64 copyFileSize() const;
    bool copyHasTemplates() const;
    int copyArchiveFromYear() const;
    bool copyIncomplete() const;
    qint64 copyLeftOutCount() const;
    QStringList copyLeftOutLines() const;
    bool replaceAll() const;
    void setReplaceAll(bool on);
    bool templates() const;
    void setTemplates(bool on);
    bool leaveOutArchived() const;
    void setLeaveOutArchived(bool on);
    int archiveFromYear() const;
    int minimumYear() const;
    int maximumYear() const;
    void setArchiveFromYear(int year);
    bool safetyCopy() const;
    void setSafetyCopy(bool on);
    CompanyModel *companies() const;
    RestorePlanModel *plan() const;
    QString validationError() const;
    bool valid() const { return validationError().isEmpty(); }

    RestoreOptions toOptions() const;
    bool checkingNewerData() const { return m_newerScan.running(); }
    // The companies of the copy whose data here is newer than it, once
    // checked.
    const QList<NewerCompany> &newerCompanies() const { return m_newer; }

Q_SIGNALS:
    void changed();
    void copyChanged();
    void openingChanged();
    void copyOpened(bool ok);
    void fetchProgressChanged();
    void newerDataChanged();

private:
    struct Opened
    {
        std::shared_ptr<OpenedCopy> copy;
        QString error;
        QSet<QString> installed; // codes of the copy's system already in root
        bool needsPassword = false; // protected: no password given, or not this one
    };
    static Opened openOnWorker(const QString &path, const QString &root, const QByteArray &password,
                               const std::atomic_bool &cancelled);
    void startOpening(const QString &path, const QByteArray &password);
    // Closes the copy (or drops its opening) but keeps a fetched file.
    void closeOpened();
    // Stops fetching and opening; whether anything was under way.
    bool stopWork();
    // Removes the fetched file, if any.
    void forgetDownload();
    struct Fetched
    {
        QString path; // the file fetched, empty on failure
        QString error;
    };
    void finishFetching(const Fetched &fetched);
    void pollFetchProgress();
    void forgetPassword();
    void finishOpening(const Opened &opened, const QString &path);

    void choiceChanged();
    void schedulePlanUpdate();
    // Starts comparing the installation with the open copy (again).
    void checkNewerData();
    void applyNewerData(const QHash<QString, QDateTime> &changes);

    RestoreOptions m_options;
    bool m_leaveOutArchived = false;
    int m_archiveFromYear = 0;
    QString m_copyError;
    std::shared_ptr<OpenedCopy> m_copy;
    WorkerTask m_opener;
    WorkerTask m_planner;
    QString m_openingPath;
    // The protected copy waiting for its password, and why the last one failed.
    QString m_passwordPath;
    QString m_passwordError;
    CompanyModel *m_companies;
    RestorePlanModel *m_plan;
    QString m_planError; // why RestorePlan::make refused the current choices
    QTimer m_planTimer; // coalesces a burst of changes into one updatePlan()
    QList<NewerCompany> m_newer;
    WorkerTask m_newerScan; // the NewerData walk

    // A copy from a remote: its temporary folder (shared with the worker
    // fetching into it, and with a restore reading from it) and its spec.
    struct FetchCounters
    {
        std::atomic<qint64> done {0};
        std::atomic<qint64> total {0};
    };
    WorkerTask m_fetcher;
    std::shared_ptr<QTemporaryDir> m_download;
    QString m_remoteSpec;
    // Written by rclone's progress on the worker, read here by m_fetchTimer.
    std::shared_ptr<FetchCounters> m_fetchCounters;
    QTimer m_fetchTimer;
    qint64 m_fetchDone = 0;
    qint64 m_fetchTotal = 0;
};

} // namespace Resguarda
