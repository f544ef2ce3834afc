// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/sessionlock.h"

#include "installation/sessionfile.h"

#include "core/displaytext.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QSysInfo>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Resguarda {

namespace {

// A client writes a few hundred bytes; anything longer is not a session file
// and is not worth reading whole.
constexpr qint64 maxSessionFileSize = 64 * 1024;

QString cleanAbsolutePath(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// Files held by live SessionLocks of this process. activeSessions() must not
// open them: closing that descriptor would silently drop our POSIX lock, and
// F_GETLK never reports our own process's locks anyway.
struct HeldFile
{
    QString path;
#ifndef Q_OS_WIN
    dev_t device = 0;
    ino_t inode = 0;
#endif
};

QMutex &heldFilesMutex()
{
    static QMutex mutex;
    return mutex;
}

QList<HeldFile> &heldFiles()
{
    static QList<HeldFile> files;
    return files;
}

void registerHeldFile(const HeldFile &file)
{
    QMutexLocker locker(&heldFilesMutex());
    heldFiles().append(file);
}

void unregisterHeldFile(const QString &path)
{
    QMutexLocker locker(&heldFilesMutex());
    heldFiles().removeIf([&](const HeldFile &held) { return held.path == path; });
}

bool isHeldByThisProcess(const QString &path)
{
#ifndef Q_OS_WIN
    // Compare the inode too: the same file may be reached through another
    // spelling of the path (symbolic link to the root, bind mount, ...).
    struct stat status;
    const bool haveStatus = ::lstat(QFile::encodeName(path).constData(), &status) == 0;
#endif
    QMutexLocker locker(&heldFilesMutex());
    for (const HeldFile &held : std::as_const(heldFiles())) {
#ifdef Q_OS_WIN
        if (held.path.compare(path, Qt::CaseInsensitive) == 0)
            return true;
#else
        if (held.path == path
            || (haveStatus && held.device == status.st_dev && held.inode == status.st_ino))
            return true;
#endif
    }
    return false;
}

QString environmentUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

enum class FailedStep { Write, Lock };

QString failedStepMessage(FailedStep step, const QString &path)
{
    const QString nativePath = QDir::toNativeSeparators(path);
    return step == FailedStep::Lock ? SessionLock::tr("cannot lock %1").arg(nativePath)
                                    : SessionLock::tr("cannot write %1").arg(nativePath);
}

enum class ProbeResult {
    Stale, // nobody holds the lock
    Held, // another process holds it, or we cannot tell (then we assume so)
    Ignored, // vanished meanwhile, or not a regular file
};

#ifdef Q_OS_WIN

ProbeResult probeSessionFile(const QString &path, QByteArray *content)
{
    const HANDLE handle = ::CreateFileW(reinterpret_cast<LPCWSTR>(path.utf16()), GENERIC_READ,
                                        FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                        nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        const DWORD error = ::GetLastError();
        if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND)
            return ProbeResult::Ignored;
        qCWarning(lcLock) << "cannot open session file" << path << qt_error_string(int(error))
                          << "- assuming it is in use";
        return ProbeResult::Held;
    }

    // Read before probing: Windows locks are mandatory, so a client's
    // exclusive lock makes this read fail and the session is reported
    // without details.
    QByteArray buffer(maxSessionFileSize, Qt::Uninitialized);
    DWORD read = 0;
    if (::ReadFile(handle, buffer.data(), DWORD(buffer.size()), &read, nullptr))
        *content = buffer.left(qsizetype(read));

    ProbeResult result = ProbeResult::Held;
    OVERLAPPED overlapped = {};
    if (::LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD,
                     MAXDWORD, &overlapped)) {
        result = ProbeResult::Stale;
        OVERLAPPED unlockOverlapped = {};
        ::UnlockFileEx(handle, 0, MAXDWORD, MAXDWORD, &unlockOverlapped);
    } else if (const DWORD error = ::GetLastError(); error != ERROR_LOCK_VIOLATION) {
        qCWarning(lcLock) << "cannot probe the lock of" << path << qt_error_string(int(error))
                          << "- assuming it is in use";
    }
    ::CloseHandle(handle);
    return result;
}

#else

