// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Resguarda {

// Everything the procedure's "Restauração de Dados" screen asks.
struct RestoreOptions
{
    QString copyPath;
    // Where the copy came from, when copyPath is a local stand-in for it (a
    // copy fetched from an rclone remote): what the history and the journal
    // name. Empty: copyPath itself.
    QString copyOrigin;
    QString root;
    QStringList companies; // codes in the copy; empty: all of them
    bool replaceAll = false; // "Substitui dados existentes": other companies are eliminated
    bool templates = false; // "Inclui Modelos de Documentos"
    int archiveFromYear = 0; // "Não considera arquivos mortos": 0 = every year
    bool safetyCopy = true; // copy what is replaced or eliminated first
    QDateTime now; // the clock, injectable for tests; invalid = current time
    int compressionLevel = 6;
    // The password of a protected copy (its UTF-8 bytes), which also
    // protects the safety copy. Never written anywhere.
    QByteArray password;
};

} // namespace Resguarda
