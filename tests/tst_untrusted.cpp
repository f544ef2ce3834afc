// SPDX-License-Identifier: GPL-3.0-or-later
// Untrusted input stays in its place (docs/security.md): crafted copies,
// links planted in the installation and in Resguarda's own places, planted
// or damaged journals. Every attack is made with real files, real links and
// the real resguarda-cli, and each test checks that nothing outside the
// installation (and nothing inside it that the operation had no business
// with) changed.

#include "support/hostilecopy.h"
#include "support/testinstallation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QStringList englishEnvironment = {u"LANG=C.UTF-8"_s, u"LC_ALL=C.UTF-8"_s, u"LANGUAGE="_s};
const QString staging = u".resguarda-restauracao"_s;

ProcessResult cli(const QStringList &args, const QStringList &env = {})
{
    return runCli(args, englishEnvironment + env);
}

QByteArray describe(const ProcessResult &result)
{
    return "exit code " + QByteArray::number(result.exitCode) + "\nstdout:\n"
        + result.standardOutput + "\nstderr:\n" + result.standardError;
}

bool symlink(const QString &target, const QString &link)
{
    QDir().mkpath(QFileInfo(link).absolutePath());
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData())
        == 0;
}

bool isLink(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The manifest of copy with extra company summaries that no entry backs:
// companies of zero files, the shape of the attack on company codes.
void addEmptyCompanies(HostileCopy &copy, const QStringList &codes)
{
    QJsonObject manifest = QJsonDocument::fromJson(copy.manifestJson()).object();
    QJsonArray companies = manifest.value(u"companies").toArray();
    for (const auto &code : codes)
        companies.append(QJsonObject {{u"code"_s, code},
                                      {u"name"_s, u"Vítima"_s},
                                      {u"cnpj"_s, QString()},
                                      {u"files"_s, 0},
                                      {u"bytes"_s, 0},
                                      {u"years"_s, QJsonArray()}});
    manifest.insert(u"companies", companies);
    copy.setManifestJson(QJsonDocument(manifest).toJson());
}

} // namespace

