// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileInfo>
#include <QString>

#include <atomic>
#include <functional>

namespace Resguarda {

// Walks a volume for a wipe or for counting what a wipe would erase. Symbolic
// links are entries like files, never followed; folders of another volume
// mounted inside are not entered (and lost+found, the file system's own, is
// left alone): whatever happens, nothing outside the volume is reached.
class VolumeWalk
{
public:
    enum class Visit { Removed, Kept, Stop };

    // Called for every entry that is not a folder.
    std::function<Visit(const QFileInfo &entry)> onEntry;
    // Called for every folder after its contents, with whether anything was
    // kept inside it (the folder itself may then be removed).
    std::function<void(const QString &folder, bool keptInside)> afterFolder;

    // How many files (and links) below volumeRoot emptying it would erase,
    // counting no further than limit. cancelled, when given and set
    // meanwhile, stops the count early.
    static int countFiles(const QString &volumeRoot, int limit,
                          const std::atomic_bool *cancelled = nullptr);

    // Returns false when stopped.
    bool run(const QString &volume);

private:
    bool sameDevice(const QString &folder) const;
    bool walk(const QString &folder, bool isVolumeRoot, bool *keptInside);

    quint64 m_device = 0;
};

} // namespace Resguarda
