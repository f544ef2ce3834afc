// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input reaching resguarda-cli (docs/security.md): terminal
// control sequences in copies and session files, a manifest that inflates to
// gigabytes, sizes whose sum overflows, Ctrl-C and SIGTERM in the middle of
// reading a container, and containers that would make libarchive start an
// external program. Every test drives the real CLI on real files.

#include "core/displaytext.h"
#include "core/exitcode.h"
#include "installation/installationid.h"
#include "support/hostilecopy.h"
#include "support/lockholderprocess.h"
#include "support/sanitizers.h"
#include "support/testinstallation.h"
#include "support/tmpfsmount.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <limits>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

// The name a hostile copy gives its company: a sequence that hides the text
// after it (ESC[8m), a newline that fakes a line of the plan, a C1 CSI
// (U+009B) and a right-to-left override.
const QString hostileName = QStringLiteral("Padaria \x1b[8m\nFAKE LINE \u009b31m \u202eevil");
const QString hostileCnpj = QStringLiteral("12.345.678/0001-95\x1b]0;title\x07");
const QString hostileLabel = QStringLiteral("extra\r\x1b[2K");

// The control bytes a terminal acts on, as they appear in UTF-8 output:
// ESC and the other C0 controls but newline and tab, DEL, C1 (C2 80..C2 9F)
// and the bidi embedding, override and isolate controls.
QString controlFound(const QByteArray &output)
{
    const QString text = QString::fromUtf8(output);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool c0 = c < 0x20 && c != u'\n' && c != u'\t';
        const bool bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        if (c0 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || bidi)
            return QStringLiteral("U+%1 at %2 in: %3")
                .arg(QString::number(c, 16).rightJustified(4, u'0'))
                .arg(i)
                .arg(text.mid(std::max<qsizetype>(0, i - 60), 120));
    }
    return {};
}

// A sound crafted copy of one company, whose manifest carries the hostile
// strings as company name, CNPJ and extra copy label.
bool writeHostileTextCopy(const QString &path, QString *error)
{
    HostileCopy copy;
    copy.addFile(QStringLiteral("AT/empresas/0077/cadastro.dat"), QByteArray(4000, 'c'));
    QJsonObject root = QJsonDocument::fromJson(copy.manifestJson()).object();
    QJsonArray companies = root.value(u"companies").toArray();
    QJsonObject company = companies.at(0).toObject();
    company.insert(u"name", hostileName);
    company.insert(u"cnpj", hostileCnpj);
    companies.replace(0, company);
    root.insert(u"companies", companies);
    QJsonObject options = root.value(u"options").toObject();
    options.insert(u"extra", hostileLabel);
    root.insert(u"options", options);
    QJsonObject system = root.value(u"system").toObject();
    system.insert(u"name", QStringLiteral("Ativo\x1b[31m"));
    root.insert(u"system", system);
    copy.setManifestJson(QJsonDocument(root).toJson());
    return copy.write(path, error);
}

#ifdef Q_OS_UNIX
// Runs resguarda-cli with standard input and error on a pseudo-terminal (so
// that it asks for confirmation), types answer, and returns everything it
// wrote to the terminal and to standard output.
struct TerminalRun
{
    int exitCode = -1;
    QByteArray terminal;
    QByteArray standardOutput;
};

