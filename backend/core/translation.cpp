// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Resguarda {

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("resguarda"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    app.installTranslator(own);
    // Qt's own strings (dialog buttons, file errors) in the same language.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace Resguarda
