// SPDX-License-Identifier: GPL-3.0-or-later
// What a restore will do, as QML lists it (ui/restoreplanmodel.h), from
// real plans: a demo installation and a real copy written by BackupJob. The
// model runs under QAbstractItemModelTester.

#include "core/filesystem.h"
#include "installation/installation.h"
#include "restore/restoreplan.h"
#include "support/isolatedhome.h"
#include "support/uimodelfixture.h"
#include "ui/restoreplanmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

class TestRestorePlanModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    UiModelFixture m_models;

    std::optional<RestorePlan> planFor(const QString &root, const QStringList &companies,
                                       bool replaceAll, bool templates)
    {
        OperationError error;
        const auto installation = Installation::open(root, &error);
        if (!installation) {
            qWarning() << error.message;
            return std::nullopt;
        }
        RestoreOptions options;
        options.copyPath = m_models.fullCopy;
        options.root = root;
        options.companies = companies;
        options.replaceAll = replaceAll;
        options.templates = templates;
        auto plan
            = RestorePlan::make(manifestOf(m_models.fullCopy), *installation, options, &error);
        if (!plan)
            qWarning() << error.message;
        return plan;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateHome(m_dir.path());
        m_models.create(m_dir.path());
    }

    void planReplacesAndKeeps()
    {
        const auto plan = planFor(m_models.root, {u"0001"_s, u"0003"_s}, false, true);
        QVERIFY(plan);
        RestorePlanModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy changed(&model, &RestorePlanModel::planChanged);
        model.setPlan(*plan);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(column(model, RestorePlanModel::CodeRole),
                 QStringList({u"0001"_s, u"0003"_s, u"0002"_s, u"0004"_s, u"0005"_s, u"0006"_s}));
        const Manifest manifest = manifestOf(m_models.fullCopy);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString code = index.data(RestorePlanModel::CodeRole).toString();
            const qint64 installed = folderBytes(m_models.companyDir(m_models.root, code));
            const bool restored = row < 2;
            QCOMPARE(index.data(RestorePlanModel::ActionRole).toInt(),
                     int(restored ? RestorePlanModel::Replace : RestorePlanModel::Keep));
            QCOMPARE(index.data(RestorePlanModel::ActionTextRole).toString(),
                     restored ? u"will be replaced"_s : u"will be kept"_s);
            QCOMPARE(index.data(RestorePlanModel::InstalledBytesRole).toLongLong(), installed);
            const auto inCopy
                = std::find_if(manifest.companies.begin(), manifest.companies.end(),
                               [&](const ManifestCompany &c) { return c.code == code; });
            QVERIFY(inCopy != manifest.companies.end());
            QCOMPARE(index.data(RestorePlanModel::NameRole).toString(), inCopy->name);
            QCOMPARE(index.data(RestorePlanModel::CnpjRole).toString(), inCopy->cnpj);
            QCOMPARE(index.data(RestorePlanModel::CopyBytesRole).toLongLong(),
                     restored ? inCopy->bytes : 0);
            QCOMPARE(index.data(RestorePlanModel::SizeTextRole).toString(),
                     FileSystem::formatSize(restored ? inCopy->bytes : installed));
        }
        QCOMPARE(model.replacedCount(), 2);
        QCOMPARE(model.keptCount(), 4);
        QCOMPARE(model.addedCount(), 0);
        QCOMPARE(model.eliminatedCount(), 0);
        QCOMPARE(model.eliminatedNames(), QStringList());
        const auto templates = std::count_if(
            manifest.entries.begin(), manifest.entries.end(),
            [](const ManifestEntry &entry) { return entry.path.startsWith(u"CP/modelos/"_s); });
        QVERIFY(templates > 0);
        QCOMPARE(model.templatesReplaced(), int(templates));
        QCOMPARE(model.templatesAdded(), 0);
        QVERIFY(model.changesExistingData());
        // The safety copy holds the replaced companies and the installation's
        // versions of the templates the copy replaces.
        QCOMPARE(model.bytesToSafeguard(),
                 folderBytes(m_models.companyDir(m_models.root, u"0001"_s))
                     + folderBytes(m_models.companyDir(m_models.root, u"0003"_s))
                     + folderBytes(m_models.root + u"/CP/modelos"_s));
        qint64 extract = 0;
        for (const auto &entry : manifest.entries) {
            if (entry.path.startsWith(u"CP/empresas/0001/"_s)
                || entry.path.startsWith(u"CP/empresas/0003/"_s)
                || entry.path.startsWith(u"CP/modelos/"_s))
                extract += entry.size;
        }
        QCOMPARE(model.bytesToExtract(), extract);

        model.clear();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.replacedCount(), 0);
        QCOMPARE(model.keptCount(), 0);
        QCOMPARE(model.templatesReplaced(), 0);
        QCOMPARE(model.bytesToExtract(), 0);
        QVERIFY(!model.changesExistingData());
    }

    void planEliminatesWithReplaceAll()
    {
        const auto plan = planFor(m_models.root, {u"0001"_s, u"0003"_s}, true, false);
        QVERIFY(plan);
        RestorePlanModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        model.setPlan(*plan);
        QCOMPARE(model.replacedCount(), 2);
        QCOMPARE(model.eliminatedCount(), 4);
        QCOMPARE(model.keptCount(), 0);
        QCOMPARE(model.templatesReplaced(), 0);
        QCOMPARE(model.eliminatedNames(),
                 QStringList({u"0002 Construções Ângelo & Filhos Ltda"_s,
                              u"0004 Transportes Irmãos Araújo Ltda"_s,
                              u"0005 Farmácia Nossa Senhora Aparecida EIRELI"_s,
                              u"0006 Comércio de Materiais Elétricos Luz & Força Ltda"_s}));
        QCOMPARE(model.index(2).data(RestorePlanModel::ActionRole).toInt(),
                 int(RestorePlanModel::Eliminate));
        QCOMPARE(model.index(2).data(RestorePlanModel::ActionTextRole).toString(),
                 u"will be ELIMINATED"_s);
        QCOMPARE(
            model.index(2).data(RestorePlanModel::SizeTextRole).toString(),
            FileSystem::formatSize(folderBytes(m_models.companyDir(m_models.root, u"0002"_s))));
        // Everything of CP's companies goes into the safety copy first.
        qint64 all = 0;
        for (const QString &code : model.property("eliminatedNames").toStringList())
            all += folderBytes(m_models.companyDir(m_models.root, code.left(4)));
        all += folderBytes(m_models.companyDir(m_models.root, u"0001"_s))
            + folderBytes(m_models.companyDir(m_models.root, u"0003"_s));
        QCOMPARE(model.bytesToSafeguard(), all);
        QVERIFY(model.changesExistingData());
        QCOMPARE(model.roleNames().value(RestorePlanModel::ActionTextRole),
                 QByteArray("actionText"));
    }

    void planAddsWhatTheInstallationLacks()
    {
        const QString other = m_models.installationMissing0006();
        QVERIFY(!other.isEmpty());
        const Manifest manifest = manifestOf(m_models.fullCopy);
        RestorePlanModel model;
        QAbstractItemModelTester tester(&model, testerMode);

        auto plan = planFor(other, {}, false, true);
        QVERIFY(plan);
        model.setPlan(*plan);
        QCOMPARE(model.replacedCount(), 5);
        QCOMPARE(model.addedCount(), 1);
        const int added = rowOfCode(model, u"0006"_s, RestorePlanModel::CodeRole);
        QVERIFY(added >= 0);
        const QModelIndex index = model.index(added);
        QCOMPARE(index.data(RestorePlanModel::ActionRole).toInt(), int(RestorePlanModel::Add));
        QCOMPARE(index.data(RestorePlanModel::ActionTextRole).toString(), u"will be added"_s);
        QCOMPARE(index.data(RestorePlanModel::InstalledBytesRole).toLongLong(), 0);
        QCOMPARE(index.data(RestorePlanModel::CopyBytesRole).toLongLong(),
                 manifest.companies.at(5).bytes);
        QCOMPARE(index.data(RestorePlanModel::SizeTextRole).toString(),
                 FileSystem::formatSize(manifest.companies.at(5).bytes));
        // The installation has no templates of CP: all are added.
        QVERIFY(model.templatesAdded() > 0);
        QCOMPARE(model.templatesReplaced(), 0);

        // Only a new company: nothing existing changes, nothing to safeguard.
        plan = planFor(other, {u"0006"_s}, false, false);
        QVERIFY(plan);
        model.setPlan(*plan);
        QCOMPARE(model.addedCount(), 1);
        QCOMPARE(model.keptCount(), 5);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.templatesAdded(), 0);
        QVERIFY(!model.changesExistingData());
        QCOMPARE(model.bytesToSafeguard(), 0);
        QCOMPARE(model.bytesToExtract(), manifest.companies.at(5).bytes);
    }
};

QTEST_GUILESS_MAIN(TestRestorePlanModel)
#include "tst_restoreplanmodel.moc"