TerminalRun runCliOnTerminal(const QStringList &args, const QByteArray &answer,
                             const QStringList &environment = {})
{
    TerminalRun run;
    int master = -1;
    int slave = -1;
    winsize size {};
    size.ws_col = 120;
    size.ws_row = 40;
    if (::openpty(&master, &slave, nullptr, nullptr, &size) != 0)
        return run;
    QProcess process;
    if (!environment.isEmpty())
        process.setEnvironment(environment + QProcess::systemEnvironment());
    process.setChildProcessModifier([slave] {
        ::setsid();
        ::dup2(slave, STDIN_FILENO);
        ::dup2(slave, STDERR_FILENO);
    });
    process.start(QStringLiteral(RESGUARDA_CLI_PATH), args);
    ::close(slave);
    bool answered = false;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        pollfd fd {master, POLLIN, 0};
        if (::poll(&fd, 1, 50) > 0) {
            char buffer[4096];
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n > 0)
                run.terminal.append(buffer, n);
        }
        if (!answered && run.terminal.contains("[y/N]")) {
            // What the user types is echoed by the terminal, not the program.
            (void)!::write(master, answer.constData(), size_t(answer.size()));
            answered = true;
        }
        if (process.state() == QProcess::NotRunning || process.waitForFinished(0))
            break;
        if (clock.elapsed() > 60000) {
            process.kill();
            process.waitForFinished();
            break;
        }
    }
    // Whatever is left in the terminal's buffer.
    for (;;) {
        pollfd fd {master, POLLIN, 0};
        char buffer[4096];
        if (::poll(&fd, 1, 100) <= 0)
            break;
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n <= 0)
            break;
        run.terminal.append(buffer, n);
    }
    ::close(master);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.standardOutput = process.readAllStandardOutput();
    // What the terminal echoed of the answer is not the program's output.
    run.terminal.replace(QByteArray(answer.trimmed() + "\r\n"), QByteArray());
    return run;
}
#endif

QStringList resguardaTempFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("resguarda-*")}, QDir::Files | QDir::Hidden);
}

