// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/copycontainer.h"

#include "copy/copyfilenames.h"
#include "copy/protectedcopy.h"

#include "core/displaytext.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include <unistd.h>

namespace Resguarda {

namespace {

// Memory stays bounded whatever the size of the container or of the copy.
constexpr size_t blockSize = 1024 * 1024;

struct ArchiveFree
{
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveFree>;

using SupportFunction = int (*)(archive *);

// The compressions a packed tar may use. Only those libarchive decodes
// itself: for others (lrzip, lzop, grzip, ...) it starts an external
// program found on PATH, which a crafted file must never make us do.
constexpr SupportFunction wantedFilters[] = {
    archive_read_support_filter_gzip, archive_read_support_filter_bzip2,
    archive_read_support_filter_xz,   archive_read_support_filter_lzma,
    archive_read_support_filter_zstd,
};

// The filters of wantedFilters this libarchive was built with. ARCHIVE_WARN
// means "supported through an external program": tried on a reader of its
// own, so that such a filter is never registered on a real one.
const std::vector<SupportFunction> &builtInFilters()
{
    static const std::vector<SupportFunction> filters = [] {
        std::vector<SupportFunction> found;
        for (const SupportFunction support : wantedFilters) {
            const ArchivePtr probe(archive_read_new());
            if (probe && support(probe.get()) == ARCHIVE_OK)
                found.push_back(support);
        }
        return found;
    }();
    return filters;
}

// The formats users pack copies into. Not ZIP (a ZIP is the copy itself)
// and not raw (a lone compressed stream would make any .gz a "container").
// Each is read by libarchive's own code.
ArchivePtr newContainerReader()
{
    ArchivePtr a(archive_read_new());
    if (!a)
        return a;
    for (const SupportFunction support : builtInFilters()) {
        if (support(a.get()) != ARCHIVE_OK)
            return nullptr;
    }
    for (const SupportFunction support :
         {archive_read_support_format_7zip, archive_read_support_format_rar,
          archive_read_support_format_rar5, archive_read_support_format_tar}) {
        if (support(a.get()) != ARCHIVE_OK)
            return nullptr;
    }
    return a;
}

int openFile(archive *a, const QString &path)
{
#ifdef Q_OS_WIN
    return archive_read_open_filename_w(a, reinterpret_cast<const wchar_t *>(path.utf16()),
                                        blockSize);
#else
    return archive_read_open_filename(a, QFile::encodeName(path).constData(), blockSize);
#endif
}

QString errorString(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

// The entry's name for messages and matching: "./backup/CopiaAT.zip" from
// `tar -C dir .` reads better as "backup/CopiaAT.zip".
QString entryName(archive_entry *entry)
{
    QString name;
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        name = QString::fromUtf8(utf8);
    else if (const char *local = archive_entry_pathname(entry))
        name = QString::fromLocal8Bit(local);
    while (name.startsWith(u"./"))
        name.remove(0, 2);
    return name;
}

bool isReadError(archive *a)
{
    // System errors from reading the container file itself, as opposed to
    // the format errors libarchive reports for damaged data.
    const int code = archive_errno(a);
    return code == EIO || code == ENXIO;
}

} // namespace

bool CopyContainer::isContainer(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4);
    file.close();
    if (head == QByteArray("PK\x03\x04", 4) || head == QByteArray("PK\x05\x06", 4))
        return false;
    const ArchivePtr a = newContainerReader();
    return a && openFile(a.get(), path) == ARCHIVE_OK;
}

OperationError CopyContainer::unpackSingleCopy(const QString &containerPath,
                                               const QString &destinationDir, QString *unpackedPath,
                                               const Progress &progress, QString *entryPath)
{
    const QString container = QDir::toNativeSeparators(containerPath);
    const QString destination = QDir::toNativeSeparators(destinationDir);
    if (!QFileInfo::exists(containerPath))
        return OperationError::failed(tr("The copy %1 does not exist.").arg(container));

    const ArchivePtr holder = newContainerReader();
    archive *a = holder.get();
    if (!a)
        return OperationError::failed(tr("Out of memory while opening %1.").arg(container));
    if (openFile(a, containerPath) != ARCHIVE_OK) {
        if (isReadError(a))
            return OperationError::failed(
                tr("%1 cannot be read: %2. Check the disk or copy the file elsewhere and try "
                   "again.")
                    .arg(container, errorString(a)));
        return OperationError::invalidCopy(
            tr("%1 is not a container Resguarda can read (.7z, .rar, .tar, .tar.gz, .tar.xz, "
               ".tar.zst): %2. Name the copy (Copia*.zip) itself.")
                .arg(container, errorString(a)));
    }

    // The copy is written under a unique name of ours: the entry's name is
    // the packer's word, and an existing file is never overwritten.
    QTemporaryFile out(
        QDir(destinationDir).filePath(QStringLiteral("resguarda-unpacked-XXXXXX.zip")));
    QString found;
    QByteArray buffer(qsizetype(blockSize), Qt::Uninitialized);

    auto encrypted = [&] {
        return OperationError::invalidCopy(
            tr("%1 is encrypted (protected by a password), and Resguarda cannot read encrypted "
               "containers. Unpack the copy (Copia*.zip) with the program that packed it and "
               "name that file instead.")
                .arg(container));
    };
    // After a libarchive failure: say whether the file could not be read,
    // is encrypted or is damaged.
    auto failure = [&](archive_entry *entry) {
        if (isReadError(a))
            return OperationError::failed(
                tr("%1 cannot be read: %2. Check the disk or copy the file elsewhere and try "
                   "again.")
                    .arg(container, errorString(a)));
        if (archive_read_has_encrypted_entries(a) > 0
            || (entry && archive_entry_is_encrypted(entry)))
            return encrypted();
        return OperationError::invalidCopy(tr("The container %1 is damaged: %2. Use another copy.")
                                               .arg(container, errorString(a)));
    };

    for (;;) {
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(a, &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN)
            return failure(nullptr);
        // Folders, links (hard links carry no data of their own) and devices
        // cannot be the copy; other regular files may sit beside it.
        if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry))
            continue;
        const QString name = entryName(entry);
        if (!CopyFileNames::isCopy(name))
            continue;
        if (!found.isEmpty())
            return OperationError::invalidCopy(
                tr("%1 holds more than one copy: %2, %3. Choose one: unpack it with the program "
                   "that packed the container and name that file.")
                    .arg(container, DisplayText::displaySafe(found),
                         DisplayText::displaySafe(name)));
        found = name;
        if (archive_entry_is_encrypted(entry))
            return encrypted();

