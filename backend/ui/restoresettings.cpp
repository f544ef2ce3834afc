// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/restoresettings.h"

#include "copy/copycontainer.h"
#include "core/displaytext.h"
#include "core/filesystem.h"
#include "installation/archiveyears.h"
#include "installation/installation.h"
#include "offsite/remotelocation.h"
#include "offsite/remotestore.h"
#include "restore/restoreplan.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>

#include <optional>

namespace Resguarda {

RestoreSettings::RestoreSettings(QObject *parent)
    : QObject(parent)
    , m_archiveFromYear(ArchiveYears::defaultFrom())
    , m_companies(new CompanyModel(this))
    , m_plan(new RestorePlanModel(this))
{
    // Ticking companies one by one, or "select all" on thousands of them,
    // asks for many plans in a row; one, at the end of the burst, is enough.
    m_planTimer.setSingleShot(true);
    m_planTimer.setInterval(0);
    connect(&m_planTimer, &QTimer::timeout, this, &RestoreSettings::updatePlan);
    connect(m_companies, &CompanyModel::selectionChanged, this,
            &RestoreSettings::schedulePlanUpdate);
    // Whenever another copy is open, or none.
    connect(this, &RestoreSettings::copyChanged, this, &RestoreSettings::checkNewerData);
    connect(this, &RestoreSettings::newerDataChanged, this, &RestoreSettings::changed);
    // rclone reports about four times a second.
    m_fetchTimer.setInterval(100);
    connect(&m_fetchTimer, &QTimer::timeout, this, &RestoreSettings::pollFetchProgress);
}

RestoreSettings::~RestoreSettings()
{
    forgetPassword();
    // The workers are told to stop (their WorkerTasks); the fetched folder
    // goes with the last of its owners, this object or the worker.
    stopWork();
    forgetDownload();
}

void RestoreSettings::forgetPassword()
{
    // Overwritten where this object holds the only copy (a worker still
    // opening or planning has its own until it ends).
    m_options.password.fill('\0');
    m_options.password.clear();
}

void RestoreSettings::checkNewerData()
{
    m_newerScan.cancel();
    m_newer.clear();
    m_companies->setNewerTexts({});
    m_plan->setNewerData({});
    if (!m_copy || m_options.root.isEmpty()) {
        Q_EMIT newerDataChanged();
        return;
    }
    const Manifest &manifest = m_copy->reader().manifest();
    QStringList codes;
    for (const auto &company : manifest.companies)
        codes.append(company.code);
    const QString root = m_options.root;
    const QString system = manifest.system.code;
    m_newerScan.start(
        this,
        [root, system, codes](const std::atomic_bool &cancelled) {
            OperationError error;
            const auto installation = Installation::open(root, &error);
            QHash<QString, QDateTime> changes;
            if (installation)
                changes = NewerData::newestChanges(*installation, system, codes, &cancelled);
            return changes;
        },
        [this](const QHash<QString, QDateTime> &changes) { applyNewerData(changes); });
    Q_EMIT newerDataChanged();
}

void RestoreSettings::applyNewerData(const QHash<QString, QDateTime> &changes)
{
    m_newerScan.finished();
    if (!m_copy) {
        Q_EMIT newerDataChanged();
        return;
    }
    m_newer = NewerData::compare(m_copy->reader().manifest(), changes);
    QHash<QString, QString> texts;
    for (const auto &company : std::as_const(m_newer))
        texts.insert(company.code, NewerData::describe(company));
    m_companies->setNewerTexts(texts);
    m_plan->setNewerData(m_newer);
    Q_EMIT newerDataChanged();
}

QString RestoreSettings::root() const
{
    return m_options.root;
}

void RestoreSettings::setRoot(const QString &root)
{
    const QString cleaned = root.isEmpty() ? QString() : QDir::cleanPath(root);
    if (cleaned == m_options.root)
        return;
    m_options.root = cleaned;
    // Which companies already exist depends on the installation.
    if (m_copy) {
        m_companies->loadManifest(m_copy->reader().manifest(), m_options.root);
        updatePlan();
        checkNewerData();
    }
    Q_EMIT changed();
}

void RestoreSettings::openCopy(const QString &path)
{
    // A local copy: a copy fetched before is no longer wanted.
    closeCopy();
    startOpening(path, {});
}

void RestoreSettings::openRemoteCopy(const QString &remoteSpec)
{
    closeCopy();
    auto fail = [this](const QString &why) {
        m_copyError = why;
        Q_EMIT copyChanged();
        Q_EMIT changed();
        Q_EMIT copyOpened(false);
    };
    QString problem;
    const auto location = RemoteLocation::parse(remoteSpec, &problem);
    if (!location)
        return fail(problem);
    // A folder of its own, private to this user (QTemporaryDir makes it
    // 0700), removed with its last owner.
    auto folder = std::make_shared<QTemporaryDir>(
        QDir(QDir::tempPath()).filePath(QStringLiteral("resguarda-fetched-XXXXXX")));
    if (!folder->isValid())
        return fail(tr("No temporary folder can be made in %1: %2")
                        .arg(QDir::toNativeSeparators(QDir::tempPath()), folder->errorString()));
    m_download = folder;
    m_remoteSpec = location->spec();
    m_openingPath = m_remoteSpec;
    auto counters = std::make_shared<FetchCounters>();
    m_fetchCounters = counters;
    m_fetchDone = 0;
    m_fetchTotal = 0;
    m_fetcher.start(
        this,
        [location = *location, folder, counters](const std::atomic_bool &cancelled) mutable {
            Fetched fetched;
            const OperationError error = RemoteStore::download(
                location, folder->path(), &fetched.path,
                [counters](const JobProgress &progress) {
                    counters->total.store(progress.bytesTotal);
                    counters->done.store(progress.bytesDone);
                },
                [&cancelled] { return cancelled.load(); });
            if (error) {
                fetched.path.clear();
                fetched.error = error.message;
            }
            // Let go of the folder before answering: its last owner removes
            // it, the settings once done with it, or this thread at once
            // when the fetch was cancelled.
            folder.reset();
            return fetched;
        },
        [this](const Fetched &fetched) { finishFetching(fetched); });
    m_fetchTimer.start();
    Q_EMIT fetchProgressChanged();
    Q_EMIT openingChanged();
    Q_EMIT changed();
}

void RestoreSettings::finishFetching(const Fetched &fetched)
{
    m_fetcher.finished();
    m_fetchTimer.stop();
    pollFetchProgress();
    if (fetched.path.isEmpty()) {
        // rclone missing, the remote unknown or unreachable, no room: said,
        // and the folder goes.
        forgetDownload();
        m_openingPath.clear();
        m_copyError = fetched.error;
        Q_EMIT openingChanged();
        Q_EMIT copyChanged();
        Q_EMIT changed();
        Q_EMIT copyOpened(false);
        return;
    }
    // From here on, as a local copy (the fetched file is kept).
    startOpening(fetched.path, {});
}

void RestoreSettings::pollFetchProgress()
{
    if (!m_fetchCounters)
        return;
    const qint64 total = m_fetchCounters->total.load();
    // The bar never goes back over the same total (rclone restarting a
    // transfer), nor past it (the two counters are read one after the
    // other while rclone reports).
    qint64 done = m_fetchCounters->done.load();
    if (total == m_fetchTotal)
        done = std::max(done, m_fetchDone);
    if (total > 0)
        done = std::min(done, total);
    if (done == m_fetchDone && total == m_fetchTotal)
        return;
    m_fetchDone = done;
    m_fetchTotal = total;
    Q_EMIT fetchProgressChanged();
}

double RestoreSettings::fetchFraction() const
{
    return m_fetchTotal > 0 ? qBound(0.0, double(m_fetchDone) / double(m_fetchTotal), 1.0) : 0.0;
}

QString RestoreSettings::fetchProgressText() const
{
    if (m_fetchTotal <= 0)
        return tr("Connecting to the remote…");
    return tr("%1 of %2")
        .arg(FileSystem::formatSize(m_fetchDone), FileSystem::formatSize(m_fetchTotal));
}

QString RestoreSettings::copyOrigin() const
{
    return DisplayText::displaySafe(m_options.copyOrigin);
}

void RestoreSettings::forgetDownload()
{
    m_download.reset();
    m_remoteSpec.clear();
    m_options.copyOrigin.clear();
    m_fetchCounters.reset();
    m_fetchTimer.stop();
}

void RestoreSettings::openWithPassword(const QString &password)
{
    if (m_passwordPath.isEmpty() || opening())
        return;
    startOpening(m_passwordPath, password.toUtf8());
}

void RestoreSettings::startOpening(const QString &path, const QByteArray &password)
{
    // Trying another password keeps the prompt; choosing a file starts afresh.
    const QString waiting = !password.isEmpty() && path == m_passwordPath ? path : QString();
    closeOpened();
    m_passwordPath = waiting;
    m_openingPath = path;
    m_opener.start(
        this,
        [path, root = m_options.root, password](const std::atomic_bool &cancelled) {
            return openOnWorker(path, root, password, cancelled);
        },
        [this, path, password](const Opened &opened) {
            if (opened.copy)
                m_options.password = password; // for the restore, which opens it again
            finishOpening(opened, path);
        });
    Q_EMIT openingChanged();
    Q_EMIT changed();
}

RestoreSettings::Opened RestoreSettings::openOnWorker(const QString &path, const QString &root,
                                                      const QByteArray &password,
                                                      const std::atomic_bool &cancelled)
{
    Opened opened;
    OperationError error;
    // Unpacking a container stops as soon as the result is no longer wanted.
    auto copy = OpenedCopy::open(
        path, QString(), &error, [&cancelled](qint64) { return !cancelled.load(); }, password);
    if (!copy) {
        opened.error = error.message;
        // Without a password: the prompt is enough, no error is shown yet.
        opened.needsPassword = error.code == ExitCode::Password;
        if (opened.needsPassword && password.isEmpty())
            opened.error.clear();
        return opened;
    }
    // The same check restore makes before touching anything: a copy with
    // unsafe names, missing or extra entries is refused here already.
    const auto &problems = copy->reader().structuralProblems();
    if (!problems.isEmpty()) {
        opened.error
            = tr("%1 is damaged or was altered, and cannot be restored: %2 Use another copy.")
                  .arg(copy->displayName(), problems.first().message);
        return opened;
    }
    opened.installed = CompanyModel::installedCodes(root, copy->reader().manifest().system.code);
    opened.copy = std::move(copy);
    return opened;
}

void RestoreSettings::finishOpening(const Opened &opened, const QString &path)
{
    m_opener.finished();
    m_openingPath.clear();
    m_passwordError.clear();
    // A fetched copy is named by where it came from, not by the temporary
    // file.
    const bool fetched = m_download && !m_remoteSpec.isEmpty();
    QString error = opened.error;
    if (fetched)
        error.replace(QDir::toNativeSeparators(path), m_remoteSpec);
    if (opened.needsPassword) {
        m_passwordPath = path;
        m_passwordError = error;
    } else if (!opened.copy) {
        m_passwordPath.clear();
        m_copyError = error;
        // Damaged or not a copy: nothing to keep it for.
        forgetDownload();
    } else {
        m_passwordPath.clear();
        m_copy = opened.copy;
        m_options.copyPath = path;
        m_options.copyOrigin = fetched ? m_remoteSpec : QString();
        m_companies->loadManifest(m_copy->reader().manifest(), opened.installed);
        updatePlan();
    }
    Q_EMIT openingChanged();
    Q_EMIT copyChanged();
    Q_EMIT changed();
    Q_EMIT copyOpened(m_copy != nullptr);
}

bool RestoreSettings::stopWork()
{
    if (!opening())
        return false;
    // The workers see it: rclone is stopped, an unpacking ends.
    m_fetcher.cancel();
    m_fetchTimer.stop();
    m_opener.cancel();
    m_openingPath.clear();
    return true;
}

void RestoreSettings::cancelOpening()
{
    if (!stopWork())
        return;
    // Fetched (or half fetched) for nothing: it goes now, unless its
    // password prompt is still shown.
    if (m_passwordPath.isEmpty())
        forgetDownload();
    Q_EMIT openingChanged();
    Q_EMIT changed();
}

QString RestoreSettings::openingName() const
{
    return DisplayText::displaySafe(QFileInfo(m_openingPath).fileName());
}

void RestoreSettings::closeCopy()
{
    closeOpened();
    forgetDownload();
}

void RestoreSettings::closeOpened()
{
    if (stopWork()) {
        Q_EMIT openingChanged();
        Q_EMIT changed();
    }
    m_planner.cancel();
    const bool hadSomething = m_copy || !m_copyError.isEmpty() || !m_passwordPath.isEmpty();
    m_planTimer.stop();
    m_copy.reset();
    m_copyError.clear();
    m_passwordPath.clear();
    m_passwordError.clear();
    forgetPassword();
    m_options.copyPath.clear();
    m_options.copyOrigin.clear();
    m_planError.clear();
    m_companies->clear();
    m_plan->clear();
    if (hadSomething) {
        Q_EMIT copyChanged();
        Q_EMIT changed();
    }
}

void RestoreSettings::updatePlan()
{
    m_planTimer.stop();
    m_planError.clear();
    m_plan->clear();
    // Nothing selected would mean "everything" to RestoreOptions.
    if (!m_copy || !m_companies->selectionError().isEmpty()) {
        m_planner.cancel();
        Q_EMIT changed();
        return;
    }
    struct Planned
    {
        std::optional<RestorePlan> plan;
        QString error;
    };
    const std::shared_ptr<OpenedCopy> copy = m_copy;
    m_planner.start(
        this,
        [copy, options = toOptions()](const std::atomic_bool &) {
            // Reads the manifest only: the GUI thread never changes it.
            Planned planned;
            OperationError error;
            const auto installation = Installation::open(options.root, &error);
            if (installation)
                planned.plan
                    = RestorePlan::make(copy->reader().manifest(), *installation, options, &error);
            if (!planned.plan)
                planned.error = error.message;
            return planned;
        },
        [this, copy](const Planned &planned) {
            m_planner.finished();
            if (copy != m_copy)
                return;
            if (planned.plan)
                m_plan->setPlan(*planned.plan, &m_copy->reader().manifest());
            else
                m_planError = planned.error;
            Q_EMIT changed();
        });
    Q_EMIT changed();
}

QString RestoreSettings::copyPath() const
{
    // Shown only; toOptions() keeps the real path. A fetched copy is shown
    // as where it came from.
    return DisplayText::displaySafe(m_options.copyOrigin.isEmpty() ? m_options.copyPath
                                                                   : m_options.copyOrigin);
}

bool RestoreSettings::copyOpen() const
{
    return m_copy != nullptr;
}

bool RestoreSettings::copyProtected() const
{
    return m_copy && m_copy->isProtected();
}

QString RestoreSettings::copyError() const
{
    return m_copyError;
}

QString RestoreSettings::copySystemCode() const
{
    return m_copy ? DisplayText::displaySafe(m_copy->reader().manifest().system.code) : QString();
}

QString RestoreSettings::copySystemName() const
{
    return m_copy ? DisplayText::displaySafe(m_copy->reader().manifest().system.name) : QString();
}

QDateTime RestoreSettings::copyCreatedAt() const
{
    return m_copy ? m_copy->reader().manifest().createdAt : QDateTime();
}

QString RestoreSettings::copyCreatedText() const
{
    const QDateTime created = copyCreatedAt();
    return created.isValid() ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat)
                             : QString();
}

