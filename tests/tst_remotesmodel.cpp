// SPDX-License-Identifier: GPL-3.0-or-later
// The rclone remotes the backup's destination step offers (ui/remotesmodel.h),
// asked of the real rclone: remotes given by RCLONE_CONFIG_<NAME>_* variables,
// none, rclone missing from PATH, and the GUI thread answering meanwhile.
// rclone reads only the test's configuration file, never the user's.

#include "support/guithreadwatch.h"
#include "support/isolatedhome.h"
#include "support/rclonewebdav.h"
#include "support/scopedenvironment.h"
#include "support/uimodelfixture.h"
#include "ui/remotesmodel.h"

#include <QAbstractItemModelTester>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

bool waitReady(const RemotesModel &model)
{
    QDeadlineTimer deadline(30000);
    while (!model.ready() || model.busy()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(10);
    }
    return true;
}

} // namespace

class TestRemotesModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // rclone's cache and default configuration live in HOME.
        isolateHome(m_dir.path());
        if (RcloneWebdav::program().isEmpty())
            QSKIP("rclone is not installed (apt install rclone)");
        // An empty configuration of the test's: remotes come from variables.
        m_config = m_dir.filePath(u"rclone.conf"_s);
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.close();
        qputenv("RCLONE_CONFIG", QFile::encodeName(m_config));
    }

    void remotesFromVariablesAreRows()
    {
        const ScopedEnvironment env({u"RCLONE_CONFIG_NUVEM_TYPE=webdav"_s,
                                     u"RCLONE_CONFIG_NUVEM_URL=http://127.0.0.1:9"_s,
                                     u"RCLONE_CONFIG_ARQUIVO_TYPE=local"_s});
        RemotesModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QVERIFY(waitReady(model));
        QVERIFY(model.rcloneInstalled());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.property("count").toInt(), 2);
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString name = index.data(RemotesModel::NameRole).toString();
            rows << name + u' ' + index.data(RemotesModel::TypeRole).toString();
            QCOMPARE(index.data(RemotesModel::LabelRole).toString(), u"Cloud: "_s + name);
        }
        rows.sort();
        QCOMPARE(rows, QStringList({u"arquivo local"_s, u"nuvem webdav"_s}));
        QVERIFY(model.setupHint().isEmpty());
    }

    void noRemoteSaysHowToSetOneUp()
    {
        RemotesModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QVERIFY(waitReady(model));
        QVERIFY(model.rcloneInstalled());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(model.setupHint().contains(u"\"rclone config\""_s), qPrintable(model.setupHint()));
        QVERIFY(model.setupHint().contains(u"offsite.md"_s));
        QVERIFY(!model.setupHint().contains(u"not installed"_s));
    }

    void missingRcloneSaysToInstallIt()
    {
        // A remote is configured, but without rclone nothing can use it.
        const QString emptyBin = m_dir.filePath(u"empty-bin"_s);
        QVERIFY(QDir().mkpath(emptyBin));
        RemotesModel model;
        QVERIFY(waitReady(model));
        QVERIFY(model.rcloneInstalled());
        {
            const ScopedEnvironment env(
                {u"PATH="_s + emptyBin, u"RCLONE_CONFIG_ARQUIVO_TYPE=local"_s});
            QSignalSpy state(&model, &RemotesModel::stateChanged);
            model.refresh();
            QVERIFY(waitReady(model));
            QVERIFY(!state.isEmpty());
        }
        QVERIFY(!model.rcloneInstalled());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(model.setupHint().contains(u"not installed"_s), qPrintable(model.setupHint()));
        QVERIFY(model.setupHint().contains(u"apt install rclone"_s));
        QVERIFY(model.setupHint().contains(u"\"rclone config\""_s));
        // PATH is back: rclone is found again.
        model.refresh();
        QVERIFY(waitReady(model));
        QVERIFY(model.rcloneInstalled());
    }

    // rclone held on its configuration (a FIFO nobody writes to for a
    // second): the GUI thread keeps ticking while refresh() waits for it,
    // and the model says it is busy. rclone then fails to read a FIFO,
    // which the hint reports.
    void refreshLeavesTheGuiThreadFree()
    {
        RemotesModel model;
        QVERIFY(waitReady(model));
        const QString fifo = m_dir.filePath(u"held.conf"_s);
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const ScopedEnvironment env({u"RCLONE_CONFIG="_s + fifo});
        // Opens the FIFO for writing once rclone reads it, a second after
        // refresh() was called, on a thread of its own so a blocked GUI
        // thread still ends.
        std::atomic_bool started = false;
        std::thread release([&] {
            while (!started)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            std::this_thread::sleep_for(std::chrono::milliseconds(1000));
            const QDeadlineTimer deadline(20000);
            while (!deadline.hasExpired()) {
                const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK);
                if (fd >= 0) {
                    (void)!::write(fd, "\n", 1);
                    ::close(fd);
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        });
        GuiThreadWatch watch;
        started = true;
        model.refresh();
        const bool busyAfterCall = model.busy();
        const bool ready = waitReady(model);
        watch.stop();
        release.join();
        QVERIFY(ready);
        QVERIFY2(watch.elapsedMs() >= 1000, qPrintable(QString::number(watch.elapsedMs())));
        QVERIFY2(watch.maxGapMs() < 300, qPrintable(QString::number(watch.maxGapMs())));
        QVERIFY(busyAfterCall);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(model.setupHint().contains(u"\"rclone config\""_s), qPrintable(model.setupHint()));
    }
};

QTEST_MAIN(TestRemotesModel)
#include "tst_remotesmodel.moc"