// How many bytes process pid has read so far (Linux /proc/<pid>/io "rchar");
// -1 when unknown.
qint64 bytesReadBy(qint64 pid)
{
    QFile io(QStringLiteral("/proc/%1/io").arg(pid));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = io.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

// Deterministic incompressible bytes (so a .7z cannot shrink them and
// reading the container takes real time).
QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

bool runTool(const QString &program, const QStringList &args, const QString &workDir,
             QByteArray *output)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    const bool finished = process.waitForFinished(600000);
    *output = process.readAll();
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root; // a small demo installation, system AT
    QString m_temp; // TMPDIR of every CLI run
    QString m_bigCopy; // a copy of ~200 MB of incompressible data
    QString m_manyCopy; // a copy of 60,000 small files: a manifest that takes a while to read
    QStringList m_env;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    void makeBigCopy();
    void makeManyCopy();

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_temp = path(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(m_temp));
        m_env = {u"TMPDIR="_qs + m_temp};
        m_root = path(QStringLiteral("inst"));
        const auto result = runCli({QStringLiteral("demo"), QStringLiteral("--root"), m_root,
                                    QStringLiteral("--companies"), QStringLiteral("2"),
                                    QStringLiteral("--size-mb"), QStringLiteral("1"),
                                    QStringLiteral("--seed"), QStringLiteral("5")},
                                   m_env);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
    }

    // No test leaves a temporary file behind; what one left is removed so
    // that the next one starts clean.
    void cleanup()
    {
        const QStringList left = resguardaTempFiles(m_temp);
        for (const QString &name : left)
            QFile::remove(QDir(m_temp).filePath(name));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", ")));
    }

    // Issue 8: what a copy says is printed as text, never acted on.
    void displaySafeMakesEveryControlVisible()
    {
        using Resguarda::DisplayText::displaySafe;
        const QString shown = displaySafe(hostileName);
        QVERIFY2(controlFound(shown.toUtf8()).isEmpty(), qPrintable(controlFound(shown.toUtf8())));
        QVERIFY(!shown.contains(u'\n'));
        QVERIFY(shown.startsWith(u"Padaria "));
        QVERIFY(shown.contains(u"FAKE LINE"));
        QVERIFY(shown.contains(u"evil"));
        QCOMPARE(displaySafe(u"Padaria São João Ltda – 12.345.678/0001-95"_qs),
                 u"Padaria São João Ltda – 12.345.678/0001-95"_qs);
        QCOMPARE(displaySafe(QString()), QString());
        // A lone surrogate is no control, but it is no text either.
        QVERIFY(!displaySafe(QString(QChar(0xd800))).contains(QChar(0xd800)));
    }

    void listPrintsNoControlSequences()
    {
        const QString copy = path(QStringLiteral("CopiaAT-hostile-text.zip"));
        QString error;
        QVERIFY2(writeHostileTextCopy(copy, &error), qPrintable(error));

        const auto text
            = runCli({QStringLiteral("list"), copy, QStringLiteral("--root"), m_root}, m_env);
        QVERIFY2(text.exitCode == 0, text.standardError.constData());
        QVERIFY2(controlFound(text.standardOutput).isEmpty(),
                 qPrintable(controlFound(text.standardOutput)));
        QVERIFY2(controlFound(text.standardError).isEmpty(),
                 qPrintable(controlFound(text.standardError)));
        // The newline inside the name does not make a line of its own.
        const QString output = QString::fromUtf8(text.standardOutput);
        bool sameLine = false;
        for (const QString &line : output.split(u'\n')) {
            QVERIFY2(!line.startsWith(u"FAKE LINE"), qPrintable(output));
            sameLine = sameLine || (line.contains(u"Padaria") && line.contains(u"FAKE LINE"));
        }
        QVERIFY2(sameLine, qPrintable(output));

        // JSON for scripts keeps the exact strings, escaped.
        const auto json = runCli({QStringLiteral("list"), copy, QStringLiteral("--json")}, m_env);
        QVERIFY2(json.exitCode == 0, json.standardError.constData());
        QVERIFY2(controlFound(json.standardOutput).isEmpty(),
                 qPrintable(controlFound(json.standardOutput)));
        const QJsonObject root = QJsonDocument::fromJson(json.standardOutput).object();
        const QJsonObject company = root.value(u"companies").toArray().at(0).toObject();
        QCOMPARE(company.value(u"name").toString(), hostileName);
        QCOMPARE(company.value(u"cnpj").toString(), hostileCnpj);
        QCOMPARE(root.value(u"options").toObject().value(u"extra").toString(), hostileLabel);
    }

    void restoreConfirmationPrintsNoControlSequences()
    {
#ifndef Q_OS_UNIX
        QSKIP("a pseudo-terminal is POSIX only");
#else
        const QString copy = path(QStringLiteral("CopiaAT-hostile-text.zip"));
        QString error;
        QVERIFY2(writeHostileTextCopy(copy, &error), qPrintable(error));
        const auto before = treeHashes(m_root);
        // --replace-all: the plan lists the companies it would eliminate,
        // which the hidden-text sequence would hide.
        const TerminalRun run
            = runCliOnTerminal({QStringLiteral("restore"), copy, QStringLiteral("--root"), m_root,
                                QStringLiteral("--replace-all")},
                               "n\n");
        QVERIFY2(run.terminal.contains("[y/N]"), run.terminal.constData());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.terminal.contains("ELIMINATED"), run.terminal.constData());
        // The terminal turns "\n" into "\r\n"; any other control is the program's.
        QByteArray terminal = run.terminal;
        terminal.replace("\r\n", "\n");
        QVERIFY2(controlFound(terminal).isEmpty(), qPrintable(controlFound(terminal)));
        QVERIFY2(controlFound(run.standardOutput).isEmpty(),
                 qPrintable(controlFound(run.standardOutput)));
        for (const QByteArray &line : terminal.split('\n'))
            QVERIFY2(!line.startsWith("FAKE LINE"), terminal.constData());
        QCOMPARE(treeHashes(m_root), before);
#endif
    }

    // Ctrl-C that lands after the question is shown and before the answer
    // is read (a loaded machine): the wait ends at once and nothing is
    // restored, even when a "y" is typed afterwards. A read that only looked
    // for EINTR waited for that line and then restored.
    void interruptedConfirmationRestoresNothing()
    {
#ifndef Q_OS_UNIX
        QSKIP("a pseudo-terminal is POSIX only");
#else
        const QString copy = path(QStringLiteral("CopiaAT-confirmation.zip"));
        const auto made = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                                  QStringLiteral("--system"), QStringLiteral("AT"),
                                  QStringLiteral("--output"), copy, QStringLiteral("--quiet")},
                                 m_env);
        QVERIFY2(made.exitCode == 0, made.standardError.constData());
        const auto before = treeHashes(m_root);
        const TerminalRun run = runCliOnTerminal(
            {QStringLiteral("restore"), copy, QStringLiteral("--root"), m_root,
             QStringLiteral("--replace-all"), QStringLiteral("--no-safety-copy")},
            "y\n",
            QStringList(m_env) << QStringLiteral("RESGUARDA_CRASH_AT=confirmation-prompted:1:INT"));
        QVERIFY2(run.terminal.contains("[y/N]"), run.terminal.constData());
        QCOMPARE(run.exitCode, Resguarda::cancelledExitCode);
        QVERIFY2(run.terminal.contains("Nothing was restored"), run.terminal.constData());
        QCOMPARE(treeHashes(m_root), before);
