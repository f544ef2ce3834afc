// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace TestSupport {
class LockHolderProcess;
}

// What the QML tests need from the real world, as the context property
// `fixture`: a demo installation, real copies, a real client holding a lock,
// and ways to look at the files that result. No test doubles: the pages
// drive the real backend.
class QmlTestFixture : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString root READ root CONSTANT)
    Q_PROPERTY(QString scratch READ scratch CONSTANT)

public:
    explicit QmlTestFixture(QObject *parent = nullptr);
    ~QmlTestFixture() override;

    QString root() const { return m_root; }
    QString scratch() const { return m_dir.path(); }

    // A fresh demo installation at root (the previous one is removed), opened in AppController.
    Q_INVOKABLE bool resetInstallation();
    // The same with this many companies (few bytes each): a big office.
    Q_INVOKABLE bool resetInstallationWith(int companies);
    // Dates every file and folder below path (no link followed) daysAgo
    // days back: nothing changed since then.
    Q_INVOKABLE bool dateTree(const QString &path, int daysAgo) const;
    // Like makeCopy, with the copy made daysAgo days back (its manifest's date).
    Q_INVOKABLE QString makeCopyMadeDaysAgo(const QString &systemCode, const QString &output,
                                            int daysAgo);
    // Sets the modification time of the first file below dir daysAgo days
    // back, as if someone had worked on it then.
    Q_INVOKABLE bool touchFileBelow(const QString &dir, int daysAgo) const;
    // Makes a copy of system with the CLI's engine; returns its path.
    Q_INVOKABLE QString makeCopy(const QString &systemCode, const QString &output);
    // Like makeCopy, protected with password (a protected copy).
    Q_INVOKABLE QString makeProtectedCopy(const QString &systemCode, const QString &output,
                                          const QString &password);
    // Whether the file at path is marked as a protected copy.
    Q_INVOKABLE bool isProtectedCopy(const QString &path) const;
    // Like makeCopy, but leaving out what cannot be copied (allowIncomplete):
    // the path of the copy written, also when it is incomplete.
    Q_INVOKABLE QString makeIncompleteCopy(const QString &systemCode, const QString &output);
    // A copy of system of another installation (made once, beside root),
    // written to a folder the app remembers as a destination: what a pen
    // drive shared by two offices holds. Returns its path.
    Q_INVOKABLE QString makeForeignCopy(const QString &systemCode);
    // A FIFO at path (parents created): a file no backup can copy, even as root.
    Q_INVOKABLE bool makeFifo(const QString &path) const;
    // Whether the copy's manifest lists items left out.
    Q_INVOKABLE bool copyIsIncomplete(const QString &path) const;
    Q_INVOKABLE bool exists(const QString &path) const;
    Q_INVOKABLE bool removeTree(const QString &path) const;
    Q_INVOKABLE bool removeFile(const QString &path) const;
    Q_INVOKABLE bool writeFile(const QString &path, const QString &text) const;
    // megabytes of data that does not compress: a job long enough to be
    // cancelled while it runs.
    Q_INVOKABLE bool writeRandomFile(const QString &path, int megabytes) const;
    Q_INVOKABLE QString readFile(const QString &path) const;
    // Whether the copy at path is sound (every entry read back and checked).
    Q_INVOKABLE bool verifyCopy(const QString &path) const;
    // SHA-256 of the file's bytes, in hex; empty when it cannot be read.
    Q_INVOKABLE QString fileHash(const QString &path) const;
    // Company codes in a copy's manifest.
    Q_INVOKABLE QStringList companiesInCopy(const QString &path) const;
    Q_INVOKABLE QStringList companiesInInstallation(const QString &systemCode) const;
    // SHA-256 of every file below relative (inside root), to compare trees.
    Q_INVOKABLE QVariantMap treeHashes(const QString &relative) const;
    // A client of the business system connected from another process.
    Q_INVOKABLE bool connectClient(const QString &user, const QString &machine,
                                   const QString &system);
    Q_INVOKABLE void disconnectClient();

    // Kiosk mode of AppController for the windows created next, as main()
    // sets it from --kiosk (not remembered).
    Q_INVOKABLE void setKiosk(bool kiosk);
    // AppController's idle timeout for the windows created next, as main()
    // sets it from --idle-timeout.
    Q_INVOKABLE void setIdleTimeoutSeconds(int seconds);
    // StartupOptions::parse() of a command line, as a map of its fields.
    Q_INVOKABLE QVariantMap parseStartupOptions(const QStringList &arguments) const;
    Q_INVOKABLE bool kioskWanted(const QStringList &rawArguments) const;
    Q_INVOKABLE void rememberKiosk(bool kiosk);
    Q_INVOKABLE bool rememberedKiosk() const;
    // An rclone remote of type local for the windows created next (its
    // RCLONE_CONFIG_<NAME>_TYPE variable); an empty type removes it.
    Q_INVOKABLE void setRcloneRemote(const QString &name, const QString &type);
    // An rclone remote that is folder (of type alias: NAME:PATH is
    // folder/PATH); an empty folder removes it.
    Q_INVOKABLE void setRcloneAlias(const QString &name, const QString &folder);

private:
    QTemporaryDir m_dir;
    QString m_root;
    std::unique_ptr<TestSupport::LockHolderProcess> m_client;
};
