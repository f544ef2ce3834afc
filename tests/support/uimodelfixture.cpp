// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/uimodelfixture.h"

#include "copy/copyreader.h"
#include "restore/restorejob.h"
#include "support/demofixture.h"
#include "support/makecopy.h"
#include "support/testinstallation.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Resguarda;
using namespace Qt::StringLiterals;

namespace TestSupport {

qint64 folderBytes(const QString &dir, qint64 *files)
{
    qint64 bytes = 0;
    qint64 count = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
        ++count;
    }
    if (files)
        *files = count;
    return bytes;
}

QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, 0).data(role).toString();
    return values;
}

int rowOfCode(const QAbstractItemModel &model, const QString &code, int role)
{
    return int(column(model, role).indexOf(code));
}

QDateTime localTime(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute));
}

qint64 writeBytes(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    return file.write(data);
}

Manifest manifestOf(const QString &copyPath)
{
    OperationError error;
    const auto reader = CopyReader::open(copyPath, &error);
    if (!reader) {
        qWarning() << error.message;
        return {};
    }
    // With the file list the copy's central directory gives, for the
    // sums the checks below make.
    Manifest manifest = reader->manifest();
    manifest.entries = TestSupport::copyEntries(*reader);
    return manifest;
}

QString UiModelFixture::backup(BackupOptions options) const
{
    options.root = root;
    options.systemCode = u"CP"_s;
    return makeCopy(options);
}

QString UiModelFixture::installationMissing0006() const
{
    const QString other = QDir(m_scratch).filePath(u"sem-0006"_s);
    if (!QFileInfo::exists(other)) {
        if (!copyTree(root + u"/CP/empresas"_s, other + u"/CP/empresas"_s)
            || !QFile::copy(root + u"/sistemas.json"_s, other + u"/sistemas.json"_s))
            return {};
        QDir(companyDir(other, u"0006"_s)).removeRecursively();
    }
    return other;
}

void UiModelFixture::create(const QString &scratch)
{
    m_scratch = scratch;
    root = QDir(scratch).filePath(u"instalacao"_s);
    const OperationError created = DemoFixture(6, 3, 4, 3, 2025).create(root);
    QVERIFY2(!created, qPrintable(created.message));
    // The cases below rely on these companies of CP.
    QCOMPARE(QDir(root + u"/CP/empresas"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
             QStringList({u"0001"_s, u"0002"_s, u"0003"_s, u"0004"_s, u"0005"_s, u"0006"_s}));

    // The copies the history lists, each made the way the app makes it.
    BackupOptions full;
    full.templates = true;
    full.now = localTime(2025, 11, 25, 10, 0);
    fullCopy = backup(full);
    QCOMPARE(QFileInfo(fullCopy).fileName(), u"CopiaCP.zip"_s);

    BackupOptions wednesday;
    wednesday.rotation = BackupOptions::Rotation::Weekday;
    wednesday.now = localTime(2025, 11, 26, 15, 30);
    QCOMPARE(QFileInfo(backup(wednesday)).fileName(), u"CopiaCP-quarta.zip"_s);

    BackupOptions monday;
    monday.rotation = BackupOptions::Rotation::Weekday;
    monday.companies = QStringList {u"0001"_s};
    monday.now = localTime(2025, 11, 24, 9, 0);
    QCOMPARE(QFileInfo(backup(monday)).fileName(), u"CopiaCP-segunda.zip"_s);

    BackupOptions extra;
    extra.extraLabel = u"Fechamento Março"_s;
    extra.companies = QStringList {u"0002"_s};
    extra.now = localTime(2025, 11, 20, 10, 0);
    QCOMPARE(QFileInfo(backup(extra)).fileName(),
             u"CopiaCP-extra-Fechamento-Marco-2025-11-20-1000.zip"_s);

    // A real restore of one company writes the safety copy beside the others.
    RestoreOptions restore;
    restore.copyPath = fullCopy;
    restore.root = root;
    restore.companies = QStringList {u"0001"_s};
    restore.now = localTime(2025, 11, 27, 8, 0);
    RestoreJob job(restore);
    const OperationError restored = job.run();
    QVERIFY2(!restored, qPrintable(restored.message));
    safetyCopy = job.safetyCopyPath();
    QVERIFY(QFileInfo(safetyCopy).fileName().contains(u"-antes-da-restauracao-"_s));

    // Not copies, or not readable ones.
    damaged = root + u"/Copias/CopiaCP-danificada.zip"_s;
    QVERIFY(writeBytes(damaged, "isto não é um ZIP") > 0);
    QFile damagedFile(damaged);
    QVERIFY(damagedFile.open(QIODevice::ReadWrite));
    QVERIFY(
        damagedFile.setFileTime(localTime(2025, 11, 28, 12, 0), QFileDevice::FileModificationTime));
    damagedFile.close();
    QVERIFY(writeBytes(root + u"/Copias/.CopiaCP-terca.zip.resguarda-parcial"_s, "parcial") > 0);
    QVERIFY(QFile::copy(fullCopy, root + u"/Copias/outro-arquivo.zip"_s));
}

} // namespace TestSupport