qint64 RestoreSettings::copyFileSize() const
{
    return m_copy ? m_copy->originalSize() : 0;
}

bool RestoreSettings::copyHasTemplates() const
{
    return m_copy && m_copy->reader().manifest().templateFiles > 0;
}

int RestoreSettings::copyArchiveFromYear() const
{
    return m_copy ? m_copy->reader().manifest().options.archiveFromYear : 0;
}

bool RestoreSettings::copyIncomplete() const
{
    return m_copy && m_copy->reader().manifest().isIncomplete();
}

qint64 RestoreSettings::copyLeftOutCount() const
{
    return m_copy ? m_copy->reader().manifest().leftOut.size() : 0;
}

QStringList RestoreSettings::copyLeftOutLines() const
{
    QStringList lines;
    if (!m_copy)
        return lines;
    for (const auto &item : m_copy->reader().manifest().leftOut)
        lines << tr("%1: %2").arg(DisplayText::displaySafe(QDir::toNativeSeparators(item.realPath)),
                                  Installation::skipReasonText(item.reason));
    return lines;
}

bool RestoreSettings::replaceAll() const
{
    return m_options.replaceAll;
}

void RestoreSettings::setReplaceAll(bool on)
{
    if (on == m_options.replaceAll)
        return;
    m_options.replaceAll = on;
    choiceChanged();
}

