// SPDX-License-Identifier: GPL-3.0-or-later
#include "offsite/rclonerunner.h"

#include "core/displaytext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Resguarda {

namespace {

// lsjson of a folder of copies is a few hundred bytes per copy; more than
// this is not a folder of copies, and holding it could take any memory.
constexpr qint64 maxOutputBytes = 64 * 1024 * 1024;
constexpr qint64 maxLogLineBytes = 64 * 1024;

struct LogReader
{
    const RcloneRunner::Progress &progress;
    QByteArray pending;
    QString lastError;
    QString lastNotice;

    void take(const QByteArray &bytes)
    {
        pending += bytes;
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            line(pending.left(end));
            pending.remove(0, end + 1);
        }
        if (pending.size() > maxLogLineBytes)
            pending.clear();
    }

    void line(const QByteArray &text)
    {
        if (text.trimmed().isEmpty())
            return;
        const QJsonDocument document = QJsonDocument::fromJson(text);
        if (!document.isObject()) {
            // A fatal error before its logger is set up comes as plain text,
            // behind a time stamp.
            static const QRegularExpression stamp(
                QStringLiteral("^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d "));
            lastError = QString::fromUtf8(text).trimmed().remove(stamp);
            return;
        }
        const QJsonObject entry = document.object();
        const QJsonObject stats = entry.value(u"stats").toObject();
        if (!stats.isEmpty()) {
            if (progress)
                progress(qint64(stats.value(u"bytes").toDouble()),
                         qint64(stats.value(u"totalBytes").toDouble()),
                         stats.value(u"speed").toDouble());
            return;
        }
        const QString level = entry.value(u"level").toString();
        QString message = entry.value(u"msg").toString().trimmed();
        const QString object = entry.value(u"object").toString();
        if (!object.isEmpty())
            message = object + u": " + message;
        if (level == u"error" || level == u"critical" || level == u"fatal")
            lastError = message;
        else if (level == u"warning" || level == u"notice")
            lastNotice = message;
    }
};

} // namespace

QString RcloneRunner::Result::describe() const
{
    if (!started)
        return RcloneRunner::tr("rclone could not be started.");
    if (cancelled)
        return RcloneRunner::tr("Cancelled.");
    if (!lastError.isEmpty()) {
        // What a server answered may be a whole HTML page with any bytes:
        // shown and recorded as one visible line, and not all of it.
        constexpr qsizetype shown = 300;
        QString text = DisplayText::displaySafe(lastError.simplified());
        if (text.size() > shown)
            text = text.left(shown) + u'…';
        return RcloneRunner::tr("rclone: %1").arg(text);
    }
    return RcloneRunner::tr("rclone ended with status %1.").arg(exitCode);
}

QString RcloneRunner::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("rclone"));
}

QStringList RcloneRunner::quickFailureFlags()
{
    return {QStringLiteral("--retries=1"), QStringLiteral("--low-level-retries=1"),
            QStringLiteral("--contimeout=10s"), QStringLiteral("--timeout=20s")};
}

RcloneRunner::Result RcloneRunner::run(const QStringList &arguments, const Progress &progress,
                                       const Cancelled &cancelled)
{
    Result result;
    const QString rclone = program();
    if (rclone.isEmpty())
        return result;
    // Global flags go first: arguments may end with "--" and places.
    QStringList all {QStringLiteral("--use-json-log"), QStringLiteral("--ask-password=false")};
    if (progress)
        all << QStringLiteral("--stats=250ms") << QStringLiteral("--stats-log-level=NOTICE");
    all += arguments;
    QProcess process;
    process.setProgram(rclone);
    process.setArguments(all);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(30000))
        return result;
    result.started = true;
    LogReader log {progress, {}, {}, {}};
    bool tooMuch = false;
    auto drain = [&] {
        log.take(process.readAllStandardError());
        const QByteArray out = process.readAllStandardOutput();
        if (result.output.size() + out.size() <= maxOutputBytes)
            result.output += out;
        else
            tooMuch = true;
    };
    bool stopping = false;
    while (!process.waitForFinished(100)) {
        drain();
        if (process.state() == QProcess::NotRunning)
            break;
        if (!stopping && tooMuch) {
            // Not a listing of copies: stopped, and failed below.
            stopping = true;
            process.kill();
        }
        if (!stopping && cancelled && cancelled()) {
            stopping = true;
            result.cancelled = true;
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
        }
    }
    drain();
    log.take("\n");
    // An error says more than a notice ("config file not found").
    result.lastError = log.lastError.isEmpty() ? log.lastNotice : log.lastError;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (tooMuch) {
        result.exitCode = -1;
        result.lastError = tr("rclone printed more than %1 bytes; stopped.").arg(maxOutputBytes);
    }
    return result;
}

} // namespace Resguarda
