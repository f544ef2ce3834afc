// SPDX-License-Identifier: GPL-3.0-or-later
// Protected copies through resguarda-cli, as a user and a scheduler see them:
// backup, verify, list and restore with a password file, 7-Zip opening the
// copy, a wrong or missing password (exit 6) and tampering (exit 4) refused
// before anything is touched, a plain copy put in a protected one's place
// refused, nothing readable without the password but the marker, nothing of
// the plain copy left in the temporary folder, the password never written
// anywhere, and the password file's checks.

#include "copy/copycontainer.h"
#include "copy/protectedcopy.h"
#include "core/exitcode.h"
#include "core/passwordpolicy.h"
#include "support/isolatedhome.h"
#include "support/testinstallation.h"

#include <QElapsedTimer>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

#include <poll.h>
#include <pty.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using namespace Resguarda;
using namespace TestSupport;

namespace {

// Accented, so that its UTF-16 and Latin-1 forms differ from its UTF-8.
const QString password = QStringLiteral("Senha-Forte-ção-2026");

void writeSecret(const QString &path, const QByteArray &bytes, int mode = 0600)
{
    QFile::remove(path);
    writeFile(path, bytes);
    QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
}

} // namespace

class TestProtected : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_copies;
    QString m_copy;
    QString m_passwordFile;
    QString m_company;
    QString m_scratch; // TMPDIR of every run
    QStringList m_env;
    bool m_printedPassword = false;
    QMap<QString, QByteArray> m_tamperTarget;

    ProcessResult cli(const QStringList &args, int expected)
    {
        const auto result = runCli(args, m_env);
        if (result.exitCode != expected)
            qWarning() << args << result.exitCode << result.standardError;
        // The password is never echoed either.
        if (result.standardOutput.contains(password.toUtf8())
            || result.standardError.contains(password.toUtf8()))
            m_printedPassword = true;
        return result;
    }

    QString scratchCopy(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(m_copy, path);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(home);
        m_scratch = m_dir.filePath(QStringLiteral("tmp"));
        QDir().mkpath(m_scratch);
        m_env = homeEnvironment(home) << u"TMPDIR=" + m_scratch;
        m_root = m_dir.filePath(QStringLiteral("inst"));
        auto result = cli({QStringLiteral("demo"), QStringLiteral("--root"), m_root,
                           QStringLiteral("--companies"), QStringLiteral("2"),
                           QStringLiteral("--size-mb"), QStringLiteral("3")},
                          0);
        QVERIFY(result.exitCode == 0);
        m_company = QDir(m_root + QStringLiteral("/AT/empresas"))
                        .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                        .first();
        // Larger than one buffer: streamed in chunks, encrypted in turn.
        // Incompressible, so that the copy holds several MiB of it.
        writeFile(m_root + u"/AT/empresas/" + m_company + u"/grande.dat",
                  randomBytes(6 * 1024 * 1024, 2026));
        m_passwordFile = m_dir.filePath(QStringLiteral("senha"));
        writeSecret(m_passwordFile, password.toUtf8() + '\n');
        m_copies = m_dir.filePath(QStringLiteral("copias"));
        QDir().mkpath(m_copies);
        m_copy = m_copies + QStringLiteral("/CopiaAT.zip");
        result = cli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("AT"),
                      QStringLiteral("--templates"), QStringLiteral("--output"), m_copies,
                      QStringLiteral("--password-file"), m_passwordFile},
                     0);
        QVERIFY2(result.exitCode == 0, result.standardError.constData());
        QVERIFY(QFile::exists(m_copy));
    }

    void cleanup()
    {
        QVERIFY2(!m_printedPassword, "resguarda-cli printed the password");
        // Whatever a run did, nothing of a decrypted copy stays behind.
        QCOMPARE(QDir(m_scratch).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("short") << QStringLiteral("Ab1-xyz") << false;
        QTest::newRow("11 characters") << QStringLiteral("Abcdefgh-12") << false;
        QTest::newRow("12 characters") << QStringLiteral("Abcdefgh-123") << true;
        QTest::newRow("one class") << QStringLiteral("abcdefghijkl") << false;
        QTest::newRow("digits only") << QStringLiteral("123456789012345") << false;
        QTest::newRow("control") << QStringLiteral("abcdefgh\t1234") << false;
        QTest::newRow("100 bytes") << QString(50, QChar(0xe7)) + QStringLiteral("1") << false;
        QTest::newRow("99 bytes") << QString(49, QChar(0xe7)) + QStringLiteral("1") << true;
        QTest::newRow("passphrase") << QStringLiteral("cavalo correto bateria") << true;
        QTest::newRow("mixed") << password << true;
    }

    void passwordPolicy()
    {
        QFETCH(QString, candidate);
        QFETCH(bool, accepted);
        QCOMPARE(PasswordPolicy::problem(candidate).isEmpty(), accepted);
        QCOMPARE(PasswordPolicy::strength(candidate) > 0, accepted);
    }

    void passwordStrength()
    {
        QCOMPARE(PasswordPolicy::strength(QStringLiteral("abcdefghijk1")), 1);
        QCOMPARE(PasswordPolicy::strength(QStringLiteral("abcdefghijK1")), 2);
        QCOMPARE(PasswordPolicy::strength(QStringLiteral("abcdefghijklmno1")), 2);
        QCOMPARE(PasswordPolicy::strength(QStringLiteral("abcdefghijklmnO1")), 3);
        QCOMPARE(PasswordPolicy::strength(QStringLiteral("cavalo correto bateria grampo")), 3);
    }

    void weakPasswordIsRefused()
    {
        const QString weak = m_dir.filePath(QStringLiteral("fraca"));
        writeSecret(weak, "abcdefghijklmn\n");
        const auto result = cli(
            {QStringLiteral("backup"), QStringLiteral("--root"), m_root, QStringLiteral("--system"),
             QStringLiteral("AT"), QStringLiteral("--output"),
             m_dir.filePath(QStringLiteral("w.zip")), QStringLiteral("--password-file"), weak},
            2);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.standardError.contains("too simple"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("w.zip"))));
    }

    // On a terminal, --password-stdin asks for a new password twice, without
    // echo; two that differ write nothing.
    void passwordTypedTwiceOnATerminal_data()
    {
        QTest::addColumn<QByteArray>("again");
        QTest::addColumn<QByteArray>("interruptAt");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("same") << password.toUtf8() << QByteArray() << 0;
        QTest::newRow("differs") << QByteArray("Senha-Forte-2027") << QByteArray() << 2;
        // Ctrl-C at the second prompt: the program stops (130) and gives
        // the terminal its echo back.
        QTest::newRow("Ctrl-C") << QByteArray("\x03") << QByteArray() << 130;
        // The same signal landing after the prompt is shown but before the
        // read starts (a loaded machine): a read that only looks for EINTR
        // would wait for ever. The fault point raises SIGINT exactly there.
        QTest::newRow("SIGINT before the first read")
            << password.toUtf8() << QByteArray("password-prompted:1:INT") << 130;
        QTest::newRow("SIGINT before the second read")
            << password.toUtf8() << QByteArray("password-prompted:2:INT") << 130;
    }

    void passwordTypedTwiceOnATerminal()
    {
        QFETCH(QByteArray, again);
        QFETCH(QByteArray, interruptAt);
        QFETCH(int, exitCode);
        const QString out = m_dir.filePath(QStringLiteral("typed"));
        QDir(out).removeRecursively();
        QDir().mkpath(out);
        const QByteArray cli = QByteArrayLiteral(RESGUARDA_CLI_PATH);
        QList<QByteArray> args = {cli,
                                  "backup",
                                  "--root",
                                  QFile::encodeName(m_root),
                                  "--system",
                                  "AT",
                                  "--output",
                                  QFile::encodeName(out),
                                  "--password-stdin",
                                  "--quiet"};
        // Everything the child needs is built before the fork: it only
        // calls execve (no allocation in a child of a threaded process).
        QList<QByteArray> environment;
        if (!interruptAt.isEmpty())
            environment.append("RESGUARDA_CRASH_AT=" + interruptAt);
        // The test's own entries first: getenv() takes the first of a name.
        for (const QString &entry : m_env + QProcess::systemEnvironment())
            environment.append(entry.toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        std::vector<char *> envp;
        for (QByteArray &entry : environment)
            envp.push_back(entry.data());
        envp.push_back(nullptr);
        int terminal = -1;
        const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
        QVERIFY(pid >= 0);
        if (pid == 0) {
            ::execve(argv[0], argv.data(), envp.data());
            ::_exit(127);
        }
        QByteArray seen;
        auto waitFor = [&](const QByteArray &prompt) {
            QElapsedTimer waited;
            waited.start();
            while (!seen.contains(prompt) && waited.elapsed() < 20000) {
                pollfd ready {terminal, POLLIN, 0};
                if (::poll(&ready, 1, 100) == 0)
                    continue;
                char buffer[256];
                const ssize_t n = ::read(terminal, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                seen.append(buffer, n);
            }
            return seen.contains(prompt);
        };
        QVERIFY(waitFor("Password: "));
        // A signal raised at the first prompt leaves nothing to type.
        if (!interruptAt.contains(":1:")) {
            const QByteArray first = password.toUtf8() + '\n';
            QVERIFY(::write(terminal, first.constData(), size_t(first.size())) > 0);
            QVERIFY(waitFor("Repeat the password: "));
        }
        if (interruptAt.isEmpty()) {
            // Ctrl-C alone: no line follows it.
            const QByteArray second = again == "\x03" ? again : again + '\n';
            QVERIFY(::write(terminal, second.constData(), size_t(second.size())) > 0);
        }
        waitFor("\x01"); // everything until the end (or 20 s)
        ::kill(pid, SIGTERM); // if it still runs, the test fails below
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        termios settings {};
        QCOMPARE(::tcgetattr(terminal, &settings), 0);
        ::close(terminal);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), exitCode);
        QVERIFY2(settings.c_lflag & ECHO, "the terminal was left without echo");
        // Never echoed.
        QVERIFY(!seen.contains(password.toUtf8()));
        QCOMPARE(QFile::exists(out + QStringLiteral("/CopiaAT.zip")), exitCode == 0);
    }

    void passwordFileIsChecked()
    {
        const QString copy = m_copy;
        auto refused = [&](const QString &file, const char *why) {
            const auto result
                = cli({QStringLiteral("list"), QStringLiteral("--password-file"), file, copy}, 2);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.standardError.contains(why), result.standardError.constData());
        };
        const QString open = m_dir.filePath(QStringLiteral("aberta"));
        writeSecret(open, password.toUtf8(), 0644);
        refused(open, "chmod 600");
        writeSecret(open, password.toUtf8(), 0640);
        refused(open, "chmod 600");
        writeSecret(open, password.toUtf8(), 0602);
        refused(open, "chmod 600");
        const QString link = m_dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(m_passwordFile, link));
        refused(link, "symbolic link");
        refused(m_dir.path(), "not a regular file");
        const QString empty = m_dir.filePath(QStringLiteral("vazia"));
        writeSecret(empty, "\n");
        refused(empty, "empty");
        if (::geteuid() == 0) {
            const QString foreign = m_dir.filePath(QStringLiteral("alheia"));
            writeSecret(foreign, password.toUtf8());
            QVERIFY(::chown(QFile::encodeName(foreign).constData(), 65534, 65534) == 0);
            refused(foreign, "another user");
        }
        // The same file, made private, is taken.
        writeSecret(open, password.toUtf8(), 0600);
        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--password-file"), open, copy}, 0)
                     .exitCode,
                 0);
    }

    // The scheduled copy refused for its password file is recorded in the
    // installation's history, which Home shows in red on every machine.
    void scheduledRefusalIsRecorded()
    {
        const QString root = m_dir.filePath(QStringLiteral("scheduled"));
        QVERIFY(copyTree(m_root, root));
        const QString open = m_dir.filePath(QStringLiteral("aberta-agendada"));
        writeSecret(open, password.toUtf8(), 0644);
        const auto result = cli({QStringLiteral("backup"), QStringLiteral("--root"), root,
                                 QStringLiteral("--all-systems"), QStringLiteral("--scheduled"),
                                 QStringLiteral("--password-file"), open},
                                2);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.standardError.count("chmod 600"), 1);
        QVERIFY(
            QDir(root + QStringLiteral("/Copias")).entryList({QStringLiteral("*.zip")}).isEmpty());
        const auto history = cli(
            {QStringLiteral("history"), QStringLiteral("--root"), root, QStringLiteral("--json")},
            0);
        const QJsonArray records = QJsonDocument::fromJson(history.standardOutput).array();
        QVERIFY(!records.isEmpty());
        const QJsonObject record = records.first().toObject(); // the newest
        QCOMPARE(record.value(u"scheduled").toBool(), true);
        QCOMPARE(record.value(u"result").toString(), QStringLiteral("usage"));
        QVERIFY(record.value(u"message").toString().contains(u"chmod 600"));
    }

    void roundTrip()
    {
        auto result = cli(
            {QStringLiteral("verify"), QStringLiteral("--password-file"), m_passwordFile, m_copy},
            0);
        QCOMPARE(result.exitCode, 0);
        result = cli(
            {QStringLiteral("list"), QStringLiteral("--password-file"), m_passwordFile, m_copy}, 0);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.standardOutput.contains(m_company.toUtf8()));
        QVERIFY(result.standardOutput.contains("Protected with a password"));
        result = cli({QStringLiteral("list"), QStringLiteral("--json"),
                      QStringLiteral("--password-file"), m_passwordFile, m_copy},
                     0);
        QCOMPARE(QJsonDocument::fromJson(result.standardOutput).object().value(u"protected"),
                 QJsonValue(true));

        const QString target = m_dir.filePath(QStringLiteral("restored"));
        QVERIFY(copyTree(m_root, target));
        const auto original = treeHashes(m_root + QStringLiteral("/AT"));
        // Damage the installation the copy will repair.
        writeFile(target + u"/AT/empresas/" + m_company + u"/grande.dat", "estragado");
        QVERIFY(treeHashes(target + QStringLiteral("/AT")) != original);
        // --password-stdin through a file given as standard input.
        QProcess process;
        process.setProgram(QStringLiteral(RESGUARDA_CLI_PATH));
        process.setArguments({QStringLiteral("restore"), QStringLiteral("--root"), target,
                              QStringLiteral("--templates"), QStringLiteral("--yes"),
                              QStringLiteral("--password-stdin"), m_copy});
        QStringList env = QProcess::systemEnvironment();
        env << m_env;
        process.setEnvironment(env);
        process.setStandardInputFile(m_passwordFile);
        process.start();
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QCOMPARE(treeHashes(target + QStringLiteral("/AT")), original);

        // The safety copy of what was replaced is protected with the same
        // password.
        const auto safety = QDir(target + QStringLiteral("/Copias"))
                                .entryList({QStringLiteral("*antes-da-restauracao*.zip")});
        QCOMPARE(safety.size(), 1);
        const QString safetyPath = target + u"/Copias/" + safety.first();
        OperationError error;
        QVERIFY(!OpenedCopy::open(safetyPath, m_scratch, &error));
        QCOMPARE(error.code, ExitCode::Password);
        const auto opened = OpenedCopy::open(safetyPath, m_scratch, &error, {}, password.toUtf8());
        QVERIFY2(opened, qPrintable(error.message));
        QVERIFY(opened->isProtected());
        QVERIFY(opened->reader().verify().isEmpty());
    }

    void sevenZipOpensTheCopy()
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("7z"));
        if (tool.isEmpty())
            QSKIP("7z is not installed (Debian: p7zip-full)");
        const QString pass = u"-p" + password;
        auto result = runProcess(tool, {QStringLiteral("t"), pass, m_copy});
        QVERIFY2(result.exitCode == 0, result.standardOutput.constData());
        QVERIFY(result.standardOutput.contains("Everything is Ok"));
        result = runProcess(tool, {QStringLiteral("t"), QStringLiteral("-pErrada-123456"), m_copy});
        QVERIFY(result.exitCode != 0);

        // 7-Zip gives the plain copy inside, and that is an ordinary ZIP.
        const QString out = m_dir.filePath(QStringLiteral("7z-out"));
        result = runProcess(tool, {QStringLiteral("x"), pass, u"-o" + out, m_copy});
        QVERIFY2(result.exitCode == 0, result.standardOutput.constData());
        const QString inner = out + u'/' + ProtectedCopy::innerName(QStringLiteral("AT"));
        QVERIFY(QFile::exists(inner));
        const QString files = m_dir.filePath(QStringLiteral("7z-files"));
        result = runProcess(tool, {QStringLiteral("x"), u"-o" + files, inner});
        QVERIFY2(result.exitCode == 0, result.standardOutput.constData());
        const QString name = u"/AT/empresas/" + m_company + u"/grande.dat";
        QCOMPARE(fileHash(files + name), fileHash(m_root + name));
        const QString small = u"/AT/empresas/" + m_company + u"/empresa.json";
        QCOMPARE(fileHash(files + small), fileHash(m_root + small));
        // And the plain copy inside is itself a sound Resguarda copy.
        QVERIFY(copyIsSound(inner));
    }

    // What anyone sees without the password: the marker and one name.
    void onlyTheMarkerIsReadable()
    {
        QFile file(m_copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("resguarda.copy protected system=AT"));
        QVERIFY(bytes.contains(ProtectedCopy::innerName(QStringLiteral("AT")).toUtf8()));
        for (const QByteArray &secret :
             {QByteArray("AT/empresas/"), QByteArray("resguarda-manifest"),
              (u"empresas/" + m_company).toUtf8(), QByteArray("grande.dat")})
            QVERIFY2(!bytes.contains(secret), secret.constData());
        const QString unzip = QStandardPaths::findExecutable(QStringLiteral("unzip"));
        if (!unzip.isEmpty()) {
            const auto listed = runProcess(unzip, {QStringLiteral("-Z1"), m_copy});
            QCOMPARE(listed.standardOutput.trimmed(),
                     ProtectedCopy::innerName(QStringLiteral("AT")).toUtf8());
        }
        QCOMPARE(ProtectedCopy::protectedSystem(m_copy),
                 std::optional<QString>(QStringLiteral("AT")));
    }

    // A plain copy put where a protected one is expected, or a protected
    // copy made with another password, is not taken.
    void substitutedCopiesAreRefused()
    {
        const QString plainDir = m_dir.filePath(QStringLiteral("plain"));
        QDir().mkpath(plainDir);
        QCOMPARE(cli({QStringLiteral("backup"), QStringLiteral("--root"), m_root,
                      QStringLiteral("--system"), QStringLiteral("AT"), QStringLiteral("--output"),
                      plainDir},
                     0)
                     .exitCode,
                 0);
        const QString plain = plainDir + QStringLiteral("/CopiaAT.zip");
        const QString target = m_dir.filePath(QStringLiteral("substituted"));
        QDir(target).removeRecursively();
        QVERIFY(copyTree(m_root, target));
        const auto before = treeHashes(target);
        auto result = cli({QStringLiteral("restore"), QStringLiteral("--root"), target,
                           QStringLiteral("--yes"), QStringLiteral("--password-file"),
                           m_passwordFile, plain},
                          4);
        QCOMPARE(result.exitCode, 4);
        QVERIFY(result.standardError.contains("is not a protected copy"));
        QCOMPARE(treeHashes(target), before);
    }

    void missingOrWrongPasswordTouchesNothing()
    {
        const QString target = m_dir.filePath(QStringLiteral("untouched"));
        QVERIFY(copyTree(m_root, target));
        const auto before = treeHashes(target);
        const QString wrong = m_dir.filePath(QStringLiteral("errada"));
        writeSecret(wrong, "Outra-Senha-2026");
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("verify")}) {
            auto result = cli({command, m_copy}, 6);
            QCOMPARE(result.exitCode, 6);
            QVERIFY(result.standardError.contains("protected copy"));
            QVERIFY(result.standardError.contains("system AT"));
            result = cli({command, QStringLiteral("--password-file"), wrong, m_copy}, 6);
            QCOMPARE(result.exitCode, 6);
            QVERIFY(result.standardError.contains("password given is not the password"));
        }
        auto result = cli({QStringLiteral("restore"), QStringLiteral("--root"), target,
                           QStringLiteral("--yes"), m_copy},
                          6);
        QCOMPARE(result.exitCode, 6);
        result = cli({QStringLiteral("restore"), QStringLiteral("--root"), target,
                      QStringLiteral("--yes"), QStringLiteral("--password-file"), wrong, m_copy},
                     6);
        QCOMPARE(result.exitCode, 6);
        QCOMPARE(treeHashes(target), before);
        QVERIFY(QDir(target + QStringLiteral("/Copias"))
                    .entryList({QStringLiteral("*.zip")})
                    .isEmpty());
    }

    void tamperedCopyIsRefusedBeforeAnything_data()
    {
        // Where, from the start of the encrypted data (after the salt and
        // the verifier) or of the file, a byte is flipped, or how the file
        // is cut or grown.
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("exitCode");
        // A changed salt gives other keys: the verifier differs (6), or,
        // once in 65,536, matches by chance and the code does not (4).
        QTest::newRow("first encrypted byte") << QStringLiteral("data:0") << 4;
        // The DOS time of the plain copy's first entry: no CRC covers it and
        // the plain reader does not use it, so only the authentication code
        // can tell (counter mode: the flipped bit lands on the same bit).
        QTest::newRow("plain copy's first time field") << QStringLiteral("data:10") << 4;
        QTest::newRow("middle of the data") << QStringLiteral("data:middle") << 4;
        QTest::newRow("last encrypted byte") << QStringLiteral("data:last") << 4;
        QTest::newRow("authentication code") << QStringLiteral("code") << 4;
        QTest::newRow("salt") << QStringLiteral("salt") << 6;
        QTest::newRow("entry name") << QStringLiteral("name") << 4;
        QTest::newRow("cut short") << QStringLiteral("cut") << 4;
        QTest::newRow("bytes appended") << QStringLiteral("grown") << 4;
        QTest::newRow("bytes before the end records") << QStringLiteral("inserted") << 4;
        QTest::newRow("end record's disk number") << QStringLiteral("end record") << 4;
    }

    void tamperedCopyIsRefusedBeforeAnything()
    {
        QFETCH(QString, change);
        QFETCH(int, exitCode);
        const QString copy = scratchCopy(QStringLiteral("tampered.zip"));
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray zip = file.readAll();
        const QByteArray inner = ProtectedCopy::innerName(QStringLiteral("AT")).toUtf8();
        const qint64 saltAt = 30 + inner.size() + 20 + 11;
        const qint64 dataAt = saltAt + 18;
        const qint64 directoryAt = zip.indexOf(QByteArray("PK\x01\x02", 4));
        QVERIFY(directoryAt > dataAt + 10);
        const qint64 dataSize = directoryAt - 10 - dataAt;
        auto flip = [&](qint64 at) {
            zip[at] = char(zip[at] ^ 0x01);
        };
        if (change == u"data:0")
            flip(dataAt);
        else if (change == u"data:10")
            flip(dataAt + 10);
        else if (change == u"data:middle")
            flip(dataAt + dataSize / 2);
        else if (change == u"data:last")
            flip(dataAt + dataSize - 1);
        else if (change == u"code")
            flip(directoryAt - 3);
        else if (change == u"salt")
            flip(saltAt + 5);
        else if (change == u"name")
            flip(30 + 2);
        else if (change == u"cut")
            zip.chop(zip.size() - directoryAt);
        else if (change == u"grown")
            zip.append("PK\x05\x06 trailing");
        else if (change == u"inserted")
            // Between the zip64 end record and its locator.
            zip.insert(zip.lastIndexOf(QByteArray("PK\x06\x07", 4)), QByteArray(16, 'x'));
        else if (change == u"end record")
            flip(zip.lastIndexOf(QByteArray("PK\x05\x06", 4)) + 4);
        QVERIFY(file.resize(0));
        QCOMPARE(file.write(zip), zip.size());
        file.close();

        // One target for every row: each must leave it as it was.
        const QString target = m_dir.filePath(QStringLiteral("tamper-target"));
        if (!QFile::exists(target)) {
            QVERIFY(copyTree(m_root, target));
            m_tamperTarget = treeHashes(target);
        }
        auto result = cli(
            {QStringLiteral("verify"), QStringLiteral("--password-file"), m_passwordFile, copy},
            exitCode);
        const bool saltRow = change == u"salt";
        if (saltRow && result.exitCode == 4)
            exitCode = 4; // the one-in-65,536 case above
        QCOMPARE(result.exitCode, exitCode);
        result = cli({QStringLiteral("restore"), QStringLiteral("--root"), target,
                      QStringLiteral("--yes"), QStringLiteral("--password-file"), m_passwordFile,
                      copy},
                     exitCode);
        QCOMPARE(result.exitCode, exitCode);
        QCOMPARE(treeHashes(target), m_tamperTarget);
        QVERIFY(QDir(target + QStringLiteral("/Copias"))
                    .entryList({QStringLiteral("*.zip")})
                    .isEmpty());
    }

    // A reader killed while it decrypts leaves nothing of the plain copy in
    // the temporary folder: its file never had a name.
    void killedReaderLeavesNothing()
    {
        // kill -9 after the first MiB decrypted: the plain copy is partly
        // written to the temporary folder.
        QVERIFY(QFileInfo(m_copy).size() > 3 << 19);
        const auto result = runCli(
            {QStringLiteral("verify"), QStringLiteral("--password-file"), m_passwordFile, m_copy},
            m_env + QStringList {QStringLiteral("RESGUARDA_CRASH_AT=unseal-chunk")});
        QCOMPARE(result.exitCode, -1); // killed, not ended
        // cleanup() checks the temporary folder.
    }

    void thePasswordIsWrittenNowhere()
    {
        const QByteArray utf8 = password.toUtf8();
        const QByteArray utf16(reinterpret_cast<const char *>(password.utf16()),
                               password.size() * 2);
        const QByteArray latin1 = password.toLatin1();
        QStringList places = {m_root, m_copies, m_dir.filePath(QStringLiteral("restored")),
                              m_dir.filePath(QStringLiteral("home")), m_scratch};
        qint64 files = 0;
        for (const QString &place : places) {
            QDirIterator it(place, QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                const QByteArray bytes = file.readAll();
                ++files;
                QVERIFY2(!bytes.contains(utf8) && !bytes.contains(utf16) && !bytes.contains(latin1),
                         qPrintable(path));
            }
        }
        QVERIFY(files > 100);
    }
};

QTEST_GUILESS_MAIN(TestProtected)
#include "tst_protected.moc"
