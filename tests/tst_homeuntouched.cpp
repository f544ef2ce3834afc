// SPDX-License-Identifier: GPL-3.0-or-later
// The test suites never read or write the user's settings. They run here
// with HOME set to a home that was used: its settings remember an
// installation and destinations holding real copies, as on a machine where
// the app is in use. Linux inotify watches that whole home while the QML
// suites and the C++ UI suites run: any access to it (its settings, a cache,
// Qt's test-mode folder ~/.qttest) fails this test, and so does any suite
// that fails because of what the settings hold.

#include "backup/backupjob.h"
#include "support/demofixture.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_LINUX
#include <sys/inotify.h>
#include <unistd.h>
#endif

using namespace Resguarda;
using namespace TestSupport;

namespace {

#ifdef Q_OS_LINUX
// Every event inotify reports on the watched folders, named.
class ConfigWatch
{
public:
    ConfigWatch()
        : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
    }
    ~ConfigWatch()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ConfigWatch(const ConfigWatch &) = delete;
    ConfigWatch &operator=(const ConfigWatch &) = delete;

    // Watches folder and every folder below it (they exist before the run).
    bool watchTree(const QString &folder)
    {
        if (!watch(folder))
            return false;
        QDir dir(folder);
        for (const QString &name :
             dir.entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
            if (!watchTree(dir.filePath(name)))
                return false;
        }
        return true;
    }

    // The events since the last call, one line each: "<folder>/<name>: OPEN".
    QStringList takeEvents()
    {
        QStringList events;
        alignas(struct inotify_event) char buffer[16384];
        for (;;) {
            const ssize_t length = ::read(m_fd, buffer, sizeof buffer);
            if (length <= 0)
                break;
            for (ssize_t offset = 0; offset < length;) {
                const auto *event = reinterpret_cast<const struct inotify_event *>(buffer + offset);
                const QString name = event->len > 0 ? QFile::decodeName(event->name) : QString();
                events << QStringLiteral("%1/%2: %3")
                              .arg(m_folders.value(event->wd), name, describe(event->mask));
                offset += qsizetype(sizeof(struct inotify_event)) + event->len;
            }
        }
        return events;
    }

private:
    bool watch(const QString &folder)
    {
        const int wd = ::inotify_add_watch(m_fd, QFile::encodeName(folder).constData(),
                                           IN_ALL_EVENTS | IN_ONLYDIR);
        if (wd < 0)
            return false;
        m_folders.insert(wd, folder);
        return true;
    }

    static QString describe(quint32 mask)
    {
        static const QList<QPair<quint32, const char *>> names = {
            {IN_ACCESS, "ACCESS"},
            {IN_MODIFY, "MODIFY"},
            {IN_ATTRIB, "ATTRIB"},
            {IN_CLOSE_WRITE, "CLOSE_WRITE"},
            {IN_CLOSE_NOWRITE, "CLOSE_NOWRITE"},
            {IN_OPEN, "OPEN"},
            {IN_MOVED_FROM, "MOVED_FROM"},
            {IN_MOVED_TO, "MOVED_TO"},
            {IN_CREATE, "CREATE"},
            {IN_DELETE, "DELETE"},
            {IN_DELETE_SELF, "DELETE_SELF"},
            {IN_MOVE_SELF, "MOVE_SELF"},
        };
        QStringList parts;
        for (const auto &[bit, name] : names) {
            if (mask & bit)
                parts << QString::fromLatin1(name);
        }
        return parts.join(u'|');
    }

    int m_fd = -1;
    QHash<int, QString> m_folders;
};
#endif

struct Suite
{
    QString name;
    QString program;
    QStringList arguments;
};

} // namespace

