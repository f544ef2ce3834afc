// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/protectedcopy.h"

#include "copy/zipaes.h"
#include "copy/zipend.h"
#include "copy/zipformat.h"
#include "copy/zipstreamwriter.h"
#include "core/crashpoint.h"
#include "core/filesystem.h"
#include "core/interruption.h"
#include "installation/codes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QtEndian>

#include <cerrno>
#include <cstring>
#include <limits>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace Resguarda {

namespace {

constexpr char markerPrefix[] = "resguarda.copy protected system=";
constexpr qint64 chunkSize = 1024 * 1024;

constexpr quint16 zip64FieldId = 0x0001;
// Sizes are always in a zip64 field: the writer knows them before it
// starts, and one layout is one thing to test and to check.
constexpr int zip64LocalFieldSize = 4 + 16; // uncompressed, compressed
constexpr int zip64CentralFieldSize = 4 + 24; // and the local header's offset
constexpr quint16 flagEncrypted = 0x0001;
constexpr quint16 flagUtf8 = 0x0800;
constexpr quint16 madeByUnix63 = (3 << 8) | 63;
constexpr quint32 regularFile600 = 0100600;

using ZipFormat::put16;
using ZipFormat::put32;
using ZipFormat::put64;

quint64 u64(const char *p)
{
    return qFromLittleEndian<quint64>(p);
}

// Bytes an unprivileged user may still write to fd's volume; -1 unknown.
qint64 availableBytes(int fd)
{
    struct statvfs stats
    {
    };
    if (::fstatvfs(fd, &stats) != 0)
        return -1;
    return qint64(stats.f_bavail) * qint64(stats.f_frsize);
}

bool writeAll(int fd, const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size_t(size - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Reads exactly size bytes at offset; false at an error or the file's end.
bool readAt(int fd, qint64 offset, char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, data + done, size_t(size - done), off_t(offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        done += n;
    }
    return true;
}

QByteArray localHeader(const QByteArray &name, quint32 dosTime, qint64 plainSize)
{
    QByteArray record;
    put32(record, ZipFormat::localHeaderSignature);
    put16(record, ZipAes::versionNeeded);
    put16(record, flagEncrypted | flagUtf8);
    put16(record, ZipAes::method);
    put32(record, dosTime);
    put32(record, 0); // AE-2: the CRC is not stored
    put32(record, 0xffffffffu);
    put32(record, 0xffffffffu);
    put16(record, quint16(name.size()));
    put16(record, quint16(zip64LocalFieldSize + ZipAes::extraFieldSize));
    record.append(name);
    put16(record, zip64FieldId);
    put16(record, 16);
    put64(record, quint64(plainSize));
    put64(record, quint64(plainSize + ZipAes::overhead));
    record.append(ZipAes::buildExtraField(0));
    return record;
}

QByteArray centralDirectory(const QByteArray &name, quint32 dosTime, qint64 plainSize)
{
    QByteArray record;
    put32(record, ZipFormat::centralHeaderSignature);
    put16(record, madeByUnix63);
    put16(record, ZipAes::versionNeeded);
    put16(record, flagEncrypted | flagUtf8);
    put16(record, ZipAes::method);
    put32(record, dosTime);
    put32(record, 0);
    put32(record, 0xffffffffu);
    put32(record, 0xffffffffu);
    put16(record, quint16(name.size()));
    put16(record, quint16(zip64CentralFieldSize + ZipAes::extraFieldSize));
    put16(record, 0); // comment
    put16(record, 0); // disk
    put16(record, 0); // internal attributes
    put32(record, regularFile600 << 16);
    put32(record, 0xffffffffu);
    record.append(name);
    put16(record, zip64FieldId);
    put16(record, 24);
    put64(record, quint64(plainSize));
    put64(record, quint64(plainSize + ZipAes::overhead));
    put64(record, 0); // the local header is the file's first byte
    record.append(ZipAes::buildExtraField(0));
    return record;
}

QByteArray endRecords(quint64 directoryOffset, quint64 directorySize, const QByteArray &comment)
{
    QByteArray records;
    const quint64 zip64Offset = directoryOffset + directorySize;
    put32(records, ZipFormat::zip64EndSignature);
    put64(records, ZipFormat::zip64EndSize - 12);
    put16(records, madeByUnix63);
    put16(records, ZipAes::versionNeeded);
    put32(records, 0);
    put32(records, 0);
    put64(records, 1);
    put64(records, 1);
    put64(records, directorySize);
    put64(records, directoryOffset);
    put32(records, ZipFormat::zip64LocatorSignature);
    put32(records, 0);
    put64(records, zip64Offset);
    put32(records, 1);
    put32(records, ZipFormat::endSignature);
    put16(records, 0);
    put16(records, 0);
    put16(records, 1);
    put16(records, 1);
    put32(records, quint32(directorySize));
    put32(records, 0xffffffffu); // in the zip64 record
    put16(records, quint16(comment.size()));
    records.append(comment);
    return records;
}

// The record's fixed fields, name and extra block, checked against the
// one layout seal() writes; dosTime is ignored.
bool matchesLayout(const QByteArray &actual, const QByteArray &expected, int timeOffset)
{
    if (actual.size() != expected.size())
        return false;
    return actual.first(timeOffset) == expected.first(timeOffset)
        && actual.sliced(timeOffset + 4) == expected.sliced(timeOffset + 4);
}

} // namespace

QByteArray ProtectedCopy::marker(const QString &systemCode)
{
    return QByteArray(markerPrefix) + systemCode.toUtf8();
}

std::optional<QString> ProtectedCopy::markedSystem(QByteArrayView comment)
{
    if (!comment.startsWith(markerPrefix))
        return std::nullopt;
    const QString code = QString::fromLatin1(comment.sliced(qsizetype(sizeof(markerPrefix)) - 1));
    if (!Codes::isValidSystemCode(code))
        return std::nullopt;
    return code;
}

QString ProtectedCopy::innerName(const QString &systemCode)
{
    return QStringLiteral("Copia%1-sem-senha.zip").arg(systemCode);
}

std::optional<QString> ProtectedCopy::protectedSystem(const QString &path)
{
    // Called for every copy a folder lists: a link is not followed and a
    // FIFO does not block; only a regular file is read.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    QFile file;
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)
        || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return std::nullopt;
    }
    const auto end = ZipEnd::read(file);
    if (!end)
        return std::nullopt;
    return markedSystem(end->comment);
}

