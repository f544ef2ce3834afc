// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>

namespace Resguarda {

class Installation;
struct Manifest;

// A company of the copy whose data in the installation changed after the
// copy was made: restoring the copy over it throws that work away.
struct NewerCompany
{
    QString code;
    QDateTime newestChange; // the newest file of the company in the installation
    QDateTime copyDate; // the copy's own date for the company
};

// Finds the companies whose installed data is newer than a copy: restoring
// an older copy over newer work is how an office loses a week of it.
//
// The installation is a tree every user can write: no link is followed, the
// walk stops at a depth and an entry budget, and it can be cancelled. It
// reads every folder of the companies, so callers with a screen run it off
// the GUI thread.
class NewerData
{
    Q_DECLARE_TR_FUNCTIONS(NewerData)

public:
    // Deeper folders than this are not looked into (no company has them).
    static constexpr int maxDepth = 32;
    // Entries examined in all, over every company: a tree planted with
    // millions of files cannot hold the restore up for long.
    static constexpr qint64 maxEntries = 4'000'000;
    // File times on FAT and some network shares round to 2 seconds: a
    // file saved as the copy was being made is not newer than it.
    static constexpr qint64 toleranceSeconds = 2;

    // The newest modification time of a regular file below the folder of
    // each of codes (those of system that exist in the installation); a
    // company with no file, or that cannot be read, is left out.
    static QHash<QString, QDateTime> newestChanges(const Installation &installation,
                                                   const QString &systemCode,
                                                   const QStringList &codes,
                                                   const std::atomic_bool *cancelled = nullptr);

    // The copy's date for a company: the manifest records the moment the
    // copy was made, not a date per company.
    static QDateTime copyDateOf(const Manifest &manifest, const QString &code);

    // The companies of the copy that exist in the installation with data
    // newer than the copy, in the copy's order.
    static QList<NewerCompany> find(const Manifest &manifest, const Installation &installation,
                                    const std::atomic_bool *cancelled = nullptr);
    // The same from changes newestChanges() already measured.
    static QList<NewerCompany> compare(const Manifest &manifest,
                                       const QHash<QString, QDateTime> &newestChanges);

    // "the current data is from 25/11/2026, newer than the copy of
    // 18/11/2026", dates in the current locale.
    static QString describe(const NewerCompany &company);
};

} // namespace Resguarda
