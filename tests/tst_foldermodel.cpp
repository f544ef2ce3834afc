// SPDX-License-Identifier: GPL-3.0-or-later
// The file browser's model on real folders and files: the path it shows is
// the folder it lists, sizes are read again on refresh, copies are told
// apart by name, new folders are validated and never created through a
// link, and the restore opens where the last copy went.

#include "ui/foldermodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Resguarda::FolderModel;

namespace {

void writeFile(const QString &path, qint64 bytes, const QDateTime &modified = {})
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QVERIFY(file.write(QByteArray(int(bytes), 'x')) == bytes);
    // Written out first: a later flush would set the time to now again.
    QVERIFY(file.flush());
    if (modified.isValid())
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
}

QStringList names(const FolderModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.data(model.index(row), FolderModel::NameRole).toString();
    return result;
}

int rowOf(const FolderModel &model, const QString &name)
{
    return int(names(model).indexOf(name));
}

} // namespace

class TestFolderModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsFoldersFirstAndOnlyCopies()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkdir(QStringLiteral("zeta"));
        QDir(dir.path()).mkdir(QStringLiteral("Alfa"));
        writeFile(dir.filePath(QStringLiteral("CopiaAT-2025.zip")), 10);
        writeFile(dir.filePath(QStringLiteral("backup.7z")), 10);
        writeFile(dir.filePath(QStringLiteral("notes.txt")), 10);
        writeFile(dir.filePath(QStringLiteral("other.zip")), 10);
        QFile::link(dir.filePath(QStringLiteral("CopiaAT-2025.zip")),
                    dir.filePath(QStringLiteral("CopiaLink.zip")));
        QFile::link(dir.filePath(QStringLiteral("Alfa")),
                    dir.filePath(QStringLiteral("LinkedFolder")));

        FolderModel model;
        QAbstractItemModelTester tester(&model);
        model.setFolder(dir.path());
        QCOMPARE(names(model),
                 (QStringList {QStringLiteral("Alfa"), QStringLiteral("zeta"),
                               QStringLiteral("backup.7z"), QStringLiteral("CopiaAT-2025.zip")}));
        QCOMPARE(model.data(model.index(0), FolderModel::IsDirRole).toBool(), true);
        QCOMPARE(model.data(model.index(3), FolderModel::PathRole).toString(),
                 dir.filePath(QStringLiteral("CopiaAT-2025.zip")));

        model.setFoldersOnly(true);
        QCOMPARE(names(model), (QStringList {QStringLiteral("Alfa"), QStringLiteral("zeta")}));
    }

    void copyNames()
    {
        QVERIFY(FolderModel::isCopyName(QStringLiteral("CopiaAT.zip")));
        QVERIFY(FolderModel::isCopyName(QStringLiteral("copiaCP-2025-extra.ZIP")));
        QVERIFY(FolderModel::isCopyName(QStringLiteral("x.tar.gz")));
        QVERIFY(FolderModel::isCopyName(QStringLiteral("x.TZST")));
        QVERIFY(FolderModel::isCopyName(QStringLiteral("x.rar")));
        QVERIFY(!FolderModel::isCopyName(QStringLiteral("Backup.zip")));
        QVERIFY(!FolderModel::isCopyName(QStringLiteral("Copia.zip.part")));
        QVERIFY(!FolderModel::isCopyName(QStringLiteral("x.gz")));
    }

    // The defect: "…/Copias" shown (it did not exist) over another
    // folder's entries.
    void missingFolderShowsTheFolderListed()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("CopiaAT.zip")), 10);
        FolderModel model;
        QSignalSpy folderSpy(&model, &FolderModel::folderChanged);
        model.setFolder(dir.filePath(QStringLiteral("Copias/deeper")));
        QCOMPARE(model.folder(), dir.path());
        QCOMPARE(names(model), QStringList {QStringLiteral("CopiaAT.zip")});
        QVERIFY(folderSpy.count() >= 1);

        // A file named as the folder is not a folder either.
        model.setFolder(dir.filePath(QStringLiteral("CopiaAT.zip")));
        QCOMPARE(model.folder(), dir.path());

        model.setFolder(dir.path());
        QDir(dir.path()).mkdir(QStringLiteral("sub"));
        model.refresh();
        model.setFolder(dir.filePath(QStringLiteral("sub")));
        QCOMPARE(model.folder(), dir.filePath(QStringLiteral("sub")));
        QVERIFY(!model.atTop());
        model.goUp();
        QCOMPARE(model.folder(), dir.path());
        model.setFolder(QStringLiteral("/"));
        QVERIFY(model.atTop());
    }

    // The defect: 1,4 MB shown for a file that had grown to 5,9 MB.
    void refreshReadsSizesAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("CopiaAT.zip"));
        writeFile(path, 1400, QDateTime::currentDateTime().addDays(-2));
        FolderModel model;
        QAbstractItemModelTester tester(&model);
        model.setFolder(dir.path());
        QCOMPARE(model.data(model.index(0), FolderModel::SizeRole).toLongLong(), 1400);
        const QDateTime before = model.data(model.index(0), FolderModel::ModifiedRole).toDateTime();

        writeFile(path, 5900);
        writeFile(dir.filePath(QStringLiteral("CopiaCP.zip")), 7);
        model.refresh();
        const int row = rowOf(model, QStringLiteral("CopiaAT.zip"));
        QCOMPARE(model.data(model.index(row), FolderModel::SizeRole).toLongLong(), 5900);
        QVERIFY(model.data(model.index(row), FolderModel::ModifiedRole).toDateTime() > before);
        QCOMPARE(rowOf(model, QStringLiteral("CopiaCP.zip")), 1);
    }

    void folderNamesAreValidated()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkdir(QStringLiteral("Existing"));
        FolderModel model;
        model.setFolder(dir.path());
        QVERIFY(model.folderNameError(QStringLiteral("Copias 2025")).isEmpty());
        QVERIFY(model.folderNameError(QStringLiteral("Cópias de março")).isEmpty());
        const QStringList refused {QString(),
                                   QStringLiteral("   "),
                                   QStringLiteral("."),
                                   QStringLiteral(".."),
                                   QStringLiteral("a/b"),
                                   QStringLiteral("a\\b"),
                                   QStringLiteral("a:b"),
                                   QStringLiteral("a*b"),
                                   QStringLiteral("a?b"),
                                   QStringLiteral("a\"b"),
                                   QStringLiteral("a<b"),
                                   QStringLiteral("a|b"),
                                   QStringLiteral("tab\there"),
                                   QStringLiteral("ends with dot."),
                                   QStringLiteral(" leading"),
                                   QStringLiteral(".hidden"),
                                   QString(256, QLatin1Char('a')),
                                   QString(200, QChar(0x00e7)),
                                   QStringLiteral("Existing"),
                                   QStringLiteral("existing")};
        for (const QString &name : refused)
            QVERIFY2(!model.folderNameError(name).isEmpty(), qPrintable(name));
        // Nothing was created by asking.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList {QStringLiteral("Existing")});
    }

    void createsAFolderNeverThroughALink()
    {
        QTemporaryDir dir;
        QTemporaryDir elsewhere;
        FolderModel model;
        model.setFolder(dir.path());
        const QString created = model.createFolder(QStringLiteral("Copias março"));
        QCOMPARE(created, dir.filePath(QStringLiteral("Copias março")));
        QVERIFY(QFileInfo(created).isDir());
        QVERIFY(names(model).contains(QStringLiteral("Copias março")));

        QVERIFY(model.createFolder(QStringLiteral("a/b")).isEmpty());
        QVERIFY(!model.lastCreateError().isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a"))));

        // A link planted with the name the user types: refused, nothing
        // appears where it points.
        QVERIFY(QFile::link(elsewhere.filePath(QStringLiteral("target")),
                            dir.filePath(QStringLiteral("Planted"))));
        QVERIFY(model.createFolder(QStringLiteral("Planted")).isEmpty());
        QVERIFY(!model.lastCreateError().isEmpty());
        QVERIFY(!QFileInfo::exists(elsewhere.filePath(QStringLiteral("target"))));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("Planted"))).isSymLink());
    }

    void startFolderIsWhereTheLastCopyWent()
    {
        QTemporaryDir root;
        QTemporaryDir older;
        QTemporaryDir newer;
        writeFile(older.filePath(QStringLiteral("CopiaAT.zip")), 10,
                  QDateTime::currentDateTime().addDays(-5));
        writeFile(newer.filePath(QStringLiteral("CopiaAT.zip")), 10,
                  QDateTime::currentDateTime().addDays(-1));
        const QString missing = root.filePath(QStringLiteral("gone"));

        // The remembered order is not the copies' order: the newest copy wins.
        QCOMPARE(FolderModel::startFolder(root.path(), {missing, older.path(), newer.path()}),
                 newer.path());
        // No copy in any of them: the most recently remembered that exists.
        QTemporaryDir empty1;
        QTemporaryDir empty2;
        QCOMPARE(FolderModel::startFolder(root.path(), {missing, empty1.path(), empty2.path()}),
                 empty1.path());
        // None exists: the installation's Copias if it exists…
        QVERIFY(QDir(root.path()).mkdir(QStringLiteral("Copias")));
        QCOMPARE(FolderModel::startFolder(root.path(), {missing}),
                 root.filePath(QStringLiteral("Copias")));
        // …never a Copias that does not exist.
        QVERIFY(QDir(root.filePath(QStringLiteral("Copias"))).removeRecursively());
        QCOMPARE(FolderModel::startFolder(root.path(), {missing}), QDir::homePath());
    }
};

QTEST_GUILESS_MAIN(TestFolderModel)
#include "tst_foldermodel.moc"
