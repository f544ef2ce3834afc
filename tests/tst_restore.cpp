// SPDX-License-Identifier: GPL-3.0-or-later
// The restore side of the procedure ("Restauração de Dados"), every rule of the
// restore issue, through the real resguarda-cli on real demo installations:
// copies are made by the real backup command (or crafted entry by entry when
// they must be hostile), and the installation is compared file by file, by
// SHA-256, before and after.

#include "copy/copyreader.h"
#include "installation/installation.h"
#include "installation/tablepath.h"
#include "restore/restorejob.h"
#include "support/hostilecopy.h"
#include "support/lockholderprocess.h"
#include "support/testinstallation.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

using Hashes = QMap<QString, QByteArray>;

// Every message is checked in English, whatever the machine's locale.
const QStringList englishEnvironment = {u"LANG=C.UTF-8"_s, u"LC_ALL=C.UTF-8"_s, u"LANGUAGE="_s};
const QString safetyCopyLabel = u"Safety copy of the previous data: "_s;
const QString stagingFolderName = u".resguarda-restauracao"_s;

ProcessResult cli(const QStringList &args)
{
    return runCli(args, englishEnvironment);
}

QByteArray describe(const ProcessResult &result)
{
    return "exit code " + QByteArray::number(result.exitCode) + "\nstdout:\n"
        + result.standardOutput + "\nstderr:\n" + result.standardError;
}

// A recursive copy: every test function starts from its own pristine tree.
// Files below the folders named in linked (systems a restore of AT never
// writes to) are hard links where the file system has them: a tree of ~2000
// files is copied for every test, and this halves the time on a busy disk.
// Tests never write into those files in place (cleanupTestCase checks that
// the pristine tree is intact). Other files are read and written directly:
// QFile::copy goes through a temporary file and a rename for each file.
bool copyInstallationTree(const QString &from, const QString &to, const QStringList &linked)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir base(from);
    // A folder is always listed before what it holds.
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = base.relativeFilePath(info.absoluteFilePath());
        const QString target = to + u'/' + relative;
        if (info.isDir()) {
            if (!QDir().mkdir(target))
                return false;
            continue;
        }
#ifdef Q_OS_UNIX
        if (linked.contains(relative.section(u'/', 0, 0))
            && ::link(QFile::encodeName(info.absoluteFilePath()).constData(),
                      QFile::encodeName(target).constData())
                == 0)
            continue;
#endif
        QFile in(info.absoluteFilePath());
        QFile out(target);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            qWarning().noquote() << "cannot copy" << info.absoluteFilePath() << "to" << target;
            return false;
        }
        const QByteArray data = in.readAll();
        if (out.write(data) != data.size())
            return false;
    }
    return true;
}

// Everything below root/relativeDir as archive paths -> hash; empty folders
// appear as "path/" so that a leftover folder is a difference too.
Hashes archiveTree(const QString &root, const QString &relativeDir)
{
    Hashes result;
    const auto tree = treeHashes(root + u'/' + relativeDir);
    for (auto it = tree.cbegin(); it != tree.cend(); ++it)
        result.insert(relativeDir + u'/' + it.key(), it.value());
    return result;
}

Hashes filtered(const Hashes &map, const std::function<bool(const QString &)> &keep)
{
    Hashes result;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (keep(it.key()))
            result.insert(it.key(), it.value());
    }
    return result;
}

Hashes below(const Hashes &map, const QString &prefix)
{
    return filtered(map, [&](const QString &path) { return path.startsWith(prefix); });
}

Hashes withoutFolders(const Hashes &map)
{
    return filtered(map, [](const QString &path) { return !path.endsWith(u'/'); });
}

QString companyDir(const QString &code)
{
    return u"AT/empresas/"_s + code;
}

QString companyPrefix(const QString &code)
{
    return companyDir(code) + u'/';
}

// The table class of an archive path "AT/empresas/<COD>/...".
TableClass tableOf(const QString &archivePath)
{
    return classifyCompanyPath(archivePath.section(u'/', 3));
}

bool outsideFrom(const QString &archivePath, int year)
{
    return !tableOf(archivePath).isKeptFrom(year);
}

// A readable list of what differs, empty when the maps are equal.
QString differences(const Hashes &actual, const Hashes &expected)
{
    QStringList lines;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (!actual.contains(it.key()))
            lines << u"missing: "_s + it.key();
        else if (actual.value(it.key()) != it.value())
            lines << u"different: "_s + it.key();
    }
    for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
        if (!expected.contains(it.key()))
            lines << u"unexpected: "_s + it.key();
    }
    const qsizetype total = lines.size();
    if (total > 12) {
        lines = lines.mid(0, 12);
        lines << u"... %1 differences in all"_s.arg(total);
    }
    return lines.join(u'\n');
}

void appendTo(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::Append), qPrintable(path));
    QCOMPARE(file.write(data), data.size());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The path the restore printed for its safety copy, or empty.
QString safetyCopyOf(const ProcessResult &result)
{
    const QStringList lines = QString::fromUtf8(result.standardOutput).split(u'\n');
    for (const auto &line : lines) {
        if (line.startsWith(safetyCopyLabel))
            return line.mid(safetyCopyLabel.size()).trimmed();
    }
    return {};
}

// The files of folder, but for the installation's history, which every
// restore appends to by design (history/history.h).
QStringList filesIn(const QString &folder)
{
    QStringList files
        = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    files.removeAll(u"historico.jsonl"_s);
    return files;
}

// What a finished restore must not leave behind: its staging folder and its
// maintenance session.
QString leftovers(const QString &root)
{
    QStringList found;
    if (QFileInfo::exists(root + u'/' + stagingFolderName))
        found << stagingFolderName;
    const auto sessions = QDir(root + u"/sessoes"_s)
                              .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const auto &name : sessions)
        found << u"sessoes/"_s + name;
    return found.join(u", ");
}

} // namespace