int openRetrying(const QString &path, int flags, mode_t mode = 0)
{
    const QByteArray nativePath = QFile::encodeName(path);
    int fd;
    do {
        fd = ::open(nativePath.constData(), flags, mode);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

void closeRetrying(int fd)
{
    // Linux closes the descriptor even when close() is interrupted; retrying
    // could close a descriptor another thread has just opened.
    ::close(fd);
}

ProbeResult probeSessionFile(const QString &path, QByteArray *content)
{
    // Read-only is enough for F_GETLK and works on files of other users.
    // O_NONBLOCK keeps a FIFO named *.lock from hanging us.
    const int fd = openRetrying(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT || error == ELOOP)
            return ProbeResult::Ignored;
        qCWarning(lcLock) << "cannot open session file" << path << qt_error_string(error)
                          << "- assuming it is in use";
        return ProbeResult::Held;
    }

    struct stat status;
    if (::fstat(fd, &status) == 0 && !S_ISREG(status.st_mode)) {
        closeRetrying(fd);
        return ProbeResult::Ignored;
    }

    // Ask whether a whole-file write lock could be taken: any lock another
    // process holds on the file (read or write) conflicts with it.
    struct flock probe = {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 0;
    probe.l_len = 0;
    ProbeResult result;
    if (::fcntl(fd, F_GETLK, &probe) != 0) {
        const int error = errno;
        qCWarning(lcLock) << "cannot probe the lock of" << path << qt_error_string(error)
                          << "- assuming it is in use";
        result = ProbeResult::Held;
    } else {
        result = probe.l_type == F_UNLCK ? ProbeResult::Stale : ProbeResult::Held;
    }

    if (result == ProbeResult::Held) {
        QByteArray buffer(maxSessionFileSize, Qt::Uninitialized);
        qsizetype total = 0;
        while (total < buffer.size()) {
            const ssize_t n = ::read(fd, buffer.data() + total, size_t(buffer.size() - total));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            total += n;
        }
        *content = buffer.left(total);
    }
    closeRetrying(fd);
    return result;
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0) {
            // Nothing written and no error: report it rather than spin.
            errno = EIO;
            return false;
        }
        written += n;
    }
    return true;
}

#endif

} // namespace

SessionLock::~SessionLock()
{
    release();
}

QString SessionLock::currentUser()
{
    return environmentUser();
}

QString SessionLock::currentMachine()
{
    return QSysInfo::machineHostName();
}

bool SessionLock::isHeld() const
{
#ifdef Q_OS_WIN
    return m_handle != nullptr;
#else
    return m_fd >= 0;
#endif
}

std::unique_ptr<SessionLock> SessionLock::acquire(const QString &sessionsDir,
                                                  const SessionInfo &info, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        // The caller shows the message to the user; this is for the log.
        qCDebug(lcLock) << "cannot acquire a session lock:" << message;
        return std::unique_ptr<SessionLock>();
    };

    const QString dirPath = cleanAbsolutePath(sessionsDir);
    if (!QDir().mkpath(dirPath))
        return fail(tr("cannot create the folder %1").arg(QDir::toNativeSeparators(dirPath)));

    SessionInfo session = info;
    if (session.user.isEmpty())
        session.user = currentUser();
    if (session.machine.isEmpty())
        session.machine = currentMachine();
    if (!session.since.isValid())
        session.since = QDateTime::currentDateTime();
    const QByteArray json = SessionFile::sessionJson(session);

    // The pid makes the name unique among live processes of this host; the
    // suffix steps over a stale file left by an earlier process that had the
    // same pid (we never delete such files: between its creation and its
    // locking another process's file looks stale too).
    const QString baseName = QStringLiteral("resguarda-%1-%2")
                                 .arg(SessionFile::fileNameSafe(session.machine))
                                 .arg(QCoreApplication::applicationPid());
    constexpr int maxAttempts = 1000;

    std::unique_ptr<SessionLock> lock(new SessionLock);

