// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "installation/sessionlock.h"

#include <QByteArray>
#include <QString>

// A session file's name and content, in the business system's format: the
// JSON the legacy clients write into sessoes/ ({"usuario", "maquina",
// "sistema", "desde"}), read as untrusted input. SessionLock does the
// locking; this only names, writes and parses.
namespace Resguarda::SessionFile {

// The host name goes into a file name: keep it to characters every file
// system and share accepts.
QString fileNameSafe(const QString &text);
// "<baseName>.lock", then "<baseName>-<attempt>.lock".
QString sessionFileName(const QString &baseName, int attempt);
// The file's content for info, one line of compact JSON.
QByteArray sessionJson(const SessionInfo &info);
// What a session file says; only filePath is set when it is not readable
// JSON (a byte order mark is accepted).
SessionInfo parseSessionFile(QByteArray content, const QString &path);

} // namespace Resguarda::SessionFile
