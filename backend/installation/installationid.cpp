// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/installationid.h"

#include <QByteArray>
#include <QFile>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda::InstallationId {

namespace {

// A UUID and a line break; anything longer is not ours.
constexpr qsizetype maxFileSize = 64;

QByteArray pathOf(const QString &root)
{
    return QFile::encodeName(root + u'/' + QString::fromUtf16(fileName));
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

} // namespace

bool isValid(const QString &text)
{
    // The canonical form only ("8-4-4-4-12", lower case), so that two
    // readers of the same id always compare equal.
    if (text.size() != 36)
        return false;
    const QUuid uuid = QUuid::fromString(text);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == text;
}

QString read(const QString &root)
{
    if (root.isEmpty())
        return {};
    // O_NOFOLLOW: a link is not the id; O_NONBLOCK: opening a FIFO must not
    // wait for a writer. The type and size are checked on what was opened.
    const int fd = ::open(pathOf(root).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return {};
    QString id;
    struct stat info;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size <= maxFileSize) {
        char buffer[maxFileSize + 1];
        qsizetype total = 0;
        while (total < qsizetype(sizeof buffer)) {
            const ssize_t got = ::read(fd, buffer + total, sizeof buffer - size_t(total));
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0)
                break;
            total += got;
        }
        // Grown since fstat: not trusted either.
        if (total <= maxFileSize) {
            const QString text = QString::fromLatin1(buffer, total).trimmed();
            if (isValid(text))
                id = text;
        }
    }
    ::close(fd);
    return id;
}

QString ensure(const QString &root, QString *error)
{
    const QString existing = read(root);
    if (!existing.isEmpty())
        return existing;
    const QByteArray path = pathOf(root);
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // O_EXCL: whatever is at the name already (garbage, a link, another
    // writer's file created a moment ago) is never replaced.
    const int fd
        = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int code = errno;
        if (code == EEXIST) {
            // Another process may have just written a valid one.
            const QString raced = read(root);
            if (raced.isEmpty() && error)
                *error = QStringLiteral("%1 is not a valid installation id; left unchanged")
                             .arg(QFile::decodeName(path));
            return raced;
        }
        if (error)
            *error = systemError(code);
        return {};
    }
    const QByteArray data = id.toLatin1() + '\n';
    bool written = ::write(fd, data.constData(), size_t(data.size())) == data.size();
    written = ::fsync(fd) == 0 && written;
    const int code = errno;
    ::close(fd);
    if (!written) {
        ::unlink(path.constData());
        if (error)
            *error = systemError(code);
        return {};
    }
    return id;
}

} // namespace Resguarda::InstallationId
