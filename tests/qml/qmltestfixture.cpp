// SPDX-License-Identifier: GPL-3.0-or-later
#include "qmltestfixture.h"

#include "copy/copyreader.h"
#include "copy/protectedcopy.h"
#include "support/demofixture.h"
#include "support/lockholderprocess.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"
#include "ui/appcontroller.h"
#include "ui/startupoptions.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QVariantMap>

#include <sys/stat.h>
#include <sys/time.h>

using namespace Resguarda;

QmlTestFixture::QmlTestFixture(QObject *parent)
    : QObject(parent)
    , m_root(m_dir.filePath(QStringLiteral("instalação")))
{
}

QmlTestFixture::~QmlTestFixture() = default;

bool QmlTestFixture::resetInstallation()
{
    return resetInstallationWith(5);
}

bool QmlTestFixture::resetInstallationWith(int companies)
{
    QDir(m_root).removeRecursively();
    // A big office with one year: the test is about its companies, not its files.
    TestSupport::DemoFixture demo(companies, companies > 20 ? 1 : 3, 4, 8, 2025);
    if (demo.create(m_root))
        return false;
    AppController *controller = AppController::instance();
    if (!controller || !controller->openInstallation(m_root))
        return false;
    // Every test starts on AT, whatever an earlier test (or run) chose.
    controller->setSystemCode(QStringLiteral("AT"));
    return true;
}

QString QmlTestFixture::makeCopy(const QString &systemCode, const QString &output)
{
    BackupOptions options;
    options.root = m_root;
    options.systemCode = systemCode;
    options.output = output;
    options.templates = true;
    return TestSupport::makeCopy(options);
}

QString QmlTestFixture::makeProtectedCopy(const QString &systemCode, const QString &output,
                                          const QString &password)
{
    BackupOptions options;
    options.root = m_root;
    options.systemCode = systemCode;
    options.output = output;
    options.password = password.toUtf8();
    return TestSupport::makeCopy(options);
}

bool QmlTestFixture::isProtectedCopy(const QString &path) const
{
    return ProtectedCopy::protectedSystem(path).has_value();
}

QString QmlTestFixture::makeCopyMadeDaysAgo(const QString &systemCode, const QString &output,
                                            int daysAgo)
{
    BackupOptions options;
    options.root = m_root;
    options.systemCode = systemCode;
    options.output = output;
    options.templates = true;
    options.now = QDateTime::currentDateTime().addDays(-daysAgo);
    return TestSupport::makeCopy(options);
}

bool QmlTestFixture::dateTree(const QString &path, int daysAgo) const
{
    const time_t when = time_t(QDateTime::currentDateTime().addDays(-daysAgo).toSecsSinceEpoch());
    const timeval times[2] = {{when, 0}, {when, 0}};
    QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (::lutimes(QFile::encodeName(it.next()).constData(), times) != 0)
            return false;
    }
    return true;
}

bool QmlTestFixture::touchFileBelow(const QString &dir, int daysAgo) const
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    if (!it.hasNext())
        return false;
    QFile file(it.next());
    return file.open(QIODevice::ReadWrite)
        && file.setFileTime(QDateTime::currentDateTime().addDays(-daysAgo),
                            QFileDevice::FileModificationTime);
}

QString QmlTestFixture::makeForeignCopy(const QString &systemCode)
{
    const QString other = m_dir.filePath(QStringLiteral("outra-instalação"));
    if (!QFileInfo::exists(other)) {
        TestSupport::DemoFixture demo(2, 2, 1, 9, 2025);
        if (demo.create(other))
            return {};
    }
    const QString folder = m_dir.filePath(QStringLiteral("pendrive-compartilhado"));
    if (!QDir().mkpath(folder))
        return {};
    BackupOptions options;
    options.root = other;
    options.systemCode = systemCode;
    options.output = folder;
    const QString copy = TestSupport::makeCopy(options);
    if (copy.isEmpty())
        return {};
    if (AppController *controller = AppController::instance())
        controller->rememberDestination(folder);
    return copy;
}

QString QmlTestFixture::makeIncompleteCopy(const QString &systemCode, const QString &output)
{
    BackupOptions options;
    options.root = m_root;
    options.systemCode = systemCode;
    options.output = output;
    options.allowIncomplete = true;
    return TestSupport::makeCopy(options);
}

bool QmlTestFixture::makeFifo(const QString &path) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return ::mkfifo(QFile::encodeName(path).constData(), 0644) == 0;
}

bool QmlTestFixture::copyIsIncomplete(const QString &path) const
{
    OperationError error;
    const auto copy = CopyReader::open(path, &error);
    return copy && copy->manifest().isIncomplete();
}

