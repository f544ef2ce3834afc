// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/copyreader.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

// Helpers shared by the test suites: real files, real processes.
namespace TestSupport {

struct ProcessResult
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

// Runs program with args and waits (up to timeoutMs); -1 as the exit code
// when it crashed or timed out. extraEnv holds "NAME=value" entries added to
// the environment.
ProcessResult runProcess(const QString &program, const QStringList &args,
                         const QStringList &extraEnv = {}, int timeoutMs = 120000);

// Runs resguarda-cli with args and waits (up to timeoutMs). extraEnv holds
// "NAME=value" entries added to the environment.
ProcessResult runCli(const QStringList &args, const QStringList &extraEnv = {},
                     int timeoutMs = 120000);

// Relative path -> SHA-256 of every regular file below dir (and "path/" for
// every empty folder), to compare whole trees before and after an operation.
// The installation's history (Copias/historico.jsonl) is left out: every
// operation appends to it by design, even one refused before touching
// anything else (tst_history checks it).
QMap<QString, QByteArray> treeHashes(const QString &dir);

// Writes data to path, creating parent folders.
void writeFile(const QString &path, const QByteArray &data);

// Archive path -> SHA-256 of every entry of the copy at copyPath, read
// through CopyReader (CRC-checked); empty, with a warning, when unreadable.
QMap<QString, QByteArray> copyHashes(const QString &copyPath);

// The file entries of a copy, in its order, as CopyReader::scan() gives
// them (with where each is); problems receives what the scan found.
QList<Resguarda::ManifestEntry> copyEntries(Resguarda::CopyReader &reader,
                                            QStringList *problems = nullptr);
// Its folders, as the scan gives them.
QList<Resguarda::ManifestFolder> copyFolders(Resguarda::CopyReader &reader);

// Whether the copy at path opens and verifies (every entry read back
// against its CRC and the manifest).
bool copyIsSound(const QString &path);

// The names of the partial files (a copy being written) in folder.
QStringList partialFiles(const QString &folder);

// size bytes of incompressible data, the same for the same seed.
QByteArray randomBytes(qint64 size, quint32 seed);

// SHA-256 of a file's bytes.
QByteArray fileHash(const QString &path);

// Copies the tree at from to to (which must not exist), preserving nothing
// but names and contents. Returns false on any failure.
bool copyTree(const QString &from, const QString &to);

// Writes an installation of two systems, AT (Ativo Imobilizado) and CP
// (Compras), each with companies 0001 and 0002. The same code is a different
// company in each system: another name, CNPJ and data, so a copy that takes
// one for the other is caught by its contents.
bool writeTwoSystemInstallation(const QString &root);

} // namespace TestSupport
