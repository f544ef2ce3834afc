// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/installation.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Resguarda {

namespace {

std::optional<QJsonObject> readJsonObject(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *problem = parseError.errorString();
        return std::nullopt;
    }
    if (!document.isObject()) {
        *problem = Installation::tr("not a JSON object");
        return std::nullopt;
    }
    return document.object();
}

} // namespace

std::optional<Installation> Installation::open(const QString &rootPath, OperationError *error)
{
    const QFileInfo rootInfo(rootPath);
    if (!rootInfo.isDir()) {
        *error = OperationError::failed(
            tr("The installation folder %1 does not exist. Check the path given with --root.")
                .arg(QDir::toNativeSeparators(rootPath)));
        return std::nullopt;
    }
    Installation installation;
    installation.m_root = rootInfo.absoluteFilePath();

    const QString systemsPath =
        installation.m_root + u'/' + QStringView(InstallationLayout::systemsFileName);
    QString problem;
    const auto systems = readJsonObject(systemsPath, &problem);
    if (!systems) {
        *error = OperationError::failed(
            tr("%1 is not an installation of the system: %2 could not be read (%3).")
                .arg(QDir::toNativeSeparators(installation.m_root),
                     QDir::toNativeSeparators(systemsPath), problem));
        return std::nullopt;
    }
    if (systems->value(u"formato").toInt() != 1) {
        *error = OperationError::failed(
            tr("%1 has an installation format this version does not know (%2). Update Resguarda.")
                .arg(QDir::toNativeSeparators(systemsPath))
                .arg(systems->value(u"formato").toVariant().toString()));
        return std::nullopt;
    }
    const auto list = systems->value(u"sistemas").toArray();
    for (const auto &value : list) {
        const auto object = value.toObject();
        SystemInfo info{object.value(u"codigo").toString(), object.value(u"nome").toString()};
        // A code becomes a folder name and part of copy file names.
        const bool safeCode = !info.code.isEmpty() && info.code.size() <= 16
            && std::all_of(info.code.begin(), info.code.end(),
                           [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128; });
        if (!safeCode) {
            *error = OperationError::failed(
                tr("%1 lists a system with an invalid code \"%2\".")
                    .arg(QDir::toNativeSeparators(systemsPath), info.code));
            return std::nullopt;
        }
        installation.m_systems.append(info);
    }
    return installation;
}

std::optional<SystemInfo> Installation::system(const QString &code) const
{
    for (const auto &info : m_systems) {
        if (info.code.compare(code, Qt::CaseInsensitive) == 0)
            return info;
    }
    return std::nullopt;
}

QList<CompanyInfo> Installation::companies(const QString &systemCode, QStringList *warnings) const
{
    QList<CompanyInfo> result;
    const QDir dir(companiesPath(systemCode));
    const auto folders = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const auto &folder : folders) {
        if (folder.isSymLink()) {
            if (warnings)
                warnings->append(tr("%1 is a symbolic link and was ignored.")
                                     .arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
            continue;
        }
        CompanyInfo company;
        company.code = folder.fileName();
        company.path = folder.absoluteFilePath();
        QString problem;
        const auto json = readJsonObject(
            company.path + u'/' + QStringView(InstallationLayout::companyFileName), &problem);
        if (json) {
            company.name = json->value(u"razaoSocial").toString();
            company.cnpj = json->value(u"cnpj").toString();
            const QString declaredCode = json->value(u"codigo").toString();
            if (warnings && !declaredCode.isEmpty() && declaredCode != company.code)
                warnings->append(tr("Company folder %1 declares code %2 in empresa.json.")
                                     .arg(company.code, declaredCode));
        } else if (warnings) {
            warnings->append(tr("Company %1 of system %2: empresa.json could not be read (%3).")
                                 .arg(company.code, systemCode, problem));
        }
        result.append(company);
    }
    return result;
}

QString Installation::systemPath(const QString &systemCode) const
{
    return m_root + u'/' + systemCode;
}

QString Installation::companiesPath(const QString &systemCode) const
{
    return systemPath(systemCode) + u'/' + QStringView(InstallationLayout::companiesDirName);
}

QString Installation::companyPath(const QString &systemCode, const QString &companyCode) const
{
    return companiesPath(systemCode) + u'/' + companyCode;
}

QString Installation::templatesPath(const QString &systemCode) const
{
    return systemPath(systemCode) + u'/' + QStringView(InstallationLayout::templatesDirName);
}

QString Installation::sessionsPath() const
{
    return m_root + u'/' + QStringView(InstallationLayout::sessionsDirName);
}

QString Installation::copiesPath() const
{
    return m_root + u'/' + QStringView(InstallationLayout::copiesDirName);
}

QList<SourceFile> Installation::listFiles(const QString &dir, const QString &archivePrefix,
                                          QStringList *warnings)
{
    QList<SourceFile> files;
    const QDir base(dir);
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink() || (!info.isFile() && !info.isDir())) {
            if (warnings)
                warnings->append(tr("%1 is not a regular file and was not copied.")
                                     .arg(QDir::toNativeSeparators(info.absoluteFilePath())));
            continue;
        }
        if (!info.isFile())
            continue;
        files.append({info.absoluteFilePath(), archivePrefix + base.relativeFilePath(info.absoluteFilePath()),
                      info.size()});
    }
    std::sort(files.begin(), files.end(),
              [](const SourceFile &a, const SourceFile &b) { return a.archivePath < b.archivePath; });
    return files;
}

namespace InstallationLayout {

QString companyArchivePrefix(const QString &systemCode, const QString &companyCode)
{
    return systemCode + u'/' + QStringView(companiesDirName) + u'/' + companyCode + u'/';
}

QString templatesArchivePrefix(const QString &systemCode)
{
    return systemCode + u'/' + QStringView(templatesDirName) + u'/';
}

} // namespace InstallationLayout

} // namespace Resguarda
