// SPDX-License-Identifier: GPL-3.0-or-later
#include "installation/sessionfile.h"

#include "core/logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Resguarda::SessionFile {

QString fileNameSafe(const QString &text)
{
    QString result;
    for (const QChar c : text) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.';
        result.append(plain ? c : QChar(u'_'));
    }
    return result.isEmpty() ? QStringLiteral("host") : result;
}

QString sessionFileName(const QString &baseName, int attempt)
{
    if (attempt == 0)
        return baseName + u".lock";
    return baseName + u'-' + QString::number(attempt) + u".lock";
}

QByteArray sessionJson(const SessionInfo &info)
{
    // An explicit offset, not the local-time spec, so that a client in
    // another time zone reads the same instant.
    const QDateTime since = info.since.toOffsetFromUtc(info.since.offsetFromUtc());
    QJsonObject object;
    object.insert(QStringLiteral("usuario"), info.user);
    object.insert(QStringLiteral("maquina"), info.machine);
    object.insert(QStringLiteral("sistema"), info.system);
    object.insert(QStringLiteral("desde"), since.toString(Qt::ISODate));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

namespace {

QDateTime parseTimestamp(const QString &text)
{
    QDateTime result = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!result.isValid())
        result = QDateTime::fromString(text, Qt::ISODate);
    return result;
}

} // namespace

SessionInfo parseSessionFile(QByteArray content, const QString &path)
{
    SessionInfo info;
    info.filePath = path;
    // Some Windows editors and runtimes write a byte order mark.
    if (content.startsWith("\xEF\xBB\xBF"))
        content.remove(0, 3);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        qCDebug(lcLock) << "session file" << path
                        << "is held but unreadable:" << parseError.errorString();
        return info;
    }
    const QJsonObject object = document.object();
    info.user = object.value(QStringLiteral("usuario")).toString();
    info.machine = object.value(QStringLiteral("maquina")).toString();
    info.system = object.value(QStringLiteral("sistema")).toString();
    info.since = parseTimestamp(object.value(QStringLiteral("desde")).toString());
    return info;
}

} // namespace Resguarda::SessionFile
