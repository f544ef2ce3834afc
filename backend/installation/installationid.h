// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Resguarda {

// The identity of an installation: a random UUID kept in a small file of its
// root (docs/installation-format.md), written into every copy's manifest so
// that a copy found anywhere, on any machine and under any path, says which
// installation it is of. Every user can write the installation tree, so the
// file is read as hostile input: anything but a regular file holding one
// UUID (a link, a FIFO, a huge or garbled file) is "no id".
namespace InstallationId {

inline constexpr char16_t fileName[] = u".resguarda-instalacao";

// The id recorded in root, in its canonical form; empty when there is none
// or what is there is not a valid id. Never blocks or follows a link.
QString read(const QString &root);

// The id of root, creating the file with a new id when there is none.
// Anything already at the file's name that is not a valid id is left as it
// is (it is not ours to overwrite) and the result is empty: copies made then
// carry no id. *error receives why, for the log.
QString ensure(const QString &root, QString *error = nullptr);

// True when text is an id as read() returns it.
bool isValid(const QString &text);

} // namespace InstallationId

} // namespace Resguarda
