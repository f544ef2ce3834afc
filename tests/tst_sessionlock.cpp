// SPDX-License-Identifier: GPL-3.0-or-later
// Session locks against real locks of other processes: helpers/lockholder
// plays the client of the business system (or a second Resguarda).

#include "installation/sessionlock.h"
#include "support/testinstallation.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace Resguarda;

namespace {

constexpr int processTimeoutMs = 15000;

// A running lockholder. Its first output line tells whether it got the lock.
class Holder
{
public:
    explicit Holder(const QStringList &args)
    {
        m_process.setProgram(QStringLiteral(RESGUARDA_LOCKHOLDER_PATH));
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
    }

    ~Holder()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(processTimeoutMs)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }

    Holder(const Holder &) = delete;
    Holder &operator=(const Holder &) = delete;

    // Waits for the first line ("LOCKED <path>", "BUSY", "INUSE"); empty
    // when the process ended or timed out without one.
    QByteArray firstLine()
    {
        if (!m_firstLine.isEmpty())
            return m_firstLine;
        // A holder that answers BUSY may have exited already: its output
        // is then in QProcess's buffer, so only wait while it is starting.
        if (m_process.state() == QProcess::Starting)
            m_process.waitForStarted(processTimeoutMs);
        const QDeadlineTimer deadline(processTimeoutMs);
        while (!m_process.canReadLine() && m_process.state() == QProcess::Running
               && !deadline.hasExpired())
            m_process.waitForReadyRead(int(deadline.remainingTime()));
        if (m_process.canReadLine())
            m_firstLine = m_process.readLine().trimmed();
        return m_firstLine;
    }

    bool locked() { return firstLine().startsWith("LOCKED "); }
    QString lockedPath() { return QFile::decodeName(firstLine().mid(int(qstrlen("LOCKED ")))); }

    // Closes stdin: the holder releases and exits normally.
    int stop()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(processTimeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    // SIGKILL: the holder cannot clean up, as a client that crashes.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(processTimeoutMs);
    }

    int waitForExit()
    {
        if (!m_process.waitForFinished(processTimeoutMs))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_firstLine;
};

std::unique_ptr<Holder> clientHolder(const QString &sessionsDir, const QString &user,
                                     const QString &machine, const QString &system)
{
    return std::make_unique<Holder>(QStringList {sessionsDir, user, machine, system});
}

std::unique_ptr<Holder> rawHolder(const QString &sessionsDir, const QString &file)
{
    return std::make_unique<Holder>(QStringList {sessionsDir, QStringLiteral("x"),
                                                 QStringLiteral("x"), QStringLiteral("x"),
                                                 QStringLiteral("--raw-lock-only"), file});
}

QByteArray clientJson(const QString &user, const QString &machine, const QString &system,
                      const QString &since)
{
    QJsonObject object;
    object.insert(QStringLiteral("usuario"), user);
    object.insert(QStringLiteral("maquina"), machine);
    object.insert(QStringLiteral("sistema"), system);
    object.insert(QStringLiteral("desde"), since);
    return QJsonDocument(object).toJson();
}

// Reads a file we hold locked. Not with QFile: closing any descriptor of the
// file would drop this process's POSIX lock.
QByteArray readInAnotherProcess(const QString &path)
{
    QProcess cat;
    cat.start(QStringLiteral("cat"), {path});
    if (!cat.waitForFinished(processTimeoutMs))
        return {};
    return cat.readAllStandardOutput();
}

QStringList lockFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.lock")}, QDir::Files, QDir::Name);
}

} // namespace

class TestSessionLock : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void missingSessionsDirMeansNoSessions();
    void emptySessionsDirMeansNoSessions();
    void staleFileIsIgnoredAndKept();
    void heldLockIsReported();
    void killedClientLeavesStaleFile();
    void clientReleaseRemovesItsFile();
    void unreadableHeldFileIsReported();

    void acquireWritesFileAndCreatesDir();
    void acquireFillsDefaults();
    void twoLocksOfOneProcessUseDistinctFiles();
    void acquireFailsWhenDirCannotBeCreated();

    void ownLockIsSeenByOtherProcesses();
    void checkingNeverDropsOwnLock();

    void exclusiveRefusesWhileClientConnected();
    void exclusiveNamesEverySession();
    void exclusiveSucceedsWithOnlyStaleFiles();
    void exclusiveIsSeenByAnotherResguarda();
    void concurrentExclusiveNeverBothProceed();

    void describeUnidentifiedSession();

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString m_sessions;
};

