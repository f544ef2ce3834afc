// SPDX-License-Identifier: GPL-3.0-or-later
#include "history/history.h"

#include "core/displaytext.h"

#include "core/filesystem.h"
#include "core/logging.h"
#include "installation/installation.h"
#include "installation/sessionlock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#else
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Resguarda {

namespace {

const QString historyFileName = QStringLiteral("historico.jsonl");

// A record is a few hundred bytes; a longer line is not one, and reading it
// whole could take any amount of memory.
constexpr qint64 maxLineBytes = 1024 * 1024;

QString isoWithOffset(const QDateTime &when)
{
    // Local times print without an offset: make the offset explicit, so the
    // moment is unambiguous for machines in other time zones.
    return when.toOffsetFromUtc(when.offsetFromUtc()).toString(Qt::ISODate);
}

#ifndef Q_OS_WIN
QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

// Writes all of data with one write() where the kernel allows: with O_APPEND
// a single write() is placed at the end of the file as a whole.
bool writeWhole(int fd, const QByteArray &data, int *errorCode)
{
    ssize_t written;
    do {
        written = ::write(fd, data.constData(), size_t(data.size()));
    } while (written < 0 && errno == EINTR);
    if (written == data.size())
        return true;
    // A short write (a full disk) leaves a torn line; the next append starts
    // on a new line and readers skip the torn one.
    *errorCode = written < 0 ? errno : ENOSPC;
    return false;
}
#endif

} // namespace

QString HistoryRecord::resultOf(const OperationError &error, bool cancelled)
{
    switch (error.code) {
    case ExitCode::Success:
        return ok;
    case ExitCode::Failed:
        return cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
    case ExitCode::Usage:
        return QStringLiteral("usage");
    case ExitCode::InUse:
        return QStringLiteral("in-use");
    case ExitCode::InvalidCopy:
        return QStringLiteral("invalid-copy");
    case ExitCode::Incomplete:
        return QStringLiteral("incomplete");
    case ExitCode::Password:
        return QStringLiteral("password");
    case ExitCode::Offsite:
        return cancelled ? QStringLiteral("cancelled") : QStringLiteral("offsite-failed");
    }
    return QStringLiteral("failed");
}

HistoryRecord HistoryRecord::make(const QString &operation, const QDateTime &when,
                                  const OperationError &error, bool cancelled)
{
    HistoryRecord record;
    record.when = when;
    record.operation = operation;
    record.result = resultOf(error, cancelled);
    record.exitCode = int(error.code);
    // A message may quote a name from the installation or a copy: what is
    // stored is what a screen may show (no control, no stray byte).
    record.message = DisplayText::terminalSafe(error.message);
    record.machine = SessionLock::currentMachine();
    record.user = SessionLock::currentUser();
#ifndef Q_OS_WIN
    // A system service (the scheduled copy, as root) has no USER variable.
    if (record.user.isEmpty()) {
        if (const struct passwd *account = ::getpwuid(::geteuid()))
            record.user = QString::fromLocal8Bit(account->pw_name);
    }
#endif
    return record;
}

QJsonObject HistoryRecord::toJson() const
{
    return QJsonObject {
        {u"when"_qs, isoWithOffset(when)},
        {u"operation"_qs, operation},
        {u"scheduled"_qs, scheduled},
        {u"result"_qs, result},
        {u"exitCode"_qs, exitCode},
        {u"system"_qs, system.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(system)},
        {u"copies"_qs, QJsonArray::fromStringList(copies)},
        {u"bytes"_qs, bytes},
        {u"machine"_qs, machine},
        {u"user"_qs, user},
        {u"message"_qs, message},
    };
}

std::optional<HistoryRecord> HistoryRecord::fromJson(const QJsonObject &object)
{
    HistoryRecord record;
    record.when = QDateTime::fromString(object.value(u"when").toString(), Qt::ISODate);
    record.operation = object.value(u"operation").toString();
    record.result = object.value(u"result").toString();
    // Without these three a record says nothing useful; anything else may be
    // missing (an older or newer writer) and takes its default.
    if (!record.when.isValid()
        || (record.operation != backup && record.operation != restore
            && record.operation != offsite)
        || record.result.isEmpty())
        return std::nullopt;
    record.scheduled = object.value(u"scheduled").toBool();
    record.exitCode = object.value(u"exitCode").toInt();
    record.system = object.value(u"system").toString();
    for (const auto &copy : object.value(u"copies").toArray())
        record.copies << copy.toString();
    record.bytes = qint64(object.value(u"bytes").toDouble());
    record.machine = object.value(u"machine").toString();
    record.user = object.value(u"user").toString();
    record.message = object.value(u"message").toString();
    return record;
}

QString History::filePath(const QString &root)
{
    return QDir(root).filePath(QStringView(InstallationLayout::copiesDirName).toString() + u'/'
                               + historyFileName);
}

bool History::append(const QString &root, const HistoryRecord &record, QString *error)
{
    const QString path = filePath(root);
    const QString folder = QFileInfo(path).absolutePath();
    const QByteArray line = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) + '\n';
    auto fail = [&](const QString &reason) {
        qCWarning(lcBackup) << "history not written:" << path << reason;
        if (error)
            *error = tr("The history of copies %1 could not be written: %2.")
                         .arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
#ifndef Q_OS_WIN
    // Through the root held open: Copias and the history are in a tree
    // anyone may write, so a link planted at either is refused, not followed.
    QString problem;
    const auto tree = RootedDir::open(root, &problem);
    const QString copies = QString::fromUtf16(InstallationLayout::copiesDirName);
    if (!tree || !tree->makePath(copies, &problem))
        return fail(problem);
#else
    if (!QFileInfo(folder).isDir() && !QDir().mkpath(folder))
        return fail(tr("the folder could not be created"));
#endif

#ifdef Q_OS_WIN
    // FILE_APPEND_DATA without FILE_WRITE_DATA: every WriteFile goes to the
    // end of the file as a whole, also for other machines on a share.
    const std::wstring nativePath = QDir::toNativeSeparators(path).toStdWString();
    HANDLE handle = ::CreateFileW(nativePath.c_str(), FILE_APPEND_DATA | FILE_READ_DATA,
                                  FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                  OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE)
        return fail(qt_error_string(int(::GetLastError())));
    QByteArray data = line;
    LARGE_INTEGER size = {};
    if (::GetFileSizeEx(handle, &size) && size.QuadPart > 0) {
        OVERLAPPED at = {};
        at.Offset = DWORD(size.QuadPart - 1);
        at.OffsetHigh = DWORD((size.QuadPart - 1) >> 32);
        char last = '\n';
        DWORD read = 0;
        if (::ReadFile(handle, &last, 1, &read, &at) && read == 1 && last != '\n')
            data.prepend('\n');
    }
    DWORD written = 0;
    const bool ok = ::WriteFile(handle, data.constData(), DWORD(data.size()), &written, nullptr)
        && written == DWORD(data.size());
    const DWORD writeError = ok ? 0 : ::GetLastError();
    ::FlushFileBuffers(handle);
    ::CloseHandle(handle);
    if (!ok)
        return fail(qt_error_string(int(writeError)));
    return true;
#else
    const QString relative = copies + u'/' + historyFileName;
    const bool created = tree->kind(relative) == RootedDir::Kind::Missing;
    // The owner's only, unless the installation's files are the group's:
    // the history names companies, users and machines.
    const int fd = tree->openForAppending(
        relative, mode_t(Installation::privateFileMode(*tree, true)), &problem);
    if (fd < 0)
        return fail(problem);
    QByteArray data = line;
    // A line left without its end by a crash would swallow this record:
    // start on a fresh line. Two writers may both do so; an empty line is
    // harmless.
    struct stat status = {};
    if (::fstat(fd, &status) == 0 && status.st_size > 0) {
        char last = '\n';
        if (::pread(fd, &last, 1, status.st_size - 1) == 1 && last != '\n')
            data.prepend('\n');
    }
    int errorCode = 0;
    bool ok = writeWhole(fd, data, &errorCode);
    if (ok && ::fsync(fd) != 0) {
        ok = false;
        errorCode = errno;
    }
    ::close(fd);
    if (created)
        tree->syncDir(copies);
    if (!ok)
        return fail(systemError(errorCode));
    return true;
#endif
}

void History::forEach(const QString &root, const std::function<void(HistoryRecord &&)> &visit)
{
    QFile file;
#ifdef Q_OS_WIN
    file.setFileName(filePath(root));
    if (!file.open(QIODevice::ReadOnly))
        return;
#else
    QString problem;
    const auto tree = RootedDir::open(root, &problem);
    const int fd = tree ? tree->openForReading(QString::fromUtf16(InstallationLayout::copiesDirName)
                                                   + u'/' + historyFileName,
                                               &problem)
                        : -1;
    if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return;
#endif
    bool skippingLongLine = false;
    while (!file.atEnd()) {
        const QByteArray chunk = file.readLine(maxLineBytes);
        if (chunk.isEmpty())
            break;
        const bool complete = chunk.endsWith('\n');
        // The rest of an overlong line is garbage too.
        if (skippingLongLine || (!complete && chunk.size() >= maxLineBytes - 1)) {
            skippingLongLine = !complete;
            continue;
        }
        const QByteArray line = chunk.trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            continue;
        if (auto record = HistoryRecord::fromJson(document.object()))
            visit(std::move(*record));
    }
}

QList<HistoryRecord> History::read(const QString &root, int maxRecords)
{
    QList<HistoryRecord> records;
    forEach(root, [&](HistoryRecord &&record) {
        records.append(std::move(record));
        if (maxRecords > 0 && records.size() > maxRecords)
            records.removeFirst();
    });
    std::reverse(records.begin(), records.end());
    return records;
}

std::optional<HistoryRecord> History::pendingFailure(const QString &root)
{
    // The file's order is the order of the appends, which is the order the
    // operations ended in, whatever the clocks of the machines say.
    std::optional<HistoryRecord> pending;
    forEach(root, [&](HistoryRecord &&record) {
        if (!record.isBackup())
            return;
        if (record.succeeded())
            pending.reset();
        else if (record.scheduled)
            pending = std::move(record);
    });
    return pending;
}

History::OffsiteState History::offsiteState(const QString &root)
{
    OffsiteState state;
    forEach(root, [&](HistoryRecord &&record) {
        if (record.operation != HistoryRecord::offsite)
            return;
        if (record.succeeded()) {
            state.lastSent = std::move(record);
            state.failedSince.reset();
        } else {
            state.failedSince = std::move(record);
        }
    });
    return state;
}

QString History::describeResult(const QString &result)
{
    if (result == HistoryRecord::ok)
        return tr("done");
    if (result == u"failed")
        return tr("failed");
    if (result == u"in-use")
        return tr("refused: installation in use");
    if (result == u"invalid-copy")
        return tr("refused: invalid or damaged copy");
    if (result == u"cancelled")
        return tr("cancelled");
    if (result == u"incomplete")
        return tr("incomplete: files were left out");
    if (result == u"usage")
        return tr("refused: wrong options");
    if (result == u"password")
        return tr("refused: password missing or wrong");
    if (result == u"offsite-failed")
        return tr("failed: not sent off site");
    return result;
}

QString History::describeOperation(const QString &operation)
{
    if (operation == HistoryRecord::backup)
        return tr("backup");
    if (operation == HistoryRecord::restore)
        return tr("restore");
    if (operation == HistoryRecord::offsite)
        return tr("off-site copy");
    return operation;
}

} // namespace Resguarda
