// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Resguarda {

// Installs the catalogue for locale (pt_BR, or English source strings when
// there is none) into app. Returns whether a catalogue was loaded.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());

} // namespace Resguarda
