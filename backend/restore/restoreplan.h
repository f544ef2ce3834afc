// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"
#include "installation/installation.h"
#include "restore/restoreoptions.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Resguarda {

// What a restore will do to each company, decided before anything is
// touched: what the CLI prints before asking, and what the QML wizard shows.
struct RestorePlanCompany
{
    enum class Action {
        Replace, // in the copy and in the installation: its folder becomes the copy's
        Add, // in the copy only
        Eliminate, // in the installation only, and "Substitui dados existentes" is on
        Keep, // in the installation only, left alone
    };

    Action action = Action::Keep;
    QString code;
    QString name;
    QString cnpj;
    qint64 copyFiles = 0; // files read from the copy for it
    qint64 copyBytes = 0;
    qint64 installedFiles = 0; // files it has in the installation now
    qint64 installedBytes = 0;
    // Dated tables before this year are outside the operation: not read from
    // the copy, and the installation's own stay as they are.
    int archiveFromYear = 0;
    // Files or folders of this company that the copy left out when it was
    // made (an incomplete copy): they are not restored.
    qint64 leftOutInCopy = 0;
};

struct RestorePlanTemplate
{
    QString path; // its path below the root, "AT/modelos/etiquetas/x.etq"
    bool replaces = false; // a template of the same name exists
    qint64 bytes = 0; // in the copy
    qint64 installedBytes = 0; // of the template it replaces (goes into the safety copy)
};

struct RestorePlan
{
    Q_DECLARE_TR_FUNCTIONS(RestorePlan)

public:
    SystemInfo system;
    QList<RestorePlanCompany> companies; // restored ones first, then eliminated, then kept
    QList<RestorePlanTemplate> templates; // those written from the copy
    // What the copy left out when it was made (backup --allow-incomplete).
    qint64 copyLeftOut = 0;

    // Whether the restore reads this file of the copy: a file of a
    // restored company within its years, or a template when they are
    // restored. Decided entry by entry while the copy is read, so that the
    // copy's file list is never held in memory.
    bool extracts(const ManifestEntry &entry) const;
    // Whether a folder of the copy is made: of a restored company, and
    // within its years when it holds nothing (folderselection.h). Folders
    // that hold a file the restore reads are made in any case.
    bool keepsEmptyFolder(const QString &folderPath) const;
    // Whether the folder belongs to a restored company.
    bool restoresFolderOf(const QString &folderPath) const;

    qint64 filesToExtract() const;
    qint64 bytesToExtract() const;
    // What the safety copy will hold: everything replaced or eliminated.
    qint64 bytesToSafeguard() const;
    bool changesExistingData() const;
    QList<RestorePlanCompany> companiesWith(RestorePlanCompany::Action action) const;

    // Checks the request against the copy and the installation; fails
    // (usage) for a company the copy does not hold, (failed) when the copy's
    // system is not installed.
    static std::optional<RestorePlan> make(const Manifest &manifest,
                                           const Installation &installation,
                                           const RestoreOptions &options, OperationError *error);

    // What of the installation the restore replaces or eliminates for
    // company (what the safety copy must hold), as archive paths.
    static TreeListing contentAffected(const Installation &installation, const SystemInfo &system,
                                       const RestorePlanCompany &company);

private:
    QString companiesPrefix() const;
    // The code of the company a path of the copy belongs to (empty if none).
    QStringView companyOf(QStringView path) const;
    const RestorePlanCompany *restored(QStringView code) const;
    bool m_templates = false;
};

} // namespace Resguarda
