// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/history.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Resguarda {

// What HistoryModel shows, read from disk by one function that touches no
// QObject, so that it runs on a worker thread: reading the manifests of a
// few big copies takes seconds on a slow disk, and Home must not freeze.
namespace HistoryScan {

// Why a copy found is not counted as this installation's protection.
enum class Origin {
    Own, // of this installation (its id, or recorded in its history) and of the system
    OtherInstallation, // its manifest names another installation
    OtherSystem, // of this installation, but of another system than the one chosen
    Unknown, // no id in the manifest (an older copy) and not in this installation's history
};

struct Copy
{
    QString path;
    QString systemCode;
    QDateTime createdAt;
    qint64 bytes = 0;
    int companies = 0;
    QString weekdaySet;
    bool extra = false;
    bool safetyCopy = false;
    bool onInstallationDisk = false;
    bool valid = false;
    qint64 leftOut = 0;
    // A protected copy (ProtectedCopy): its manifest is encrypted, so what
    // is known of it is its mark (the system), and when it was made from
    // the history or the file's date.
    bool protectedCopy = false;
    Origin origin = Origin::Unknown;
    bool own() const { return origin == Origin::Own; }
};

struct Request
{
    QString root; // the installation; empty for none
    QString systemCode; // the system chosen; empty: any system of the installation
    QStringList extraFolders; // remembered destinations
};

struct Result
{
    // This installation's copies first, then the others; each newest first.
    QList<Copy> copies;
    std::optional<HistoryRecord> pendingFailure;
    std::optional<HistoryRecord> pendingIncomplete;
    History::OffsiteState offsite; // the copies sent off site (rclone)
};

// Reads <root>/Copias and the extra folders: only each copy's manifest.
// Thread-safe: it shares nothing.
Result run(const Request &request);

} // namespace HistoryScan

} // namespace Resguarda
