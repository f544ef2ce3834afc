// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backupsettings.h"

#include "installation/archiveyears.h"

#include "backup/backupjob.h"
#include "core/filesystem.h"
#include "core/passwordpolicy.h"
#include "installation/installation.h"
#include "producer/copynaming.h"
#include "storage/volume.h"
#include "storage/volumewalk.h"
#include "ui/companymodel.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace Resguarda {

namespace {

// Counting stops here: the confirmation says "more than 100,000 files"
// rather than making the user wait for a full count of a big disk.
constexpr int wipeCountLimit = 100000;

} // namespace

BackupSettings::BackupSettings(QObject *parent)
    : QObject(parent)
    , m_archiveFromYear(ArchiveYears::defaultFrom())
    , m_summary(new BackupSummaryModel(this))
{
}

BackupSettings::~BackupSettings()
{
    wipePassword();
}

QString BackupSettings::root() const
{
    return m_options.root;
}

void BackupSettings::setRoot(const QString &root)
{
    const QString cleaned = root.isEmpty() ? QString() : QDir::cleanPath(root);
    if (cleaned == m_options.root)
        return;
    m_options.root = cleaned;
    m_destinationFolder = defaultFolder();
    m_wipeDestination = false;
    refreshDestinationFacts();
    Q_EMIT changed();
}

QString BackupSettings::systemCode() const
{
    return m_options.systemCode;
}

void BackupSettings::setSystemCode(const QString &code)
{
    if (code == m_options.systemCode)
        return;
    m_options.systemCode = code;
    if (!m_fileNameEdited)
        m_fileName.clear(); // follows the system: Copia<SIS>.zip
    Q_EMIT changed();
}

QString BackupSettings::destinationFolder() const
{
    return m_destinationFolder;
}

void BackupSettings::setDestinationFolder(const QString &folder)
{
    const QString cleaned = folder.isEmpty() ? QString() : QDir::cleanPath(folder);
    if (cleaned == m_destinationFolder)
        return;
    m_destinationFolder = cleaned;
    // Emptying was confirmed for one disk; it is never carried to another.
    m_wipeDestination = false;
    refreshDestinationFacts();
    Q_EMIT changed();
}

QString BackupSettings::fileName() const
{
    return m_fileNameEdited ? m_fileName : defaultFileName();
}

void BackupSettings::setFileName(const QString &name)
{
    if (name == fileName())
        return;
    // Typing the default name back makes it follow the system again.
    m_fileNameEdited = name != defaultFileName();
    m_fileName = m_fileNameEdited ? name : QString();
    Q_EMIT changed();
}

void BackupSettings::setRemoteName(const QString &name)
{
    if (name == m_remoteName)
        return;
    m_remoteName = name;
    Q_EMIT changed();
}

void BackupSettings::setRemoteFolder(const QString &folder)
{
    if (folder == m_remoteFolder)
        return;
    m_remoteFolder = folder;
    Q_EMIT changed();
}

std::optional<RemoteLocation> BackupSettings::remoteLocation(QString *problem) const
{
    if (m_remoteName.isEmpty())
        return std::nullopt;
    // The name comes from rclone's list, the folder from the keyboard: both
    // go through the rules of the CLI's --remote.
    return RemoteLocation::inRemote(m_remoteName, m_remoteFolder.trimmed(), problem);
}

QString BackupSettings::remoteSpec() const
{
    const auto location = remoteLocation();
    return location ? location->spec() : QString();
}

QString BackupSettings::targetPath() const
{
    if (m_options.root.isEmpty() || m_options.systemCode.isEmpty() || m_destinationFolder.isEmpty())
        return {};
    // Without a label an extra copy has no name yet (and is not valid).
    if (m_mode == Extra && CopyNaming::sanitizedLabel(m_options.extraLabel).isEmpty())
        return {};
    OperationError error;
    const QString path
        = CopyNaming::targetPath(m_options.root, m_options.systemCode, toOptions(nullptr),
                                 m_nameTime.isValid() ? m_nameTime : now(), &error);
    return error ? QString() : path;
}

