// SPDX-License-Identifier: GPL-3.0-or-later
// The restore wizard's copies on an rclone remote: RemoteCopiesModel lists a
// remote folder's copies, RestoreSettings::openRemoteCopy() fetches one and
// opens it as a local copy. All of it with the real rclone, on remotes that
// are folders of the test's (an "alias" remote) or a real "rclone serve
// webdav" on 127.0.0.1. TMPDIR is a folder of the test's too, so that every
// fetched file can be seen, and seen gone.

#include "core/filesystem.h"
#include "history/history.h"
#include "offsite/remotelocation.h"
#include "producer/backupoptions.h"
#include "support/demofixture.h"
#include "support/guithreadwatch.h"
#include "support/hostilecopy.h"
#include "support/isolatedhome.h"
#include "support/makecopy.h"
#include "support/rclonewebdav.h"
#include "support/scopedenvironment.h"
#include "support/treesnapshot.h"
#include "support/uimodelfixture.h"
#include "support/uiwait.h"
#include "ui/jobcontroller.h"
#include "ui/remotecopiesmodel.h"
#include "ui/restoresettings.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Resguarda;
using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

bool waitListed(const RemoteCopiesModel &model)
{
    return QTest::qWaitFor([&] { return model.ready() && !model.busy(); }, 60000);
}

// The processes this one started that still run (rclone, above all).
QStringList childProcesses()
{
    QStringList children;
    const QString self = QString::number(::getpid());
    QDirIterator it(u"/proc"_s, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        QFile status(it.next() + u"/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            continue;
        QString name;
        bool ours = false;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("Name:"))
                name = QString::fromUtf8(line.mid(5).trimmed());
            else if (line.startsWith("PPid:"))
                ours = QString::fromUtf8(line.mid(5).trimmed()) == self;
        }
        if (ours)
            children << name;
    }
    return children;
}

bool setModified(const QString &path, const QDateTime &when)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(when, QFileDevice::FileModificationTime);
}

} // namespace

