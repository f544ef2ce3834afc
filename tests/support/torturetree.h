// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <ctime>

// The files a real installation holds and a naive copy loses: names in
// legacy encodings or with characters other systems reserve, paths longer
// than a file name or than PATH_MAX, hundreds of thousands of small files,
// names equal once normalised or case-folded, a sparse file over 4 GiB,
// empty folders, permission bits and past modification times. Plus, apart,
// what cannot be copied at all (links, FIFOs, unreadable files and folders).
//
// Everything works on raw bytes through openat/mkdirat relative steps, so
// names are never decoded and paths may exceed PATH_MAX. Used by the tests
// (tst_roundtrip) and by helpers/make-torture-tree for benchmarks.
namespace TestSupport {

struct TortureOptions
{
    // hist\xf3rico.dat and others in Latin-1 and CP1252 (\x80 is the euro
    // sign there), beside names that a lossy decoding or a %XX escaping
    // would make equal to them.
    bool legacyEncodings = true;
    // ':', '\', '%' (and names that look %XX-escaped), the controls \x01,
    // \t, \n, \x7f, "C:\fim.dat", a trailing space and a trailing dot in names.
    bool reservedCharacters = true;
    // One path of more than 256 bytes and one of longPathBytes, both
    // relative to the folder the tree is added to.
    bool longPaths = true;
    int longPathBytes = 4000;
    // 0-byte files, one of them alone in its folder.
    bool emptyFiles = true;
    // One folder of that many NF-e-like XML files of 1.5 to 4.5 KB each.
    int smallFiles = 100000;
    // "Relatório" in NFC and in NFD, and Saldo.dat, saldo.dat, SALDO.DAT:
    // different files on Linux, one on a normalising or case-folding system.
    bool normalisationAndCase = true;
    // A sparse file of sparseFileBytes with a few real bytes at its start and
    // its end. Off by default: it takes seconds to copy and to compare.
    bool sparseFile = false;
    qint64 sparseFileBytes = (qint64(4) << 30) + (qint64(1) << 20) + 17;
    // Empty folders, nested ones and mensal/2026-11/ among them.
    bool emptyFolders = true;
    // Files 0600, 0640, 0660, 0755 and folders 0750, 0700 (every other file
    // 0644, every other folder 0755, whatever the umask).
    bool variedModes = true;
    // One file dated 1979-12-31, before the earliest time a ZIP's DOS date
    // can hold, and one with an odd number of seconds, which DOS time (2 s
    // steps) cannot hold either.
    bool extremeTimes = true;
    // Varies contents and times.
    quint32 seed = 1;
};

struct TortureResult
{
    QString error; // empty on success
    qint64 files = 0;
    qint64 folders = 0;
    qint64 bytes = 0; // logical size of the files
    // Every path created, raw, relative to the folder, folders with a
    // trailing '/'. The small files appear as their folder alone.
    QList<QByteArray> paths;
};

// Adds the cases chosen in options below folder (an existing folder, usually
// a company's <root>/<SIS>/empresas/<COD>); the torture cases go into
// folder/tortura/, the empty monthly table folder into folder/mensal/2026-11/
// and the small files into folder/mensal/2026-10/nfe/. Modification times
// are all in the past and set last, folders after their contents, folder
// itself included.
TortureResult addTortureTree(const QString &folder, const TortureOptions &options);

// Makes <root>/<SIS>/empresas/<code> with an empresa.json when it does not
// exist, and returns its path; empty, with error set, on failure.
QString ensureCompany(const QString &root, const QString &system, const QString &code,
                      QString *error);

// Writes one file at the raw path below folder, creating the folders on the
// way one step at a time (so path may exceed PATH_MAX), with mode whatever
// the umask. Returns an error message, empty on success.
QString addFile(const QString &folder, const QByteArray &path, const QByteArray &data,
                int mode = 0644);

// A relative path of exactly bytes bytes starting with prefix: folder names
// of 200 bytes (each with a two-byte UTF-8 letter), then a file name.
QByteArray longRelativePath(const QByteArray &prefix, int bytes);

struct UncopyableOptions
{
    bool symlink = true; // tortura-nao-copiavel/atalho.dat -> ../empresa.json
    bool fifo = true; // tortura-nao-copiavel/fila
    bool unreadableFile = true; // tortura-nao-copiavel/sem-leitura.dat, mode 000
    bool unreadableFolder
        = true; // tortura-nao-copiavel/pasta-sem-leitura/, mode 000, holding a file
    // A character device (like /dev/null); needs CAP_MKNOD, so off by default.
    bool device = false;
};

// Adds below folder what no copy can hold: returns the paths created, raw,
// relative to folder, in the order of the options; error set on failure.
// An unreadable file or folder is unreadable only to a process without
// CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: run the program under test with
// withoutFileCapabilities().
TortureResult addUncopyableCases(const QString &folder, const UncopyableOptions &options);

// The program and arguments that run program with the capabilities that let
// root ignore permission bits (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) dropped
// from its bounding and inheritable sets, through setpriv(1), when this
// process is root; unchanged otherwise.
struct Command
{
    QString program;
    QStringList arguments;
};
Command withoutFileCapabilities(const QString &program, const QStringList &arguments);

// Removes path and everything below it, whatever the names and depth
// (QDir::removeRecursively() decodes names and cannot remove Latin-1 ones).
bool removeTree(const QString &path);

// A raw path for messages: printable ASCII as is, every other byte \xHH
// (and '\' as \\), so two different names never print the same.
QString escapedPath(const QByteArray &raw);

} // namespace TestSupport
