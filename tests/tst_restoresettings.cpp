// SPDX-License-Identifier: GPL-3.0-or-later
// The restore wizard's choices and their rules (ui/restoresettings.h), on
// a real demo installation and real copies written by BackupJob.

#include "installation/archiveyears.h"
#include "support/demofixture.h"
#include "support/hostilecopy.h"
#include "support/isolatedhome.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"
#include "support/uiwait.h"
#include "ui/backupsettings.h"
#include "ui/companymodel.h"
#include "ui/restoresettings.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;

class TestRestoreSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restoreRefusesInvalidCopies();
    void restorePlanFollowsChoices();
    void restoreSystemNotInstalled();
    void archiveYearRangeIsOneRule();
    void protectedCopyAsksForItsPassword();

private:
    // A fresh, writable copy of the demo installation.
    QString freshInstallation(const QString &name) const
    {
        return m_demo.freshCopy(m_dir.filePath(name));
    }

    QTemporaryDir m_dir;
    DemoFixture m_demo {3, 1, 4, 11};
};

void TestRestoreSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The settings and the demo folder of the app live below HOME: pointed
    // at the temporary folder, and in test mode, nothing of the user's is read
    // or written.
    isolateHome(m_dir.path());

    const OperationError error = m_demo.create(m_dir.filePath(QStringLiteral("pristine")));
    QVERIFY2(!error, qPrintable(error.message));
}

void TestRestoreSettings::restoreRefusesInvalidCopies()
{
    RestoreSettings settings;
    settings.setRoot(m_demo.root());
    QVERIFY(!settings.valid());

    const QString notACopy = m_dir.filePath(QStringLiteral("nao-e-copia.zip"));
    writeFile(notACopy, "just some text, not a ZIP");
    QSignalSpy copySpy(&settings, &RestoreSettings::copyChanged);
    QVERIFY(!openAndWait(settings, notACopy));
    QVERIFY(copySpy.count() > 0);
    QVERIFY(!settings.copyOpen());
    QVERIFY(!settings.copyError().isEmpty());
    QCOMPARE(settings.companies()->rowCount(), 0);
    QVERIFY(!settings.valid());

    // A ZIP with a manifest, but a name that climbs out of the installation.
    HostileCopy hostile;
    hostile.addFile(QStringLiteral("AT/empresas/0001/empresa.json"), "{}");
    hostile.addFile(QStringLiteral("AT/empresas/0001/../../../escapou.dat"), "payload");
    const QString damaged = m_dir.filePath(QStringLiteral("CopiaAT-hostil.zip"));
    QString error;
    QVERIFY2(hostile.write(damaged, &error), qPrintable(error));
    QVERIFY(!openAndWait(settings, damaged));
    QVERIFY(!settings.copyOpen());
    QVERIFY2(settings.copyError().contains(QStringLiteral("damaged")),
             qPrintable(settings.copyError()));
    QVERIFY(settings.copyError().contains(QDir::toNativeSeparators(damaged)));

    settings.closeCopy();
    QVERIFY(settings.copyError().isEmpty());
    QVERIFY(!settings.valid());
}

void TestRestoreSettings::restorePlanFollowsChoices()
{
    const QString root = freshInstallation(QStringLiteral("plan"));
    QVERIFY(!root.isEmpty());
    CompanyModel installed;
    QVERIFY(loadAndWait(installed, root, QStringLiteral("AT")));
    const QStringList codes = installed.codes();
    const QString only = codes.first();
    const QString copy = makeCopy(root, QStringLiteral("AT"),
                                  m_dir.filePath(QStringLiteral("copia-parcial.zip")), {only});
    QVERIFY(!copy.isEmpty());

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    QCOMPARE(settings.companies()->codes(), QStringList {only});
    QCOMPARE(settings.plan()->replacedCount(), 1);
    QCOMPARE(settings.plan()->keptCount(), int(codes.size()) - 1);
    QCOMPARE(settings.plan()->eliminatedCount(), 0);
    QVERIFY(settings.toOptions().companies.isEmpty()); // all of the copy
    QCOMPARE(settings.toOptions().replaceAll, false);
    QCOMPARE(settings.toOptions().safetyCopy, true);

    // "Substitui dados existentes": the plan follows without being asked.
    QSignalSpy changed(&settings, &RestoreSettings::changed);
    settings.setReplaceAll(true);
    QVERIFY(changed.count() > 0);
    QTRY_COMPARE(settings.plan()->eliminatedCount(), int(codes.size()) - 1);
    QCOMPARE(settings.plan()->keptCount(), 0);
    QVERIFY(settings.plan()->changesExistingData());
    QVERIFY(settings.toOptions().replaceAll);

    settings.setTemplates(true);
    settings.setSafetyCopy(false);
    settings.setLeaveOutArchived(true);
    settings.setArchiveFromYear(2020);
    RestoreOptions options = settings.toOptions();
    QCOMPARE(options.templates, true);
    QCOMPARE(options.safetyCopy, false);
    QCOMPARE(options.archiveFromYear, 2020);
    QCOMPARE(options.copyPath, copy);
    QCOMPARE(options.root, root);
    settings.setArchiveFromYear(1900);
    QVERIFY(settings.validationError().contains(QStringLiteral("1990")));
    settings.setLeaveOutArchived(false);
    QCOMPARE(settings.toOptions().archiveFromYear, 0);

    // Nothing selected is refused, and the plan shows nothing.
    settings.companies()->setSelected(0, false);
    QCOMPARE(settings.validationError(), QStringLiteral("Mark at least one company to continue"));
    QTRY_COMPARE(settings.plan()->rowCount(), 0);
    settings.companies()->setSelected(0, true);
    QTRY_COMPARE(settings.plan()->replacedCount(), 1);
    QVERIFY2(settings.valid(), qPrintable(settings.validationError()));

    settings.closeCopy();
    QVERIFY(!settings.copyOpen());
    QCOMPARE(settings.companies()->rowCount(), 0);
    QCOMPARE(settings.plan()->rowCount(), 0);
    QVERIFY(!settings.valid());
}