void TestSessionLock::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    m_sessions = m_root->filePath(QStringLiteral("sessoes"));
}

void TestSessionLock::missingSessionsDirMeansNoSessions()
{
    QVERIFY(!QFileInfo::exists(m_sessions));
    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());
    // Looking must not create anything.
    QVERIFY(!QFileInfo::exists(m_sessions));
}

void TestSessionLock::emptySessionsDirMeansNoSessions()
{
    QVERIFY(QDir().mkpath(m_sessions));
    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());
}

void TestSessionLock::staleFileIsIgnoredAndKept()
{
    const QString path = m_sessions + u"/cp-estacao-1.lock";
    const QByteArray content
        = clientJson(QStringLiteral("maria"), QStringLiteral("ESTACAO-1"), QStringLiteral("CP"),
                     QStringLiteral("2024-05-03T14:02:00-03:00"));
    TestSupport::writeFile(path, content);

    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());

    // The file belongs to the client: the checker leaves it untouched.
    QVERIFY(QFileInfo::exists(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestSessionLock::heldLockIsReported()
{
    // Other files of the folder are not sessions, locked or not.
    TestSupport::writeFile(m_sessions + u"/leia-me.txt", "not a session");

    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    auto holder = clientHolder(m_sessions, QStringLiteral("Maria José"), QStringLiteral("CAIXA-01"),
                               QStringLiteral("CP"));
    QVERIFY2(holder->locked(), holder->firstLine().constData());
    const QDateTime after = QDateTime::currentDateTime().addSecs(1);
    QVERIFY(QFileInfo::exists(holder->lockedPath()));

    const QList<SessionInfo> sessions = SessionLock::activeSessions(m_sessions);
    QCOMPARE(sessions.size(), 1);
    const SessionInfo &session = sessions.first();
    QCOMPARE(session.user, QStringLiteral("Maria José"));
    QCOMPARE(session.machine, QStringLiteral("CAIXA-01"));
    QCOMPARE(session.system, QStringLiteral("CP"));
    QCOMPARE(session.filePath, holder->lockedPath());
    QVERIFY(session.since.isValid());
    QVERIFY2(session.since >= before && session.since <= after,
             qPrintable(session.since.toString(Qt::ISODate)));

    // Checking twice gives the same answer: looking did not disturb the lock.
    QCOMPARE(SessionLock::activeSessions(m_sessions).size(), 1);
    QCOMPARE(holder->stop(), 0);
}

void TestSessionLock::killedClientLeavesStaleFile()
{
    auto holder = clientHolder(m_sessions, QStringLiteral("ana"), QStringLiteral("PDV-2"),
                               QStringLiteral("AT"));
    QVERIFY2(holder->locked(), holder->firstLine().constData());
    const QString path = holder->lockedPath();
    QCOMPARE(SessionLock::activeSessions(m_sessions).size(), 1);

    holder->kill();
    QCOMPARE(holder->process().exitStatus(), QProcess::CrashExit);

    // The kernel dropped the lock with the process; the file stays behind.
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());
    QVERIFY(QFileInfo::exists(path));
}

void TestSessionLock::clientReleaseRemovesItsFile()
{
    auto holder = clientHolder(m_sessions, QStringLiteral("ana"), QStringLiteral("PDV-2"),
                               QStringLiteral("AT"));
    QVERIFY2(holder->locked(), holder->firstLine().constData());
    const QString path = holder->lockedPath();
    QCOMPARE(holder->stop(), 0);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());
}

void TestSessionLock::unreadableHeldFileIsReported()
{
    const QString path = m_sessions + u"/danificado.lock";
    TestSupport::writeFile(path, "{\"usuario\": \"mar");
    auto holder = rawHolder(m_sessions, path);
    QVERIFY2(holder->locked(), holder->firstLine().constData());

    // Connected is decided by the lock, not by the content.
    const QList<SessionInfo> sessions = SessionLock::activeSessions(m_sessions);
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().filePath, QFileInfo(path).absoluteFilePath());
    QVERIFY(sessions.first().user.isEmpty());
    QVERIFY(sessions.first().machine.isEmpty());
    QVERIFY(sessions.first().system.isEmpty());
    QVERIFY(!sessions.first().since.isValid());

    // The refusal still points at the file so that somebody can find it.
    std::unique_ptr<SessionLock> lock;
    const OperationError error
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QCOMPARE(error.code, ExitCode::InUse);
    QVERIFY(!lock);
    QVERIFY2(error.message.contains(QStringLiteral("danificado.lock")), qPrintable(error.message));

    QCOMPARE(holder->stop(), 0);
    // A raw lock holder does not own the file: it is still there, now stale.
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());
}

