// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace TestSupport {

// A real block device for the lifetime of the object: a file-backed loop
// device (losetup) with a fresh ext4 file system (mkfs.ext4), mounted at
// mountPath. What a fixed data disk looks like to the kernel, unlike a tmpfs.
// Needs root, /dev/loop-control, losetup and mkfs.ext4; where the machine
// does not allow it, isMounted() is false and error() says why, and only that
// test part skips.
class LoopDisk
{
public:
    LoopDisk(const QString &imagePath, const QString &mountPath, qint64 bytes);
    ~LoopDisk();
    LoopDisk(const LoopDisk &) = delete;
    LoopDisk &operator=(const LoopDisk &) = delete;

    bool isMounted() const { return m_mounted; }
    QString error() const { return m_error; }
    QString device() const { return m_device; } // /dev/loopN

private:
    bool run(const QString &tool, const QStringList &arguments, QByteArray *output = nullptr);

    QString m_imagePath;
    QString m_mountPath;
    QString m_device;
    bool m_mounted = false;
    QString m_error;
};

} // namespace TestSupport
