// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/passwordinput.h"

#include "core/crashpoint.h"
#include "core/filenames.h"
#include "core/interruptibleread.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace Resguarda {

namespace {

// The password is the first line: a file written by an editor ends with a
// line break that is not part of it.
bool takeLine(QByteArray *bytes, QByteArray *password, QString *error)
{
    qsizetype end = bytes->indexOf('\n');
    if (end < 0)
        end = bytes->size();
    if (end > 0 && bytes->at(end - 1) == '\r')
        --end;
    *password = bytes->left(end);
    bytes->fill('\0');
    if (password->isEmpty()) {
        *error = PasswordInput::tr("the password is empty");
        return false;
    }
    if (!FileNames::isValidUtf8(*password)) {
        password->fill('\0');
        password->clear();
        *error = PasswordInput::tr("the password is not UTF-8 text");
        return false;
    }
    return true;
}

} // namespace

bool PasswordInput::readFile(const QString &path, QByteArray *password, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = errno == ELOOP
            ? tr("The password file %1 is a symbolic link: give the file itself.").arg(shown)
            : tr("The password file %1 cannot be opened: %2").arg(shown, qt_error_string(errno));
        return false;
    }
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer {fd};
    struct stat status
    {
    };
    if (::fstat(fd, &status) != 0) {
        *error = tr("The password file %1 cannot be read: %2").arg(shown, qt_error_string(errno));
        return false;
    }
    if (!S_ISREG(status.st_mode)) {
        *error = tr("The password file %1 is not a regular file.").arg(shown);
        return false;
    }
    if (status.st_uid != ::geteuid() && status.st_uid != 0) {
        *error = tr("The password file %1 belongs to another user: it must belong to the user "
                    "who runs Resguarda (or to root).")
                     .arg(shown);
        return false;
    }
    if (status.st_mode & 077) {
        *error = tr("The password file %1 may be read or changed by other users: make it "
                    "readable by its owner only (chmod 600 %1).")
                     .arg(shown);
        return false;
    }
    QByteArray bytes;
    if (!readInterruptibly(fd, &bytes, false, maxBytes)) {
        *error = tr("The password file %1 cannot be read: %2").arg(shown, qt_error_string(errno));
        return false;
    }
    if (bytes.size() > maxBytes) {
        bytes.fill('\0');
        *error = tr("The password file %1 is too large to hold a password.").arg(shown);
        return false;
    }
    QString problem;
    if (!takeLine(&bytes, password, &problem)) {
        *error = tr("The password file %1 cannot be used: %2.").arg(shown, problem);
        return false;
    }
    return true;
}

bool PasswordInput::readStdin(const QString &prompt, QByteArray *password, QString *error)
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved {};
    if (terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        // Echo off first, then the prompt: what is typed once the prompt
        // shows is neither echoed nor flushed.
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        crashPoint("password-prompted");
    }
    QByteArray bytes;
    const bool read = readInterruptibly(STDIN_FILENO, &bytes, true, maxBytes);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!read) {
        *error
            = tr("The password cannot be read from standard input: %1").arg(qt_error_string(errno));
        return false;
    }
    if (bytes.size() > maxBytes && !bytes.left(maxBytes).contains('\n')) {
        bytes.fill('\0');
        *error = tr("The standard input does not hold a password (its first line is too long).");
        return false;
    }
    QString problem;
    if (!takeLine(&bytes, password, &problem)) {
        *error = tr("The password read from standard input cannot be used: %1.").arg(problem);
        return false;
    }
    return true;
}

} // namespace Resguarda