        if (archive_entry_size_is_set(entry)) {
            const qint64 needed = archive_entry_size(entry);
            const qint64 available = FileSystem::availableBytes(destinationDir);
            if (available >= 0 && needed > available)
                return OperationError::failed(
                    tr("There is not enough free space in %1 to unpack the copy %2 from %3: it "
                       "needs %4 and %5 are free. Free up space there and try again.")
                        .arg(destination, DisplayText::displaySafe(name), container,
                             FileSystem::formatSize(needed), FileSystem::formatSize(available)));
        }
        if (!out.open())
            return OperationError::failed(
                tr("Cannot create a temporary file in %1 to unpack the copy from %2: %3. Check "
                   "that the folder exists and can be written.")
                    .arg(destination, container, out.errorString()));

        for (;;) {
            const la_ssize_t n = archive_read_data(a, buffer.data(), blockSize);
            if (n == 0)
                break;
            if (n < 0)
                return failure(entry); // out is removed when it goes out of scope
            if (out.write(buffer.constData(), n) != n)
                return OperationError::failed(
                    tr("Cannot write the copy unpacked from %1 to %2: %3. Free up space there "
                       "(or check the disk) and try again.")
                        .arg(container, destination, out.errorString()));
            if (Interruption::requested() || (progress && !progress(n)))
                return OperationError::failed(
                    tr("Unpacking the copy from %1 was cancelled.").arg(container));
        }
        // A late write error (the last buffered bytes) must not go unseen.
        if (!out.flush())
            return OperationError::failed(
                tr("Cannot write the copy unpacked from %1 to %2: %3. Free up space there "
                   "(or check the disk) and try again.")
                    .arg(container, destination, out.errorString()));
    }

    if (found.isEmpty())
        return OperationError::invalidCopy(
            tr("%1 holds no Resguarda copy (Copia*.zip). Name the copy itself, or a container "
               "that holds one.")
                .arg(container));

    out.close();
    out.setAutoRemove(false);
    *unpackedPath = out.fileName();
    if (entryPath)
        *entryPath = found;
    qCDebug(lcCopy) << "unpacked" << found << "from" << containerPath << "to" << out.fileName();
    return OperationError::none();
}