class TestHomeUntouched : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_home;
    QString m_config; // <home>/.config
    QString m_settingsFile;
    QByteArray m_settingsBefore;

    QProcessEnvironment suiteEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home);
        // Where the XDG variables point nowhere else, every default path is
        // below the used home.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_home + QStringLiteral("/.local/state"));
        env.remove(QStringLiteral("XDG_CONFIG_DIRS"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // This test itself keeps to its temporary folder too (it uses no
        // settings but the file it prepares).
        QStandardPaths::setTestModeEnabled(true);

        // An installation and a pen drive folder with real copies of it.
        const QString root = m_dir.filePath(QStringLiteral("instalacao"));
        QVERIFY(!TestSupport::DemoFixture(2, 1, 2, 3).create(root));
        const QString pen = m_dir.filePath(QStringLiteral("pendrive"));
        QVERIFY(QDir().mkpath(pen));
        for (const QString &system : {QStringLiteral("AT"), QStringLiteral("CP")}) {
            BackupOptions options;
            options.root = root;
            options.systemCode = system;
            options.output = pen;
            OperationError error;
            TestSupport::makeCopy(options, &error);
            QVERIFY2(!error, qPrintable(error.message));
        }
        QVERIFY(!QDir(pen).entryList({QStringLiteral("Copia*.zip")}).isEmpty());

        // The settings the app leaves behind, where it keeps them.
        m_home = m_dir.filePath(QStringLiteral("home"));
        m_config = m_home + QStringLiteral("/.config");
        m_settingsFile = m_config + QStringLiteral("/Resguarda/resguarda.conf");
        {
            QSettings used(m_settingsFile, QSettings::IniFormat);
            used.setValue(QStringLiteral("installation/root"), root);
            used.setValue(QStringLiteral("installation/system"), QStringLiteral("CP"));
            used.setValue(QStringLiteral("backup/recentDestinations"),
                          QStringList {pen, root + QStringLiteral("/Copias")});
            used.sync();
            QCOMPARE(used.status(), QSettings::NoError);
        }
        QFile file(m_settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_settingsBefore = file.readAll();
        QVERIFY(m_settingsBefore.contains("recentDestinations"));
    }

    void suitesLeaveTheUsedHomeAlone_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("inputMethod");
        const QString qmlDir = QStringLiteral(RESGUARDA_SOURCE_DIR "/tests/qml");
        for (const QString &file :
             {QStringLiteral("tst_pages.qml"), QStringLiteral("tst_components.qml"),
              QStringLiteral("tst_backupwizard.qml"), QStringLiteral("tst_restorewizard.qml")}) {
            QTest::newRow(qPrintable(file))
                << QStringLiteral(RESGUARDA_QML_RUNNER_PATH)
                << QStringList {QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                QStringLiteral("-input"), qmlDir + u'/' + file}
                << QString();
        }
        // Kiosk mode remembers itself in the settings; as ctest runs it.
        QTest::newRow("tst_kiosk.qml")
            << QStringLiteral(RESGUARDA_QML_RUNNER_PATH)
            << QStringList {QStringLiteral("-platform"),
                            QStringLiteral("offscreen:configfile=") + qmlDir
                                + QStringLiteral("/offscreen-800x480.json"),
                            QStringLiteral("-input"), qmlDir + QStringLiteral("/tst_kiosk.qml")}
            << QStringLiteral("qtvirtualkeyboard");
        QTest::newRow("tst_companymodel")
            << QStringLiteral(RESGUARDA_COMPANYMODEL_PATH) << QStringList() << QString();
        QTest::newRow("tst_restoreplanmodel")
            << QStringLiteral(RESGUARDA_RESTOREPLANMODEL_PATH) << QStringList() << QString();
        QTest::newRow("tst_drivesmodel")
            << QStringLiteral(RESGUARDA_DRIVESMODEL_PATH) << QStringList() << QString();
        QTest::newRow("tst_historymodel")
            << QStringLiteral(RESGUARDA_HISTORYMODEL_PATH) << QStringList() << QString();
        QTest::newRow("tst_backupsettings")
            << QStringLiteral(RESGUARDA_BACKUPSETTINGS_PATH) << QStringList() << QString();
        QTest::newRow("tst_jobcontroller")
            << QStringLiteral(RESGUARDA_JOBCONTROLLER_PATH) << QStringList() << QString();
        QTest::newRow("tst_restoresettings")
            << QStringLiteral(RESGUARDA_RESTORESETTINGS_PATH) << QStringList() << QString();
        QTest::newRow("tst_appcontroller")
            << QStringLiteral(RESGUARDA_APPCONTROLLER_PATH) << QStringList() << QString();
        QTest::newRow("tst_startupoptions")
            << QStringLiteral(RESGUARDA_STARTUPOPTIONS_PATH) << QStringList() << QString();
        QTest::newRow("tst_idlewatcher")
            << QStringLiteral(RESGUARDA_IDLEWATCHER_PATH) << QStringList() << QString();
        QTest::newRow("tst_jobprogress")
            << QStringLiteral(RESGUARDA_JOBPROGRESS_PATH) << QStringList() << QString();
        QTest::newRow("tst_newerdata")
            << QStringLiteral(RESGUARDA_NEWERDATA_PATH) << QStringList() << QString();
    }

    void suitesLeaveTheUsedHomeAlone()
    {
#ifdef Q_OS_LINUX
        QFETCH(QString, program);
        QFETCH(QStringList, arguments);
        QFETCH(QString, inputMethod);
        // The whole home, not only its settings: a suite may not leave a
        // cache, a test-mode folder (~/.qttest) or anything else there.
        ConfigWatch watch;
        QVERIFY(watch.watchTree(m_home));
        // The watch sees a read: the check below can fail.
        {
            QFile file(m_settingsFile);
            QVERIFY(file.open(QIODevice::ReadOnly));
            file.readAll();
        }
        QVERIFY(!watch.takeEvents().isEmpty());

        QProcess suite;
        QProcessEnvironment env = suiteEnvironment();
        if (!inputMethod.isEmpty())
            env.insert(QStringLiteral("QT_IM_MODULE"), inputMethod);
        suite.setProcessEnvironment(env);
        suite.setProcessChannelMode(QProcess::MergedChannels);
        suite.start(program, arguments);
        QVERIFY2(suite.waitForStarted(), qPrintable(suite.errorString()));
        const bool finished = suite.waitForFinished(600000);
        const QByteArray output = suite.readAll();
        if (!finished) {
            suite.kill();
            suite.waitForFinished();
        }
        const QStringList events = watch.takeEvents();
        QVERIFY2(events.isEmpty(),
                 qPrintable(QStringLiteral("the suite touched the user's home:\n")
                            + events.join(u'\n')));
        QVERIFY2(finished && suite.exitStatus() == QProcess::NormalExit && suite.exitCode() == 0,
                 qPrintable(QStringLiteral("the suite failed with a used HOME:\n")
                            + QString::fromLocal8Bit(output.right(6000))));
        QFile file(m_settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), m_settingsBefore);
#else
        QSKIP("inotify is a Linux feature.");
#endif
    }
};

QTEST_GUILESS_MAIN(TestHomeUntouched)
#include "tst_homeuntouched.moc"
