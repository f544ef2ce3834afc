// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backup/backupsummary.h"
#include "producer/backupoptions.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

class QThread;

namespace Resguarda {

// The backup summary, one row per copy: the system, how many of its
// companies, the size and the file name. Computed on a worker thread (it
// lists every company's files); busy meanwhile.
class BackupSummaryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("BackupSettings.summary is the one to use.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the summary could not be made (a sentence for the user), or empty.
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Role {
        SystemCodeRole = Qt::UserRole + 1,
        SystemNameRole,
        TitleRole, // "System AT – Ativo Imobilizado"
        CompanyCountRole,
        CompanyTotalRole,
        BytesRole,
        FileNameRole,
        PathRole,
        DetailsRole, // "1 of 2 companies · 1.2 MB · CopiaAT.zip"
    };
    Q_ENUM(Role)

    explicit BackupSummaryModel(QObject *parent = nullptr);
    ~BackupSummaryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Starts computing the rows for options; a result of an earlier call
    // that arrives later is dropped.
    void prepare(const BackupOptions &options);

    int count() const { return int(m_rows.size()); }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }

Q_SIGNALS:
    void countChanged();
    void busyChanged();
    void errorTextChanged();

private:
    void apply(quint64 generation, const QList<CopySummary> &rows, const QString &error);

    QList<CopySummary> m_rows;
    QString m_errorText;
    bool m_busy = false;
    quint64 m_generation = 0;
    QList<QThread *> m_threads; // still running or not yet deleted
};

} // namespace Resguarda