bool ProtectedCopy::seal(int plainFd, qint64 plainSize, int outFd, QByteArrayView password,
                         const QString &systemCode, const Progress &progress)
{
    const QByteArray name = innerName(systemCode).toUtf8();
    const quint32 dosTime = ZipStreamWriter::dosDateTime(QDateTime::currentSecsSinceEpoch());
    ZipAes::Encryptor encryptor(password);
    QByteArray head = localHeader(name, dosTime, plainSize);
    const qint64 dataOffset = head.size();
    head.append(encryptor.header());
    if (!writeAll(outFd, head.constData(), head.size()))
        return false;

    QByteArray buffer(chunkSize, Qt::Uninitialized);
    for (qint64 done = 0; done < plainSize;) {
        const qint64 size = std::min(chunkSize, plainSize - done);
        if (!readAt(plainFd, done, buffer.data(), size))
            return false;
        encryptor.update(buffer.constData(), buffer.data(), size);
        if (!writeAll(outFd, buffer.constData(), size))
            return false;
        done += size;
        if (Interruption::requested() || (progress && !progress(size))) {
            errno = 0;
            return false;
        }
    }
    buffer.fill('\0');

    QByteArray tail = encryptor.finish();
    const quint64 directoryOffset = quint64(dataOffset + plainSize + ZipAes::overhead);
    const QByteArray directory = centralDirectory(name, dosTime, plainSize);
    tail.append(directory);
    tail.append(endRecords(directoryOffset, quint64(directory.size()), marker(systemCode)));
    return writeAll(outFd, tail.constData(), tail.size());
}

