// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Resguarda {

struct SystemInfo
{
    QString code; // "AT"
    QString name; // "Ativo Imobilizado"
};

struct CompanyInfo
{
    QString code; // the folder name, "0001"
    QString name; // razaoSocial
    QString cnpj;
    QString path; // absolute path of the company folder
};

// A regular file of the installation and the name it has inside a copy.
struct SourceFile
{
    QString absolutePath;
    QString archivePath; // "AT/empresas/0001/anual/2024/saldos.dat"
    qint64 size = 0;
};

// Read-only view of an installation root as docs/installation-format.md
// describes it. It never writes; backup and restore do that.
class Installation
{
    Q_DECLARE_TR_FUNCTIONS(Installation)

public:
    static std::optional<Installation> open(const QString &rootPath, OperationError *error);

    QString rootPath() const { return m_root; }
    const QList<SystemInfo> &systems() const { return m_systems; }
    std::optional<SystemInfo> system(const QString &code) const;

    // Companies of a system, sorted by code. A folder whose empresa.json is
    // missing or unreadable is still a company (its data must not be skipped
    // silently); its problem is added to warnings.
    QList<CompanyInfo> companies(const QString &systemCode, QStringList *warnings = nullptr) const;

    QString systemPath(const QString &systemCode) const;
    QString companiesPath(const QString &systemCode) const;
    QString companyPath(const QString &systemCode, const QString &companyCode) const;
    QString templatesPath(const QString &systemCode) const;
    QString sessionsPath() const;
    QString copiesPath() const;

    // Every regular file below dir, sorted by archive path; archivePrefix is
    // prepended to the path relative to dir. Symbolic links are never
    // followed (they could lead outside the installation) and are reported.
    static QList<SourceFile> listFiles(const QString &dir, const QString &archivePrefix,
                                       QStringList *warnings = nullptr);

private:
    QString m_root;
    QList<SystemInfo> m_systems;
};

// Archive paths of the installation format, shared by backup and restore.
namespace InstallationLayout {
QString companyArchivePrefix(const QString &systemCode, const QString &companyCode);
QString templatesArchivePrefix(const QString &systemCode);
inline constexpr char16_t systemsFileName[] = u"sistemas.json";
inline constexpr char16_t companyFileName[] = u"empresa.json";
inline constexpr char16_t companiesDirName[] = u"empresas";
inline constexpr char16_t templatesDirName[] = u"modelos";
inline constexpr char16_t sessionsDirName[] = u"sessoes";
inline constexpr char16_t copiesDirName[] = u"Copias";
} // namespace InstallationLayout

} // namespace Resguarda
