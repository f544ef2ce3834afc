// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace Resguarda {

// The one place the app's settings live (remembered installation, system,
// destinations, kiosk). Every reader and writer goes through open(), which
// resolves the file at the moment of use: a QSettings made from an
// organisation and application name caches its folder the first time one is
// created, possibly before a test switched QStandardPaths to test mode, and
// then reads and changes the real user's settings.
class AppSettings
{
public:
    // <config>/Resguarda/resguarda.conf, <config> being
    // QStandardPaths::GenericConfigLocation now (~/.config, or the test
    // folder in test mode): the file QSettings("Resguarda", "resguarda") used,
    // so settings remembered by earlier versions are kept. Or the file given
    // to setFilePath().
    static QString filePath();
    // Tests point the settings at a file of their own; empty restores the default.
    static void setFilePath(const QString &path);
    // The settings, opened on filePath() as it is now.
    static std::unique_ptr<QSettings> open();
};

} // namespace Resguarda