#endif
    }

    void inUseMessagePrintsNoControlSequences()
    {
        const QString sessions = m_root + u"/sessoes"_qs;
        LockHolderProcess holder(sessions, QStringLiteral("maria\x1b[8m\nFAKE LINE\u009b"),
                                 QStringLiteral("CAIXA\x1b]0;x\x07\u202e01"),
                                 QStringLiteral("AT\x1b[2J"));
        QVERIFY(holder.waitUntilLocked());
        const auto result
            = runCli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                      path(QStringLiteral("CopiaAT-inuse.zip"))},
                     m_env);
        QVERIFY2(result.exitCode == 3, result.standardError.constData());
        QVERIFY2(result.standardError.contains("maria"), result.standardError.constData());
        QVERIFY2(controlFound(result.standardError).isEmpty(),
                 qPrintable(controlFound(result.standardError)));
        QVERIFY2(controlFound(result.standardOutput).isEmpty(),
                 qPrintable(controlFound(result.standardOutput)));
        for (const QByteArray &line : result.standardError.split('\n'))
            QVERIFY2(!line.startsWith("FAKE LINE"), result.standardError.constData());
    }

    // Issue 9: a few hundred kB that inflate to a manifest of hundreds of MB.
    void hugeManifestIsRefusedWithinTheMemoryBound()
    {
        const QString copy = path(QStringLiteral("CopiaAT-manifest-bomb.zip"));
        {
            HostileCopy bomb;
            bomb.addFile(QStringLiteral("AT/empresas/0001/cadastro.dat"), "x");
            // Valid JSON: the manifest, then 300 MB of whitespace.
            QByteArray json = bomb.manifestJson();
            json.append(QByteArray(300 * 1024 * 1024, ' '));
            bomb.setManifestJson(json);
            QString error;
            QVERIFY2(bomb.write(copy, &error), qPrintable(error));
        }
        QVERIFY(QFileInfo(copy).size() < 1024 * 1024);

        // The whole program's bound is 150 MB of memory; the CLI runs with
        // no more data segment than that, so reading the manifest whole
        // kills it instead of being refused. AddressSanitizer reserves far
        // more address space than that for its shadow memory, so a sanitizer
        // build measures the peak resident memory instead (GNU time).
        const QString prlimit = QStandardPaths::findExecutable(QStringLiteral("prlimit"));
        const QString time
            = QStandardPaths::findExecutable(QStringLiteral("time"), {u"/usr/bin"_s});
        QVERIFY2(!prlimit.isEmpty() && !time.isEmpty(),
                 "prlimit (util-linux) and GNU time are installed by install-deps.sh");
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("verify")}) {
            QProcess process;
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TMPDIR"), m_temp);
            process.setProcessEnvironment(env);
            const QStringList cli {QStringLiteral(RESGUARDA_CLI_PATH), command, copy};
            if (builtWithAddressSanitizer)
                process.start(time, QStringList {u"-f"_s, u"maxrss-kb=%M"_s} + cli);
            else
                process.start(
                    prlimit,
                    QStringList {QStringLiteral("--data=%1").arg(150 * 1000 * 1000), u"--"_s}
                        + cli);
            QVERIFY(process.waitForFinished(120000));
            const QByteArray errors = process.readAllStandardError();
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QVERIFY2(process.exitCode() == 4, errors.constData());
            QVERIFY2(errors.contains("manifest is too large"), errors.constData());
            if (builtWithAddressSanitizer) {
                const qsizetype at = errors.lastIndexOf("maxrss-kb=");
                QVERIFY2(at >= 0, errors.constData());
                const qint64 peakKb = errors.mid(at + 10).trimmed().toLongLong();
                QVERIFY2(peakKb > 0 && peakKb < 150 * 1000, errors.constData());
            }
        }
    }

    // What a manifest may cost is proportional to the entries the copy
    // really holds: ten files do not need megabytes of manifest, nor a
    // hundred thousand JSON values.
    void manifestLargerThanItsEntriesIsRefused_data()
    {
        QTest::addColumn<QByteArray>("padding");
        QTest::newRow("bytes") << QByteArray(3 * 1024 * 1024, ' ');
        QByteArray values = "[0";
        for (int i = 0; i < 100000; ++i)
            values += ",0";
        QTest::newRow("values") << values + ']';
    }

    void manifestLargerThanItsEntriesIsRefused()
    {
        QFETCH(QByteArray, padding);
        const QString copy = path(QStringLiteral("CopiaAT-padded.zip"));
        auto write = [&](bool padded) {
            HostileCopy small;
            for (int i = 0; i < 10; ++i)
                small.addFile(QStringLiteral("AT/empresas/0001/t%1.dat").arg(i), "dados");
            if (padded) {
                QByteArray json = small.manifestJson();
                json.insert(1,
                            "\"padding\": " + (padding.startsWith('[') ? padding : "0" + padding)
                                + ",\n");
                small.setManifestJson(json);
            }
            QString error;
            return small.write(copy, &error);
        };
        QVERIFY(write(true));
        const auto result = runCli({QStringLiteral("list"), copy}, m_env);
        QVERIFY2(result.exitCode == 4, result.standardError.constData());
        QVERIFY2(result.standardError.contains("manifest is too large for the 11 files"),
                 result.standardError.constData());
        // The same copy without the padding is a sound copy.
        QVERIFY(write(false));
        const auto sound = runCli({QStringLiteral("list"), copy}, m_env);
        QVERIFY2(sound.exitCode == 0, sound.standardError.constData());
    }

    // Issue 10: declared sizes whose sum wraps around to 1 byte.
    void sizesThatOverflowAreRefused()
    {
        constexpr qint64 huge = std::numeric_limits<qint64>::max();
        const QString copy = path(QStringLiteral("CopiaAT-overflow.zip"));
        {
            HostileCopy overflow;
            // 64 MB of zeros inflate from a few kB: extraction fills a disk.
            HostileEntry zeros = HostileEntry::file(QStringLiteral("AT/empresas/0077/a.dat"),
                                                    QByteArray(64 * 1024 * 1024, '\0'));
            zeros.declaredSize = huge;
            HostileEntry second = HostileEntry::file(QStringLiteral("AT/empresas/0077/b.dat"), "b");
            second.declaredSize = huge;
            const HostileEntry third
                = HostileEntry::file(QStringLiteral("AT/empresas/0077/c.dat"), "ccc");
            for (const auto &entry : {zeros, second, third}) {
                overflow.addEntry(entry);
                overflow.declare(QString::fromUtf8(entry.rawName), entry.headerSize(),
                                 entry.headerCrc());
            }
            // 2 * (2^63 - 1) + 3 = 2^64 + 1: the company's total, like the
            // sum of the entries, wraps to 1 byte.
            QJsonObject root = QJsonDocument::fromJson(overflow.manifestJson()).object();
            QJsonArray companies = root.value(u"companies").toArray();
            QJsonObject company = companies.at(0).toObject();
            company.insert(u"bytes", qint64(quint64(huge) * 2 + 3));
            companies.replace(0, company);
            root.insert(u"companies", companies);
            overflow.setManifestJson(QJsonDocument(root).toJson());
            QString error;
            QVERIFY2(overflow.write(copy, &error), qPrintable(error));
        }

        // The installation on a small disk: were the free space check
        // fooled, extraction would run until that disk is full.
        const QString disk = path(QStringLiteral("small-disk"));
        QVERIFY(QDir().mkpath(disk));
        TmpfsMount mount(disk, 16 * 1024 * 1024);
        QString root = m_root;
        if (mount.isMounted()) {
            root = disk + u"/inst"_qs;
            QVERIFY(copyTree(m_root, root));
        } else {
            qWarning() << "no small disk, restoring on the test's disk:" << mount.error();
        }
        const auto before = treeHashes(root);
        const auto restore
            = runCli({QStringLiteral("restore"), copy, QStringLiteral("--root"), root,
                      QStringLiteral("--yes"), QStringLiteral("--no-safety-copy")},
                     m_env);
        QVERIFY2(restore.exitCode == 4, restore.standardError.constData());
        QVERIFY2(restore.standardError.contains("manifest is not valid"),
                 restore.standardError.constData());
        QCOMPARE(treeHashes(root), before);
        QVERIFY(!QFileInfo::exists(root + u"/AT/empresas/0077"_qs));

        for (const QString &command : {QStringLiteral("verify"), QStringLiteral("list")}) {
            const auto result = runCli({command, copy}, m_env);
            QVERIFY2(result.exitCode == 4, result.standardError.constData());
            QVERIFY2(result.standardError.contains("manifest is not valid"),
                     result.standardError.constData());
        }
    }

    // Issue 11: Ctrl-C and SIGTERM while a container is unpacked, verified
    // or restored.
    void signalsCancelCleanly_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("signal");
        for (const QString &container : {QStringLiteral("tar"), QStringLiteral("7z")}) {
            for (const QString &command :
                 {QStringLiteral("verify"), QStringLiteral("list"), QStringLiteral("restore")}) {
                QTest::addRow("%s %s SIGINT", qPrintable(command), qPrintable(container))
                    << container << command << SIGINT;
                QTest::addRow("%s %s SIGTERM", qPrintable(command), qPrintable(container))
                    << container << command << SIGTERM;
            }
        }
        QTest::addRow("verify zip SIGINT")
            << QStringLiteral("zip") << QStringLiteral("verify") << SIGINT;
        // Interrupted while extracting into the staging folder.
        QTest::addRow("restore zip SIGTERM")
            << QStringLiteral("zip") << QStringLiteral("restore") << SIGTERM;
    }

    void signalsCancelCleanly()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX signals");