void TestRestoreSettings::restoreSystemNotInstalled()
{
    const QString root = freshInstallation(QStringLiteral("sem-at"));
    QVERIFY(!root.isEmpty());
    const QString copy
        = makeCopy(root, QStringLiteral("AT"), m_dir.filePath(QStringLiteral("copia-at.zip")));
    QVERIFY(!copy.isEmpty());
    // The installation no longer has the system AT.
    QFile systems(root + QStringLiteral("/sistemas.json"));
    QVERIFY(systems.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(systems.readAll()).object();
    systems.close();
    QJsonArray list;
    for (const auto &system : json.value(QStringLiteral("sistemas")).toArray()) {
        if (system.toObject().value(QStringLiteral("codigo")).toString() != u"AT")
            list.append(system);
    }
    json.insert(QStringLiteral("sistemas"), list);
    writeFile(systems.fileName(), QJsonDocument(json).toJson());

    RestoreSettings settings;
    settings.setRoot(root);
    QVERIFY2(openAndWait(settings, copy), qPrintable(settings.copyError()));
    QVERIFY(!settings.valid());
    QVERIFY2(settings.validationError().contains(QStringLiteral("not installed")),
             qPrintable(settings.validationError()));
    QCOMPARE(settings.plan()->rowCount(), 0);
}

// The restore wizard's year field offered 1990 to 2100 while its validation
// refused anything after next year: one range now, from ArchiveYears, for
// both wizards, their validation and the CLI.
void TestRestoreSettings::archiveYearRangeIsOneRule()
{
    const int nextYear = QDate::currentDate().year() + 1;
    BackupSettings backup;
    RestoreSettings restore;
    QCOMPARE(backup.minimumYear(), ArchiveYears::minimum);
    QCOMPARE(restore.property("minimumYear").toInt(), ArchiveYears::minimum);
    QCOMPARE(backup.maximumYear(), nextYear);
    QCOMPARE(restore.property("maximumYear").toInt(), nextYear);
    QCOMPARE(backup.archiveFromYear(), restore.archiveFromYear());
    QVERIFY(ArchiveYears::isValid(backup.archiveFromYear()));

    // The restore refuses a year past the range with the range it offers.
    const QString root = freshInstallation(QStringLiteral("anos"));
    QVERIFY(!root.isEmpty());
    const QString copy
        = makeCopy(root, QStringLiteral("AT"), m_dir.filePath(QStringLiteral("copia-anos.zip")));
    QVERIFY(!copy.isEmpty());
    restore.setRoot(root);
    QVERIFY2(openAndWait(restore, copy), qPrintable(restore.copyError()));
    restore.setLeaveOutArchived(true);
    restore.setArchiveFromYear(nextYear);
    QVERIFY(planAndWait(restore));
    QVERIFY2(restore.valid(), qPrintable(restore.validationError()));
    restore.setArchiveFromYear(nextYear + 1);
    QVERIFY(!restore.valid());
    QVERIFY2(restore.validationError().contains(QString::number(nextYear)),
             qPrintable(restore.validationError()));

    // The CLI takes the same range.
    for (const QString &command : {QStringLiteral("backup"), QStringLiteral("restore")}) {
        QStringList args {command};
        if (command == u"restore")
            args << copy << QStringLiteral("--yes");
        args << QStringLiteral("--root") << root << QStringLiteral("--archive-from")
             << QString::number(nextYear + 1);
        const ProcessResult result
            = runCli(args,
                     {QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=C.UTF-8"),
                      QStringLiteral("LANGUAGE=")});
        QVERIFY2(result.exitCode == int(ExitCode::Usage),
                 qPrintable(command + u": "_qs + QString::fromUtf8(result.standardError)));
    }
}

void TestRestoreSettings::protectedCopyAsksForItsPassword()
{
    const QString root = freshInstallation(QStringLiteral("protegida"));
    QVERIFY(!root.isEmpty());
    const QString password = QStringLiteral("Senha-Forte-2026");
    BackupOptions options;
    options.root = root;
    options.systemCode = QStringLiteral("AT");
    options.output = m_dir.filePath(QStringLiteral("CopiaAT-protegida.zip"));
    options.password = password.toUtf8();
    OperationError error;
    const QString copy = makeCopy(options, &error);
    QVERIFY2(!copy.isEmpty(), qPrintable(error.message));
    CompanyModel installed;
    QVERIFY(loadAndWait(installed, root, QStringLiteral("AT")));

    RestoreSettings settings;
    settings.setRoot(root);
    QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
    const auto waitOpened = [&] {
        opened.clear();
        return opened.wait(uiWaitMs) ? opened.first().first().toBool() : false;
    };

    // Without a password: asked for, nothing shown of the copy, no error yet.
    settings.openCopy(copy);
    QCOMPARE(waitOpened(), false);
    QVERIFY(settings.copyNeedsPassword());
    QVERIFY(settings.passwordError().isEmpty());
    QVERIFY(settings.copyError().isEmpty());
    QVERIFY(!settings.copyOpen());
    QCOMPARE(settings.companies()->rowCount(), 0);

    // A wrong one: said so, still asked, still nothing open.
    settings.openWithPassword(QStringLiteral("Senha-Errada-2026"));
    QVERIFY(settings.opening());
    QCOMPARE(waitOpened(), false);
    QVERIFY(settings.copyNeedsPassword());
    QVERIFY(!settings.passwordError().isEmpty());
    QVERIFY(settings.copyError().isEmpty());
    QVERIFY(!settings.copyOpen());
    QCOMPARE(settings.companies()->rowCount(), 0);
    QVERIFY(settings.toOptions().password.isEmpty());

    // The right one: the preview lists the copy's companies.
    settings.openWithPassword(password);
    QCOMPARE(waitOpened(), true);
    QVERIFY(!settings.copyNeedsPassword());
    QVERIFY(settings.passwordError().isEmpty());
    QVERIFY(settings.copyOpen());
    QVERIFY(settings.copyProtected());
    QCOMPARE(settings.copySystemCode(), QStringLiteral("AT"));
    QCOMPARE(settings.companies()->codes(), installed.codes());
    QVERIFY(planAndWait(settings));
    QCOMPARE(settings.plan()->replacedCount(), int(installed.codes().size()));
    QCOMPARE(settings.toOptions().password, password.toUtf8());

    // Closed: the password is forgotten.
    settings.closeCopy();
    QVERIFY(settings.toOptions().password.isEmpty());
    QVERIFY(!settings.copyNeedsPassword());

    // A plain copy is not protected, and asks for nothing.
    const QString plain = makeCopy(root, QStringLiteral("AT"),
                                   m_dir.filePath(QStringLiteral("CopiaAT-simples.zip")));
    QVERIFY(openAndWait(settings, plain));
    QVERIFY(!settings.copyProtected());
    QVERIFY(!settings.copyNeedsPassword());

    // Damaged: with the right password it says the copy is damaged.
    const QString damaged = m_dir.filePath(QStringLiteral("CopiaAT-danificada.zip"));
    QVERIFY(QFile::copy(copy, damaged));
    {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 middle = file.size() / 2;
        QVERIFY(file.seek(middle));
        const char byte = file.read(1).at(0);
        QVERIFY(file.seek(middle));
        QCOMPARE(file.write(QByteArray(1, char(byte ^ 0x5a))), qint64(1));
    }
    settings.openCopy(damaged);
    QCOMPARE(waitOpened(), false);
    QVERIFY(settings.copyNeedsPassword());
    settings.openWithPassword(password);
    QCOMPARE(waitOpened(), false);
    QVERIFY(!settings.copyNeedsPassword());
    QVERIFY(!settings.copyOpen());
    QVERIFY2(settings.copyError().contains(QStringLiteral("damaged"))
                 || settings.copyError().contains(QStringLiteral("altered")),
             qPrintable(settings.copyError()));
}

QTEST_GUILESS_MAIN(TestRestoreSettings)
#include "tst_restoresettings.moc"