bool RestoreSettings::templates() const
{
    return m_options.templates;
}

void RestoreSettings::setTemplates(bool on)
{
    if (on == m_options.templates)
        return;
    m_options.templates = on;
    choiceChanged();
}

bool RestoreSettings::leaveOutArchived() const
{
    return m_leaveOutArchived;
}

void RestoreSettings::setLeaveOutArchived(bool on)
{
    if (on == m_leaveOutArchived)
        return;
    m_leaveOutArchived = on;
    choiceChanged();
}

int RestoreSettings::minimumYear() const
{
    return ArchiveYears::minimum;
}

int RestoreSettings::maximumYear() const
{
    return ArchiveYears::maximum();
}

int RestoreSettings::archiveFromYear() const
{
    return m_archiveFromYear;
}

void RestoreSettings::setArchiveFromYear(int year)
{
    if (year == m_archiveFromYear)
        return;
    m_archiveFromYear = year;
    choiceChanged();
}

bool RestoreSettings::safetyCopy() const
{
    return m_options.safetyCopy;
}

void RestoreSettings::setSafetyCopy(bool on)
{
    if (on == m_options.safetyCopy)
        return;
    m_options.safetyCopy = on;
    choiceChanged();
}

CompanyModel *RestoreSettings::companies() const
{
    return m_companies;
}