#ifdef Q_OS_WIN
    HANDLE handle = INVALID_HANDLE_VALUE;
    for (int attempt = 0; attempt < maxAttempts; ++attempt) {
        session.filePath = dirPath + u'/' + SessionFile::sessionFileName(baseName, attempt);
        // FILE_SHARE_DELETE lets release() delete the file while it is open.
        handle = ::CreateFileW(
            reinterpret_cast<LPCWSTR>(QDir::toNativeSeparators(session.filePath).utf16()),
            GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
            nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
        if (handle != INVALID_HANDLE_VALUE)
            break;
        const DWORD code = ::GetLastError();
        if (code != ERROR_FILE_EXISTS && code != ERROR_ALREADY_EXISTS)
            return fail(
                tr("cannot create %1: %2")
                    .arg(QDir::toNativeSeparators(session.filePath), qt_error_string(int(code))));
    }
    if (handle == INVALID_HANDLE_VALUE)
        return fail(tr("cannot find a free session file name in %1")
                        .arg(QDir::toNativeSeparators(dirPath)));

    // Takes the error code as it was right after the failing call: building
    // the message may overwrite it.
    auto discard = [&](DWORD code, FailedStep step) {
        const QString reason
            = failedStepMessage(step, session.filePath) + u": " + qt_error_string(int(code));
        ::DeleteFileW(
            reinterpret_cast<LPCWSTR>(QDir::toNativeSeparators(session.filePath).utf16()));
        ::CloseHandle(handle);
        return fail(reason);
    };

    DWORD written = 0;
    if (!::WriteFile(handle, json.constData(), DWORD(json.size()), &written, nullptr)
        || written != DWORD(json.size()))
        return discard(::GetLastError(), FailedStep::Write);
    OVERLAPPED overlapped = {};
    if (!::LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD,
                      MAXDWORD, &overlapped))
        return discard(::GetLastError(), FailedStep::Lock);
    if (!::FlushFileBuffers(handle))
        return discard(::GetLastError(), FailedStep::Write);

    lock->m_handle = handle;
    registerHeldFile({session.filePath});
#else
    // sessoes/ is in a tree anyone may write: a link planted in its place
    // would make Resguarda (perhaps root) create files wherever it points.
    // The folder is opened without following a link, and the session file
    // created relative to it, exclusively.
    const int dirFd = ::open(QFile::encodeName(dirPath).constData(),
                             O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dirFd < 0)
        return fail(tr("cannot open the folder %1 (a symbolic link there is never followed): %2")
                        .arg(QDir::toNativeSeparators(dirPath), qt_error_string(errno)));
    int fd = -1;
    for (int attempt = 0; attempt < maxAttempts; ++attempt) {
        session.filePath = dirPath + u'/' + SessionFile::sessionFileName(baseName, attempt);
        const QByteArray name = QFile::encodeName(SessionFile::sessionFileName(baseName, attempt));
        // 0644: clients of other users must be able to open it to probe.
        do {
            fd = ::openat(dirFd, name.constData(),
                          O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        } while (fd < 0 && errno == EINTR);
        if (fd >= 0)
            break;
        const int code = errno;
        if (code != EEXIST) {
            ::close(dirFd);
            return fail(
                tr("cannot create %1: %2")
                    .arg(QDir::toNativeSeparators(session.filePath), qt_error_string(code)));
        }
    }
    ::close(dirFd);
    if (fd < 0)
        return fail(tr("cannot find a free session file name in %1")
                        .arg(QDir::toNativeSeparators(dirPath)));

    // Takes errno as it was right after the failing call: building the
    // message may overwrite it.
    auto discard = [&](int code, FailedStep step) {
        const QString reason
            = failedStepMessage(step, session.filePath) + u": " + qt_error_string(code);
        ::unlink(QFile::encodeName(session.filePath).constData());
        closeRetrying(fd);
        return fail(reason);
    };

    if (!writeAll(fd, json))
        return discard(errno, FailedStep::Write);

    // The lock is what tells everybody we are here; the content only says who.
    struct flock whole = {};
    whole.l_type = F_WRLCK;
    whole.l_whence = SEEK_SET;
    whole.l_start = 0;
    whole.l_len = 0;
    int result;
    do {
        result = ::fcntl(fd, F_SETLK, &whole);
    } while (result != 0 && errno == EINTR);
    if (result != 0)
        return discard(errno, FailedStep::Lock);

    // Clients on other machines read the file through the share: make sure
    // what they read is complete.
    if (::fsync(fd) != 0)
        return discard(errno, FailedStep::Write);

    HeldFile held;
    held.path = session.filePath;
    struct stat status;
    if (::fstat(fd, &status) == 0) {
        held.device = status.st_dev;
        held.inode = status.st_ino;
    }
    lock->m_fd = fd;
    registerHeldFile(held);
#endif

    lock->m_info = session;
    qCDebug(lcLock) << "holding session lock" << session.filePath;
    return lock;
}