class TestUntrusted : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pristine;
    QString m_base; // this test's folder: the installation, copies and "outside" live here
    QString m_root;
    QString m_outside; // stands for everything outside the installation
    int m_serial = 0;

    QString path(const QString &relative) const { return m_root + u'/' + relative; }

    QString backup(const QStringList &extra = {})
    {
        const QString output = m_base + u"/copias/CopiaAT.zip"_s;
        QDir().mkpath(QFileInfo(output).absolutePath());
        const auto result = cli(QStringList {u"backup"_s, u"--root"_s, m_root, u"--system"_s,
                                             u"AT"_s, u"--output"_s, output}
                                + extra);
        if (result.exitCode != 0) {
            qWarning().noquote() << describe(result);
            return {};
        }
        return output;
    }

    ProcessResult restore(const QString &copy, const QStringList &extra = {})
    {
        return cli(QStringList {u"restore"_s, copy, u"--root"_s, m_root, u"--yes"_s} + extra);
    }

    QString writeCopy(const HostileCopy &copy, const QString &name)
    {
        const QString file = m_base + u'/' + name;
        QString error;
        if (!copy.write(file, &error)) {
            qWarning().noquote() << error;
            return {};
        }
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pristine = m_dir.filePath(u"demo"_s);
        const auto result
            = cli({u"demo"_s, u"--root"_s, m_pristine, u"--companies"_s, u"2"_s, u"--years"_s,
                   u"1"_s, u"--size-mb"_s, u"1"_s, u"--seed"_s, u"3"_s, u"--quiet"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        QVERIFY(QFileInfo::exists(m_pristine + u"/AT/empresas/0001"_s));
        QVERIFY(QFileInfo::exists(m_pristine + u"/AT/modelos/etiquetas"_s));
    }

    void init()
    {
        m_base = m_dir.filePath(u"t%1"_s.arg(++m_serial));
        m_root = m_base + u"/inst"_s;
        m_outside = m_base + u"/fora"_s;
        QVERIFY(QDir().mkpath(m_base));
        QVERIFY(copyTree(m_pristine, m_root));
        QVERIFY(QDir().mkpath(m_outside));
        writeFile(m_outside + u"/segredo.dat"_s, "CPF 123.456.789-00 salario 9999\n");
        QVERIFY(QFile::setPermissions(m_outside + u"/segredo.dat"_s,
                                      QFile::ReadOwner | QFile::WriteOwner));
    }

    // Company codes from a copy are never used as paths: "../../Copias" and
    // friends make the copy invalid (exit 4) before anything is touched,
    // for verify, list and restore alike.
    void companyCodesThatClimbOutMakeTheCopyInvalid_data()
    {
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("Copias of the installation")
            << QStringList {u"../../Copias"_s, u"../../../novo/Copias"_s};
        QTest::newRow("the whole system") << QStringList {u"../../../inst/AT"_s};
        QTest::newRow("absolute") << QStringList {u"/tmp"_s};
        QTest::newRow("hidden") << QStringList {u".resguarda-restauracao"_s};
        QTest::newRow("option-like") << QStringList {u"-rf"_s};
        QTest::newRow("too long") << QStringList {QString(33, u'1')};
        QTest::newRow("non-ASCII") << QStringList {u"empresa\u00e7"_s};
    }

    void companyCodesThatClimbOutMakeTheCopyInvalid()
    {
        QFETCH(QStringList, codes);
        // Earlier copies in Copias and a folder outside: the victims.
        writeFile(path(u"Copias/CopiaAT-segunda.zip"_s), "uma cópia anterior");
        writeFile(m_base + u"/novo/Copias/CopiaAT.zip"_s, "outra");
        HostileCopy copy;
        copy.addFile(u"AT/empresas/0001/empresa.json"_s, R"({"codigo":"0001"})");
        addEmptyCompanies(copy, codes);
        const QString file = writeCopy(copy, u"hostil.zip"_s);
        QVERIFY(!file.isEmpty());
        const auto before = treeHashes(m_base);

        const auto verify = cli({u"verify"_s, file});
        QVERIFY2(verify.exitCode == 4, describe(verify).constData());
        const auto list = cli({u"list"_s, file, u"--root"_s, m_root});
        QVERIFY2(list.exitCode == 4, describe(list).constData());
        const auto result = restore(file, {u"--replace-all"_s, u"--templates"_s});
        QVERIFY2(result.exitCode == 4, describe(result).constData());
        QCOMPARE(treeHashes(m_base), before);
        QVERIFY(!QFileInfo::exists(path(staging)));
    }

    // The same rule for folders of the installation: a company folder whose
    // name breaks it is not a company (it is reported, never a path). Its
    // data is not left out in silence either: a backup of every company
    // fails naming it, and one made with --allow-incomplete says so.
    void installationFolderWithInvalidCodeIsNotACompany()
    {
        QVERIFY(QDir().mkpath(path(u"AT/empresas/com espaço"_s)));
        writeFile(path(u"AT/empresas/com espaço/dados.dat"_s), "x");
        const QString output = m_base + u"/copias/CopiaAT.zip"_s;
        QDir().mkpath(QFileInfo(output).absolutePath());
        const QStringList backup {u"backup"_s, u"--root"_s,   m_root, u"--system"_s,
                                  u"AT"_s,     u"--output"_s, output};
        const auto refused = cli(backup);
        QVERIFY2(refused.exitCode == 1, describe(refused).constData());
        QVERIFY2(refused.standardError.contains("is not a company code"),
                 describe(refused).constData());
        QVERIFY2(refused.standardError.contains("com espa"), describe(refused).constData());
        QVERIFY(!QFileInfo::exists(output));
        const auto result = cli(backup + QStringList {u"--allow-incomplete"_s});
        QVERIFY2(result.exitCode == 5, describe(result).constData());
        const auto hashes = copyHashes(output);
        QVERIFY(!hashes.isEmpty());
        for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
            QVERIFY2(!it.key().contains(u"com espa"_s), qPrintable(it.key()));
        const auto list = cli({u"list"_s, output});
        QVERIFY2(list.standardOutput.contains("com espa"), describe(list).constData());
    }

    // A company moved to another disk and linked back is not followed, and
    // not left out in silence: the backup of every company fails naming it.
    void linkedCompanyFailsTheBackup()
    {
        QVERIFY(QDir().mkpath(m_outside + u"/0042"_s));
        writeFile(m_outside + u"/0042/cadastro.dat"_s, "noutro disco");
        QVERIFY(symlink(m_outside + u"/0042"_s, path(u"AT/empresas/0042"_s)));
        const QString output = m_base + u"/copias/CopiaAT.zip"_s;
        QDir().mkpath(QFileInfo(output).absolutePath());
        const auto result = cli(
            {u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s, u"--output"_s, output});
        QVERIFY2(result.exitCode == 1, describe(result).constData());
        QVERIFY2(result.standardError.contains("AT/empresas/0042"), describe(result).constData());
        QVERIFY2(result.standardError.contains("symbolic link"), describe(result).constData());
        QVERIFY(!QFileInfo::exists(output));
        QVERIFY(QFile::remove(path(u"AT/empresas/0042"_s)));
    }

    // System codes are compared exactly: a copy of "at" is not one of "AT".
    void systemCodeIsComparedExactly()
    {
        HostileCopy copy(u"at"_s, u"Ativo"_s);
        copy.addFile(u"at/empresas/0001/empresa.json"_s, R"({"codigo":"0001"})");
        copy.addFile(u"at/empresas/0001/cadastro.dat"_s, "da cópia");
        const QString file = writeCopy(copy, u"minusculas.zip"_s);
        const auto before = treeHashes(m_root);
        const auto result = restore(file, {u"--replace-all"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QVERIFY2(result.standardError.contains("not installed"), describe(result).constData());
        QCOMPARE(treeHashes(m_root), before);
    }

    // A planted journal whose steps reach outside the companies (through a
    // symbolic link, with "..", another system's folder) stops every
    // command, the scheduled backup included, and nothing is written
    // anywhere.
    void plantedJournalIsNeverFollowed_data()
    {
        QTest::addColumn<QString>("stepPath");
        QTest::newRow("through a linked folder") << u"AT/empresas/atalho/Copias"_s;
        QTest::newRow("dot-dot") << u"AT/empresas/../../fora"_s;
        QTest::newRow("a system folder") << u"AT"_s;
        QTest::newRow("copies") << u"Copias"_s;
        QTest::newRow("another system's company") << u"CP/empresas/0001"_s;
    }

    void plantedJournalIsNeverFollowed()
    {
        QFETCH(QString, stepPath);
        QVERIFY(symlink(m_outside, path(u"AT/empresas/atalho"_s)));
        QVERIFY(QDir().mkpath(path(staging + u"/antigo/"_s + stepPath)));
        writeFile(path(staging + u"/antigo/"_s + stepPath + u"/plantado.dat"_s), "plantado");
        const QJsonObject journal {
            {u"state"_s, u"swapping"_s},
            {u"system"_s, u"AT"_s},
            {u"steps"_s,
             QJsonArray {QJsonObject {{u"action"_s, u"replace"_s}, {u"path"_s, stepPath}}}}};
        writeFile(path(staging + u"/diario.json"_s), QJsonDocument(journal).toJson());

        HostileCopy sound;
        sound.addFile(u"AT/empresas/0001/empresa.json"_s, R"({"codigo":"0001"})");
        const QString copy = writeCopy(sound, u"boa.zip"_s);
        const auto before = treeHashes(m_base);
        for (const auto &args :
             {QStringList {u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s},
              QStringList {u"list"_s, copy, u"--root"_s, m_root},
              QStringList {u"restore"_s, copy, u"--root"_s, m_root, u"--yes"_s}}) {
            const auto result = cli(args);
            QVERIFY2(result.exitCode != 0, describe(result).constData());
            QVERIFY2(result.standardError.contains("cannot be trusted"),
                     describe(result).constData());
        }
        QCOMPARE(treeHashes(m_base), before);
        QVERIFY(!QFileInfo::exists(m_outside + u"/Copias"_s));
    }

    // A staging folder or journal that is a link is refused, not followed.
    void linkedStagingFolderIsRefused()
    {
        QVERIFY(symlink(m_outside, path(staging)));
        const auto before = treeHashes(m_outside);
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QVERIFY2(result.standardError.contains("symbolic link"), describe(result).constData());
        QCOMPARE(treeHashes(m_outside), before);
        QVERIFY(isLink(path(staging)));
    }

    // A crash in the middle of the swap, then a journal that cannot be read:
    // the next command must not take it for "the swap never started" and
    // delete antigo/, which holds the replaced company's original data.
    void unreadableJournalAfterACrashStopsEverything()
    {
        const QString copy = backup();
        QVERIFY(!copy.isEmpty());
        writeFile(path(u"AT/empresas/0001/depois.dat"_s), "só na instalação");
        const auto crashed
            = runCli({u"restore"_s, copy, u"--root"_s, m_root, u"--yes"_s},
                     englishEnvironment + QStringList {u"RESGUARDA_CRASH_AT=restore-swap-step"_s});
        QVERIFY2(crashed.exitCode != 0, describe(crashed).constData());
        const QString kept = path(staging + u"/antigo/AT/empresas/0001/depois.dat"_s);
        QVERIFY2(QFileInfo::exists(kept), describe(crashed).constData());
        writeFile(path(staging + u"/diario.json"_s), "{ não é um diário");

        for (int run = 0; run < 2; ++run) {
            const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
            QVERIFY2(result.exitCode != 0, describe(result).constData());
            QVERIFY2(result.standardError.contains("cannot be trusted"),
                     describe(result).constData());
            QCOMPARE(readAll(kept), QByteArray("só na instalação"));
        }
    }

    // A staging folder without a journal and with data in antigo/ is not
    // guessed at either.
    void missingJournalWithOldDataStopsEverything()
    {
        writeFile(path(staging + u"/antigo/AT/empresas/0001/cadastro.dat"_s), "original");
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QVERIFY2(result.standardError.contains("cannot be trusted"), describe(result).constData());
        QVERIFY(QFileInfo::exists(path(staging + u"/antigo/AT/empresas/0001/cadastro.dat"_s)));
    }

    // Backup never follows a link in the installation: not at <SIS>/empresas,
    // not at <SIS>/modelos, not at a company folder, not at a file. A 0600
    // file outside never lands in a copy.
    void backupNeverFollowsLinks_data()
    {
        QTest::addColumn<QString>("linkAt");
        QTest::addColumn<QString>("linkTo"); // relative to the outside folder
        QTest::newRow("<SIS>/empresas") << u"AT/empresas"_s << u"empresas"_s;
        QTest::newRow("<SIS>/modelos") << u"AT/modelos"_s << u"modelos"_s;
        QTest::newRow("a company folder") << u"AT/empresas/0009"_s << u"empresas/0009"_s;
        QTest::newRow("a table") << u"AT/empresas/0001/folha.dat"_s << u"segredo.dat"_s;
    }

    void backupNeverFollowsLinks()
    {
        QFETCH(QString, linkAt);
        QFETCH(QString, linkTo);
        // Outside: a tree shaped like the installation's, holding the secret.
        for (const auto &where : {u"empresas/0001"_s, u"empresas/0009"_s, u"modelos/etiquetas"_s})
            QVERIFY(QFile::copy(m_outside + u"/segredo.dat"_s,
                                m_outside + u'/' + where + u"/segredo.dat"_s)
                    || (QDir().mkpath(m_outside + u'/' + where)
                        && QFile::copy(m_outside + u"/segredo.dat"_s,
                                       m_outside + u'/' + where + u"/segredo.dat"_s)));
        if (QFileInfo::exists(path(linkAt)))
            QVERIFY(QFileInfo(path(linkAt)).isDir() ? QDir(path(linkAt)).removeRecursively()
                                                    : QFile::remove(path(linkAt)));
        QVERIFY(symlink(m_outside + u'/' + linkTo, path(linkAt)));

        const QString output = m_base + u"/copias/CopiaAT.zip"_s;
        QDir().mkpath(QFileInfo(output).absolutePath());
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s,
                                 u"--templates"_s, u"--output"_s, output});
        if (QFileInfo::exists(output)) {
            const auto hashes = copyHashes(output);
            const QByteArray secret = fileHash(m_outside + u"/segredo.dat"_s);
            for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
                QVERIFY2(it.value() != secret,
                         qPrintable(u"the copy holds the outside file as "_s + it.key()));
        }
        // Links are reported, never silently passed over.
        QVERIFY2(result.standardError.contains("symbolic link"), describe(result).constData());
    }

    // Resguarda's own files are created exclusively and never through a
    // link: a dangling link at the partial file's name does not make the
    // backup write where it points; nor does one at the history's name.
    void partialFileLinkIsRefused()
    {
        QVERIFY(QDir().mkpath(path(u"Copias"_s)));
        const QString target = m_outside + u"/escrito-pelo-link.zip"_s;
        QVERIFY(symlink(target, path(u"Copias/.CopiaAT.zip.resguarda-parcial"_s)));
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QVERIFY2(result.standardError.contains("symbolic link"), describe(result).constData());
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(!isLink(path(u"Copias/CopiaAT.zip"_s)));
    }

    void historyLinkIsRefused()
    {
        QVERIFY(QDir().mkpath(path(u"Copias"_s)));
        const QString target = m_outside + u"/log-de-outro.txt"_s;
        writeFile(target, "linha de outro programa\n");
        QVERIFY(symlink(target, path(u"Copias/historico.jsonl"_s)));
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        QCOMPARE(readAll(target), QByteArray("linha de outro programa\n"));
        QVERIFY2(result.standardError.contains("history"), describe(result).constData());
        const auto history = cli({u"history"_s, u"--root"_s, m_root});
        QVERIFY2(!history.standardOutput.contains("linha de outro"), describe(history).constData());
    }

    void linkedCopiasFolderIsRefused()
    {
        QVERIFY(symlink(m_outside, path(u"Copias"_s)));
        const auto before = treeHashes(m_outside);
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QCOMPARE(treeHashes(m_outside), before);
    }

    // The session lock is created in sessoes/, which anyone may replace with
    // a link: the lock file is never created where it points.
    void linkedSessionsFolderIsRefused()
    {
        QDir(path(u"sessoes"_s)).removeRecursively();
        QVERIFY(symlink(m_outside, path(u"sessoes"_s)));
        const auto before = treeHashes(m_outside);
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QCOMPARE(treeHashes(m_outside), before);
    }

    // restore --templates never writes through a link at a template's name,
    // and the safety copy never reads a linked file into a copy.
    void restoreNeverWritesThroughATemplateLink()
    {
        const QString copy = backup({u"--templates"_s});
        QVERIFY(!copy.isEmpty());
        const QStringList templates = QDir(path(u"AT/modelos/etiquetas"_s)).entryList(QDir::Files);
        QVERIFY(!templates.isEmpty());
        const QString victim = path(u"AT/modelos/etiquetas/"_s + templates.first());
        QVERIFY(QFile::remove(victim));
        const QString target = m_outside + u"/escrito-pelo-modelo"_s;
        QVERIFY(symlink(target, victim));
        const auto before = treeHashes(m_base);
        const auto result = restore(copy, {u"--templates"_s});
        QVERIFY2(result.exitCode != 0, describe(result).constData());
        QVERIFY2(result.standardError.contains("symbolic link"), describe(result).constData());
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(treeHashes(m_base), before);
    }

    void safetyCopyNeverReadsALinkedFile()
    {
        const QString copy = backup();
        QVERIFY(!copy.isEmpty());
        QVERIFY(symlink(m_outside + u"/segredo.dat"_s, path(u"AT/empresas/0001/folha-link.dat"_s)));
        const auto result = restore(copy);
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        const QStringList safety
            = QDir(path(u"Copias"_s)).entryList({u"*antes-da-restauracao*.zip"_s}, QDir::Files);
        QCOMPARE(safety.size(), 1);
        const auto hashes = copyHashes(path(u"Copias/"_s + safety.first()));
        QVERIFY(!hashes.isEmpty());
        const QByteArray secret = fileHash(m_outside + u"/segredo.dat"_s);
        for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
            QVERIFY2(it.value() != secret, qPrintable(it.key()));
        QCOMPARE(readAll(m_outside + u"/segredo.dat"_s),
                 QByteArray("CPF 123.456.789-00 salario 9999\n"));
        // sistemas.json of the demo is group-readable: the group may read it, others never.
        QCOMPARE(modeOf(path(u"Copias/"_s + safety.first())) & 0137, mode_t(0));
    }

    // Copies hold payroll, CPFs and tax data: readable by their owner only,
    // or by the group when the installation's own files are the group's;
    // never by others.
    void copiesAreNotWorldReadable_data()
    {
        QTest::addColumn<int>("installationMode");
        QTest::addColumn<int>("expectedMode");
        QTest::newRow("private installation") << 0600 << 0600;
        QTest::newRow("group installation") << 0640 << 0640;
        QTest::newRow("world-readable installation") << 0644 << 0640;
    }

    void copiesAreNotWorldReadable()
    {
        QFETCH(int, installationMode);
        QFETCH(int, expectedMode);
        QCOMPARE(::chmod(QFile::encodeName(path(u"sistemas.json"_s)).constData(),
                         mode_t(installationMode)),
                 0);
        const ::mode_t oldMask = ::umask(0);
        const auto result = cli({u"backup"_s, u"--root"_s, m_root, u"--system"_s, u"AT"_s});
        ::umask(oldMask);
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        QCOMPARE(int(modeOf(path(u"Copias/CopiaAT.zip"_s))), expectedMode);
        QCOMPARE(int(modeOf(path(u"Copias/historico.jsonl"_s)) & 0707), expectedMode & 0707);
    }
};

QTEST_GUILESS_MAIN(TestUntrusted)
#include "tst_untrusted.moc"
