// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backupsummarymodel.h"

#include "core/filesystem.h"

#include <QFileInfo>
#include <QLocale>
#include <QThread>

namespace Resguarda {

BackupSummaryModel::BackupSummaryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

BackupSummaryModel::~BackupSummaryModel()
{
    // A worker only reads the installation; it is let finish, since a
    // thread cannot be stopped in the middle of a directory listing.
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

int BackupSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BackupSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CopySummary &row = m_rows.at(index.row());
    switch (role) {
    case SystemCodeRole:
        return row.system.code;
    case SystemNameRole:
        return row.system.name;
    case Qt::DisplayRole:
    case TitleRole:
        return row.system.name.isEmpty()
            ? tr("System %1").arg(row.system.code)
            : tr("System %1 – %2").arg(row.system.code, row.system.name);
    case CompanyCountRole:
        return row.companies;
    case CompanyTotalRole:
        return row.companiesInSystem;
    case BytesRole:
        return row.bytes;
    case FileNameRole:
        return QFileInfo(row.target).fileName();
    case PathRole:
        return row.target;
    case DetailsRole: {
        const QString companies = row.companies == row.companiesInSystem
            ? tr("all %n company(s)", nullptr, row.companiesInSystem)
            : tr("%1 of %n company(s)", nullptr, row.companiesInSystem)
                  .arg(QLocale().toString(row.companies));
        return tr("%1 · %2 · %3")
            .arg(companies, FileSystem::formatSize(row.bytes), QFileInfo(row.target).fileName());
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> BackupSummaryModel::roleNames() const
{
    return {{SystemCodeRole, "systemCode"},
            {SystemNameRole, "systemName"},
            {TitleRole, "title"},
            {CompanyCountRole, "companyCount"},
            {CompanyTotalRole, "companyTotal"},
            {BytesRole, "bytes"},
            {FileNameRole, "fileName"},
            {PathRole, "path"},
            {DetailsRole, "details"}};
}

void BackupSummaryModel::prepare(const BackupOptions &options)
{
    const quint64 generation = ++m_generation;
    QThread *thread = QThread::create([this, options, generation] {
        OperationError error;
        const QList<CopySummary> rows = BackupSummary::make(options, &error);
        const QString problem = error ? error.message : QString();
        QMetaObject::invokeMethod(
            this, [this, generation, rows, problem] { apply(generation, rows, problem); },
            Qt::QueuedConnection);
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged();
    }
    thread->start();
}

void BackupSummaryModel::apply(quint64 generation, const QList<CopySummary> &rows,
                               const QString &error)
{
    if (generation != m_generation)
        return;
    const int before = count();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (count() != before)
        Q_EMIT countChanged();
    if (error != m_errorText) {
        m_errorText = error;
        Q_EMIT errorTextChanged();
    }
    m_busy = false;
    Q_EMIT busyChanged();
}

} // namespace Resguarda