// Removes first, then drops the lock by closing: the file never exists
// unlocked, and a crash in between leaves nothing behind.
void SessionLock::release()
{
    if (!isHeld())
        return;
#ifdef Q_OS_WIN
    const HANDLE handle = static_cast<HANDLE>(m_handle);
    // Opened with FILE_SHARE_DELETE: the name goes away now or, at the
    // latest, when the handle is closed below.
    if (!::DeleteFileW(
            reinterpret_cast<LPCWSTR>(QDir::toNativeSeparators(m_info.filePath).utf16()))) {
        const DWORD error = ::GetLastError();
        qCWarning(lcLock) << "cannot remove session file" << m_info.filePath
                          << qt_error_string(int(error));
    }
    ::CloseHandle(handle);
    m_handle = nullptr;
#else
    if (::unlink(QFile::encodeName(m_info.filePath).constData()) != 0) {
        const int error = errno;
        qCWarning(lcLock) << "cannot remove session file" << m_info.filePath
                          << qt_error_string(error);
    }
    closeRetrying(m_fd);
    m_fd = -1;
#endif
    // Only now may activeSessions() of this process open the path again.
    unregisterHeldFile(m_info.filePath);
    qCDebug(lcLock) << "released session lock" << m_info.filePath;
}

QList<SessionInfo> SessionLock::activeSessions(const QString &sessionsDir,
                                               const QString &ownFilePath)
{
    QList<SessionInfo> sessions;
    const QDir dir(sessionsDir);
    if (!dir.exists())
        return sessions;

    const QString own = ownFilePath.isEmpty() ? QString() : cleanAbsolutePath(ownFilePath);
    const QStringList names = dir.entryList(
        {QStringLiteral("*.lock")}, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDir::Name);
    for (const QString &name : names) {
        const QString path = cleanAbsolutePath(dir.absoluteFilePath(name));
        // Opening (and closing) our own file would drop our own lock.
        if (path == own || isHeldByThisProcess(path))
            continue;
        QByteArray content;
        switch (probeSessionFile(path, &content)) {
        case ProbeResult::Stale:
            qCDebug(lcLock) << "ignoring stale session file" << path;
            break;
        case ProbeResult::Ignored:
            break;
        case ProbeResult::Held:
            sessions.append(SessionFile::parseSessionFile(content, path));
            break;
        }
    }
    return sessions;
}

QString SessionLock::describeSessions(const QList<SessionInfo> &sessions)
{
    QStringList lines;
    for (const SessionInfo &session : sessions) {
        if (session.user.isEmpty() && session.machine.isEmpty() && session.system.isEmpty()
            && !session.since.isValid()) {
            lines.append(
                tr("- an unidentified client (session file %1)")
                    .arg(DisplayText::displaySafe(QDir::toNativeSeparators(session.filePath))));
            continue;
        }
        // Session files are anybody's to write: what they say is shown, never
        // acted on, and keeps to its line.
        using DisplayText::displaySafe;
        const QString user
            = session.user.isEmpty() ? tr("unknown user") : displaySafe(session.user);
        const QString machine
            = session.machine.isEmpty() ? tr("unknown machine") : displaySafe(session.machine);
        const QString system
            = session.system.isEmpty() ? tr("unknown") : displaySafe(session.system);
        if (session.since.isValid()) {
            const QString since
                = QLocale().toString(session.since.toLocalTime(), QLocale::ShortFormat);
            lines.append(tr("- %1 on %2, system %3, since %4").arg(user, machine, system, since));
        } else {
            lines.append(tr("- %1 on %2, system %3").arg(user, machine, system));
        }
    }
    return lines.join(u'\n');
}

OperationError SessionLock::acquireExclusive(const QString &sessionsDir, const QString &purpose,
                                             std::unique_ptr<SessionLock> *out)
{
    if (out)
        out->reset();

    // Our lock first, then the look around: of two processes doing this at
    // the same time, the one that looks last sees the other's lock, so they
    // never both proceed.
    SessionInfo info;
    info.system = purpose;
    QString error;
    std::unique_ptr<SessionLock> lock = acquire(sessionsDir, info, &error);
    if (!lock) {
        return OperationError::failed(
            tr("Could not register the maintenance session in %1 (%2). Check that this user "
               "may write to that folder and try again.")
                .arg(QDir::toNativeSeparators(cleanAbsolutePath(sessionsDir)), error));
    }

    const QList<SessionInfo> others = activeSessions(sessionsDir, lock->filePath());
    if (!others.isEmpty()) {
        lock.reset();
        const QString message
            = tr("The installation is in use by %n connected session(s):", nullptr,
                 int(others.size()))
            + u'\n' + describeSessions(others) + u'\n'
            + tr("Ask them to close the system and try again.");
        return OperationError::inUse(message);
    }

    if (out)
        *out = std::move(lock);
    return OperationError::none();
}

} // namespace Resguarda