// Compares two maps of hashes, listing what differs when they do not agree.
#define COMPARE_HASHES(actual, expected)                                                           \
    do {                                                                                           \
        const QString differences_ = differences((actual), (expected));                            \
        QVERIFY2(differences_.isEmpty(), qPrintable(differences_));                                \
    } while (false)

class TestRestore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_pristine;
    QString m_root; // this test function's own installation
    QString m_work; // this test function's folder for copies, outside the installation
    int m_serial = 0;
    int m_copySerial = 0;
    QByteArray m_function; // the test function m_root was made for
    int m_lastYear = 0;
    int m_archiveYear = 0; // a year with dated tables before and from it in every company
    Hashes m_pristineHashes;
    const QStringList m_companies = {u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s};

    // A new installation, a copy of the pristine demo, for one test function.
    bool freshInstallation()
    {
        ++m_serial;
        m_root = m_dir.filePath(u"instalação-%1"_s.arg(m_serial));
        m_work = m_dir.filePath(u"cópias-%1"_s.arg(m_serial));
        return copyInstallationTree(m_pristine, m_root, {u"CP"_s, u"LF"_s})
            && QDir().mkpath(m_work);
    }

    // Runs "backup --root m_root --system AT --output <m_work/name> extra".
    QString backup(const QString &name, const QStringList &extra = {},
                   const QString &system = u"AT"_s)
    {
        const QString output = m_work + u'/' + name;
        const auto result = cli(QStringList {u"backup"_s, u"--root"_s, m_root, u"--system"_s,
                                             system, u"--output"_s, output, u"--quiet"_s}
                                + extra);
        if (result.exitCode != 0 || !QFile::exists(output)) {
            qWarning().noquote() << describe(result);
            return {};
        }
        return output;
    }

    ProcessResult restore(const QString &copy, const QStringList &extra = {})
    {
        return cli(QStringList {u"restore"_s, copy, u"--root"_s, m_root} + extra);
    }

    Hashes companies() const { return archiveTree(m_root, u"AT/empresas"_s); }
    Hashes company(const QString &code) const { return archiveTree(m_root, companyDir(code)); }

    // The installation outside AT (other systems, sistemas.json), leaving
    // out Copias and sessoes: what no restore of AT may change.
    Hashes outsideAT() const
    {
        Hashes result;
        const auto names
            = QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        for (const auto &name : names) {
            if (name == u"AT" || name == u"Copias" || name == u"sessoes")
                continue;
            if (QFileInfo(m_root + u'/' + name).isDir())
                result.insert(archiveTree(m_root, name));
            else
                result.insert(name, fileHash(m_root + u'/' + name));
        }
        return result;
    }
    // AT outside its companies and templates (program files, leiame.txt).
    Hashes programOfAT() const
    {
        return filtered(archiveTree(m_root, u"AT"_s), [](const QString &path) {
            return !path.startsWith(u"AT/empresas/") && !path.startsWith(u"AT/modelos/");
        });
    }

    // One dated table of company code in snapshot whose year satisfies pick,
    // skipping those listed in avoid.
    static QString datedTable(const Hashes &snapshot, const QString &code,
                              const std::function<bool(int)> &pick, const QStringList &avoid = {})
    {
        for (auto it = snapshot.cbegin(); it != snapshot.cend(); ++it) {
            if (!it.key().startsWith(companyPrefix(code)) || it.key().endsWith(u'/'))
                continue;
            const TableClass table = tableOf(it.key());
            if (table.isDated() && pick(table.year) && !avoid.contains(it.key()))
                return it.key();
        }
        return {};
    }

    QString absolute(const QString &archivePath) const { return m_root + u'/' + archivePath; }

    // A copy of this installation with one flaw of the given kind: a real
    // copy cut short or with a flipped byte, or company 0001 crafted entry by
    // entry with one hostile entry (kind "sound": none).
    QString invalidCopy(const QString &kind, QString *error)
    {
        const QString name = u"CopiaAT-%1.zip"_s.arg(++m_copySerial);
        const QString path = m_work + u'/' + name;
        if (kind == u"not a ZIP") {
            writeFile(path,
                      QByteArray("Isto não é uma cópia, é um texto qualquer.\n").repeated(200));
            return path;
        }
        if (kind == u"truncated" || kind == u"flipped byte") {
            const QString real = backup(name);
            if (real.isEmpty()) {
                *error = u"the backup failed"_s;
                return {};
            }
            QFile file(real);
            if (kind == u"truncated") {
                if (!file.resize(file.size() / 2))
                    *error = file.errorString();
                return real;
            }
            // A flipped byte inside the data of the largest entry of the last
            // company: detected only while extracting, after other entries
            // were already extracted into staging.
            const auto locations = HostileCopy::locateEntries(real, error);
            EntryLocation victim;
            for (const auto &location : locations) {
                if (location.rawName.startsWith("AT/empresas/0004/")
                    && location.compressedSize > victim.compressedSize)
                    victim = location;
            }
            if (victim.compressedSize < 16 || !file.open(QIODevice::ReadWrite)) {
                *error = u"no entry to damage in %1"_s.arg(real);
                return {};
            }
            const qint64 offset = victim.dataOffset + victim.compressedSize / 2;
            file.seek(offset);
            char byte = 0;
            file.getChar(&byte);
            file.seek(offset);
            file.putChar(char(byte ^ 0x5a));
            return real;
        }

        // The same company as the installation holds, entry by entry.
        HostileCopy copy;
        const auto files
            = Installation::listFiles(absolute(companyDir(u"0001"_s)), companyPrefix(u"0001"_s));
        for (const auto &file : files)
            copy.addFile(file.archivePath, readAll(absolute(file.archivePath)));
        const QByteArray payload("registro hostil\n");
        if (kind == u"plain ZIP") {
            copy.setWritesManifest(false);
        } else if (kind == u"dot-dot name") {
            copy.addFile(u"AT/empresas/0001/../../../../../../escapou-ponto-ponto.dat"_s, payload);
        } else if (kind == u"absolute name") {
            copy.addFile(m_dir.filePath(u"escapou-absoluto.dat"_s), payload);
        } else if (kind == u"symlink") {
            HostileEntry entry = HostileEntry::file(u"AT/empresas/0001/atalho.dat"_s,
                                                    QByteArray("/etc/passwd"), false);
            entry.externalAttributes = HostileEntry::symlinkAttributes;
            copy.addEntry(entry);
            copy.declare(entry);
        } else if (kind == u"encrypted") {
            HostileEntry entry = HostileEntry::file(u"AT/empresas/0001/secreto.dat"_s, payload);
            entry.password = "segredo";
            copy.addEntry(entry);
            copy.declare(entry);
        } else if (kind == u"duplicate name") {
            copy.addEntry(HostileEntry::file(u"AT/empresas/0001/cadastro.dat"_s, payload));
        } else if (kind == u"invalid UTF-8 name") {
            HostileEntry entry;
            entry.rawName = "AT/empresas/0001/\xff\xfe.dat";
            entry.data = payload;
            copy.addEntry(entry);
        } else if (kind == u"newer format") {
            copy.setManifestFormatVersion(Manifest::currentFormatVersion + 1);
        } else if (kind != u"sound") {
            *error = u"unknown kind %1"_s.arg(kind);
            return {};
        }
        if (!copy.write(path, error))
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pristine = m_dir.filePath(u"demo"_s);
        const auto result
            = cli({u"demo"_s, u"--root"_s, m_pristine, u"--companies"_s, u"4"_s, u"--years"_s,
                   u"3"_s, u"--size-mb"_s, u"6"_s, u"--seed"_s, u"1"_s, u"--quiet"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        // The tests rely on these: four companies in AT, templates, other systems.
        QCOMPARE(QDir(m_pristine + u"/AT/empresas"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 m_companies);
        QVERIFY(!filesIn(m_pristine + u"/AT/modelos/etiquetas"_s).isEmpty());
        QVERIFY(QFileInfo::exists(m_pristine + u"/CP/empresas"_s));
        QVERIFY(QFileInfo::exists(m_pristine + u"/LF/empresas"_s));
        QVERIFY(!QFileInfo::exists(m_pristine + u"/Copias"_s));
        m_pristineHashes = treeHashes(m_pristine);

        // A year with tables before it and from it in every company of AT.
        const Hashes all = archiveTree(m_pristine, u"AT/empresas"_s);
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            m_lastYear = std::max(m_lastYear, tableOf(it.key()).year);
        m_archiveYear = m_lastYear - 1;
        for (const auto &code : m_companies) {
            QVERIFY(
                !datedTable(all, code, [&](int year) { return year < m_archiveYear; }).isEmpty());
            QVERIFY(
                !datedTable(all, code, [&](int year) { return year == m_archiveYear; }).isEmpty());
            QVERIFY(
                !datedTable(all, code, [&](int year) { return year > m_archiveYear; }).isEmpty());
        }
    }

    // The tree every test copied (part of it as hard links) is as it was made.
    void cleanupTestCase() { COMPARE_HASHES(treeHashes(m_pristine), m_pristineHashes); }

    // A fresh installation for every test function; the rows of a data-driven
    // function, which must all leave it unchanged, share theirs.
    void init()
    {
        const QByteArray function = QTest::currentTestFunction();
        if (function == m_function)
            return;
        m_function = function;
        if (!m_root.isEmpty()) {
            QDir(m_root).removeRecursively();
            QDir(m_work).removeRecursively();
        }
        QVERIFY(freshInstallation());
    }

    // Default: every company of the copy; each folder becomes exactly the copy's.
    void restoresEveryCompanyOfTheCopyByDefault()
    {
        const QString copy = backup(u"CopiaAT.zip"_s, {u"--templates"_s});
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        QVERIFY(inCopy.size() > 100);

        // Changed, deleted and added files in several companies.
        const Hashes original = companies();
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado depois da cópia\n");
        const QString deleted = datedTable(original, u"0001"_s, [](int) { return true; });
        QVERIFY(QFile::remove(absolute(deleted)));
        writeFile(absolute(u"AT/empresas/0002/novo depois da cópia.dat"_s), "novo\n");
        writeFile(absolute(u"AT/empresas/0002/mensal/%1-12/novo.dat"_s.arg(m_lastYear)), "novo\n");
        QVERIFY(QDir().mkpath(absolute(u"AT/empresas/0003/pasta vazia"_s)));
        const QString changed = datedTable(original, u"0004"_s, [](int) { return true; });
        writeFile(absolute(changed), "conteúdo trocado\n");
        // Without --templates, templates are not touched, even changed ones.
        appendTo(absolute(u"AT/modelos/etiquetas/Etiqueta de patrimônio.etq"_s), "mudou\n");
        const Hashes templatesBefore = archiveTree(m_root, u"AT/modelos"_s);
        const Hashes otherSystems = outsideAT();
        const Hashes program = programOfAT();

        const auto result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        for (const auto &code : m_companies) {
            const QString diff = differences(company(code), below(inCopy, companyPrefix(code)));
            QVERIFY2(diff.isEmpty(), qPrintable(code + u":\n"_s + diff));
        }
        COMPARE_HASHES(companies(), below(inCopy, u"AT/empresas/"_s));
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), templatesBefore);
        COMPARE_HASHES(outsideAT(), otherSystems);
        COMPARE_HASHES(programOfAT(), program);
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
        QVERIFY(result.standardOutput.contains("Data restored successfully"));
    }

    // --companies: only those; the others of the installation are left alone.
    void restoresOnlyTheSelectedCompanies()
    {
        const QString copy = backup(u"CopiaAT.zip"_s, {u"--companies"_s, u"0001,0002,0003"_s});
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        for (const auto &code : m_companies) {
            appendTo(absolute(companyDir(code) + u"/cadastro.dat"_s), "alterado\n");
            writeFile(absolute(companyDir(code) + u"/acrescentado.dat"_s), code.toUtf8());
        }
        const Hashes changed = companies();
        const Hashes otherSystems = outsideAT();
        const Hashes templates = archiveTree(m_root, u"AT/modelos"_s);

        auto result = restore(copy, {u"--companies"_s, u"0002"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(company(u"0002"_s), below(inCopy, companyPrefix(u"0002"_s)));
        for (const auto &code : {u"0001"_s, u"0003"_s, u"0004"_s}) {
            const QString diff = differences(company(code), below(changed, companyPrefix(code)));
            QVERIFY2(diff.isEmpty(), qPrintable(code + u":\n"_s + diff));
        }
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), templates);
        COMPARE_HASHES(outsideAT(), otherSystems);

        // Default: every company of the copy; 0004 is not in it and stays.
        result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        for (const auto &code : {u"0001"_s, u"0002"_s, u"0003"_s}) {
            const QString diff = differences(company(code), below(inCopy, companyPrefix(code)));
            QVERIFY2(diff.isEmpty(), qPrintable(code + u":\n"_s + diff));
        }
        COMPARE_HASHES(company(u"0004"_s), below(changed, companyPrefix(u"0004"_s)));
        COMPARE_HASHES(outsideAT(), otherSystems);
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    // A selected company missing from the installation is added; a restore
    // that only adds writes no safety copy.
    void addsAMissingCompanyWithoutSafetyCopy()
    {
        const QString copy = backup(u"CopiaAT.zip"_s);
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        QVERIFY(QDir(absolute(companyDir(u"0003"_s))).removeRecursively());
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");
        const Hashes before = companies();

        const auto result = restore(copy, {u"--companies"_s, u"0003"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(company(u"0003"_s), below(inCopy, companyPrefix(u"0003"_s)));
        Hashes expected = withoutFolders(before);
        expected.insert(below(inCopy, companyPrefix(u"0003"_s)));
        COMPARE_HASHES(companies(), expected);
        QVERIFY2(safetyCopyOf(result).isEmpty(), describe(result).constData());
        QVERIFY(!result.standardOutput.contains("Safety copy"));
        QVERIFY(filesIn(m_root + u"/Copias"_s).isEmpty());
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    // --replace-all ("Substitui dados existentes"): the other companies of
    // the system are eliminated; other systems and templates are not touched.
    void replaceAllEliminatesTheOtherCompanies()
    {
        const QString copy = backup(u"CopiaAT.zip"_s, {u"--companies"_s, u"0001,0002"_s});
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");
        const Hashes otherSystems = outsideAT();
        const Hashes templates = archiveTree(m_root, u"AT/modelos"_s);

        const auto result = restore(copy, {u"--replace-all"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        QCOMPARE(QDir(absolute(u"AT/empresas"_s))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList({u"0001"_s, u"0002"_s}));
        QVERIFY(!QFileInfo::exists(absolute(companyDir(u"0003"_s))));
        QVERIFY(!QFileInfo::exists(absolute(companyDir(u"0004"_s))));
        COMPARE_HASHES(companies(), inCopy);
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), templates);
        COMPARE_HASHES(outsideAT(), otherSystems);
        QVERIFY(!safetyCopyOf(result).isEmpty());
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    // --templates: the copy's templates replace same-named ones and missing
    // ones come back; templates only in the installation stay.
    void templatesOptionWritesTheCopysTemplates()
    {
        const QString copy
            = backup(u"CopiaAT.zip"_s, {u"--companies"_s, u"0001"_s, u"--templates"_s});
        QVERIFY(!copy.isEmpty());
        const Hashes copyTemplates = below(copyHashes(copy), u"AT/modelos/"_s);
        QVERIFY(copyTemplates.size() >= 3);

        const QString changed = u"AT/modelos/etiquetas/Etiqueta de patrimônio.etq"_s;
        const QString removed = u"AT/modelos/consultas/Bens por grupo.cns"_s;
        const QString own = u"AT/modelos/consultas/Só desta instalação.cns"_s;
        QVERIFY(copyTemplates.contains(changed));
        QVERIFY(copyTemplates.contains(removed));
        appendTo(absolute(changed), "mudado na instalação\n");
        const QByteArray changedHash = fileHash(absolute(changed));
        QVERIFY(QFile::remove(absolute(removed)));
        const QString missingFolder = u"AT/modelos/documentos"_s;
        QVERIFY(!below(copyTemplates, missingFolder + u'/').isEmpty());
        QVERIFY(QDir(absolute(missingFolder)).removeRecursively());
        writeFile(absolute(own), "SELECT * FROM bens\n");
        const Hashes templatesBefore = archiveTree(m_root, u"AT/modelos"_s);

        // Without --templates: modelos/ untouched.
        auto result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), templatesBefore);

        result = restore(copy, {u"--yes"_s, u"--templates"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        Hashes expected = copyTemplates;
        expected.insert(own, templatesBefore.value(own));
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), expected);

        // The safety copy holds the replaced template as it was, and not the
        // one that was only added.
        const QString safety = safetyCopyOf(result);
        QVERIFY2(!safety.isEmpty(), describe(result).constData());
        const Hashes saved = copyHashes(safety);
        QCOMPARE(saved.value(changed), changedHash);
        QVERIFY(!saved.contains(removed));
        QVERIFY(!saved.contains(own));
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    // The safety copy holds exactly what was replaced or eliminated, and
    // restoring it brings everything back byte-identical.
    void safetyCopyBringsBackThePreviousState()
    {
        const QString copy
            = backup(u"CopiaAT.zip"_s, {u"--companies"_s, u"0001,0002"_s, u"--templates"_s});
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);

        const Hashes original = companies();
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");
        QVERIFY(QFile::remove(absolute(datedTable(original, u"0001"_s, [](int) { return true; }))));
        writeFile(absolute(u"AT/empresas/0002/anual/%1/novo.dat"_s.arg(m_lastYear)), "novo\n");
        appendTo(absolute(u"AT/modelos/etiquetas/Etiqueta de patrimônio.etq"_s), "mudou\n");
        const Hashes companiesBefore = companies();
        const Hashes templatesBefore = archiveTree(m_root, u"AT/modelos"_s);
        const Hashes otherSystems = outsideAT();

        const QDateTime started = QDateTime::currentDateTime().addSecs(-1);
        auto result = restore(copy, {u"--replace-all"_s, u"--templates"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(companies(), below(inCopy, u"AT/empresas/"_s));
        const QString safety = safetyCopyOf(result);
        QVERIFY2(!safety.isEmpty(), describe(result).constData());

        // Copias/CopiaAT-antes-da-restauracao-<date>-<time>.zip
        const QFileInfo safetyInfo(safety);
        QVERIFY(safetyInfo.isFile());
        QCOMPARE(safetyInfo.absolutePath(), QFileInfo(m_root + u"/Copias"_s).absoluteFilePath());
        const QRegularExpression name(
            u"^CopiaAT-antes-da-restauracao-(\\d{4}-\\d{2}-\\d{2}-\\d{6})(-\\d+)?\\.zip$"_s);
        const auto match = name.match(safetyInfo.fileName());
        QVERIFY2(match.hasMatch(), qPrintable(safetyInfo.fileName()));
        const QDateTime stamp = QDateTime::fromString(match.captured(1), u"yyyy-MM-dd-HHmmss"_s);
        QVERIFY(stamp.isValid());
        QVERIFY(stamp >= started.addSecs(-1) && stamp <= QDateTime::currentDateTime().addSecs(1));
        QCOMPARE(filesIn(m_root + u"/Copias"_s), QStringList(safetyInfo.fileName()));
        const auto verified = cli({u"verify"_s, safety});
        QVERIFY2(verified.exitCode == 0, describe(verified).constData());

        // Exactly what was replaced or eliminated: all four companies as they
        // were, and the templates the copy replaced (all of them here).
        Hashes expected = withoutFolders(companiesBefore);
        const Hashes copyTemplates = below(inCopy, u"AT/modelos/"_s);
        for (auto it = copyTemplates.cbegin(); it != copyTemplates.cend(); ++it)
            expected.insert(it.key(), templatesBefore.value(it.key()));
        COMPARE_HASHES(copyHashes(safety), expected);

        // Restored with the same command, the installation is as before.
        result = restore(safety, {u"--templates"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(companies(), companiesBefore);
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), templatesBefore);
        COMPARE_HASHES(outsideAT(), otherSystems);
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    void noSafetyCopyOptionWritesNone()
    {
        const QString copy = backup(u"CopiaAT.zip"_s);
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");

        const auto result = restore(copy, {u"--no-safety-copy"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(companies(), inCopy);
        QVERIFY(safetyCopyOf(result).isEmpty());
        QVERIFY(!QFileInfo::exists(m_root + u"/Copias"_s)
                || filesIn(m_root + u"/Copias"_s).isEmpty());
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    // --archive-from YEAR: older dated tables are outside the operation, in
    // replaced and in added companies; the safety copy holds only what was
    // replaced and brings it back.
    void archiveFromLeavesOlderTablesAlone()
    {
        const int year = m_archiveYear;
        const QString copy = backup(u"CopiaAT.zip"_s);
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        const Hashes original = companies();

        auto older = [&](int y) {
            return y < year;
        };
        auto recent = [&](int y) {
            return y >= year;
        };
        const QString olderChanged = datedTable(original, u"0001"_s, older);
        const QString olderDeleted = datedTable(original, u"0001"_s, older, {olderChanged});
        const QString recentChanged = datedTable(original, u"0001"_s, recent);
        QVERIFY(!olderChanged.isEmpty() && !olderDeleted.isEmpty() && !recentChanged.isEmpty());
        appendTo(absolute(olderChanged), "arquivo morto alterado\n");
        QVERIFY(QFile::remove(absolute(olderDeleted)));
        writeFile(absolute(u"AT/empresas/0001/anual/%1/só na instalação.dat"_s.arg(year - 1)),
                  "antigo\n");
        writeFile(
            absolute(u"AT/empresas/0001/morto/mensal/%1-02/só na instalação.dat"_s.arg(year - 3)),
            "antigo\n");
        appendTo(absolute(recentChanged), "recente alterado\n");
        writeFile(absolute(u"AT/empresas/0001/mensal/%1-06/novo.dat"_s.arg(year)),
                  "recente novo\n");
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "permanente alterado\n");
        QVERIFY(QDir(absolute(companyDir(u"0002"_s))).removeRecursively());
        const Hashes before = withoutFolders(companies());

        const auto result = restore(copy, {u"--archive-from"_s, QString::number(year), u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());

        for (const auto &code : m_companies) {
            Hashes expected
                = filtered(below(inCopy, companyPrefix(code)),
                           [&](const QString &path) { return !outsideFrom(path, year); });
            expected.insert(filtered(below(before, companyPrefix(code)),
                                     [&](const QString &path) { return outsideFrom(path, year); }));
            const QString diff = differences(company(code), expected);
            QVERIFY2(diff.isEmpty(), qPrintable(code + u":\n"_s + diff));
        }
        QCOMPARE(fileHash(absolute(olderChanged)), before.value(olderChanged));
        QVERIFY(!QFileInfo::exists(absolute(olderDeleted)));
        QCOMPARE(fileHash(absolute(recentChanged)), inCopy.value(recentChanged));

        // The safety copy: the replaced companies' files from YEAR on and
        // their permanent tables, as they were; nothing older, nothing of 0002.
        const QString safety = safetyCopyOf(result);
        QVERIFY2(!safety.isEmpty(), describe(result).constData());
        const Hashes expectedSafety = filtered(before, [&](const QString &path) {
            return !path.startsWith(companyPrefix(u"0002"_s)) && !outsideFrom(path, year);
        });
        COMPARE_HASHES(copyHashes(safety), expectedSafety);

        // Restoring it puts the replaced companies back as they were; 0002,
        // not in it, stays as restored.
        const Hashes added = company(u"0002"_s);
        const auto back = restore(safety, {u"--yes"_s});
        QVERIFY2(back.exitCode == 0, describe(back).constData());
        for (const auto &code : {u"0001"_s, u"0003"_s, u"0004"_s}) {
            const QString diff = differences(company(code), below(before, companyPrefix(code)));
            QVERIFY2(diff.isEmpty(), qPrintable(code + u":\n"_s + diff));
        }
        COMPARE_HASHES(company(u"0002"_s), added);
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    // A copy made with "backup --archive-from Y" never touches older tables;
    // the effective year is the larger of the copy's and the option's.
    void copyMadeWithArchiveFromKeepsOlderTables()
    {
        const int year = m_archiveYear;
        const QString copy = backup(u"CopiaAT.zip"_s, {u"--archive-from"_s, QString::number(year)});
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        for (auto it = inCopy.cbegin(); it != inCopy.cend(); ++it)
            QVERIFY(!outsideFrom(it.key(), year));

        auto check = [&](const Hashes &before, int effective) {
            for (const auto &code : m_companies) {
                Hashes expected
                    = filtered(below(inCopy, companyPrefix(code)),
                               [&](const QString &path) { return !outsideFrom(path, effective); });
                expected.insert(
                    filtered(below(before, companyPrefix(code)),
                             [&](const QString &path) { return outsideFrom(path, effective); }));
                const QString diff = differences(company(code), expected);
                QVERIFY2(diff.isEmpty(),
                         qPrintable(u"effective year %1, %2:\n"_s.arg(effective).arg(code) + diff));
            }
        };
        auto change = [&](const QString &round) {
            const Hashes now = companies();
            for (const auto &code : m_companies) {
                appendTo(absolute(datedTable(now, code, [&](int y) { return y < year - 1; })),
                         round.toUtf8());
                appendTo(absolute(datedTable(now, code, [&](int y) { return y == year - 1; })),
                         round.toUtf8());
                appendTo(absolute(datedTable(now, code, [&](int y) { return y == year; })),
                         round.toUtf8());
                appendTo(absolute(datedTable(now, code, [&](int y) { return y > year; })),
                         round.toUtf8());
                appendTo(absolute(companyDir(code) + u"/cadastro.dat"_s), round.toUtf8());
            }
        };

        // Without the option: the copy's own year.
        change(u"primeira rodada\n"_s);
        Hashes before = withoutFolders(companies());
        auto result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        check(before, year);
        if (QTest::currentTestFailed())
            return;

        // An earlier year given: still the copy's year.
        change(u"segunda rodada\n"_s);
        before = withoutFolders(companies());
        result = restore(copy, {u"--archive-from"_s, QString::number(year - 1), u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        check(before, year);
        if (QTest::currentTestFailed())
            return;

        // A later year given: that year.
        change(u"terceira rodada\n"_s);
        before = withoutFolders(companies());
        result = restore(copy, {u"--archive-from"_s, QString::number(year + 1), u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        check(before, year + 1);
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));
    }

    void invalidCopyIsRefusedBeforeTouchingTheInstallation_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("not a ZIP") << u"not a ZIP"_s << QByteArray("not a ZIP");
        QTest::newRow("plain ZIP") << u"plain ZIP"_s << QByteArray("no manifest");
        QTest::newRow("truncated") << u"truncated"_s << QByteArray("truncated");
        QTest::newRow("flipped byte") << u"flipped byte"_s << QByteArray("damaged");
        QTest::newRow("dot-dot name") << u"dot-dot name"_s << QByteArray("outside");
        QTest::newRow("absolute name") << u"absolute name"_s << QByteArray("outside");
        QTest::newRow("symlink") << u"symlink"_s << QByteArray("not a regular file");
        QTest::newRow("encrypted") << u"encrypted"_s << QByteArray("encrypted");
        QTest::newRow("duplicate name") << u"duplicate name"_s << QByteArray("more than once");
        QTest::newRow("invalid UTF-8 name") << u"invalid UTF-8 name"_s << QByteArray("UTF-8");
        QTest::newRow("newer format") << u"newer format"_s << QByteArray("newer version");
    }

    void invalidCopyIsRefusedBeforeTouchingTheInstallation()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, message);
        QString error;
        const QString copy = invalidCopy(kind, &error);
        QVERIFY2(!copy.isEmpty() && error.isEmpty(), qPrintable(error));
        // Changed after the copy: anything restored by mistake would show.
        for (const auto &code : m_companies)
            appendTo(absolute(companyDir(code) + u"/cadastro.dat"_s), "alterado depois da cópia\n");
        const Hashes before = treeHashes(m_root);

        const auto result = restore(copy, {u"--replace-all"_s, u"--templates"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 4, describe(result).constData());
        QVERIFY2(result.standardError.contains(message), describe(result).constData());
        const Hashes after = treeHashes(m_root);
        COMPARE_HASHES(after, before);
        QVERIFY(!QFileInfo::exists(m_root + u'/' + stagingFolderName));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"escapou-ponto-ponto.dat"_s)));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"escapou-absoluto.dat"_s)));
    }

    // The crafted copies above are refused for their one flaw only: without
    // it the same crafted copy is restored.
    void craftedCopyWithoutFlawIsRestored()
    {
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado antes da cópia\n");
        QString error;
        const QString copy = invalidCopy(u"sound"_s, &error);
        QVERIFY2(!copy.isEmpty() && error.isEmpty(), qPrintable(error));
        const Hashes crafted = company(u"0001"_s);
        writeFile(absolute(u"AT/empresas/0001/cadastro.dat"_s), "outro conteúdo\n");
        writeFile(absolute(u"AT/empresas/0001/novo.dat"_s), "novo\n");

        const auto result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        COMPARE_HASHES(company(u"0001"_s), crafted);
    }

    void refusesWhileAClientIsConnected()
    {
        const QString copy = backup(u"CopiaAT.zip"_s);
        QVERIFY(!copy.isEmpty());
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");

        LockHolderProcess client(m_root + u"/sessoes"_s, u"maria"_s, u"CAIXA-01"_s, u"CP"_s);
        QVERIFY(client.waitUntilLocked());
        const Hashes before = treeHashes(m_root);
        const auto result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 3, describe(result).constData());
        QVERIFY(result.standardError.contains("maria"));
        QVERIFY(result.standardError.contains("CAIXA-01"));
        const Hashes after = treeHashes(m_root);
        COMPARE_HASHES(after, before);

        // Once the client has left, the same restore runs.
        client.release();
        const auto later = restore(copy, {u"--yes"_s});
        QVERIFY2(later.exitCode == 0, describe(later).constData());
        COMPARE_HASHES(companies(), copyHashes(copy));
    }

    void needsConfirmationWithoutTerminal()
    {
        const QString copy = backup(u"CopiaAT.zip"_s);
        QVERIFY(!copy.isEmpty());
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");
        const Hashes before = treeHashes(m_root);
        const auto result = restore(copy, {u"--replace-all"_s});
        QVERIFY2(result.exitCode == 2, describe(result).constData());
        QVERIFY(result.standardError.contains("--yes"));
        const Hashes after = treeHashes(m_root);
        COMPARE_HASHES(after, before);
    }

    void unknownCompanyIsAUsageError()
    {
        const QString copy = backup(u"CopiaAT.zip"_s, {u"--companies"_s, u"0001,0002"_s});
        QVERIFY(!copy.isEmpty());
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");
        const Hashes before = treeHashes(m_root);
        // 0003 is installed but not in the copy; 9999 is nowhere.
        for (const auto &selection : {u"0001,9999"_s, u"0003"_s}) {
            const auto result = restore(copy, {u"--companies"_s, selection, u"--yes"_s});
            QVERIFY2(result.exitCode == 2, describe(result).constData());
            QVERIFY(result.standardError.contains(selection.section(u',', -1).toUtf8()));
        }
        // Other usage errors: no copy, no --root, a year that is not one.
        const QList<QStringList> usages = {
            {u"restore"_s, u"--root"_s, m_root, u"--yes"_s},
            {u"restore"_s, copy, u"--yes"_s},
            {u"restore"_s, copy, u"--root"_s, m_root, u"--archive-from"_s, u"20x5"_s, u"--yes"_s},
        };
        for (const auto &args : usages) {
            const auto result = cli(args);
            QVERIFY2(result.exitCode == 2, describe(result).constData());
        }
        const Hashes after = treeHashes(m_root);
        COMPARE_HASHES(after, before);
    }

    // The plan the CLI and the wizard show before asking: what the safety
    // copy will hold is everything that is replaced or eliminated, the
    // templates the copy replaces included.
    void planMeasuresWhatTheSafetyCopyWillHold()
    {
        const QString copy
            = backup(u"CopiaAT.zip"_s, {u"--companies"_s, u"0001,0003"_s, u"--templates"_s});
        QVERIFY(!copy.isEmpty());
        QVERIFY(QDir(absolute(companyDir(u"0003"_s))).removeRecursively());
        appendTo(absolute(u"AT/modelos/etiquetas/Etiqueta de patrimônio.etq"_s), "mudou\n");

        RestoreOptions options;
        options.copyPath = copy;
        options.root = m_root;
        options.templates = true;
        options.replaceAll = true;
        RestoreJob job(options);
        const OperationError error = job.prepare();
        QVERIFY2(!error, qPrintable(error.message));
        const RestorePlan &plan = job.plan();
        QCOMPARE(plan.companiesWith(RestorePlanCompany::Action::Replace).size(), 1);
        QCOMPARE(plan.companiesWith(RestorePlanCompany::Action::Add).size(), 1);
        QCOMPARE(plan.companiesWith(RestorePlanCompany::Action::Eliminate).size(), 2);
        QVERIFY(plan.changesExistingData());
        qint64 replacedTemplates = 0;
        for (const auto &tmpl : plan.templates) {
            QVERIFY(tmpl.replaces);
            replacedTemplates += QFileInfo(absolute(tmpl.path)).size();
        }
        QVERIFY(replacedTemplates > 0);
        qint64 replacedCompanies = 0;
        for (const auto &code : {u"0001"_s, u"0002"_s, u"0004"_s}) {
            for (const auto &file : Installation::listFiles(absolute(companyDir(code)), QString()))
                replacedCompanies += file.size;
        }

        const auto result = restore(copy, {u"--templates"_s, u"--replace-all"_s, u"--yes"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());
        const QString safety = safetyCopyOf(result);
        QVERIFY2(!safety.isEmpty(), describe(result).constData());
        OperationError openError;
        const auto reader = CopyReader::open(safety, &openError);
        QVERIFY2(reader, qPrintable(openError.message));
        QCOMPARE(reader->manifest().totalBytes(), replacedCompanies + replacedTemplates);
        QCOMPARE(plan.bytesToSafeguard(), reader->manifest().totalBytes());
    }

    void copyOfASystemNotInstalledIsRefused()
    {
        const QString copy = backup(u"CopiaLF.zip"_s, {}, u"LF"_s);
        QVERIFY(!copy.isEmpty());
        writeFile(m_root + u"/sistemas.json"_s,
                  R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"}]})");
        // Replaced, not written in place: the file is a hard link to the pristine one.
        const QString lfTable = absolute(u"LF/empresas/0001/cadastro.dat"_s);
        const QByteArray lfData = readAll(lfTable) + "alterado\n";
        QVERIFY(QFile::remove(lfTable));
        writeFile(lfTable, lfData);
        const Hashes before = treeHashes(m_root);
        const auto result = restore(copy, {u"--yes"_s});
        QVERIFY2(result.exitCode == 1, describe(result).constData());
        QVERIFY(result.standardError.contains("LF"));
        const Hashes after = treeHashes(m_root);
        COMPARE_HASHES(after, before);
    }

    // Demo installation → backup → change, delete and add data → restore →
    // the copy's companies are exactly the copy's content again.
    void roundTrip()
    {
        const QString copy = backup(u"CopiaAT.zip"_s, {u"--templates"_s});
        QVERIFY(!copy.isEmpty());
        const Hashes inCopy = copyHashes(copy);
        const Hashes original = companies();
        QCOMPARE(below(inCopy, u"AT/empresas/"_s), withoutFolders(original));

        auto existsInRoot = [&]() {
            QMap<QString, bool> result;
            const auto listed = cli({u"list"_s, copy, u"--root"_s, m_root, u"--json"_s});
            if (listed.exitCode != 0) {
                qWarning().noquote() << describe(listed);
                return result;
            }
            const auto json = QJsonDocument::fromJson(listed.standardOutput).object();
            for (const auto &value : json.value(u"companies").toArray()) {
                const auto object = value.toObject();
                result.insert(object.value(u"code").toString(),
                              object.value(u"existsInRoot").toBool());
            }
            return result;
        };

        // Change, delete, add; delete a whole company; add one not in the copy.
        appendTo(absolute(u"AT/empresas/0001/cadastro.dat"_s), "alterado\n");
        writeFile(absolute(datedTable(original, u"0001"_s, [&](int y) { return y == m_lastYear; })),
                  "substituído\n");
        QVERIFY(QFile::remove(absolute(datedTable(original, u"0002"_s, [](int) { return true; }))));
        QVERIFY(QFile::remove(absolute(u"AT/empresas/0002/empresa.json"_s)));
        writeFile(absolute(u"AT/empresas/0002/relatórios/Ação – março.dat"_s), "novo\n");
        QVERIFY(QDir().mkpath(absolute(u"AT/empresas/0004/pasta vazia"_s)));
        QVERIFY(QDir(absolute(companyDir(u"0003"_s))).removeRecursively());
        writeFile(
            absolute(u"AT/empresas/0099/empresa.json"_s),
            R"({"codigo": "0099", "razaoSocial": "Nova Depois da Cópia Ltda", "cnpj": "11.222.333/0001-81"})");
        writeFile(absolute(u"AT/empresas/0099/cadastro.dat"_s), "registro\n");
        const QString changedTemplate = u"AT/modelos/etiquetas/Etiqueta de patrimônio.etq"_s;
        const QString ownTemplate = u"AT/modelos/consultas/Minha consulta.cns"_s;
        appendTo(absolute(changedTemplate), "mudou\n");
        writeFile(absolute(ownTemplate), "SELECT 1\n");
        const Hashes extraCompany = company(u"0099"_s);
        const Hashes otherSystems = outsideAT();
        const Hashes program = programOfAT();

        QMap<QString, bool> expectedExisting {
            {u"0001"_s, true}, {u"0002"_s, true}, {u"0003"_s, false}, {u"0004"_s, true}};
        QCOMPARE(existsInRoot(), expectedExisting);

        const auto result = restore(copy, {u"--yes"_s, u"--templates"_s});
        QVERIFY2(result.exitCode == 0, describe(result).constData());

        const Hashes restored = filtered(companies(), [](const QString &path) {
            return !path.startsWith(u"AT/empresas/0099/");
        });
        COMPARE_HASHES(restored, below(inCopy, u"AT/empresas/"_s));
        COMPARE_HASHES(company(u"0099"_s), extraCompany);
        Hashes templates = below(inCopy, u"AT/modelos/"_s);
        templates.insert(ownTemplate, fileHash(absolute(ownTemplate)));
        COMPARE_HASHES(archiveTree(m_root, u"AT/modelos"_s), templates);
        COMPARE_HASHES(outsideAT(), otherSystems);
        COMPARE_HASHES(programOfAT(), program);
        QVERIFY2(leftovers(m_root).isEmpty(), qPrintable(leftovers(m_root)));

        expectedExisting[u"0003"_s] = true;
        QCOMPARE(existsInRoot(), expectedExisting);
    }
};

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