void TestSessionLock::acquireWritesFileAndCreatesDir()
{
    const QString nested = m_root->filePath(QStringLiteral("nova instalação/sessoes"));
    SessionInfo info;
    info.user = QStringLiteral("joão");
    info.machine = QStringLiteral("SERVIDOR");
    info.system = QStringLiteral("RESGUARDA");
    info.since = QDateTime(QDate(2024, 5, 3), QTime(14, 2, 7), Qt::OffsetFromUTC, -3 * 3600);

    QString error;
    auto lock = SessionLock::acquire(nested, info, &error);
    QVERIFY2(lock, qPrintable(error));
    QVERIFY(lock->isHeld());
    const QString path = lock->filePath();
    QCOMPARE(QFileInfo(path).absolutePath(), QFileInfo(nested).absoluteFilePath());
    QVERIFY2(QFileInfo(path).fileName().startsWith(QStringLiteral("resguarda-SERVIDOR-")),
             qPrintable(path));
    QVERIFY(path.endsWith(QStringLiteral(".lock")));
    QCOMPARE(lockFiles(nested).size(), 1);

    const QJsonObject object = QJsonDocument::fromJson(readInAnotherProcess(path)).object();
    QCOMPARE(object.value(QStringLiteral("usuario")).toString(), QStringLiteral("joão"));
    QCOMPARE(object.value(QStringLiteral("maquina")).toString(), QStringLiteral("SERVIDOR"));
    QCOMPARE(object.value(QStringLiteral("sistema")).toString(), QStringLiteral("RESGUARDA"));
    QCOMPARE(object.value(QStringLiteral("desde")).toString(),
             QStringLiteral("2024-05-03T14:02:07-03:00"));

    lock->release();
    QVERIFY(!lock->isHeld());
    QVERIFY(!QFileInfo::exists(path));
    lock->release(); // idempotent
    lock.reset();
    QVERIFY(lockFiles(nested).isEmpty());
}

void TestSessionLock::acquireFillsDefaults()
{
    const QByteArray savedUser = qgetenv("USER");
    qputenv("USER", "operador");
    QString error;
    auto lock = SessionLock::acquire(m_sessions, SessionInfo(), &error);
    if (savedUser.isNull())
        qunsetenv("USER");
    else
        qputenv("USER", savedUser);
    QVERIFY2(lock, qPrintable(error));

    QCOMPARE(lock->info().user, QStringLiteral("operador"));
    QCOMPARE(lock->info().machine, QSysInfo::machineHostName());
    QVERIFY(lock->info().since.isValid());
    QVERIFY(qAbs(lock->info().since.secsTo(QDateTime::currentDateTime())) < 60);
    QCOMPARE(lock->info().filePath, lock->filePath());

    // The written timestamp carries its UTC offset.
    auto reader = rawHolder(m_sessions, lock->filePath()); // must not get the lock
    QCOMPARE(reader->firstLine(), QByteArray("BUSY"));
    const QString since = QJsonDocument::fromJson(readInAnotherProcess(lock->filePath()))
                              .object()
                              .value(QStringLiteral("desde"))
                              .toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
                                               "(Z|[+-]\\d\\d:\\d\\d)$"))
                 .match(since)
                 .hasMatch(),
             qPrintable(since));
}