bool BackupSettings::templates() const
{
    return m_options.templates;
}

void BackupSettings::setTemplates(bool on)
{
    if (on == m_options.templates)
        return;
    m_options.templates = on;
    Q_EMIT changed();
}

bool BackupSettings::leaveOutArchived() const
{
    return m_leaveOutArchived;
}

void BackupSettings::setLeaveOutArchived(bool on)
{
    if (on == m_leaveOutArchived)
        return;
    m_leaveOutArchived = on;
    Q_EMIT changed();
}

int BackupSettings::archiveFromYear() const
{
    return m_archiveFromYear;
}

void BackupSettings::setArchiveFromYear(int year)
{
    // Kept as typed: an out-of-range year is reported by validationError,
    // not silently changed under the user's finger.
    if (year == m_archiveFromYear)
        return;
    m_archiveFromYear = year;
    Q_EMIT changed();
}

bool BackupSettings::allSystems() const
{
    return m_options.allSystems;
}

void BackupSettings::setAllSystems(bool on)
{
    if (on == m_options.allSystems)
        return;
    m_options.allSystems = on;
    Q_EMIT changed();
}

BackupSettings::Mode BackupSettings::mode() const
{
    return m_mode;
}

void BackupSettings::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    Q_EMIT changed();
}

QString BackupSettings::extraLabel() const
{
    return m_options.extraLabel;
}

void BackupSettings::setExtraLabel(const QString &label)
{
    if (label == m_options.extraLabel)
        return;
    m_options.extraLabel = label;
    Q_EMIT changed();
}

bool BackupSettings::wipeDestination() const
{
    return m_wipeDestination;
}

void BackupSettings::setWipeDestination(bool on)
{
    // Accepted even where it cannot be done: validationError then says so.
    if (on == m_wipeDestination)
        return;
    m_wipeDestination = on;
    Q_EMIT changed();
}

bool BackupSettings::allowIncomplete() const
{
    return m_options.allowIncomplete;
}

void BackupSettings::setAllowIncomplete(bool on)
{
    if (on == m_options.allowIncomplete)
        return;
    m_options.allowIncomplete = on;
    Q_EMIT changed();
}

bool BackupSettings::protect() const
{
    return m_protect;
}

void BackupSettings::setProtect(bool on)
{
    if (on == m_protect)
        return;
    m_protect = on;
    Q_EMIT changed();
}

QString BackupSettings::password() const
{
    return m_password;
}

void BackupSettings::setPassword(const QString &password)
{
    if (password == m_password)
        return;
    m_password = password;
    Q_EMIT changed();
}

QString BackupSettings::passwordRepeat() const
{
    return m_passwordRepeat;
}

void BackupSettings::setPasswordRepeat(const QString &password)
{
    if (password == m_passwordRepeat)
        return;
    m_passwordRepeat = password;
    Q_EMIT changed();
}

QString BackupSettings::passwordProblem() const
{
    if (!m_protect)
        return {};
    if (m_password.isEmpty())
        return tr("Type the password that will protect the copy.");
    const QString problem = PasswordPolicy::problem(m_password);
    if (!problem.isEmpty())
        return problem;
    if (m_passwordRepeat.isEmpty())
        return tr("Type the password again in the second field.");
    if (m_passwordRepeat != m_password)
        return tr("The two passwords differ. Type the same password in both fields.");
    return {};
}

int BackupSettings::passwordStrength() const
{
    return m_protect ? PasswordPolicy::strength(m_password) : 0;
}

QString BackupSettings::passwordStrengthText() const
{
    if (!m_protect || m_password.isEmpty())
        return {};
    switch (passwordStrength()) {
    case 1:
        return tr("Acceptable");
    case 2:
        return tr("Good");
    case 3:
        return tr("Strong");
    default:
        return tr("Too weak");
    }
}

