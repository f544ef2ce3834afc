// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Resguarda {

// Everything the procedure's "Cópia de Segurança" screen asks, as one value that
// the CLI fills from its options and the QML wizard from its pages.
struct BackupOptions
{
    enum class Rotation { None, Weekday };

    QString root;
    QString systemCode; // empty: the installation's only system
    QString output; // a file, or an existing folder; empty: <root>/Copias
    // Codes of companies of the system named (systemCode); empty: every
    // company. With allSystems the other systems are copied whole: the same
    // code in another system is another company (systemselection.h).
    QStringList companies;
    bool templates = false; // "Inclui Modelos de Documentos"
    int archiveFromYear = 0; // "Não Considera Arquivos Mortos": 0 = every year
    bool allSystems = false; // "Gera Cópia dos Demais Sistemas"
    Rotation rotation = Rotation::None; // the procedure's "jogos de backup"
    QString extraLabel; // an extra copy, never replaced by rotation
    // "Apaga conteúdo do disco de destino": empty the destination volume, which
    // must be removable and not the installation's. Everything else on it is
    // deleted before writing; previous Copia*.zip files only once the new copy
    // is verified and in place, so a failed run never leaves the disk without one.
    bool wipeDestination = false;
    // The scheduled daily copy (resguarda-cli backup --scheduled): its
    // history record makes a failure show in red on the app's Home until a
    // later copy succeeds.
    bool scheduled = false;
    // Refuse a destination given in output that is not on a mounted volume
    // of its own (neither the system's root volume nor the installation's):
    // a scheduled copy to a pen drive that is not plugged in must fail, not
    // fill the empty folder it is mounted on. Without output the copy goes
    // to the installation's Copias, as asked, and this has no effect, so a
    // scheduler may always pass it.
    bool requireMountedDestination = false;
    // Write the copy even though some files or folders cannot be copied
    // (unreadable, links, special files): the copy is marked incomplete in
    // its manifest and everywhere it is shown. Off by default: a backup
    // that leaves something out fails, naming what.
    bool allowIncomplete = false;
    QDateTime now; // the clock, injectable for tests; invalid = current time
    // The time the copy's name is made from (an extra copy's date and time,
    // the weekday set), fixed when the summary showed the name so that the
    // file written has exactly the name shown. Invalid = the start of the run.
    QDateTime nameTime;
    int compressionLevel = 6;
    // Not empty: write protected copies, encrypted with this password (its
    // UTF-8 bytes), which must satisfy PasswordPolicy. Never written
    // anywhere: not in the history, the logs or the settings.
    QByteArray password;
    // Set when the front end refuses the backup before it starts (the
    // password file is not private, say): the job records it in the
    // installation's history, as any failure, and returns it.
    OperationError refusal;
};

} // namespace Resguarda