RestorePlanModel *RestoreSettings::plan() const
{
    return m_plan;
}

QString RestoreSettings::validationError() const
{
    if (fetching())
        return tr("Fetching the copy from the remote…");
    if (opening())
        return tr("Opening the copy…");
    if (!m_copy)
        return m_copyError.isEmpty() ? tr("Choose the copy to restore.") : m_copyError;
    if (m_options.root.isEmpty())
        return tr("Choose the installation to restore into.");
    if (const QString problem = m_companies->selectionError(); !problem.isEmpty())
        return problem;
    if (m_leaveOutArchived && !ArchiveYears::isValid(m_archiveFromYear))
        return tr("Choose a year between %1 and %2 from which the annual and monthly tables are "
                  "restored.")
            .arg(minimumYear())
            .arg(maximumYear());
    if (planning())
        return tr("Working out what the restore will do…");
    // The confirmation must name the companies whose newer data would be
    // lost before the restore may start.
    if (checkingNewerData())
        return tr("Comparing the installation's data with the copy's date…");
    return m_planError;
}

RestoreOptions RestoreSettings::toOptions() const
{
    RestoreOptions options = m_options;
    options.companies.clear();
    // All selected is the procedure's default: restore everything the copy holds.
    if (!m_companies->allSelected()
        && m_companies->selectedCount() != int(m_companies->codes().size()))
        options.companies = m_companies->selectedCodes();
    options.archiveFromYear = m_leaveOutArchived ? m_archiveFromYear : 0;
    return options;
}

void RestoreSettings::choiceChanged()
{
    schedulePlanUpdate();
}

void RestoreSettings::schedulePlanUpdate()
{
    // validationError follows the selection at once; the plan a moment later
    // (planning from now on).
    if (m_copy)
        m_planTimer.start();
    Q_EMIT changed();
}

} // namespace Resguarda