#else
        QFETCH(QString, container);
        QFETCH(QString, command);
        QFETCH(int, signal);
        // verify and restore read the data, list only the manifest: each is
        // interrupted while reading what takes it long.
        const bool many = command == u"list";
        if (many && m_manyCopy.isEmpty())
            makeManyCopy();
        if (!many && m_bigCopy.isEmpty())
            makeBigCopy();
        const QString copy = many ? m_manyCopy : m_bigCopy;
        QVERIFY(!copy.isEmpty());
        const QString packed = container == u"zip"
            ? copy
            : path(QStringLiteral("%1.%2").arg(many ? u"many"_qs : u"big"_qs, container));
        if (!QFileInfo::exists(packed)) {
            const QString program
                = QStandardPaths::findExecutable(container == u"7z" ? u"7z"_qs : u"tar"_qs);
            if (program.isEmpty())
                QSKIP("the packer of this container is not installed");
            QByteArray output;
            const QStringList args = container == u"7z"
                ? QStringList {QStringLiteral("a"), QStringLiteral("-mx0"), packed,
                               QFileInfo(copy).fileName()}
                : QStringList {QStringLiteral("cf"), packed, QFileInfo(copy).fileName()};
            QVERIFY2(runTool(program, args, QFileInfo(copy).absolutePath(), &output),
                     output.constData());
        }

        const auto before = treeHashes(m_root);
        QStringList args {command, packed};
        if (command == u"restore")
            args << QStringLiteral("--root") << m_root << QStringLiteral("--yes");
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), m_temp);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RESGUARDA_CLI_PATH), args);
        QVERIFY(process.waitForStarted());

        // Signal while the work is under way: once the copy unpacked from the
        // container has its name (it is an unnamed O_TMPFILE while being
        // written), or (a plain copy) once verify has been reading.
        QElapsedTimer clock;
        clock.start();
        if (container == u"zip") {
            // Once it has read 32 MiB of the 200 MB it must read: a fixed
            // pause let a fast machine finish verify before the signal.
            constexpr qint64 started = 32 * 1024 * 1024;
            while (process.state() == QProcess::Running && clock.elapsed() < 60000) {
                const qint64 read = bytesReadBy(process.processId());
                if (read < 0) {
                    QThread::msleep(150); // no /proc: the old, timing-bound way
                    break;
                }
                if (read >= started)
                    break;
                QThread::usleep(100);
            }
        } else {
            while (resguardaTempFiles(m_temp).isEmpty() && process.state() == QProcess::Running
                   && clock.elapsed() < 60000)
                QThread::usleep(500);
        }
        QVERIFY2(process.state() == QProcess::Running,
                 "the command ended before it could be interrupted");
        ::kill(pid_t(process.processId()), signal);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray errors = process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130,
                 qPrintable(QStringLiteral("exit code %1: %2")
                                .arg(process.exitCode())
                                .arg(QString::fromUtf8(errors))));
        QVERIFY2(errors.contains("ancel"), errors.constData());
        QVERIFY2(resguardaTempFiles(m_temp).isEmpty(),
                 qPrintable(resguardaTempFiles(m_temp).join(u", ")));
        QCOMPARE(treeHashes(m_root), before);
        QVERIFY(!QDir(m_root)
                     .entryList(QDir::AllEntries | QDir::Hidden)
                     .join(u' ')
                     .contains(u"staging"));
