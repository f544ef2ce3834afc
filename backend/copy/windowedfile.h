// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

#include <array>

namespace Resguarda {

// A read-only file device for minizip's many small, scattered reads: it
// reads with pread() into two windows of a few hundred KiB, one following
// the central directory and one following the entries' data, so that
// walking a copy of a million entries costs a few thousand system calls
// instead of dozens per entry (a QFile makes one lseek() per seek).
class WindowedFile : public QIODevice
{
public:
    static constexpr qint64 windowSize = 256 * 1024;

    explicit WindowedFile(const QString &path);
    ~WindowedFile() override;

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct Window
    {
        qint64 start = -1;
        QByteArray bytes;
        quint64 lastUse = 0;
    };
    const Window *windowFor(qint64 position);

    QString m_path;
    int m_fd = -1;
    qint64 m_size = 0;
    std::array<Window, 2> m_windows;
    quint64 m_uses = 0;
};

} // namespace Resguarda