void TestSessionLock::twoLocksOfOneProcessUseDistinctFiles()
{
    QString error;
    auto first = SessionLock::acquire(m_sessions, SessionInfo(), &error);
    QVERIFY2(first, qPrintable(error));
    auto second = SessionLock::acquire(m_sessions, SessionInfo(), &error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(first->filePath() != second->filePath());
    QCOMPARE(lockFiles(m_sessions).size(), 2);

    // Releasing one leaves the other held.
    first.reset();
    QCOMPARE(lockFiles(m_sessions).size(), 1);
    auto probe = rawHolder(m_sessions, second->filePath());
    QCOMPARE(probe->firstLine(), QByteArray("BUSY"));
}

void TestSessionLock::acquireFailsWhenDirCannotBeCreated()
{
    // A regular file where the folder should be: fails even for root.
    TestSupport::writeFile(m_sessions, "not a folder");
    QString error;
    QVERIFY(!SessionLock::acquire(m_sessions, SessionInfo(), &error));
    QVERIFY(!error.isEmpty());

    std::unique_ptr<SessionLock> lock;
    const OperationError result
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QCOMPARE(result.code, ExitCode::Failed);
    QVERIFY(!lock);
    QVERIFY2(result.message.contains(QDir::toNativeSeparators(m_sessions)),
             qPrintable(result.message));
}

void TestSessionLock::ownLockIsSeenByOtherProcesses()
{
    std::unique_ptr<SessionLock> lock;
    const OperationError result
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QVERIFY2(!result, qPrintable(result.message));
    QVERIFY(lock);
    const QString path = lock->filePath();
    QVERIFY(QFileInfo::exists(path));

    // A client trying to lock our file finds it taken.
    auto probe = rawHolder(m_sessions, path);
    QCOMPARE(probe->firstLine(), QByteArray("BUSY"));
    QCOMPARE(probe->waitForExit(), 3);

    lock.reset();
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(lockFiles(m_sessions).isEmpty());
}

void TestSessionLock::checkingNeverDropsOwnLock()
{
    QString error;
    auto lock = SessionLock::acquire(m_sessions, SessionInfo(), &error);
    QVERIFY2(lock, qPrintable(error));

    // Neither with nor without ownFilePath may the check open our file (that
    // would drop our POSIX lock); our own lock is never reported to us.
    QVERIFY(SessionLock::activeSessions(m_sessions, lock->filePath()).isEmpty());
    QVERIFY(SessionLock::activeSessions(m_sessions).isEmpty());
    // The same file through another spelling of the folder.
    QVERIFY(SessionLock::activeSessions(m_sessions + u"/../sessoes/.").isEmpty());

    auto probe = rawHolder(m_sessions, lock->filePath());
    QCOMPARE(probe->firstLine(), QByteArray("BUSY"));
    QCOMPARE(probe->waitForExit(), 3);
}

void TestSessionLock::exclusiveRefusesWhileClientConnected()
{
    auto holder = clientHolder(m_sessions, QStringLiteral("João"), QStringLiteral("ESTAÇÃO-07"),
                               QStringLiteral("CP"));
    QVERIFY2(holder->locked(), holder->firstLine().constData());
    const QList<SessionInfo> sessions = SessionLock::activeSessions(m_sessions);
    QCOMPARE(sessions.size(), 1);

    std::unique_ptr<SessionLock> lock;
    const OperationError error
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QCOMPARE(error.code, ExitCode::InUse);
    QVERIFY(!lock);
    const QString since
        = QLocale().toString(sessions.first().since.toLocalTime(), QLocale::ShortFormat);
    for (const QString &expected :
         {QStringLiteral("João"), QStringLiteral("ESTAÇÃO-07"), QStringLiteral("CP"), since})
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("try again")), qPrintable(error.message));

    // Our own file was removed again; only the client's remains.
    QCOMPARE(lockFiles(m_sessions), QStringList {QFileInfo(holder->lockedPath()).fileName()});

    // Once the client leaves, maintenance may start.
    QCOMPARE(holder->stop(), 0);
    const OperationError retry
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QVERIFY2(!retry, qPrintable(retry.message));
    QVERIFY(lock);
    QCOMPARE(lock->info().system, QStringLiteral("RESGUARDA"));
}

void TestSessionLock::exclusiveNamesEverySession()
{
    auto first = clientHolder(m_sessions, QStringLiteral("maria"), QStringLiteral("CAIXA-01"),
                              QStringLiteral("CP"));
    auto second = clientHolder(m_sessions, QStringLiteral("pedro"), QStringLiteral("ESCRITORIO"),
                               QStringLiteral("AT"));
    QVERIFY2(first->locked(), first->firstLine().constData());
    QVERIFY2(second->locked(), second->firstLine().constData());

    std::unique_ptr<SessionLock> lock;
    const OperationError error
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QCOMPARE(error.code, ExitCode::InUse);
    for (const QString &expected : {QStringLiteral("maria"), QStringLiteral("CAIXA-01"),
                                    QStringLiteral("pedro"), QStringLiteral("ESCRITORIO")})
        QVERIFY2(error.message.contains(expected), qPrintable(error.message));

    const QString described
        = SessionLock::describeSessions(SessionLock::activeSessions(m_sessions));
    QCOMPARE(described.count(u'\n'), 1); // one line per session
}

