// SPDX-License-Identifier: GPL-3.0-or-later
// A restore killed with SIGKILL at every stage of its run: after the next
// command, every company is entirely as before or entirely as in the copy,
// never mixed, and nothing of the restore's work is left in the installation.
// The kill comes from inside at an exact place (RESGUARDA_CRASH_AT, see
// core/crashpoint.h). Also: a disk that fills up during extraction.

#include "copy/copyreader.h"
#include "maintenance/restorejournal.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Resguarda;
using namespace TestSupport;

namespace {

using Tree = QMap<QString, QByteArray>;

// The files of one company as the copy holds them, relative to the company folder.
QMap<QString, Tree> companiesInCopy(const QString &copyPath)
{
    QMap<QString, Tree> result;
    OperationError error;
    const auto copy = CopyReader::open(copyPath, &error);
    if (!copy)
        return result;
    const QString prefix = QStringLiteral("AT/empresas/");
    for (const auto &entry : TestSupport::copyEntries(*copy)) {
        if (!entry.path.startsWith(prefix))
            continue;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString problem;
        if (!copy->extractEntry(entry, buffer, {}, &problem))
            return {};
        const QString rest = entry.path.mid(prefix.size());
        result[rest.section(u'/', 0, 0)].insert(
            rest.section(u'/', 1),
            QCryptographicHash::hash(buffer.data(), QCryptographicHash::Sha256).toHex());
    }
    return result;
}

QMap<QString, Tree> companiesInInstallation(const QString &root)
{
    QMap<QString, Tree> result;
    const QString dir = root + QStringLiteral("/AT/empresas");
    for (const auto &code : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        result.insert(code, treeHashes(dir + u'/' + code));
    return result;
}

} // namespace

class TestRestoreCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pristine; // the installation as the restore finds it
    QString m_copy;
    QMap<QString, Tree> m_before;
    QMap<QString, Tree> m_inCopy;
    QString m_template; // relative path of a template of the copy changed since