void BackupSettings::clearPassword()
{
    const bool had = m_protect || !m_password.isEmpty() || !m_passwordRepeat.isEmpty();
    wipePassword();
    m_protect = false;
    if (had)
        Q_EMIT changed();
}

void BackupSettings::wipePassword()
{
    // Overwritten before it is let go, where this object holds the only copy.
    m_password.fill(u'\0');
    m_passwordRepeat.fill(u'\0');
    m_password.clear();
    m_passwordRepeat.clear();
}

bool BackupSettings::destinationOnInstallationDisk() const
{
    return m_destinationOnInstallationDisk;
}

bool BackupSettings::destinationRemovable() const
{
    return m_destinationRemovable;
}

bool BackupSettings::canWipeDestination() const
{
    return m_canWipeDestination;
}

qint64 BackupSettings::destinationFreeBytes() const
{
    return m_destinationFreeBytes;
}

qint64 BackupSettings::destinationTotalBytes() const
{
    return m_destinationTotalBytes;
}

QString BackupSettings::destinationLabel() const
{
    return m_destinationLabel;
}

int BackupSettings::wipeFileCount() const
{
    return m_wipeFileCount;
}

int BackupSettings::minimumYear() const
{
    return ArchiveYears::minimum;
}

int BackupSettings::maximumYear() const
{
    return ArchiveYears::maximum();
}

QString BackupSettings::validationError() const
{
    if (m_options.root.isEmpty())
        return tr("Choose the installation to copy first.");
    if (m_options.systemCode.isEmpty() && !m_options.allSystems)
        return tr("Choose the system to copy.");
    if (m_destinationFolder.isEmpty())
        return tr("Choose the folder the copy goes to.");
    const QFileInfo folder(m_destinationFolder);
    const QString nativeFolder = QDir::toNativeSeparators(m_destinationFolder);
    // The installation's own Copias is made when missing, as the CLI does.
    const bool isDefaultFolder = m_destinationFolder == defaultFolder();
    if (!folder.isDir() && !isDefaultFolder)
        return tr("The folder %1 does not exist. Connect the pen drive or choose another folder.")
            .arg(nativeFolder);
    if (folder.isDir() && !folder.isWritable())
        return tr("The folder %1 cannot be written to. Choose another folder.").arg(nativeFolder);
    if (!m_options.allSystems) {
        const QString name = fileName().trimmed();
        if (name.isEmpty())
            return tr("Type a name for the copy file.");
        if (name.contains(u'/') || name.contains(u'\\'))
            return tr("The file name cannot contain / or \\. Choose the folder above and type only "
                      "the name of the file.");
    }
    if (m_mode == Extra && CopyNaming::sanitizedLabel(m_options.extraLabel).isEmpty())
        return tr("Type a label for the extra copy, with letters or digits (for example "
                  "\"Fechamento 2025\").");
    if (m_leaveOutArchived && !ArchiveYears::isValid(m_archiveFromYear))
        return tr("Choose a year between %1 and %2 from which the annual and monthly tables are "
                  "included.")
            .arg(minimumYear())
            .arg(maximumYear());
    if (!m_remoteName.isEmpty()) {
        QString problem;
        if (!remoteLocation(&problem))
            return tr("The cloud folder cannot be used: %1").arg(problem);
    }
    if (m_wipeDestination && countingWipeFiles())
        return tr("Counting the files on the destination disk…");
    if (m_wipeDestination && !m_canWipeDestination)
        return tr("Only a removable disk (pen drive or external disk) that is not the "
                  "installation's disk can be emptied. Choose such a disk or turn off emptying "
                  "the destination disk.");
    return {};
}

