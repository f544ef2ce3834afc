// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the suites of the list models QML sees (CompanyModel, RestorePlanModel,
// DrivesModel, HistoryModel) share: an installation with the copies a user
// would have made of it, and ways to read a model and a folder without the
// models' own code.

#include "copy/manifest.h"
#include "producer/backupoptions.h"

#include <QAbstractItemModel>
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace TestSupport {

constexpr auto testerMode = QAbstractItemModelTester::FailureReportingMode::QtTest;

// Size and number of the regular files below dir, walked without the backend.
qint64 folderBytes(const QString &dir, qint64 *files = nullptr);

// The values of role in every row of model, in order.
QStringList column(const QAbstractItemModel &model, int role);
int rowOfCode(const QAbstractItemModel &model, const QString &code, int role);

QDateTime localTime(int year, int month, int day, int hour, int minute);

// Writes data to path, creating parent folders: the bytes written, -1 when
// it could not.
qint64 writeBytes(const QString &path, const QByteArray &data);

// The manifest of the copy at copyPath, with the file list the copy's
// central directory gives (for sums to check against).
Resguarda::Manifest manifestOf(const QString &copyPath);

// A demo installation of six companies in CP (0001 to 0006), with the copies
// the history lists, each made the way the app makes it: CopiaCP.zip (every
// company, with templates), Wednesday's and Monday's sets, an extra copy, a
// real restore's safety copy; beside them a damaged copy, a partial file and
// a ZIP that is no copy. create() checks each step as initTestCase() would.
class UiModelFixture
{
public:
    void create(const QString &scratch);

    QString root;
    QString fullCopy; // CopiaCP.zip: every company of CP, with templates
    QString safetyCopy;
    QString damaged;

    static QString companyDir(const QString &root, const QString &code)
    {
        return root + QStringLiteral("/CP/empresas/") + code;
    }

    // A copy of CP of root made with options: its path, empty on failure.
    QString backup(Resguarda::BackupOptions options) const;

    // CP of root without company 0006 and without templates, made once.
    QString installationMissing0006() const;

private:
    QString m_scratch;
};

} // namespace TestSupport