#endif
    }

    void signalCancelsBackup()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX signals");
#else
        // An installation with ~130 MB that does not compress: the copy
        // takes long enough to be interrupted while being written.
        const QString root = path(QStringLiteral("inst-big"));
        QVERIFY(copyTree(m_root, root));
        const QString company
            = QDir(root + u"/AT/empresas"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot).value(0);
        QVERIFY(!company.isEmpty());
        for (int i = 0; i < 8; ++i)
            writeFile(root + u"/AT/empresas/"_qs + company + u"/dados-%1.dat"_qs.arg(i),
                      noise(16 * 1024 * 1024, quint32(100 + i)));
        const QString output = path(QStringLiteral("backup-out"));
        QVERIFY(QDir().mkpath(output));
        // The installation's id is created by its first backup, even one
        // that is cancelled; its data is what must stay as it was.
        QVERIFY(!Resguarda::InstallationId::ensure(root).isEmpty());
        const auto before = treeHashes(root);

        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), m_temp);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(RESGUARDA_CLI_PATH),
                      {QStringLiteral("backup"), QStringLiteral("--root"), root,
                       QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                       output + u"/CopiaAT.zip"_qs});
        QVERIFY(process.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        const auto partial = [&] {
            return QDir(output).entryList({QStringLiteral(".*.resguarda-parcial")},
                                          QDir::Files | QDir::Hidden);
        };
        while (partial().isEmpty() && process.state() == QProcess::Running
               && clock.elapsed() < 60000)
            QThread::usleep(500);
        QThread::msleep(100);
        QVERIFY2(process.state() == QProcess::Running,
                 "the backup ended before it could be interrupted");
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray errors = process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130,
                 qPrintable(QStringLiteral("exit code %1: %2")
                                .arg(process.exitCode())
                                .arg(QString::fromUtf8(errors))));
        const QStringList left = QDir(output).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u", ")));
        QCOMPARE(treeHashes(root), before);
        // The installation is free again: no session lock of ours is left.
        QVERIFY(QDir(root + u"/sessoes"_qs)
                    .entryList({QStringLiteral("*.lock")}, QDir::Files)
                    .isEmpty());
