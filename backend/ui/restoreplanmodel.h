// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "restore/newerdata.h"
#include "restore/restoreplan.h"
#include "ui/restoresummary.h"

#include <QAbstractListModel>
#include <QHash>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace Resguarda {

// A RestorePlan as a list for the restore wizard's summary: one row per
// company with what will happen to it, and totals per action.
class RestorePlanModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY planChanged)
    Q_PROPERTY(int replacedCount READ replacedCount NOTIFY planChanged)
    Q_PROPERTY(int addedCount READ addedCount NOTIFY planChanged)
    Q_PROPERTY(int eliminatedCount READ eliminatedCount NOTIFY planChanged)
    Q_PROPERTY(int keptCount READ keptCount NOTIFY planChanged)
    Q_PROPERTY(int templatesReplaced READ templatesReplaced NOTIFY planChanged)
    Q_PROPERTY(int templatesAdded READ templatesAdded NOTIFY planChanged)
    // Counts and sizes are double for QML: JS gets a number either way, and Qt 6.4's
    // tooling (qmllint) knows no qint64. Exact up to 2^53.
    Q_PROPERTY(double bytesToExtract READ bytesToExtract NOTIFY planChanged)
    Q_PROPERTY(double bytesToSafeguard READ bytesToSafeguard NOTIFY planChanged)
    Q_PROPERTY(bool changesExistingData READ changesExistingData NOTIFY planChanged)
    // "Cód. 0003 Açougue Boa Esperança ME, 0007 …": the companies that
    // "Substitui dados existentes" would eliminate, for the warning.
    Q_PROPERTY(QStringList eliminatedNames READ eliminatedNames NOTIFY planChanged)
    // The copy was made incomplete: how many of its items were left out in
    // all, and how many of the restored companies are missing some.
    Q_PROPERTY(double leftOutCount READ leftOutCount NOTIFY planChanged)
    Q_PROPERTY(int incompleteCompanies READ incompleteCompanies NOTIFY planChanged)
    // The confirmation's groups (RestoreSummary), each a map with kind,
    // tone ("danger", "warning", "success", "muted"), count, sizeText,
    // title, lines and expanded (how it starts).
    Q_PROPERTY(QVariantList groups READ groupList NOTIFY planChanged)
    // Companies that will be replaced although their data here is newer
    // than the copy.
    Q_PROPERTY(int newerCount READ newerCount NOTIFY planChanged)

public:
    enum Action { Replace, Add, Eliminate, Keep };
    Q_ENUM(Action)

    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        CnpjRole,
        ActionRole, // Action
        ActionTextRole, // "será substituída", "será incluída", "será ELIMINADA", "será mantida"
        CopyBytesRole,
        InstalledBytesRole,
        SizeTextRole, // what the row shows: copy size, or installed size for eliminated/kept
        LeftOutRole, // restored from an incomplete copy: its items the copy left out
        NewerTextRole, // replaced although newer here: "the current data is from …"
    };
    Q_ENUM(Role)

    explicit RestorePlanModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // manifest: the copy's, for what it left out of each company.
    void setPlan(const RestorePlan &plan, const Manifest *manifest = nullptr);
    Q_INVOKABLE void clear();
    // The companies of the copy whose data in the installation is newer
    // (NewerData); kept across setPlan() until set again.
    void setNewerData(const QList<NewerCompany> &newer);

    QList<RestoreSummaryGroup> groups() const;
    QVariantList groupList() const;
    int newerCount() const;

    int replacedCount() const;
    int addedCount() const;
    int eliminatedCount() const;
    int keptCount() const;
    int templatesReplaced() const;
    int templatesAdded() const;
    qint64 bytesToExtract() const;
    qint64 bytesToSafeguard() const;
    bool changesExistingData() const;
    QStringList eliminatedNames() const;
    qint64 leftOutCount() const { return m_leftOutCount; }
    int incompleteCompanies() const;
    qint64 leftOutOf(const RestorePlanCompany &company) const;

Q_SIGNALS:
    void planChanged();

private:
    static QString actionText(Action action);
    int countOf(int action) const;

    RestorePlan m_plan;
    QHash<QString, qint64> m_leftOut; // by company code
    qint64 m_leftOutCount = 0;
    QList<NewerCompany> m_newer;
};

} // namespace Resguarda
