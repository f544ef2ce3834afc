// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "copy/manifest.h"
#include "ui/worker.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// The companies a wizard offers: those of an installation's system (backup)
// or those of a copy (restore), each with a check box. All are selected by
// default, as the procedure says. Stays fast with thousands of companies: sizes
// are measured once, on a worker thread, when loading (the model is empty
// and loading is true meanwhile); selection changes touch one row.
class CompanyModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    // Sizes are double for QML: JS gets a number either way, and Qt 6.4's
    // tooling (qmllint) knows no qint64. Exact up to 2^53.
    Q_PROPERTY(double selectedBytes READ selectedBytes NOTIFY selectionChanged)
    Q_PROPERTY(bool allSelected READ allSelected NOTIFY selectionChanged)
    // Why the selection cannot be copied or restored: empty when at least
    // one company is marked. Nothing marked would mean "every company" to
    // BackupOptions and RestoreOptions, so both wizards and both jobs ask
    // this one rule.
    Q_PROPERTY(QString selectionError READ selectionError NOTIFY selectionChanged)
    Q_PROPERTY(int existingCount READ existingCount NOTIFY countChanged)
    // True while loadInstallation() measures the companies' folders.
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // "Não Considera Arquivos Mortos": sizes, file counts and years show what
    // a copy of the years from this one holds (0: every year).
    Q_PROPERTY(int archiveFromYear READ archiveFromYear WRITE setArchiveFromYear NOTIFY
                   archiveFromYearChanged)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        CnpjRole,
        BytesRole,
        SizeTextRole, // "1,5 MB" in the current locale
        FilesRole,
        YearsRole, // QList<int>
        YearsTextRole, // "2022–2025"
        SelectedRole, // editable
        ExistsInInstallationRole, // restore: the company is already in the installation
        LeftOutRole, // restore: files and folders of it the copy left out (incomplete copy)
        // restore: what happens to it as chosen: "will be replaced", and for
        // an unchecked one "not restored: kept as it is" or "not restored"
        RestoreTextRole,
        // restore: its data here is newer than the copy's ("the current data is from …")
        NewerTextRole,
        NewerWarningRole, // restore: newer here and checked: restoring it loses that work
    };
    Q_ENUM(Role)

    explicit CompanyModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Starts loading the companies of system in the installation at root,
    // measuring each company's folder on a worker thread: the model empties
    // at once and fills when loaded(true) comes. loaded(false) (and empty)
    // when root is not an installation or the system is not installed.
    // A newer call or clear() drops the result of an unfinished one.
    Q_INVOKABLE void loadInstallation(const QString &root, const QString &systemCode);
    // Loads the companies of a copy's manifest; root (may be empty) marks
    // those that already exist in that installation.
    void loadManifest(const Manifest &manifest, const QString &root);
    // The same, with the codes already in the installation known (read on a
    // worker with installedCodes()).
    void loadManifest(const Manifest &manifest, const QSet<QString> &installed);
    // Codes of the companies of system in the installation at root; empty
    // when there is none. Reads the installation: for worker threads.
    static QSet<QString> installedCodes(const QString &root, const QString &systemCode);
    Q_INVOKABLE void clear();
    // Restore: the companies whose data in the installation is newer than
    // the copy, each with its NewerData::describe() text.
    void setNewerTexts(const QHash<QString, QString> &texts);

    Q_INVOKABLE void setSelected(int row, bool selected);
    Q_INVOKABLE void toggle(int row);
    Q_INVOKABLE void selectAll(bool selected);
    Q_INVOKABLE QStringList selectedCodes() const;
    // Codes of all companies (selected or not).
    QStringList codes() const;

    int selectedCount() const;
    qint64 selectedBytes() const;
    bool allSelected() const;
    QString selectionError() const;
    int existingCount() const;
    bool loading() const { return m_loader.running(); }
    int archiveFromYear() const { return m_archiveFromYear; }
    void setArchiveFromYear(int year);

Q_SIGNALS:
    void countChanged();
    void selectionChanged();
    void loadingChanged();
    void archiveFromYearChanged();
    // loadInstallation() is over; ok is false when there was nothing to load.
    void loaded(bool ok);

private:
    struct Company
    {
        // Everything found, with the totals of each year of dated tables.
        ManifestCompany all;
        // What a copy of the years from archiveFromYear holds (shown).
        qint64 bytes = 0;
        qint64 files = 0;
        QList<int> years;
        bool selected = true;
        bool existsInInstallation = false;
        qint64 leftOut = 0;
        QString newerText;
    };
    QString restoreText(const Company &company) const;
    void reset(QList<Company> companies);
    // Measures the companies on a worker thread; nullopt when there is
    // nothing to load (or when cancelled).
    static std::optional<QList<Company>> readInstallation(const QString &root,
                                                          const QString &systemCode,
                                                          const std::atomic_bool &cancelled);
    // Sets company's shown totals from its years and m_archiveFromYear.
    void applyArchiveFrom(Company &company) const;
    // Changes one row's flag and the totals, without signals; false when unchanged.
    bool applySelected(int row, bool selected);
    // Selects or clears rows (ascending) with one signal per run of rows.
    void setSelectedRows(const QList<int> &rows, bool selected);
    friend class CompanyFilterModel; // selectVisible() uses setSelectedRows()

    QList<Company> m_companies;
    WorkerTask m_loader;
    int m_archiveFromYear = 0;
    int m_selectedCount = 0;
    qint64 m_selectedBytes = 0;
    bool m_fromCopy = false; // loaded from a copy's manifest: the restore's roles apply
};

// Filters a CompanyModel by what the user types: part of the code, of the
// name (accents and case ignored: "acougue" finds "Açougue") or of the CNPJ
// (digits only: "12345" finds "12.345.678/0001-95").
class CompanyFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Resguarda::CompanyModel *companies READ companies WRITE setCompanies NOTIFY
                   companiesChanged)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    explicit CompanyFilterModel(QObject *parent = nullptr);

    CompanyModel *companies() const;
    void setCompanies(CompanyModel *companies);
    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    // Row of the source model for a row of this model (for setSelected).
    Q_INVOKABLE int sourceRow(int row) const;
    // Selects or clears every company that passes the filter.
    Q_INVOKABLE void selectVisible(bool selected);

    // Lower case, without accents: how names are compared.
    static QString foldForSearch(const QString &text);

Q_SIGNALS:
    void companiesChanged();
    void filterTextChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void rebuildCache();

    QString m_filterText;
    QString m_foldedFilter;
    QString m_digitsFilter;
    QList<QString> m_foldedNames; // cache, by source row
    QStringList m_filterWords; // m_foldedFilter split at spaces
    QList<QString> m_codes; // cache, by source row: codes folded
    QList<QString> m_cnpjDigits; // cache, by source row: the CNPJ's digits
    QPointer<CompanyModel> m_companies;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace Resguarda
