// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testinstallation.h"

#include "copy/copyfilenames.h"
#include "copy/copyreader.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

namespace TestSupport {

namespace {

// <root>/Copias/historico.jsonl, which every backup and restore appends to,
// refused or not (history/history.h).
bool isHistoryFile(const QFileInfo &info)
{
    return info.fileName() == u"historico.jsonl"
        && QFileInfo(info.absolutePath()).fileName() == u"Copias";
}

} // namespace

ProcessResult runCli(const QStringList &args, const QStringList &extraEnv, int timeoutMs)
{
    return runProcess(QStringLiteral(RESGUARDA_CLI_PATH), args, extraEnv, timeoutMs);
}

ProcessResult runProcess(const QString &program, const QStringList &args,
                         const QStringList &extraEnv, int timeoutMs)
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    for (const auto &entry : extraEnv) {
        const auto pos = entry.indexOf(u'=');
        env.insert(entry.left(pos), entry.mid(pos + 1));
    }
    process.setProcessEnvironment(env);
    process.start(program, args);
    ProcessResult result;
    // waitForFinished() also returns false when the process crashed (a test
    // may kill it on purpose); only a process still running timed out.
    bool timedOut = false;
    if (!process.waitForFinished(timeoutMs) && process.state() != QProcess::NotRunning) {
        timedOut = true;
        process.kill();
        process.waitForFinished();
        qWarning() << program << "timed out:" << args;
    }
    result.exitCode
        = process.exitStatus() == QProcess::NormalExit && !timedOut ? process.exitCode() : -1;
    result.standardOutput = process.readAllStandardOutput();
    result.standardError = process.readAllStandardError();
    return result;
}

QMap<QString, QByteArray> copyHashes(const QString &copyPath)
{
    QMap<QString, QByteArray> result;
    Resguarda::OperationError error;
    const auto copy = Resguarda::CopyReader::open(copyPath, &error);
    if (!copy) {
        qWarning() << error.message;
        return result;
    }
    bool failed = false;
    const auto problems = copy->scan([&](const Resguarda::ManifestEntry &entry) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString problem;
        if (!copy->extractEntry(entry, buffer, {}, &problem)) {
            qWarning() << problem;
            failed = true;
            return false;
        }
        result.insert(entry.path,
                      QCryptographicHash::hash(buffer.data(), QCryptographicHash::Sha256).toHex());
        return true;
    });
    for (const auto &problem : problems)
        qWarning() << problem.message;
    return failed || !problems.isEmpty() ? QMap<QString, QByteArray>() : result;
}

QList<Resguarda::ManifestEntry> copyEntries(Resguarda::CopyReader &reader, QStringList *problems)
{
    QList<Resguarda::ManifestEntry> entries;
    const auto found = reader.scan([&](const Resguarda::ManifestEntry &entry) {
        entries.append(entry);
        return true;
    });
    for (const auto &problem : found) {
        if (problems)
            problems->append(problem.message);
    }
    return entries;
}

QList<Resguarda::ManifestFolder> copyFolders(Resguarda::CopyReader &reader)
{
    QList<Resguarda::ManifestFolder> folders;
    reader.scan({}, [&](const Resguarda::ManifestFolder &folder) { folders.append(folder); });
    return folders;
}

bool copyIsSound(const QString &path)
{
    Resguarda::OperationError error;
    const auto copy = Resguarda::CopyReader::open(path, &error);
    return copy && copy->verify().isEmpty();
}

QStringList partialFiles(const QString &folder)
{
    QStringList result;
    const auto names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    for (const auto &name : names) {
        if (Resguarda::CopyFileNames::isPartial(name))
            result << name;
    }
    return result;
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 state = seed;
    for (auto &byte : data) {
        state = state * 1664525u + 1013904223u;
        byte = char(state >> 24);
    }
    return data;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QMap<QString, QByteArray> treeHashes(const QString &dir)
{
    QMap<QString, QByteArray> result;
    const QDir base(dir);
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = base.relativeFilePath(info.absoluteFilePath());
        if (isHistoryFile(info))
            continue;
        if (info.isSymLink())
            result.insert(relative, "symlink:" + info.symLinkTarget().toUtf8());
        else if (info.isDir() && QDir(info.absoluteFilePath()).isEmpty())
            result.insert(relative + u'/', QByteArray("dir"));
        else if (info.isFile())
            result.insert(relative, fileHash(info.absoluteFilePath()));
    }
    return result;
}

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir base(from);
    QDirIterator it(from, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString target = to + u'/' + base.relativeFilePath(info.absoluteFilePath());
        if (info.isDir() && !info.isSymLink()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(info.absoluteFilePath(), target)) {
            return false;
        }
    }
    return true;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(file.errorString()));
    QCOMPARE(file.write(data), data.size());
}

bool writeTwoSystemInstallation(const QString &root)
{
    if (!QDir().mkpath(root))
        return false;
    writeFile(root + QStringLiteral("/sistemas.json"),
              R"({"formato": 1, "sistemas": [{"codigo": "AT", "nome": "Ativo Imobilizado"},)"
              R"( {"codigo": "CP", "nome": "Compras"}]})");
    struct Company
    {
        const char *system;
        const char *code;
        const char *name;
        const char *cnpj;
    };
    const Company companies[] = {
        {"AT", "0001", "Padaria São João Ltda", "12.345.678/0001-95"},
        {"AT", "0002", "Oficina Boa Vista ME", "11.222.333/0001-81"},
        {"CP", "0001", "Mercado Central Ltda", "11.444.777/0001-61"},
        {"CP", "0002", "Distribuidora Sul S.A.", "33.000.167/0001-01"},
    };
    for (const auto &company : companies) {
        const QString folder = root + u'/' + QLatin1String(company.system)
            + QStringLiteral("/empresas/") + QLatin1String(company.code);
        writeFile(folder + QStringLiteral("/empresa.json"),
                  QStringLiteral(R"({"codigo": "%1", "razaoSocial": "%2", "cnpj": "%3"})")
                      .arg(QLatin1String(company.code), QString::fromUtf8(company.name),
                           QLatin1String(company.cnpj))
                      .toUtf8());
        // Data of different sizes, so the summary's sizes tell them apart.
        const QByteArray record = QByteArray(company.system) + ' ' + company.code + ' '
            + QByteArray(company.name) + '\n';
        const int repeat = QByteArray(company.system) == "AT" ? 100 : 300;
        writeFile(folder + QStringLiteral("/cadastro.dat"), record.repeated(repeat));
        writeFile(folder + QStringLiteral("/anual/2025/balanco.dat"), record.repeated(repeat / 10));
    }
    return QFileInfo(root + QStringLiteral("/sistemas.json")).isFile();
}

} // namespace TestSupport
