// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Resguarda::ArchiveYears {

// "Não Considera Arquivos Mortos": the year from which annual and monthly
// tables are copied or restored. One range for the backup, the restore, the
// wizards' year fields and their validation, so that a field never offers a
// year its step then refuses.
inline constexpr int minimum = 1990;
// Next year: tables for it may already exist at the turn of the year.
int maximum();
// Five years back, as the business system keeps them; within the range.
int defaultFrom();
bool isValid(int year);

} // namespace Resguarda::ArchiveYears