OperationError ProtectedCopy::unseal(const QString &path, QByteArrayView password, int plainFd,
                                     QString *systemCode, const Progress &progress)
{
    const QString shown = QDir::toNativeSeparators(path);
    const auto notProtectedCopy = [&] {
        return OperationError::invalidCopy(
            tr("%1 is not a valid protected copy: its structure is not the one Resguarda "
               "writes. It may be damaged or altered. Nothing was changed.")
                .arg(shown));
    };
    const auto damaged = [&] {
        return OperationError::invalidCopy(
            tr("The protected copy %1 is damaged or was altered: its content does not match "
               "its authentication code. Nothing was changed. Use another copy.")
                .arg(shown));
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return OperationError::failed(tr("Cannot open %1: %2").arg(shown, file.errorString()));
    const int fd = file.handle();
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        return notProtectedCopy();
    const auto end = ZipEnd::read(file);
    if (!end)
        return notProtectedCopy();
    const auto system = markedSystem(end->comment);
    if (!system)
        return notProtectedCopy();
    *systemCode = *system;
    if (password.isEmpty())
        return OperationError::password(
            tr("The copy %1 is a protected copy of system %2: it opens only with its password. "
               "Give the password to open it.")
                .arg(shown, *system));

    // The directory: exactly one record, exactly as seal() writes it for
    // the size it declares, and nothing between it and the end records.
    const QByteArray name = innerName(*system).toUtf8();
    const qint64 centralSize = ZipFormat::centralHeaderSize + name.size() + zip64CentralFieldSize
        + ZipAes::extraFieldSize;
    if (end->entries != 1 || end->directorySize != quint64(centralSize)
        || end->directoryOffset + end->directorySize != end->recordsOffset)
        return notProtectedCopy();
    QByteArray central(centralSize, Qt::Uninitialized);
    if (!readAt(fd, qint64(end->directoryOffset), central.data(), centralSize))
        return notProtectedCopy();
    const char *zip64 = central.constData() + ZipFormat::centralHeaderSize + name.size();
    const qint64 plainSize = qint64(u64(zip64 + 4));
    if (plainSize < 0 || plainSize > std::numeric_limits<qint64>::max() / 2)
        return notProtectedCopy();
    const QByteArray local = localHeader(name, 0, plainSize);
    const qint64 dataOffset = local.size();
    if (quint64(dataOffset + ZipAes::overhead) > end->directoryOffset
        || quint64(plainSize) != end->directoryOffset - quint64(dataOffset + ZipAes::overhead))
        return notProtectedCopy();
    constexpr int centralTimeOffset = 12;
    constexpr int localTimeOffset = 10;
    if (!matchesLayout(central, centralDirectory(name, 0, plainSize), centralTimeOffset))
        return notProtectedCopy();
    // The end records too, byte for byte: nothing may hide between the
    // directory and the file's end.
    const QByteArray records
        = endRecords(end->directoryOffset, end->directorySize, marker(*system));
    QByteArray actualRecords(records.size(), Qt::Uninitialized);
    if (quint64(info.st_size) != end->recordsOffset + quint64(records.size())
        || !readAt(fd, qint64(end->recordsOffset), actualRecords.data(), actualRecords.size())
        || actualRecords != records)
        return notProtectedCopy();
    QByteArray actualLocal(local.size(), Qt::Uninitialized);
    if (!readAt(fd, 0, actualLocal.data(), actualLocal.size())
        || !matchesLayout(actualLocal, local, localTimeOffset))
        return notProtectedCopy();

    QByteArray header(ZipAes::headerSize, Qt::Uninitialized);
    if (!readAt(fd, dataOffset, header.data(), header.size()))
        return notProtectedCopy();
    ZipAes::Decryptor decryptor(password, header);
    switch (decryptor.headerResult()) {
    case ZipAes::Decryptor::Result::Ok:
        break;
    case ZipAes::Decryptor::Result::WrongPassword:
        return OperationError::password(
            tr("The password given is not the password of the protected copy %1. Nothing was "
               "changed. Check the password (upper and lower case count) and try again.")
                .arg(shown));
    case ZipAes::Decryptor::Result::Damaged:
        return notProtectedCopy();
    }

    const qint64 available = availableBytes(plainFd);
    if (available >= 0 && available < plainSize)
        return OperationError::failed(
            tr("There is not enough free space in the temporary folder to open the protected "
               "copy %1: it needs %2 and %3 are free. Free up space there (or set TMPDIR to a "
               "folder with room) and try again.")
                .arg(shown, FileSystem::formatSize(plainSize), FileSystem::formatSize(available)));

    QByteArray buffer(chunkSize, Qt::Uninitialized);
    const qint64 cipherStart = dataOffset + ZipAes::headerSize;
    for (qint64 done = 0; done < plainSize;) {
        const qint64 size = std::min(chunkSize, plainSize - done);
        if (!readAt(fd, cipherStart + done, buffer.data(), size))
            return damaged();
        decryptor.update(buffer.constData(), buffer.data(), size);
        if (!writeAll(plainFd, buffer.constData(), size)) {
            buffer.fill('\0');
            return OperationError::failed(
                tr("Cannot write the decrypted copy to the temporary folder: %1. Free up space "
                   "there (or set TMPDIR to a folder with room) and try again.")
                    .arg(QString::fromLocal8Bit(std::strerror(errno))));
        }
        done += size;
        crashPoint("unseal-chunk"); // tst_protected: killed mid-decryption
        if (Interruption::requested() || (progress && !progress(size))) {
            buffer.fill('\0');
            return OperationError::failed(
                tr("Opening the protected copy %1 was cancelled.").arg(shown));
        }
    }
    buffer.fill('\0');
    QByteArray code(ZipAes::authCodeSize, Qt::Uninitialized);
    if (!readAt(fd, cipherStart + plainSize, code.data(), code.size())
        || decryptor.finish(code) != ZipAes::Decryptor::Result::Ok)
        return damaged();
    return OperationError::none();
}

int ProtectedCopy::createScratchFile(const QString &dir, QString *error)
{
    const QString folder = dir.isEmpty() ? QDir::tempPath() : dir;
    const QByteArray encoded = QFile::encodeName(folder);
    int fd = ::open(encoded.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        // A file system without O_TMPFILE: a named file, unlinked at once.
        QByteArray name = encoded + "/.resguarda-XXXXXX";
        fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd >= 0)
            ::unlink(name.constData());
    }
    if (fd < 0)
        *error = tr("Cannot create a temporary file in %1: %2. Check that the folder exists and "
                    "can be written (or set TMPDIR to one that can).")
                     .arg(QDir::toNativeSeparators(folder),
                          QString::fromLocal8Bit(std::strerror(errno)));
    return fd;
}

} // namespace Resguarda