class TestRemoteCopies : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_tmp; // TMPDIR: what a fetch leaves is seen here
    QString m_remote; // the folder the remote "nuvem" is
    QString m_copy; // a real copy of the demo's AT
    DemoFixture m_demo {3, 1, 4, 11};

    QString remoteFolder() const { return m_remote + u"/Resguarda"_s; }
    QStringList leftInTmp() const
    {
        return QDir(m_tmp).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden
                                     | QDir::System);
    }
    // Puts the demo's copy on the remote as name: its spec.
    QString putCopy(const QString &name = u"CopiaAT.zip"_s)
    {
        QDir().mkpath(remoteFolder());
        const QString target = remoteFolder() + u'/' + name;
        QFile::remove(target);
        if (!QFile::copy(m_copy, target))
            return {};
        return u"nuvem:Resguarda/"_s + name;
    }
    // A file of megabytes random bytes on the remote under name.
    QString putRandom(const QString &name, int megabytes)
    {
        QDir().mkpath(remoteFolder());
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        QFile file(remoteFolder() + u'/' + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        for (int i = 0; i < megabytes; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                                  block.size() / 4);
            file.write(block);
        }
        return u"nuvem:Resguarda/"_s + name;
    }
    // openRemoteCopy(), waited for: whether it opened.
    static bool openRemoteAndWait(RestoreSettings &settings, const QString &spec)
    {
        QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
        settings.openRemoteCopy(spec);
        return (!opened.isEmpty() || opened.wait(uiWaitMs)) && opened.first().first().toBool()
            && QTest::qWaitFor(
                   [&] { return !settings.planning() && !settings.checkingNewerData(); }, uiWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateHome(m_dir.path());
        if (RcloneWebdav::program().isEmpty())
            QSKIP("rclone is not installed (apt install rclone)");
        const OperationError error = m_demo.create(m_dir.filePath(u"pristine"_s));
        QVERIFY2(!error, qPrintable(error.message));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"local"_s)));
        m_copy = makeCopy(m_demo.root(), u"AT"_s, m_dir.filePath(u"local/CopiaAT.zip"_s));
        QVERIFY(!m_copy.isEmpty());
        QCOMPARE(QFileInfo(m_copy).fileName(), u"CopiaAT.zip"_s);

        // rclone reads this empty file, never the user's; the remote
        // "nuvem" is a folder of the test's.
        const QString config = m_dir.filePath(u"rclone.conf"_s);
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        m_remote = m_dir.filePath(u"remote"_s);
        QVERIFY(QDir().mkpath(m_remote));
        qputenv("RCLONE_CONFIG", QFile::encodeName(config));
        qputenv("RCLONE_CONFIG_NUVEM_TYPE", "alias");
        qputenv("RCLONE_CONFIG_NUVEM_REMOTE", QFile::encodeName(m_remote));

        m_tmp = m_dir.filePath(u"tmp"_s);
        QVERIFY(QDir().mkpath(m_tmp));
        qputenv("TMPDIR", QFile::encodeName(m_tmp));
        QCOMPARE(QDir::tempPath(), m_tmp);
    }

    void init()
    {
        QDir(remoteFolder()).removeRecursively();
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
    }

    void cleanup()
    {
        // Whatever a failed test left, the next starts from an empty TMPDIR.
        QTRY_VERIFY_WITH_TIMEOUT(childProcesses().filter(u"rclone"_s).isEmpty(), 10000);
        QDir(m_tmp).removeRecursively();
        QDir().mkpath(m_tmp);
    }

    void defaultFolderIsResguarda()
    {
        RemoteCopiesModel model;
        QCOMPARE(model.folder(), RemoteLocation::defaultFolder());
        QCOMPARE(model.folder(), u"Resguarda"_s);
        // No remote: nothing is asked.
        QVERIFY(!model.busy());
        QVERIFY(!model.ready());
        QCOMPARE(model.rowCount(), 0);
    }

    void listsCopiesNewestFirst()
    {
        QVERIFY(!putCopy(u"CopiaAT-Segunda.zip"_s).isEmpty());
        QVERIFY(!putCopy(u"CopiaAT.zip"_s).isEmpty());
        QVERIFY(!putCopy(u"CopiaAT-Extra.zip"_s).isEmpty());
        // Not copies: left out.
        QVERIFY(QFile(remoteFolder() + u"/notas.txt"_s).open(QIODevice::WriteOnly));
        QVERIFY(QDir().mkpath(remoteFolder() + u"/CopiaPasta.zip"_s));
        const QDateTime now = QDateTime::currentDateTime();
        QVERIFY(setModified(remoteFolder() + u"/CopiaAT-Segunda.zip"_s, now.addDays(-3)));
        QVERIFY(setModified(remoteFolder() + u"/CopiaAT.zip"_s, now.addSecs(-60)));
        QVERIFY(setModified(remoteFolder() + u"/CopiaAT-Extra.zip"_s, now.addDays(-10)));

        RemoteCopiesModel model;
        QAbstractItemModelTester tester(&model, testerMode);
        QSignalSpy count(&model, &RemoteCopiesModel::countChanged);
        model.setRemote(u"nuvem"_s);
        QVERIFY(model.busy());
        QVERIFY(waitListed(model));
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QCOMPARE(column(model, RemoteCopiesModel::NameRole),
                 QStringList({u"CopiaAT.zip"_s, u"CopiaAT-Segunda.zip"_s, u"CopiaAT-Extra.zip"_s}));
        QCOMPARE(model.property("count").toInt(), 3);
        QVERIFY(!count.isEmpty());
        QCOMPARE(model.folderSpec(), u"nuvem:Resguarda"_s);

        const QModelIndex first = model.index(0);
        const qint64 size = QFileInfo(m_copy).size();
        QCOMPARE(first.data(RemoteCopiesModel::SizeRole).toDouble(), double(size));
        QCOMPARE(first.data(RemoteCopiesModel::SizeTextRole).toString(),
                 FileSystem::formatSize(size));
        const QDateTime modified = first.data(RemoteCopiesModel::ModifiedRole).toDateTime();
        QCOMPARE(modified.timeSpec(), Qt::LocalTime);
        QVERIFY(qAbs(modified.secsTo(now.addSecs(-60))) <= 1);
        QCOMPARE(first.data(RemoteCopiesModel::ModifiedTextRole).toString(),
                 QLocale().toString(modified, QLocale::ShortFormat));
        QCOMPARE(first.data(RemoteCopiesModel::SpecRole).toString(),
                 u"nuvem:Resguarda/CopiaAT.zip"_s);

        // Another folder: its own copies, none when it does not exist.
        model.setFolder(u"  Outra/Pasta "_s);
        QCOMPARE(model.folder(), u"Outra/Pasta"_s);
        QVERIFY(waitListed(model));
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
        QCOMPARE(model.rowCount(), 0);
        // Back, and a copy more since.
        QVERIFY(!putCopy(u"CopiaAT-Sexta.zip"_s).isEmpty());
        model.setFolder(RemoteLocation::defaultFolder());
        QVERIFY(waitListed(model));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0).data(RemoteCopiesModel::NameRole).toString(),
                 u"CopiaAT-Sexta.zip"_s);
    }

    void listingErrorsAreSentences()
    {
        RemoteCopiesModel model;
        // A remote nobody configured.
        model.setRemote(u"ninguem"_s);
        QVERIFY(waitListed(model));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(model.error().contains(u"No rclone remote is called \"ninguem\""_s),
                 qPrintable(model.error()));
        QVERIFY(model.error().contains(u"nuvem"_s)); // the ones there are

        // A folder climbing out of the remote is refused before rclone.
        model.setRemote(u"nuvem"_s);
        model.setFolder(u"../fora"_s);
        QVERIFY(!model.busy());
        QVERIFY(model.ready());
        QVERIFY2(model.error().contains(u".."_s), qPrintable(model.error()));

        // A "name" holding a colon would be read as the folder of another
        // remote ("nuvem", folder "Resguarda:x"): refused as a name.
        model.setFolder(u"x"_s);
        model.setRemote(u"nuvem:Resguarda"_s);
        QVERIFY(!model.busy());
        QVERIFY(model.ready());
        QVERIFY2(model.error().contains(u"\"nuvem:Resguarda\" is not the name of a remote"_s),
                 qPrintable(model.error()));

        // A server that is not there.
        const ScopedEnvironment env({u"RCLONE_CONFIG_LONGE_TYPE=webdav"_s,
                                     u"RCLONE_CONFIG_LONGE_URL=http://127.0.0.1:9"_s,
                                     u"RCLONE_RETRIES=1"_s, u"RCLONE_LOW_LEVEL_RETRIES=1"_s});
        model.setRemote(u"longe"_s);
        model.setFolder(RemoteLocation::defaultFolder());
        QVERIFY(waitListed(model));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY2(model.error().contains(u"cannot be listed"_s), qPrintable(model.error()));

        // And rclone missing.
        const QString emptyBin = m_dir.filePath(u"empty-bin"_s);
        QVERIFY(QDir().mkpath(emptyBin));
        const ScopedEnvironment noRclone({u"PATH="_s + emptyBin});
        model.setRemote(u"nuvem"_s);
        QVERIFY(waitListed(model));
        QVERIFY2(model.error().contains(u"rclone is not installed"_s), qPrintable(model.error()));
    }

    void fetchedCopyOpensAndRestores()
    {
        const QString spec = putCopy();
        QVERIFY(!spec.isEmpty());
        const QString root = m_demo.freshCopy(m_dir.filePath(u"restored"_s));
        QVERIFY(!root.isEmpty());
        auto settings = std::make_unique<RestoreSettings>();
        settings->setRoot(root);

        QSignalSpy progress(settings.get(), &RestoreSettings::fetchProgressChanged);
        double done = 0;
        double total = 0;
        connect(settings.get(), &RestoreSettings::fetchProgressChanged, this, [&] {
            done = qMax(done, settings->fetchBytesDone());
            total = settings->fetchBytesTotal();
        });
        // About two seconds of download: the GUI thread is seen free while
        // rclone works (rclone takes a plain number as KiB/s).
        const qint64 size = QFileInfo(m_copy).size();
        GuiThreadWatch watch;
        {
            const ScopedEnvironment slow(
                {u"RCLONE_BWLIMIT="_s + QString::number(qMax<qint64>(16, size / 2048))});
            QSignalSpy opened(settings.get(), &RestoreSettings::copyOpened);
            settings->openRemoteCopy(spec);
            QVERIFY(settings->fetching());
            QVERIFY(settings->opening());
            QCOMPARE(settings->openingName(), u"CopiaAT.zip"_s);
            QVERIFY(settings->validationError().contains(u"Fetching"_s));
            QVERIFY(opened.wait(uiWaitMs));
            QVERIFY2(opened.first().first().toBool(), qPrintable(settings->copyError()));
        }
        watch.stop();
        QVERIFY2(watch.elapsedMs() >= 1000, qPrintable(QString::number(watch.elapsedMs())));
        QVERIFY2(watch.maxGapMs() < 300, qPrintable(QString::number(watch.maxGapMs())));
        QVERIFY(QTest::qWaitFor(
            [&] { return !settings->planning() && !settings->checkingNewerData(); }, uiWaitMs));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(total, double(size));
        QCOMPARE(done, double(size));
        QVERIFY(!settings->fetching());

        // Opened as a local copy would be, named by where it came from.
        QCOMPARE(settings->copyPath(), spec);
        QCOMPARE(settings->copyOrigin(), spec);
        QCOMPARE(settings->copySystemCode(), u"AT"_s);
        QVERIFY(settings->companies()->rowCount() > 0);
        const RestoreOptions options = settings->toOptions();
        QCOMPARE(options.copyOrigin, spec);
        QVERIFY(options.copyPath.startsWith(m_tmp + u'/'));
        QCOMPARE(QFileInfo(options.copyPath).size(), size);
        QCOMPARE(leftInTmp().size(), 1);

        // The restore reads the fetched file even once the wizard is gone,
        // and the history says where the copy came from.
        QVERIFY2(settings->valid(), qPrintable(settings->validationError()));
        JobController job;
        QVERIFY(job.startRestore(settings.get()));
        settings.reset();
        QVERIFY(job.waitForFinished(jobTimeoutMs));
        QVERIFY2(job.state() == JobController::Succeeded, qPrintable(job.errorText()));
        const QList<HistoryRecord> records = History::read(root, 1);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().copies, QStringList {spec});
        QTRY_VERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
    }

    void fetchedFileGoesWithTheCopy()
    {
        const QString spec = putCopy();
        RestoreSettings settings;
        settings.setRoot(m_demo.root());
        QVERIFY2(openRemoteAndWait(settings, spec), qPrintable(settings.copyError()));
        QCOMPARE(leftInTmp().size(), 1);
        settings.closeCopy();
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
        QVERIFY(settings.copyOrigin().isEmpty());
        QVERIFY(settings.toOptions().copyOrigin.isEmpty());

        // Another copy opened: a local one replaces the fetched one.
        QVERIFY2(openRemoteAndWait(settings, spec), qPrintable(settings.copyError()));
        QCOMPARE(leftInTmp().size(), 1);
        QVERIFY(openAndWait(settings, m_copy));
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
        QCOMPARE(settings.copyPath(), m_copy);
        QVERIFY(settings.toOptions().copyOrigin.isEmpty());

        // And another remote one: one fetched file at a time.
        QVERIFY2(openRemoteAndWait(settings, spec), qPrintable(settings.copyError()));
        const QString first = settings.toOptions().copyPath;
        QVERIFY2(openRemoteAndWait(settings, spec), qPrintable(settings.copyError()));
        QVERIFY(!QFile::exists(first));
        QCOMPARE(leftInTmp().size(), 1);

        // Destroyed: the fetched file goes with it.
        {
            RestoreSettings other;
            QVERIFY2(openRemoteAndWait(other, spec), qPrintable(other.copyError()));
            QCOMPARE(leftInTmp().size(), 2);
        }
        QCOMPARE(leftInTmp().size(), 1);
    }

    // A protected copy asks for its password; the fetched file waits with
    // the prompt, and is what the password opens.
    void protectedRemoteCopyAsksForItsPassword()
    {
        BackupOptions options;
        options.root = m_demo.root();
        options.systemCode = u"AT"_s;
        QVERIFY(QDir().mkpath(m_dir.filePath(u"protected"_s)));
        options.output = m_dir.filePath(u"protected/CopiaAT.zip"_s);
        options.password = "senha-forte-123";
        const QString local = makeCopy(options);
        QVERIFY(!local.isEmpty());
        QVERIFY(QDir().mkpath(remoteFolder()));
        QVERIFY(QFile::copy(local, remoteFolder() + u"/CopiaAT.zip"_s));
        const QString spec = u"nuvem:Resguarda/CopiaAT.zip"_s;

        RestoreSettings settings;
        settings.setRoot(m_demo.root());
        QVERIFY(!openRemoteAndWait(settings, spec));
        QVERIFY(settings.copyNeedsPassword());
        QVERIFY(settings.copyError().isEmpty());
        QCOMPARE(leftInTmp().size(), 1);

        QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
        settings.openWithPassword(u"not the password"_s);
        QVERIFY(opened.wait(uiWaitMs));
        QVERIFY(!opened.takeFirst().first().toBool());
        QVERIFY(settings.copyNeedsPassword());
        QVERIFY(!settings.passwordError().isEmpty());
        QVERIFY2(!settings.passwordError().contains(m_tmp), qPrintable(settings.passwordError()));
        QCOMPARE(leftInTmp().size(), 1);

        settings.openWithPassword(u"senha-forte-123"_s);
        QVERIFY(opened.wait(uiWaitMs));
        QVERIFY2(opened.takeFirst().first().toBool(), qPrintable(settings.passwordError()));
        QVERIFY(settings.copyProtected());
        QCOMPARE(settings.copyPath(), spec);
        QCOMPARE(settings.toOptions().copyOrigin, spec);
        settings.closeCopy();
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
    }

    // A server that takes the connection and never answers: rclone would
    // wait and retry for minutes. Dropping the listing (the page closed,
    // another folder asked for) stops it at once.
    void listingOfASilentServerIsStopped()
    {
        // A listening socket that never accepts: the kernel completes the
        // connection, nobody ever reads the request.
        const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(silent >= 0);
        const auto closeSilent = qScopeGuard([silent] { ::close(silent); });
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        QCOMPARE(::bind(silent, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QCOMPARE(::listen(silent, 8), 0);
        QCOMPARE(::getsockname(silent, reinterpret_cast<sockaddr *>(&address), &length), 0);
        const ScopedEnvironment env({u"RCLONE_CONFIG_MUDO_TYPE=webdav"_s,
                                     u"RCLONE_CONFIG_MUDO_URL=http://127.0.0.1:"_s
                                         + QString::number(ntohs(address.sin_port))});
        auto model = std::make_unique<RemoteCopiesModel>();
        model->setRemote(u"mudo"_s);
        QVERIFY(model->busy());
        // Its listing under way, waiting for the server. (One look, not
        // QTRY's several: the short "listremotes" before the listing may
        // end between two looks.)
        QVERIFY(
            QTest::qWaitFor([] { return !childProcesses().filter(u"rclone"_s).isEmpty(); }, 30000));
        QTest::qWait(1000);
        QVERIFY(model->busy());
        QVERIFY(!childProcesses().filter(u"rclone"_s).isEmpty());
        model.reset();
        QTRY_VERIFY_WITH_TIMEOUT(childProcesses().filter(u"rclone"_s).isEmpty(), 3000);
    }

    void cancelStopsRcloneAndLeavesNothing()
    {
        const QString spec = putRandom(u"CopiaAT.zip"_s, 16);
        QVERIFY(!spec.isEmpty());
        const ScopedEnvironment slow({u"RCLONE_BWLIMIT=1M"_s});
        RestoreSettings settings;
        QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
        settings.openRemoteCopy(spec);
        // Under way: rclone wrote part of the file.
        QTRY_VERIFY_WITH_TIMEOUT(settings.fetchBytesDone() > 0, 30000);
        QVERIFY(settings.fetching());
        QCOMPARE(settings.fetchBytesTotal(), 16.0 * 1024 * 1024);
        QVERIFY(settings.fetchFraction() > 0 && settings.fetchFraction() < 1);
        QVERIFY(!leftInTmp().isEmpty());
        QVERIFY(!childProcesses().filter(u"rclone"_s).isEmpty());

        settings.cancelOpening();
        QVERIFY(!settings.opening());
        QVERIFY(!settings.fetching());
        // rclone is stopped at once, not after the sixteen seconds the
        // download would take; the half-fetched file goes with its folder.
        QTRY_VERIFY_WITH_TIMEOUT(childProcesses().filter(u"rclone"_s).isEmpty(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(leftInTmp().isEmpty(), 3000);
        QVERIFY(opened.isEmpty());
        QVERIFY(settings.copyError().isEmpty());
        QVERIFY(!settings.copyOpen());
    }

    void damagedRemoteCopyIsRefused()
    {
        // A ZIP with a manifest and a name that climbs out of the
        // installation, and a file that is no ZIP at all.
        HostileCopy hostile;
        hostile.addFile(u"AT/empresas/0001/empresa.json"_s, "{}");
        hostile.addFile(u"AT/empresas/0001/../../../escapou.dat"_s, "payload");
        QVERIFY(QDir().mkpath(remoteFolder()));
        QString problem;
        QVERIFY2(hostile.write(remoteFolder() + u"/CopiaAT-hostil.zip"_s, &problem),
                 qPrintable(problem));
        QFile garbage(remoteFolder() + u"/CopiaAT.zip"_s);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("just some text, not a ZIP");
        garbage.close();

        const QString root = m_demo.freshCopy(m_dir.filePath(u"damaged"_s));
        QVERIFY(!root.isEmpty());
        const TreeSnapshot before = snapshotTree(root);
        RestoreSettings settings;
        settings.setRoot(root);
        for (const QString &spec :
             {u"nuvem:Resguarda/CopiaAT-hostil.zip"_s, u"nuvem:Resguarda/CopiaAT.zip"_s}) {
            QVERIFY(!openRemoteAndWait(settings, spec));
            QVERIFY(!settings.copyOpen());
            QVERIFY(!settings.copyNeedsPassword());
            // Named as the user chose it, not by the temporary file.
            QVERIFY2(settings.copyError().contains(spec), qPrintable(settings.copyError()));
            QVERIFY2(!settings.copyError().contains(m_tmp), qPrintable(settings.copyError()));
            QVERIFY(!settings.valid());
            QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
            if (spec.contains(u"hostil"_s))
                QVERIFY2(settings.copyError().contains(u"is damaged or was altered"_s),
                         qPrintable(settings.copyError()));
        }
        QCOMPARE(snapshotTree(root).entries, before.entries);
    }

    void fetchErrorsAreSentences()
    {
        RestoreSettings settings;
        // Refused before rclone: not a remote place, or climbing out of it.
        for (const QString &spec : {u"nuvem:../CopiaAT.zip"_s, u":local:/etc/CopiaAT.zip"_s}) {
            QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
            settings.openRemoteCopy(spec);
            QCOMPARE(opened.count(), 1);
            QCOMPARE(opened.first().first().toBool(), false);
            QVERIFY(!settings.opening());
            QVERIFY(!settings.copyError().isEmpty());
        }
        // A remote nobody configured, a copy that is not there.
        QVERIFY(!openRemoteAndWait(settings, u"ninguem:Resguarda/CopiaAT.zip"_s));
        QVERIFY2(settings.copyError().contains(u"No rclone remote is called \"ninguem\""_s),
                 qPrintable(settings.copyError()));
        QVERIFY(!openRemoteAndWait(settings, u"nuvem:Resguarda/CopiaXY.zip"_s));
        QVERIFY2(settings.copyError().contains(u"There is no copy nuvem:Resguarda/CopiaXY.zip"_s),
                 qPrintable(settings.copyError()));
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
        {
            const QString emptyBin = m_dir.filePath(u"empty-bin"_s);
            QVERIFY(QDir().mkpath(emptyBin));
            const ScopedEnvironment noRclone({u"PATH="_s + emptyBin});
            QVERIFY(!openRemoteAndWait(settings, putCopy()));
            QVERIFY2(settings.copyError().contains(u"rclone is not installed"_s),
                     qPrintable(settings.copyError()));
        }
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
        settings.closeCopy();
        QVERIFY(settings.copyError().isEmpty());
    }

    // A real WebDAV server that goes away mid-download, as a lost network
    // would: the fetch fails with rclone's reason, nothing stays in TMPDIR.
    void lostNetworkMidDownload()
    {
        const QString served = m_dir.filePath(u"served"_s);
        QVERIFY(QDir(served + u"/Resguarda"_s).mkpath(u"."_s));
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        QFile big(served + u"/Resguarda/CopiaAT.zip"_s);
        QVERIFY(big.open(QIODevice::WriteOnly));
        for (int i = 0; i < 16; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()),
                                                  block.size() / 4);
            big.write(block);
        }
        big.close();
        RcloneWebdav server(served, m_dir.filePath(u"webdav.conf"_s));
        QString problem;
        QVERIFY2(server.start(&problem), qPrintable(problem));
        QStringList env = server.environment(u"webnuvem"_s);
        env << u"RCLONE_BWLIMIT=1M"_s << u"RCLONE_RETRIES=1"_s << u"RCLONE_LOW_LEVEL_RETRIES=1"_s;
        const ScopedEnvironment scoped(env);

        RestoreSettings settings;
        QSignalSpy opened(&settings, &RestoreSettings::copyOpened);
        settings.openRemoteCopy(u"webnuvem:Resguarda/CopiaAT.zip"_s);
        QTRY_VERIFY_WITH_TIMEOUT(settings.fetchBytesDone() > 0, 30000);
        server.kill();
        QVERIFY(opened.wait(60000));
        QCOMPARE(opened.first().first().toBool(), false);
        QVERIFY2(settings.copyError().contains(u"could not be fetched"_s),
                 qPrintable(settings.copyError()));
        QVERIFY(!settings.opening());
        QVERIFY2(leftInTmp().isEmpty(), qPrintable(leftInTmp().join(u", ")));
    }
};

QTEST_MAIN(TestRemoteCopies)
#include "tst_remotecopies.moc"
