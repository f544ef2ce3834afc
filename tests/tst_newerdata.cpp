// SPDX-License-Identifier: GPL-3.0-or-later
// The warning before an older copy is restored over newer work, and the
// restore confirmation's groups: real installations whose files are dated
// after the copy, real copies, the CLI as a separate process.
#include "copy/copyreader.h"
#include "core/filesystem.h"
#include "installation/installation.h"
#include "restore/newerdata.h"
#include "restore/restoreplan.h"
#include "support/demofixture.h"
#include "support/isolatedhome.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"
#include "support/uiwait.h"
#include "ui/companymodel.h"
#include "ui/restoreplanmodel.h"
#include "ui/restoresettings.h"
#include "ui/restoresummary.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/time.h>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

// Sets the modification time of every file and folder below dir, without
// following links (lutimes), as if nothing had changed since then.
bool dateTree(const QString &dir, const QDateTime &when)
{
    const timeval times[2]
        = {{time_t(when.toSecsSinceEpoch()), 0}, {time_t(when.toSecsSinceEpoch()), 0}};
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (::lutimes(QFile::encodeName(it.next()).constData(), times) != 0)
            return false;
    }
    return true;
}

bool touch(const QString &path, const QDateTime &when)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(when, QFileDevice::FileModificationTime);
}

QString anyFileOf(const QString &dir)
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

} // namespace