    QString freshInstallation(const QString &name)
    {
        const QString root = m_dir.filePath(name);
        QDir(root).removeRecursively();
        return copyTree(m_pristine, root) ? root : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pristine = m_dir.filePath(QStringLiteral("pristine"));
        auto result
            = runCli({QStringLiteral("demo"), QStringLiteral("--root"), m_pristine,
                      QStringLiteral("--companies"), QStringLiteral("4"), QStringLiteral("--years"),
                      QStringLiteral("3"), QStringLiteral("--size-mb"), QStringLiteral("6"),
                      QStringLiteral("--seed"), QStringLiteral("21")});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        m_copy = m_dir.filePath(QStringLiteral("CopiaAT.zip"));
        result = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_pristine,
                         QStringLiteral("--system"), QStringLiteral("AT"),
                         QStringLiteral("--templates"), QStringLiteral("--output"), m_copy});
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        m_inCopy = companiesInCopy(m_copy);
        QVERIFY(m_inCopy.size() >= 3);

        // Work done since the copy: every company differs from the copy, one
        // is gone (the restore adds it), one is new (--replace-all eliminates it).
        const QString companies = m_pristine + QStringLiteral("/AT/empresas/");
        const QStringList codes = m_inCopy.keys();
        for (const auto &code : codes) {
            writeFile(companies + code + QStringLiteral("/lançamentos novos.dat"),
                      "work after the copy\n");
            writeFile(companies + code + QStringLiteral("/cadastro.dat"),
                      "changed after the copy\n");
        }
        QVERIFY(QDir(companies + codes.last()).removeRecursively());
        writeFile(
            companies + QStringLiteral("0999/empresa.json"),
            R"({"codigo": "0999", "razaoSocial": "Nova Ltda", "cnpj": "11.222.333/0001-81"})");
        writeFile(companies + QStringLiteral("0999/cadastro.dat"),
                  "a company registered after the copy\n");
        // A template of the copy, changed since: --templates puts the copy's back.
        m_template = QDir(m_pristine + QStringLiteral("/AT/modelos"))
                         .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)
                         .first()
                         .absoluteFilePath();
        m_template += u'/' + QDir(m_template).entryList(QDir::Files).first();
        m_template = QDir(m_pristine).relativeFilePath(m_template);
        writeFile(m_pristine + u'/' + m_template, "changed template\n");
        m_before = companiesInInstallation(m_pristine);
        QVERIFY(!m_before.contains(codes.last()));
        QVERIFY(m_before.contains(QStringLiteral("0999")));
    }

    void killedRestoreIsAllOrNothing_data()
    {
        QTest::addColumn<QString>("crashAt");
        QTest::addColumn<bool>("endsAsInCopy");
        QTest::newRow("while extracting") << QStringLiteral("restore-extract:5") << false;
        QTest::newRow("writing the safety copy") << QStringLiteral("copy-entry:3") << false;
        QTest::newRow("journal written, nothing moved")
            << QStringLiteral("restore-before-swap") << false;
        QTest::newRow("between the two moves of a company")
            << QStringLiteral("restore-swap-half") << false;
        QTest::newRow("after the first company") << QStringLiteral("restore-swap-step:1") << false;
        QTest::newRow("after the second company") << QStringLiteral("restore-swap-step:2") << false;
        QTest::newRow("committed, before cleanup") << QStringLiteral("restore-committed") << true;
        QTest::newRow("during cleanup") << QStringLiteral("restore-cleanup") << true;
    }

    void killedRestoreIsAllOrNothing()
    {
        QFETCH(QString, crashAt);
        QFETCH(bool, endsAsInCopy);
        const QString root = freshInstallation(QStringLiteral("crash"));
        QVERIFY(!root.isEmpty());
        const auto otherSystems = treeHashes(root + QStringLiteral("/CP"));

        const auto killed = runCli({QStringLiteral("restore"), m_copy, QStringLiteral("--root"),
                                    root, QStringLiteral("--yes"), QStringLiteral("--replace-all"),
                                    QStringLiteral("--templates"), QStringLiteral("--quiet")},
                                   {QStringLiteral("RESGUARDA_CRASH_AT=") + crashAt});
        QVERIFY2(killed.exitCode == -1,
                 qPrintable(QStringLiteral("the restore was not killed at %1: exit %2, %3")
                                .arg(crashAt)
                                .arg(killed.exitCode)
                                .arg(QString::fromUtf8(killed.standardError))));

        // The next command, whatever it is, settles the interrupted restore.
        const auto next
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                      QStringLiteral("--system"), QStringLiteral("CP"), QStringLiteral("--output"),
                      m_dir.filePath(QStringLiteral("next.zip"))});
        QVERIFY2(next.exitCode == 0, next.standardError.constData());
        QVERIFY2(next.standardError.contains("interrupted restore"),
                 next.standardError.constData());

        QVERIFY(!QFileInfo::exists(RestoreJournal::stagingPath(root)));
        const auto partials = QDir(root + QStringLiteral("/Copias"))
                                  .entryList({QStringLiteral(".*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(partials.isEmpty(), qPrintable(partials.join(u", ")));
        QCOMPARE(treeHashes(root + QStringLiteral("/CP")), otherSystems);

        const auto after = companiesInInstallation(root);
        QSet<QString> codes(m_before.keyBegin(), m_before.keyEnd());
        codes.unite(QSet<QString>(m_inCopy.keyBegin(), m_inCopy.keyEnd()));
        for (const auto &code : codes) {
            const bool asBefore = after.value(code) == m_before.value(code)
                && after.contains(code) == m_before.contains(code);
            const bool asInCopy = m_inCopy.contains(code)
                ? after.value(code) == m_inCopy.value(code)
                : !after.contains(code); // eliminated
            QVERIFY2(
                asBefore || asInCopy,
                qPrintable(
                    QStringLiteral("company %1 is mixed after a crash at %2").arg(code, crashAt)));
            QVERIFY2(
                endsAsInCopy ? asInCopy : asBefore,
                qPrintable(QStringLiteral("company %1 after a crash at %2").arg(code, crashAt)));
        }
        QCOMPARE(fileHash(root + u'/' + m_template) == fileHash(m_pristine + u'/' + m_template),
                 !endsAsInCopy);
    }

    void diskFullDuringExtraction()
    {
        // A file system that runs out of inodes: free bytes pass the check,
        // but extraction hits ENOSPC part-way.
        const QString mountPoint = m_dir.filePath(QStringLiteral("small"));
        qsizetype inodes = 0;
        for (QDirIterator it(m_pristine, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                             QDirIterator::Subdirectories);
             it.hasNext(); it.next())
            ++inodes;
        // Room for the installation and part of the extraction only.
        const TmpfsMount disk(mountPoint, 256 * 1024 * 1024, false, inodes + inodes / 5 + 50);
        if (!disk.isMounted())
            QSKIP(qPrintable(
                QStringLiteral("mounting a tmpfs is not permitted here (%1); the full-disk "
                               "restore is not checked on this machine")
                    .arg(disk.error())));

        const QString root = mountPoint + QStringLiteral("/inst");
        QVERIFY(copyTree(m_pristine, root));
        const auto before = treeHashes(root);
        const auto result = runCli({QStringLiteral("restore"), m_copy, QStringLiteral("--root"),
                                    root, QStringLiteral("--yes"), QStringLiteral("--templates")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.standardError.contains("full"), result.standardError.constData());
        QVERIFY2(result.standardError.contains(root.toUtf8()), result.standardError.constData());
        QVERIFY(!QFileInfo::exists(RestoreJournal::stagingPath(root)));
        QCOMPARE(treeHashes(root), before);
    }
};

QTEST_GUILESS_MAIN(TestRestoreCrash)
#include "tst_restore_crash.moc"