bool QmlTestFixture::exists(const QString &path) const
{
    return QFileInfo::exists(path);
}

bool QmlTestFixture::removeTree(const QString &path) const
{
    return QDir(path).removeRecursively();
}

bool QmlTestFixture::removeFile(const QString &path) const
{
    return QFile::remove(path);
}

bool QmlTestFixture::writeFile(const QString &path, const QString &text) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

bool QmlTestFixture::writeRandomFile(const QString &path, int megabytes) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    quint32 state = 12345;
    for (int i = 0; i < megabytes; ++i) {
        for (auto &byte : block) {
            state = state * 1664525u + 1013904223u;
            byte = char(state >> 24);
        }
        if (file.write(block) != block.size())
            return false;
    }
    return true;
}

QString QmlTestFixture::readFile(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString QmlTestFixture::fileHash(const QString &path) const
{
    return QString::fromLatin1(TestSupport::fileHash(path).toHex());
}

bool QmlTestFixture::verifyCopy(const QString &path) const
{
    OperationError error;
    const auto copy = CopyReader::open(path, &error);
    return copy && copy->verify().isEmpty();
}

QStringList QmlTestFixture::companiesInCopy(const QString &path) const
{
    OperationError error;
    const auto copy = CopyReader::open(path, &error);
    QStringList codes;
    if (copy) {
        for (const auto &company : copy->manifest().companies)
            codes << company.code;
    }
    return codes;
}

QStringList QmlTestFixture::companiesInInstallation(const QString &systemCode) const
{
    return QDir(m_root + u'/' + systemCode + QStringLiteral("/empresas"))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}

QVariantMap QmlTestFixture::treeHashes(const QString &relative) const
{
    QVariantMap result;
    const auto hashes = TestSupport::treeHashes(m_root + u'/' + relative);
    for (auto it = hashes.cbegin(); it != hashes.cend(); ++it)
        result.insert(it.key(), QString::fromLatin1(it.value()));
    return result;
}

bool QmlTestFixture::connectClient(const QString &user, const QString &machine,
                                   const QString &system)
{
    m_client = std::make_unique<TestSupport::LockHolderProcess>(m_root + QStringLiteral("/sessoes"),
                                                                user, machine, system);
    return m_client->waitUntilLocked();
}

void QmlTestFixture::disconnectClient()
{
    m_client.reset();
}

void QmlTestFixture::setKiosk(bool kiosk)
{
    if (AppController *controller = AppController::instance())
        controller->setKiosk(kiosk);
}

void QmlTestFixture::setIdleTimeoutSeconds(int seconds)
{
    if (AppController *controller = AppController::instance())
        controller->setIdleTimeoutSeconds(seconds);
}

void QmlTestFixture::setRcloneRemote(const QString &name, const QString &type)
{
    // rclone reads remotes from these variables besides its configuration
    // file, which the isolated home keeps empty.
    const QByteArray variable = "RCLONE_CONFIG_" + name.toUpper().toLatin1() + "_TYPE";
    if (type.isEmpty())
        qunsetenv(variable.constData());
    else
        qputenv(variable.constData(), type.toLatin1());
}

void QmlTestFixture::setRcloneAlias(const QString &name, const QString &folder)
{
    const QByteArray prefix = "RCLONE_CONFIG_" + name.toUpper().toLatin1();
    const QByteArray type = prefix + "_TYPE";
    const QByteArray remote = prefix + "_REMOTE";
    if (folder.isEmpty()) {
        qunsetenv(type.constData());
        qunsetenv(remote.constData());
        return;
    }
    qputenv(type.constData(), "alias");
    qputenv(remote.constData(), QFile::encodeName(folder));
}

QVariantMap QmlTestFixture::parseStartupOptions(const QStringList &arguments) const
{
    const StartupOptions options = StartupOptions::parse(arguments);
    return {{QStringLiteral("root"), options.root},
            {QStringLiteral("startPage"), options.startPage},
            {QStringLiteral("kiosk"), options.kiosk},
            {QStringLiteral("kioskGiven"), options.kioskGiven},
            {QStringLiteral("idleTimeoutSeconds"), options.idleTimeoutSeconds},
            {QStringLiteral("error"), options.error}};
}

bool QmlTestFixture::kioskWanted(const QStringList &rawArguments) const
{
    return StartupOptions::kioskWanted(rawArguments);
}

void QmlTestFixture::rememberKiosk(bool kiosk)
{
    AppController::rememberKiosk(kiosk);
}

bool QmlTestFixture::rememberedKiosk() const
{
    return AppController::rememberedKiosk();
}