class TestNewerData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_copy;
    QDateTime m_copyDate; // the copy's creation time, from its manifest
    QDateTime m_worked; // when 0002 was worked on after the copy
    QDateTime m_untouched; // the time of every other file
    QString m_outside; // a folder outside the installation with a newer file

    QString company(const QString &code) const { return m_root + u"/CP/empresas/"_s + code; }

    Manifest manifest() const
    {
        OperationError error;
        const auto reader = CopyReader::open(m_copy, &error);
        return reader ? reader->manifest() : Manifest();
    }

    std::optional<RestorePlan> plan(const QStringList &codes, bool replaceAll, bool templates)
    {
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        if (!installation)
            return std::nullopt;
        RestoreOptions options;
        options.copyPath = m_copy;
        options.root = m_root;
        options.companies = codes;
        options.replaceAll = replaceAll;
        options.templates = templates;
        return RestorePlan::make(manifest(), *installation, options, &error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TestSupport::isolateHome(m_dir.path());
        QLocale::setDefault(QLocale(QLocale::Portuguese, QLocale::Brazil));
        m_root = m_dir.filePath(u"instalacao"_s);
        DemoFixture demo(6, 3, 4, 3, 2025); // CP holds 0001 to 0006
        const OperationError created = demo.create(m_root);
        QVERIFY2(!created, qPrintable(created.message));

        // Nothing changed since ten days ago; the copy is from nine days ago.
        const QDateTime now = QDateTime::currentDateTime();
        m_untouched = QDateTime::fromSecsSinceEpoch(now.addDays(-10).toSecsSinceEpoch());
        QVERIFY(dateTree(m_root, m_untouched));
        BackupOptions options;
        options.root = m_root;
        options.systemCode = u"CP"_s;
        options.output = m_dir.filePath(u"copias"_s);
        options.templates = true;
        options.now = now.addDays(-9);
        OperationError error;
        m_copy = makeCopy(options, &error);
        QVERIFY2(!error, qPrintable(error.message));
        m_copyDate = manifest().createdAt;
        QCOMPARE(m_copyDate.toSecsSinceEpoch(), options.now.toSecsSinceEpoch());

        // Work on 0002 after the copy, three days ago.
        m_worked = now.addDays(-3);
        const QString changed = anyFileOf(company(u"0002"_s));
        QVERIFY(!changed.isEmpty());
        QVERIFY(touch(changed, m_worked));

        // A link in 0003 to a folder outside the installation that holds a
        // newer file: never followed, so 0003 is not newer.
        m_outside = m_dir.filePath(u"fora"_s);
        QVERIFY(QDir().mkpath(m_outside));
        QVERIFY(touch(m_outside + u"/novo.dat"_s, now.addDays(-1)));
        QVERIFY(QFile::link(m_outside, company(u"0003"_s) + u"/atalho"_s));
        // A link to a file is not followed either, whatever its own time.
        QVERIFY(QFile::link(m_outside + u"/novo.dat"_s, company(u"0003"_s) + u"/atalho.dat"_s));
        // A file saved within the tolerance of the copy's time is not newer.
        QVERIFY(touch(anyFileOf(company(u"0004"_s)), m_copyDate.addSecs(1)));
    }

    void newestChangeOfEachCompany()
    {
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation);
        const auto changes = NewerData::newestChanges(
            *installation, u"CP"_s, {u"0001"_s, u"0002"_s, u"0003"_s, u"0099"_s, u"../CP"_s});
        QCOMPARE(changes.value(u"0002"_s).toSecsSinceEpoch(), m_worked.toSecsSinceEpoch());
        QCOMPARE(changes.value(u"0001"_s).toSecsSinceEpoch(), m_untouched.toSecsSinceEpoch());
        // The link's target is newer, but it is not the company's.
        QCOMPARE(changes.value(u"0003"_s).toSecsSinceEpoch(), m_untouched.toSecsSinceEpoch());
        QVERIFY(!changes.contains(u"0099"_s));
        QVERIFY(!changes.contains(u"../CP"_s));

        std::atomic_bool cancelled {true};
        QVERIFY(
            NewerData::newestChanges(*installation, u"CP"_s, {u"0002"_s}, &cancelled).isEmpty());
    }

    void findsOnlyTheCompaniesChangedAfterTheCopy()
    {
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation);
        const auto newer = NewerData::find(manifest(), *installation);
        QCOMPARE(newer.size(), 1);
        QCOMPARE(newer.first().code, u"0002"_s);
        QCOMPARE(newer.first().newestChange.toSecsSinceEpoch(), m_worked.toSecsSinceEpoch());
        QCOMPARE(newer.first().copyDate, m_copyDate);
        const QLocale locale;
        QCOMPARE(NewerData::describe(newer.first()),
                 u"the current data is from %1, newer than the copy of %2"_s.arg(
                     locale.toString(m_worked.date(), QLocale::ShortFormat),
                     locale.toString(m_copyDate.toLocalTime().date(), QLocale::ShortFormat)));
    }

    // The confirmation: newer data first, then what is eliminated, each
    // group counted and measured; long groups start folded.
    void summaryGroupsPutWhatLosesWorkFirst()
    {
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation);
        const auto newer = NewerData::find(manifest(), *installation);
        const auto restore = plan({u"0001"_s, u"0002"_s}, true, true);
        QVERIFY(restore);
        const auto groups = RestoreSummary::groups(*restore, newer);
        using Kind = RestoreSummaryGroup::Kind;
        QList<Kind> kinds;
        for (const auto &group : groups)
            kinds << group.kind;
        QCOMPARE(kinds,
                 QList<Kind>({Kind::NewerData, Kind::Eliminated, Kind::Replaced, Kind::Templates}));
        QCOMPARE(groups[0].count, 1);
        QCOMPARE(groups[0].tone, RestoreSummaryGroup::Tone::Danger);
        QVERIFY2(groups[0].lines.first().startsWith(u"0002"_s),
                 qPrintable(groups[0].lines.first()));
        QVERIFY(groups[0].lines.first().contains(u"newer than the copy"_s));
        QCOMPARE(groups[1].count, 4);
        QCOMPARE(groups[1].tone, RestoreSummaryGroup::Tone::Danger);
        QCOMPARE(groups[1].title, u"4 company(ies) will be ELIMINATED"_s);
        qint64 eliminated = 0;
        for (const auto &company : restore->companiesWith(RestorePlanCompany::Action::Eliminate))
            eliminated += company.installedBytes;
        QCOMPARE(groups[1].bytes, eliminated);
        QVERIFY(eliminated > 0);
        QCOMPARE(groups[2].count, 2);
        QCOMPARE(groups[2].lines.size(), 2);
        QVERIFY(groups[3].count > 0);
        for (const auto &group : groups)
            QVERIFY(group.expanded); // few of each

        // A company newer here that is not restored loses nothing: no warning.
        const auto only0001 = plan({u"0001"_s}, false, false);
        QVERIFY(only0001);
        const auto kept = RestoreSummary::groups(*only0001, newer);
        QCOMPARE(kept.first().kind, Kind::Replaced);
        QCOMPARE(kept.last().kind, Kind::Kept);
        QCOMPARE(kept.last().count, 5);
        QCOMPARE(kept.last().title, u"5 company(ies) will be kept as they are"_s);

        // Many companies: the group starts folded, the count says how many.
        RestorePlan many;
        for (int i = 0; i < 300; ++i) {
            RestorePlanCompany company;
            company.action = RestorePlanCompany::Action::Replace;
            company.code = u"%1"_s.arg(i + 1, 4, 10, QChar(u'0'));
            company.copyBytes = 1000;
            many.companies << company;
        }
        const auto folded = RestoreSummary::groups(many, {});
        QCOMPARE(folded.size(), 1);
        QCOMPARE(folded.first().count, 300);
        QCOMPARE(folded.first().bytes, 300000);
        QVERIFY(!folded.first().expanded);
        QCOMPARE(folded.first().lines.size(), 300);
    }

    void planModelCarriesTheGroupsAndTheNewerText()
    {
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation);
        const auto restore = plan({}, false, false);
        QVERIFY(restore);
        RestorePlanModel model;
        model.setPlan(*restore);
        QCOMPARE(model.newerCount(), 0);
        model.setNewerData(NewerData::find(manifest(), *installation));
        QCOMPARE(model.newerCount(), 1);
        const QVariantList groups = model.property("groups").toList();
        QCOMPARE(groups.first().toMap().value(u"kind"_s).toString(), u"newer"_s);
        QCOMPARE(groups.first().toMap().value(u"tone"_s).toString(), u"danger"_s);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const bool is0002 = index.data(RestorePlanModel::CodeRole).toString() == u"0002"_s;
            QCOMPARE(index.data(RestorePlanModel::NewerTextRole).toString().isEmpty(), !is0002);
        }
        // A new plan keeps what was found about the installation.
        model.setPlan(*restore);
        QCOMPARE(model.newerCount(), 1);
    }

    // The preview: a company left unchecked is not replaced, and says so.
    void previewSaysWhatHappensToEachCompany()
    {
        CompanyModel model;
        model.loadManifest(manifest(), m_root);
        const int row = 1;
        QCOMPARE(model.index(row).data(CompanyModel::CodeRole).toString(), u"0002"_s);
        QCOMPARE(model.index(row).data(CompanyModel::RestoreTextRole).toString(),
                 u"will be replaced"_s);
        model.setSelected(row, false);
        QCOMPARE(model.index(row).data(CompanyModel::RestoreTextRole).toString(),
                 u"not restored: kept as it is"_s);
        model.setNewerTexts({{u"0002"_s, u"newer"_s}});
        QCOMPARE(model.index(row).data(CompanyModel::NewerTextRole).toString(), u"newer"_s);
        QVERIFY(!model.index(row).data(CompanyModel::NewerWarningRole).toBool());
        model.setSelected(row, true);
        QVERIFY(model.index(row).data(CompanyModel::NewerWarningRole).toBool());

        // Into an installation that lacks them: added, or not restored.
        CompanyModel elsewhere;
        elsewhere.loadManifest(manifest(), m_dir.filePath(u"nenhuma"_s));
        QCOMPARE(elsewhere.index(0).data(CompanyModel::RestoreTextRole).toString(),
                 u"will be added"_s);
        elsewhere.setSelected(0, false);
        QCOMPARE(elsewhere.index(0).data(CompanyModel::RestoreTextRole).toString(),
                 u"not restored"_s);
        // The backup's list says nothing of the kind.
        CompanyModel backup;
        QVERIFY(TestSupport::loadAndWait(backup, m_root, u"CP"_s));
        QVERIFY(backup.index(0).data(CompanyModel::RestoreTextRole).toString().isEmpty());
    }

    // The wizard's settings find it off the GUI thread once the copy is open.
    void settingsCheckTheCopyAgainstTheInstallation()
    {
        RestoreSettings settings;
        settings.setRoot(m_root);
        QSignalSpy found(&settings, &RestoreSettings::newerDataChanged);
        QVERIFY(TestSupport::openAndWait(settings, m_copy));
        QTRY_VERIFY(!settings.checkingNewerData());
        QCOMPARE(settings.newerCompanies().size(), 1);
        QCOMPARE(settings.newerCompanies().first().code, u"0002"_s);
        QCOMPARE(settings.plan()->newerCount(), 1);
        const QModelIndex row = settings.companies()->index(1);
        QCOMPARE(row.data(CompanyModel::CodeRole).toString(), u"0002"_s);
        QVERIFY(
            row.data(CompanyModel::NewerTextRole).toString().contains(u"newer than the copy"_s));
        QVERIFY(row.data(CompanyModel::NewerWarningRole).toBool());
        settings.closeCopy();
        QVERIFY(settings.newerCompanies().isEmpty());
        QCOMPARE(settings.plan()->newerCount(), 0);
    }

    // The CLI's plan names the company first, and list --root --json carries it.
    void cliSaysTheSame()
    {
        const auto list = runCli({u"list"_s, m_copy, u"--root"_s, m_root, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray companies
            = QJsonDocument::fromJson(list.standardOutput).object().value(u"companies").toArray();
        QCOMPARE(companies.size(), 6);
        for (const auto &value : companies) {
            const QJsonObject object = value.toObject();
            const bool is0002 = object.value(u"code").toString() == u"0002"_s;
            QCOMPARE(object.value(u"newerThanCopy").toBool(), is0002);
            const QDateTime newest
                = QDateTime::fromString(object.value(u"newestChange").toString(), Qt::ISODate);
            QVERIFY(newest.isValid());
            if (is0002)
                QCOMPARE(newest.toSecsSinceEpoch(), m_worked.toSecsSinceEpoch());
        }
        // Without --root nothing is compared.
        const auto plain = runCli({u"list"_s, m_copy, u"--json"_s});
        QVERIFY(!QJsonDocument::fromJson(plain.standardOutput)
                     .object()
                     .value(u"companies")
                     .toArray()
                     .first()
                     .toObject()
                     .contains(u"newerThanCopy"));

        // Last: the restore really runs (its plan is printed with --yes).
        const auto restore = runCli({u"restore"_s, m_copy, u"--root"_s, m_root, u"--yes"_s,
                                     u"--companies"_s, u"0001,0002"_s},
                                    {u"LANG=C.UTF-8"_s, u"LC_ALL=C.UTF-8"_s});
        QCOMPARE(restore.exitCode, 0);
        const QString out = QString::fromUtf8(restore.standardOutput);
        const QStringList lines = out.split(u'\n');
        QVERIFY2(lines.value(0).startsWith(
                     u"WARNING: 1 company(ies) have newer data here than the copy"_s),
                 qPrintable(out));
        QVERIFY2(lines.value(1).contains(u"0002"_s)
                     && lines.value(1).contains(u"newer than the copy"_s),
                 qPrintable(out));
        QVERIFY(!out.contains(u"  0001  "_s + manifest().companies.first().name + u": "_s));
        // Restored: the copy's data is what is there now, nothing newer.
        OperationError error;
        const auto installation = Installation::open(m_root, &error);
        QVERIFY(installation);
        QVERIFY(NewerData::find(manifest(), *installation).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNewerData)
#include "tst_newerdata.moc"
