// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/treesnapshot.h"
#include "support/rawfs.h"
#include "support/torturetree.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace TestSupport {

namespace {

constexpr qint64 blockSize = qint64(1) << 20;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool allZero(const char *data, qint64 size)
{
    return size == 0 || (data[0] == 0 && std::memcmp(data, data + 1, size_t(size - 1)) == 0);
}

// Blocks inside a hole are skipped without reading (SEEK_DATA); blocks
// read as zeros are skipped too, so the hash does not depend on how the
// file is laid out on disk.
QByteArray contentHash(int fd, qint64 size, QString *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(blockSize, Qt::Uninitialized);
    qint64 offset = 0;
    while (offset < size) {
        const off_t data = ::lseek(fd, offset, SEEK_DATA);
        if (data < 0 && errno == ENXIO)
            break; // a hole up to the end
        if (data > offset)
            offset = std::max(offset, (qint64(data) / blockSize) * blockSize);
        const qint64 length = std::min(blockSize, size - offset);
        qint64 done = 0;
        while (done < length) {
            const ssize_t n
                = ::pread(fd, buffer.data() + done, size_t(length - done), offset + done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                *error = n == 0 ? QStringLiteral("shorter than its size") : systemError();
                return {};
            }
            done += n;
        }
        if (!allZero(buffer.constData(), length)) {
            const quint64 index = qToLittleEndian(quint64(offset / blockSize));
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(&index), sizeof index));
            hash.addData(QByteArrayView(buffer.constData(), length));
        }
        offset += length;
    }
    return hash.result().toHex();
}

char kindOf(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR:
        return 'd';
    case S_IFREG:
        return 'f';
    case S_IFLNK:
        return 'l';
    case S_IFIFO:
        return 'p';
    case S_IFCHR:
        return 'c';
    case S_IFBLK:
        return 'b';
    default:
        return 's';
    }
}

class Walker
{
public:
    Walker(TreeSnapshot *snapshot, const QList<QByteArray> &excluded)
        : m_snapshot(snapshot)
        , m_excluded(excluded)
    {
    }

    void walk(int dir, const QByteArray &prefix)
    {
        DIR *stream = ::fdopendir(::fcntl(dir, F_DUPFD_CLOEXEC, 0));
        if (!stream) {
            error(prefix, systemError());
            return;
        }
        QList<QByteArray> names;
        errno = 0;
        while (const dirent *item = ::readdir(stream)) {
            const QByteArray name(item->d_name);
            if (name != "." && name != "..")
                names.append(name);
        }
        if (errno != 0)
            error(prefix, systemError());
        ::closedir(stream);
        std::sort(names.begin(), names.end());
        for (const auto &name : names)
            visit(dir, name, prefix + name);
    }

private:
    void error(const QByteArray &path, const QString &problem)
    {
        m_snapshot->errors.append(escapedPath(path) + QStringLiteral(": ") + problem);
    }

