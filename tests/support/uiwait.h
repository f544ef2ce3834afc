// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The UI models and controllers do their slow work on worker threads and
// report with a signal; tests that only need the result wait for it here.

#include "ui/appcontroller.h"
#include "ui/companymodel.h"
#include "ui/restoresettings.h"

#include <QSignalSpy>
#include <QTest>

namespace TestSupport {

constexpr int uiWaitMs = 120000;
// How long a backup or restore run by JobController is waited for.
constexpr int jobTimeoutMs = 120000;

// CompanyModel::loadInstallation(), waited for: whether it loaded.
inline bool loadAndWait(Resguarda::CompanyModel &model, const QString &root,
                        const QString &systemCode)
{
    QSignalSpy loaded(&model, &Resguarda::CompanyModel::loaded);
    model.loadInstallation(root, systemCode);
    return loaded.wait(uiWaitMs) && loaded.first().first().toBool();
}

// RestoreSettings::updatePlan(), waited for: whether it ended.
inline bool planAndWait(Resguarda::RestoreSettings &settings)
{
    settings.updatePlan();
    return QTest::qWaitFor([&] { return !settings.planning(); }, uiWaitMs);
}

// RestoreSettings::openCopy(), waited for with its first plan and the
// newer-data check: whether the copy opened.
inline bool openAndWait(Resguarda::RestoreSettings &settings, const QString &path)
{
    QSignalSpy opened(&settings, &Resguarda::RestoreSettings::copyOpened);
    settings.openCopy(path);
    return opened.wait(uiWaitMs) && opened.first().first().toBool()
        && QTest::qWaitFor([&] { return !settings.planning() && !settings.checkingNewerData(); },
                           uiWaitMs);
}

// AppController::createDemo(), waited for: whether the demo is open.
inline bool createDemoAndWait(Resguarda::AppController &app)
{
    QSignalSpy created(&app, &Resguarda::AppController::demoCreated);
    app.createDemo();
    return created.wait(uiWaitMs) && created.first().first().toBool();
}

} // namespace TestSupport