OpenedCopy::~OpenedCopy()
{
    // The reader holds the file open; close it before removing it.
    m_reader.reset();
    if (!m_unpackedPath.isEmpty())
        QFile::remove(m_unpackedPath);
    if (m_plainFd >= 0)
        ::close(m_plainFd);
}

std::unique_ptr<OpenedCopy> OpenedCopy::open(const QString &path, const QString &scratchDir,
                                             OperationError *error,
                                             const CopyContainer::Progress &progress,
                                             QByteArrayView password)
{
    std::unique_ptr<OpenedCopy> opened(new OpenedCopy);
    opened->m_originalPath = path;
    if (ProtectedCopy::protectedSystem(path))
        return openProtected(std::move(opened), scratchDir, error, progress, password);
    if (!CopyContainer::isContainer(path)) {
        opened->m_reader = CopyReader::open(path, error);
        if (!opened->m_reader)
            return nullptr;
        return refuseIfPasswordGiven(std::move(opened), error, password);
    }

    const QString dir = scratchDir.isEmpty() ? QDir::tempPath() : scratchDir;
    *error = CopyContainer::unpackSingleCopy(path, dir, &opened->m_unpackedPath, progress,
                                             &opened->m_entryPath);
    if (error->isError())
        return nullptr;
    opened->m_reader = CopyReader::open(opened->m_unpackedPath, error);
    if (!opened->m_reader) {
        // The temporary file means nothing to the user; name what they gave.
        error->message.replace(QDir::toNativeSeparators(opened->m_unpackedPath),
                               opened->displayName());
        error->message.replace(opened->m_unpackedPath, opened->displayName());
        return nullptr; // the destructor removes the unpacked file
    }
    return refuseIfPasswordGiven(std::move(opened), error, password);
}

std::unique_ptr<OpenedCopy> OpenedCopy::refuseIfPasswordGiven(std::unique_ptr<OpenedCopy> opened,
                                                              OperationError *error,
                                                              QByteArrayView password)
{
    if (password.isEmpty())
        return opened;
    // A plain copy put where a protected one was expected must not pass.
    *error = OperationError::invalidCopy(
        tr("%1 is not a protected copy, but a password was given for it. A copy protected with "
           "a password was expected here: this file may have been put in its place. Nothing was "
           "changed.")
            .arg(QDir::toNativeSeparators(opened->m_originalPath)));
    return nullptr;
}

std::unique_ptr<OpenedCopy> OpenedCopy::openProtected(std::unique_ptr<OpenedCopy> opened,
                                                      const QString &scratchDir,
                                                      OperationError *error,
                                                      const CopyContainer::Progress &progress,
                                                      QByteArrayView password)
{
    QString problem;
    opened->m_plainFd = ProtectedCopy::createScratchFile(scratchDir, &problem);
    if (opened->m_plainFd < 0) {
        *error = OperationError::failed(problem);
        return nullptr;
    }
    QString system;
    *error = ProtectedCopy::unseal(opened->m_originalPath, password, opened->m_plainFd, &system,
                                   progress);
    if (error->isError())
        return nullptr;
    // The reader opens the file again, through the descriptor's own name:
    // the decrypted copy never has one in any folder.
    const QString plainPath = QStringLiteral("/proc/self/fd/%1").arg(opened->m_plainFd);
    opened->m_reader = CopyReader::open(plainPath, error);
    if (!opened->m_reader) {
        error->message.replace(plainPath, QDir::toNativeSeparators(opened->m_originalPath));
        return nullptr;
    }
    if (opened->m_reader->manifest().system.code != system) {
        *error = OperationError::invalidCopy(
            tr("The protected copy %1 says it holds system %2, but the copy inside is of system "
               "%3. It was altered. Nothing was changed.")
                .arg(QDir::toNativeSeparators(opened->m_originalPath), system,
                     opened->m_reader->manifest().system.code));
        return nullptr;
    }
    return opened;
}

qint64 OpenedCopy::originalSize() const
{
    return QFileInfo(m_originalPath).size();
}

QString OpenedCopy::displayName() const
{
    const QString original = QDir::toNativeSeparators(m_originalPath);
    if (!wasUnpacked())
        return original;
    return QStringLiteral("%1 → %2").arg(original, DisplayText::displaySafe(m_entryPath));
}

} // namespace Resguarda