BackupOptions BackupSettings::toOptions(const CompanyModel *companies) const
{
    BackupOptions options;
    options.root = m_options.root;
    options.systemCode = m_options.systemCode;
    // With every system the folder is given: one copy per system goes into it.
    options.output = m_options.allSystems
        ? m_destinationFolder
        : (m_destinationFolder.isEmpty() ? QString()
                                         : m_destinationFolder + u'/' + fileName().trimmed());
    if (companies) {
        const QStringList selected = companies->selectedCodes();
        // All selected is the procedure's default: no list, so companies
        // registered later are included too. The list is of this system's
        // companies; other systems are copied whole (SystemSelector).
        if (!companies->allSelected() && selected.size() != companies->codes().size())
            options.companies = selected;
    }
    options.templates = m_options.templates;
    options.archiveFromYear = m_leaveOutArchived ? m_archiveFromYear : 0;
    options.allSystems = m_options.allSystems;
    options.rotation
        = m_mode == Weekday ? BackupOptions::Rotation::Weekday : BackupOptions::Rotation::None;
    options.extraLabel = m_mode == Extra ? m_options.extraLabel : QString();
    options.wipeDestination = m_wipeDestination;
    options.allowIncomplete = m_options.allowIncomplete;
    if (m_protect)
        options.password = m_password.toUtf8();
    options.now = m_now;
    options.nameTime = m_nameTime;
    options.compressionLevel = m_options.compressionLevel;
    return options;
}

void BackupSettings::setNow(const QDateTime &now)
{
    if (now == m_now)
        return;
    m_now = now;
    Q_EMIT changed();
}

void BackupSettings::prepareSummary(CompanyModel *companies)
{
    m_nameTime = now();
    Q_EMIT changed();
    m_summary->prepare(toOptions(companies));
}

QString BackupSettings::defaultFolder() const
{
    return m_options.root.isEmpty()
        ? QString()
        : m_options.root + u'/' + QStringView(InstallationLayout::copiesDirName);
}

QString BackupSettings::defaultFileName() const
{
    return u"Copia" + m_options.systemCode + u".zip";
}

QDateTime BackupSettings::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

void BackupSettings::refreshDestinationFacts()
{
    m_destinationOnInstallationDisk = false;
    m_destinationRemovable = false;
    m_canWipeDestination = false;
    m_destinationFreeBytes = -1;
    m_destinationTotalBytes = -1;
    m_destinationLabel.clear();
    m_wipeFileCount = 0;
    m_wipeCounter.cancel(); // a count of another folder's disk is never shown
    if (m_destinationFolder.isEmpty())
        return;

    const QFileInfo folder(m_destinationFolder);
    m_destinationFreeBytes = FileSystem::availableBytes(m_destinationFolder);
    const QStorageInfo storage(FileSystem::existingAncestor(m_destinationFolder));
    if (storage.isValid()) {
        m_destinationTotalBytes = storage.bytesTotal();
        m_destinationLabel = storage.name().isEmpty() ? storage.displayName() : storage.name();
    }
    // A missing folder says nothing about a disk (an unplugged pen drive
    // would look like the disk of its parent folder), except the
    // installation's own Copias, which is made when needed.
    if (!folder.isDir()) {
        m_destinationOnInstallationDisk = m_destinationFolder == defaultFolder();
        return;
    }
    m_destinationOnInstallationDisk
        = !m_options.root.isEmpty() && FileSystem::sameVolume(m_options.root, m_destinationFolder);
    m_destinationRemovable = Volume::isRemovable(m_destinationFolder);
    const QString volume = Volume::mountPoint(m_destinationFolder);
    const QString canonical = folder.canonicalFilePath();
    const bool insideVolume = !volume.isEmpty() && volume != u"/"
        && (canonical == volume || canonical.startsWith(volume + u'/'));
    m_canWipeDestination
        = m_destinationRemovable && !m_destinationOnInstallationDisk && insideVolume;
    // Counting walks the disk: only for one that may be emptied (a pen drive,
    // never the installation's large disk), and on a worker thread.
    if (m_canWipeDestination) {
        m_wipeCounter.start(
            this,
            [volume](const std::atomic_bool &cancelled) {
                return VolumeWalk::countFiles(volume, wipeCountLimit, &cancelled);
            },
            [this](int count) {
                m_wipeCounter.finished();
                m_wipeFileCount = count;
                Q_EMIT changed();
            });
    }
}

} // namespace Resguarda
