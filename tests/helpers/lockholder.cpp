// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in for a client of the business system: holds a session lock in
// another process until its standard input reaches end of file (or it is
// killed), so that tests see a real lock of another process.
//
//   lockholder <sessionsDir> <user> <machine> <system> [--raw-lock-only FILE]
//   lockholder <sessionsDir> <user> <machine> <system> --exclusive
//
// Prints "LOCKED <path>" once the lock is held. With --raw-lock-only it locks
// the existing FILE without writing it (a client whose file is damaged), and
// prints "BUSY" and exits with 3 when another process already holds it.
// With --exclusive it behaves like a second Resguarda instead: it uses
// SessionLock::acquireExclusive (with <system> as the purpose) and prints
// "INUSE" and exits with 3 when somebody else is connected.

#include "installation/sessionlock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QStringList>

#include <cstdio>
#include <memory>

#ifndef Q_OS_WIN
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace {

constexpr int exitFailed = 1;
constexpr int exitUsage = 2;
constexpr int exitBusy = 3;

void announce(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Blocks until the test closes our standard input.
void waitForEndOfInput()
{
    while (std::getchar() != EOF) { }
}

int rawLockOnly(const QString &path)
{
#ifdef Q_OS_WIN
    Q_UNUSED(path);
    std::fputs("lockholder: --raw-lock-only is POSIX only\n", stderr);
    return exitUsage;
#else
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        std::fprintf(stderr, "lockholder: cannot open %s: %s\n", qPrintable(path),
                     std::strerror(errno));
        return exitFailed;
    }
    struct flock whole = {};
    whole.l_type = F_WRLCK;
    whole.l_whence = SEEK_SET;
    whole.l_start = 0;
    whole.l_len = 0;
    if (::fcntl(fd, F_SETLK, &whole) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EAGAIN || error == EACCES) {
            announce("BUSY");
            return exitBusy;
        }
        std::fprintf(stderr, "lockholder: cannot lock %s: %s\n", qPrintable(path),
                     std::strerror(error));
        return exitFailed;
    }
    announce("LOCKED " + QFile::encodeName(path));
    waitForEndOfInput();
    ::close(fd);
    return 0;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);

    const qsizetype rawIndex = args.indexOf(QStringLiteral("--raw-lock-only"));
    if (rawIndex >= 0) {
        if (rawIndex + 1 >= args.size()) {
            std::fputs("lockholder: --raw-lock-only needs a FILE\n", stderr);
            return exitUsage;
        }
        return rawLockOnly(args.at(rawIndex + 1));
    }

    const bool exclusive = args.removeAll(QStringLiteral("--exclusive")) > 0;
    if (args.size() != 4) {
        std::fputs("usage: lockholder <sessionsDir> <user> <machine> <system> "
                   "[--raw-lock-only FILE | --exclusive]\n",
                   stderr);
        return exitUsage;
    }

    if (exclusive) {
        std::unique_ptr<Resguarda::SessionLock> lock;
        const Resguarda::OperationError error
            = Resguarda::SessionLock::acquireExclusive(args.at(0), args.at(3), &lock);
        if (error.code == Resguarda::ExitCode::InUse) {
            announce("INUSE");
            return exitBusy;
        }
        if (error) {
            std::fprintf(stderr, "lockholder: %s\n", qPrintable(error.message));
            return exitFailed;
        }
        announce("LOCKED " + QFile::encodeName(lock->filePath()));
        waitForEndOfInput();
        lock->release();
        return 0;
    }

    Resguarda::SessionInfo info;
    info.user = args.at(1);
    info.machine = args.at(2);
    info.system = args.at(3);
    info.since = QDateTime::currentDateTime();
    QString error;
    auto lock = Resguarda::SessionLock::acquire(args.at(0), info, &error);
    if (!lock) {
        std::fprintf(stderr, "lockholder: %s\n", qPrintable(error));
        return exitFailed;
    }
    announce("LOCKED " + QFile::encodeName(lock->filePath()));
    waitForEndOfInput();
    lock->release();
    return 0;
}