void TestSessionLock::exclusiveSucceedsWithOnlyStaleFiles()
{
    const QString stale = m_sessions + u"/cp-velho.lock";
    TestSupport::writeFile(stale,
                           clientJson(QStringLiteral("maria"), QStringLiteral("CAIXA-01"),
                                      QStringLiteral("CP"),
                                      QStringLiteral("2020-01-01T08:00:00-03:00")));
    // A client killed earlier left another one.
    {
        auto holder = clientHolder(m_sessions, QStringLiteral("ana"), QStringLiteral("PDV-2"),
                                   QStringLiteral("AT"));
        QVERIFY2(holder->locked(), holder->firstLine().constData());
        holder->kill();
    }
    QCOMPARE(lockFiles(m_sessions).size(), 2);

    std::unique_ptr<SessionLock> lock;
    const OperationError error
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QVERIFY2(!error, qPrintable(error.message));
    QVERIFY(lock);
    QCOMPARE(lockFiles(m_sessions).size(), 3);
    lock.reset();
    // Stale client files are not ours to delete.
    QCOMPARE(lockFiles(m_sessions).size(), 2);
    QVERIFY(QFileInfo::exists(stale));
}

void TestSessionLock::exclusiveIsSeenByAnotherResguarda()
{
    std::unique_ptr<SessionLock> lock;
    const OperationError error
        = SessionLock::acquireExclusive(m_sessions, QStringLiteral("RESGUARDA"), &lock);
    QVERIFY2(!error, qPrintable(error.message));

    auto other = std::make_unique<Holder>(
        QStringList {m_sessions, QStringLiteral("x"), QStringLiteral("x"),
                     QStringLiteral("RESGUARDA"), QStringLiteral("--exclusive")});
    QCOMPARE(other->firstLine(), QByteArray("INUSE"));
    QCOMPARE(other->waitForExit(), 3);
    // The refusing process removed its own file on the way out.
    QCOMPARE(lockFiles(m_sessions), QStringList {QFileInfo(lock->filePath()).fileName()});
}

void TestSessionLock::concurrentExclusiveNeverBothProceed()
{
    // Many Resguarda processes started at once: some may refuse because of
    // each other, but at most one may get through. Whoever gets through keeps
    // its lock until we close its input, so the rest overlap with it.
    constexpr int processes = 8;
    for (int round = 0; round < 5; ++round) {
        std::vector<std::unique_ptr<Holder>> holders;
        for (int i = 0; i < processes; ++i)
            holders.push_back(std::make_unique<Holder>(
                QStringList {m_sessions, QStringLiteral("x"), QStringLiteral("x"),
                             QStringLiteral("RESGUARDA"), QStringLiteral("--exclusive")}));
        int proceeded = 0;
        for (auto &holder : holders) {
            const QByteArray line = holder->firstLine();
            QVERIFY2(line == "INUSE" || line.startsWith("LOCKED "), line.constData());
            if (holder->locked())
                ++proceeded;
        }
        QVERIFY2(proceeded <= 1, qPrintable(QString::number(proceeded)));
        for (auto &holder : holders)
            QVERIFY(holder->stop() >= 0);
        QVERIFY(lockFiles(m_sessions).isEmpty());
    }
}

void TestSessionLock::describeUnidentifiedSession()
{
    SessionInfo known;
    known.user = QStringLiteral("maria");
    known.machine = QStringLiteral("CAIXA-01");
    known.system = QStringLiteral("CP");
    known.since = QDateTime(QDate(2024, 5, 3), QTime(14, 2), Qt::OffsetFromUTC, -3 * 3600);
    SessionInfo unknown;
    unknown.filePath = m_sessions + u"/estranho.lock";

    const QString text = SessionLock::describeSessions({known, unknown});
    const QStringList lines = text.split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).contains(QStringLiteral("maria")), qPrintable(text));
    QVERIFY2(
        lines.at(0).contains(QLocale().toString(known.since.toLocalTime(), QLocale::ShortFormat)),
        qPrintable(text));
    QVERIFY2(lines.at(1).contains(QDir::toNativeSeparators(unknown.filePath)), qPrintable(text));
    QVERIFY(SessionLock::describeSessions({}).isEmpty());
}

QTEST_GUILESS_MAIN(TestSessionLock)
#include "tst_sessionlock.moc"
