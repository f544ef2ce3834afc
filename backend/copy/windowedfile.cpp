// SPDX-License-Identifier: GPL-3.0-or-later
#include "copy/windowedfile.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Resguarda {

WindowedFile::WindowedFile(const QString &path)
    : m_path(path)
{
}

WindowedFile::~WindowedFile()
{
    close();
}

bool WindowedFile::open(OpenMode mode)
{
    if (mode != QIODevice::ReadOnly) {
        setErrorString(QStringLiteral("read only"));
        return false;
    }
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    struct stat status
    {
    };
    if (m_fd < 0 || ::fstat(m_fd, &status) != 0) {
        setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        return false;
    }
    m_size = status.st_size;
    // Unbuffered: the windows are the buffer, and a seek costs nothing.
    return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void WindowedFile::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    for (auto &window : m_windows)
        window = {};
    QIODevice::close();
}

const WindowedFile::Window *WindowedFile::windowFor(qint64 position)
{
    for (auto &window : m_windows) {
        if (window.start >= 0 && position >= window.start
            && position < window.start + window.bytes.size()) {
            window.lastUse = ++m_uses;
            return &window;
        }
    }
    // The window used least recently follows the reader from here on.
    Window &window
        = *std::min_element(m_windows.begin(), m_windows.end(),
                            [](const Window &a, const Window &b) { return a.lastUse < b.lastUse; });
    window.bytes.resize(windowSize);
    qint64 filled = 0;
    while (filled < windowSize) {
        const ssize_t n = ::pread(m_fd, window.bytes.data() + filled, size_t(windowSize - filled),
                                  position + filled);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        filled += n;
    }
    window.bytes.resize(filled);
    window.start = filled > 0 ? position : -1;
    window.lastUse = ++m_uses;
    return filled > 0 ? &window : nullptr;
}

qint64 WindowedFile::readData(char *data, qint64 maxSize)
{
    qint64 done = 0;
    while (done < maxSize) {
        const qint64 position = pos() + done;
        if (position >= m_size)
            break;
        // Large reads (an entry's data) go straight to the file.
        if (maxSize - done >= windowSize) {
            const ssize_t n = ::pread(m_fd, data + done, size_t(maxSize - done), position);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return done > 0 ? done : -1;
            if (n == 0)
                break;
            done += n;
            continue;
        }
        const Window *window = windowFor(position);
        if (!window)
            return done > 0 ? done : -1;
        const qint64 offset = position - window->start;
        const qint64 n = std::min<qint64>(maxSize - done, window->bytes.size() - offset);
        std::memcpy(data + done, window->bytes.constData() + offset, size_t(n));
        done += n;
    }
    return done;
}

} // namespace Resguarda
