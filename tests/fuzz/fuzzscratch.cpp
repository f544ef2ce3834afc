// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzscratch.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace FuzzScratch {

namespace {

// Kept alive for the whole run; released by the atexit handler so that
// LeakSanitizer's final check sees nothing of ours outstanding.
QCoreApplication *application = nullptr;
QTemporaryDir *scratch = nullptr;

void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

void cleanUp()
{
    delete scratch; // removes the folder and everything in it
    scratch = nullptr;
    delete application;
    application = nullptr;
}

} // namespace

void initialize(int *argc, char ***argv)
{
    if (application)
        return;
    qInstallMessageHandler(quietMessages);
    application = new QCoreApplication(*argc, *argv);
    scratch = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/resguarda-fuzz-XXXXXX"));
    if (!scratch->isValid()) {
        std::fprintf(stderr, "cannot create a scratch folder in %s\n",
                     qPrintable(QDir::tempPath()));
        std::abort();
    }
    std::atexit(cleanUp);
}

QString directory()
{
    return scratch->path();
}

QString writeFile(const QString &relativePath, const uint8_t *data, size_t size)
{
    const QString path = directory() + u'/' + relativePath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
        std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        std::abort();
    }
    return path;
}

} // namespace FuzzScratch