#endif
    }

    // Issue 12: only the formats and filters libarchive reads itself.
    void containersNeverStartPrograms_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("name");
        QByteArray junk(4096, 'j');
        QTest::newRow("lrzip") << (QByteArray("LRZI\x00\x06", 6) + junk)
                               << QStringLiteral("copia.tar.lrz");
        QTest::newRow("grzip") << (QByteArray("GRZipII\x00\x02\x04:)", 12) + junk)
                               << QStringLiteral("copia.tar.grz");
        QTest::newRow("lzop") << QByteArray() << QStringLiteral("copia.tar.lzo");
    }

    void containersNeverStartPrograms()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, name);
        const QString file = path(name);
        if (content.isEmpty()) {
            // A real .tar.lzo of a real copy: lzop is what libarchive runs.
            const QString lzop = QStandardPaths::findExecutable(QStringLiteral("lzop"));
            const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
            if (lzop.isEmpty() || tar.isEmpty())
                QSKIP("lzop or tar is not installed");
            QString error;
            QVERIFY2(writeHostileTextCopy(path(QStringLiteral("CopiaAT.zip")), &error),
                     qPrintable(error));
            QByteArray output;
            QVERIFY2(runTool(tar,
                             {QStringLiteral("cf"), name.chopped(4), QStringLiteral("CopiaAT.zip")},
                             m_dir.path(), &output),
                     output.constData());
            QFile::remove(file);
            QVERIFY2(runTool(lzop, {QStringLiteral("-U"), name.chopped(4)}, m_dir.path(), &output),
                     output.constData());
            QVERIFY(QFileInfo::exists(file));
        } else {
            writeFile(file, content);
        }

        // Programs that record being started, first on PATH.
        const QString bin = path(QStringLiteral("fake-bin"));
        const QString marker = path(QStringLiteral("program-started"));
        QVERIFY(QDir().mkpath(bin));
        for (const QString &program :
             {QStringLiteral("lrzip"), QStringLiteral("lzop"), QStringLiteral("grzip"),
              QStringLiteral("lz4"), QStringLiteral("zstd"), QStringLiteral("xz"),
              QStringLiteral("gzip"), QStringLiteral("bzip2"), QStringLiteral("lzip"),
              QStringLiteral("uudecode")}) {
            const QString script = bin + u'/' + program;
            writeFile(script,
                      "#!/bin/sh\necho \"$0 $*\" >> '" + QFile::encodeName(marker) + "'\nexit 1\n");
            QVERIFY(QFile::setPermissions(script,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        QFile::remove(marker);
        const QStringList env {u"PATH="_qs + bin + u':' + qEnvironmentVariable("PATH"),
                               u"TMPDIR="_qs + m_temp};
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("verify")}) {
            const auto result = runCli({command, file}, env);
            QVERIFY2(result.exitCode == 4, result.standardError.constData());
            QVERIFY(!result.standardError.trimmed().isEmpty());
        }
        const auto restore = runCli({QStringLiteral("restore"), file, QStringLiteral("--root"),
                                     m_root, QStringLiteral("--yes")},
                                    env);
        QVERIFY2(restore.exitCode == 4, restore.standardError.constData());
        QFile started(marker);
        QVERIFY2(!started.exists(),
                 started.open(QIODevice::ReadOnly) ? started.readAll().constData() : "");
    }
};

void TestHostileInput::makeManyCopy()
{
    HostileCopy copy;
    for (int i = 0; i < 60000; ++i)
        copy.addFile(QStringLiteral("AT/empresas/0077/mensal/lancamentos-%1.dat").arg(i),
                     QByteArray::number(i), false);
    const QString dir = path(QStringLiteral("many"));
    QVERIFY(QDir().mkpath(dir));
    const QString file = dir + u"/CopiaAT.zip"_qs;
    QString error;
    QVERIFY2(copy.write(file, &error), qPrintable(error));
    m_manyCopy = file;
}

void TestHostileInput::makeBigCopy()
{
    // ~200 MB that no packer can compress: reading it takes long enough for
    // a signal to arrive in the middle.
    HostileCopy copy;
    for (int i = 0; i < 12; ++i)
        copy.addFile(QStringLiteral("AT/empresas/0077/dados-%1.dat").arg(i),
                     noise(16 * 1024 * 1024, quint32(i + 1)), false);
    const QString dir = path(QStringLiteral("big"));
    QVERIFY(QDir().mkpath(dir));
    const QString file = dir + u"/CopiaAT.zip"_qs;
    QString error;
    QVERIFY2(copy.write(file, &error), qPrintable(error));
    m_bigCopy = file;
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