    void visit(int dir, const QByteArray &name, const QByteArray &path)
    {
        for (const auto &prefix : m_excluded) {
            if (path.startsWith(prefix))
                return;
        }
        struct stat info;
        if (::fstatat(dir, name.constData(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
            error(path, systemError());
            return;
        }
        TreeEntry entry;
        entry.kind = kindOf(info.st_mode);
        entry.path = path;
        entry.mode = info.st_mode & 07777;
        entry.mtime = info.st_mtim.tv_sec;
        if (entry.kind == 'f') {
            entry.size = info.st_size;
            Fd fd(::openat(dir, name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY));
            QString problem;
            if (fd.isValid())
                entry.content = contentHash(fd.get(), entry.size, &problem);
            else
                problem = systemError();
            if (!problem.isEmpty())
                error(path, problem);
            ++m_snapshot->files;
            m_snapshot->bytes += entry.size;
        } else if (entry.kind == 'l') {
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n
                = ::readlinkat(dir, name.constData(), target.data(), size_t(target.size()));
            entry.content = n >= 0 ? target.left(n) : QByteArray();
        }
        m_snapshot->entries.append(entry);
        if (entry.kind == 'd') {
            ++m_snapshot->folders;
            Fd fd(::openat(dir, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (fd.isValid())
                walk(fd.get(), path + '/');
            else
                error(path, systemError());
        }
    }

    TreeSnapshot *m_snapshot;
    const QList<QByteArray> &m_excluded;
};

QString timeText(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString modeText(uint mode)
{
    return QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'));
}

QString kindText(char kind)
{
    switch (kind) {
    case 'd':
        return QStringLiteral("folder");
    case 'f':
        return QStringLiteral("file");
    case 'l':
        return QStringLiteral("link");
    case 'p':
        return QStringLiteral("FIFO");
    default:
        return QStringLiteral("special file");
    }
}

QString changes(const TreeEntry &expected, const TreeEntry &actual)
{
    QStringList parts;
    if (expected.kind != actual.kind)
        parts
            << QStringLiteral("kind %1 -> %2").arg(kindText(expected.kind), kindText(actual.kind));
    if (expected.mode != actual.mode)
        parts
            << QStringLiteral("mode %1 -> %2").arg(modeText(expected.mode), modeText(actual.mode));
    if (expected.mtime != actual.mtime)
        parts << QStringLiteral("mtime %1 -> %2 (%3 s)")
                     .arg(timeText(expected.mtime), timeText(actual.mtime))
                     .arg(actual.mtime - expected.mtime);
    if (expected.size != actual.size)
        parts << QStringLiteral("size %1 -> %2").arg(expected.size).arg(actual.size);
    if (expected.content != actual.content && expected.size == actual.size)
        parts << (expected.kind == 'l'
                      ? QStringLiteral("link target %1 -> %2")
                            .arg(escapedPath(expected.content), escapedPath(actual.content))
                      : QStringLiteral("content differs"));
    return parts.join(QStringLiteral(", "));
}

} // namespace

TreeSnapshot snapshotTree(const QString &dir, const QList<QByteArray> &excludedPrefixes)
{
    TreeSnapshot snapshot;
    Fd fd(::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.isValid()) {
        snapshot.errors.append(dir + QStringLiteral(": ") + systemError());
        return snapshot;
    }
    Walker(&snapshot, excludedPrefixes).walk(fd.get(), {});
    // Each folder's names were sorted, but "a/x" must come after "a-b":
    // sort the whole list by raw path bytes.
    std::sort(snapshot.entries.begin(), snapshot.entries.end(),
              [](const TreeEntry &a, const TreeEntry &b) { return a.path < b.path; });
    return snapshot;
}

QString describeEntry(const TreeEntry &entry)
{
    QString text = QStringLiteral("%1 \"%2\" mode %3, mtime %4")
                       .arg(kindText(entry.kind), escapedPath(entry.path), modeText(entry.mode),
                            timeText(entry.mtime));
    if (entry.kind == 'f')
        text += QStringLiteral(", %1 bytes").arg(entry.size);
    return text;
}

QByteArray snapshotListing(const TreeSnapshot &snapshot)
{
    QByteArray listing;
    for (const auto &entry : snapshot.entries) {
        listing += entry.kind + (' ' + modeText(entry.mode).toLatin1()) + ' '
            + QByteArray::number(entry.mtime) + ' ' + QByteArray::number(entry.size) + ' '
            + (entry.kind == 'l'             ? escapedPath(entry.content).toUtf8()
                   : entry.content.isEmpty() ? QByteArray("-")
                                             : entry.content)
            + ' ' + escapedPath(entry.path).toUtf8() + '\n';
    }
    return listing;
}

QString describeDifferences(const TreeSnapshot &expected, const TreeSnapshot &actual, int maxShown)
{
    QStringList lines;
    int count = 0;
    auto add = [&](const QString &line) {
        if (count++ < maxShown)
            lines << line;
    };
    qsizetype i = 0;
    qsizetype j = 0;
    const auto &a = expected.entries;
    const auto &b = actual.entries;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].path < b[j].path)) {
            add(QStringLiteral("missing: ") + describeEntry(a[i++]));
        } else if (i == a.size() || b[j].path < a[i].path) {
            add(QStringLiteral("unexpected: ") + describeEntry(b[j++]));
        } else {
            if (!(a[i] == b[j]))
                add(QStringLiteral("changed: %1 \"%2\": %3")
                        .arg(kindText(a[i].kind), escapedPath(a[i].path), changes(a[i], b[j])));
            ++i;
            ++j;
        }
    }
    if (count > maxShown)
        lines << QStringLiteral("... and %1 more").arg(count - maxShown);
    if (count > 0)
        lines << QStringLiteral("%1 difference(s): expected %2 entries, found %3")
                     .arg(count)
                     .arg(a.size())
                     .arg(b.size());
    for (const auto &error : expected.errors)
        lines << QStringLiteral("error reading the expected tree: ") + error;
    for (const auto &error : actual.errors)
        lines << QStringLiteral("error reading the actual tree: ") + error;
    return lines.join(u'\n');
}

} // namespace TestSupport
