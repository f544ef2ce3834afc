// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Resguarda {

// A place on an rclone remote, "NAME:PATH", as a person or a settings file
// gives it. Only remotes configured with "rclone config" (or rclone's
// RCLONE_CONFIG_<NAME>_* variables) are accepted: a connection string
// (":webdav,url=…:" or "name,option=value:") could make rclone talk to any
// server with any option, so its forms are refused, as is anything that
// rclone could take for a flag or that climbs out of PATH ("..").
class RemoteLocation
{
    Q_DECLARE_TR_FUNCTIONS(RemoteLocation)

public:
    RemoteLocation() = default; // no place: name() is empty

    // Nothing, with *error (translated), when text is not such a place.
    static std::optional<RemoteLocation> parse(const QString &text, QString *error = nullptr);
    // The folder of the remote called name, given apart (a name chosen from
    // rclone's list, a folder typed by a person), with parse()'s rules. The
    // name must be the whole name: "a:b" with folder "c" would otherwise be
    // read as the folder "b:c" of another remote, "a".
    static std::optional<RemoteLocation> inRemote(const QString &name, const QString &folder,
                                                  QString *error = nullptr);
    // Whether text is written as a remote place ("NAME:…" with no '/' before
    // the colon) rather than a local path. A local file of that name wins.
    static bool looksRemote(const QString &text);
    // rclone 1.60's rule for remote names (0-9 A-Z a-z _ . - and inner
    // spaces; later versions accept more, which this one would refuse).
    static bool isValidName(const QString &name);

    // The folder the app offers on a remote, for sending and for looking
    // for copies alike.
    static QString defaultFolder() { return QStringLiteral("Resguarda"); }

    bool isValid() const { return !m_name.isEmpty(); }
    const QString &name() const { return m_name; }
    // '/'-separated, without a trailing '/'; empty for the remote's top
    // folder. A leading '/' is kept: on SFTP and local remotes "/srv" and
    // "srv" (below the home folder) are different places.
    const QString &path() const { return m_path; }
    // The last component of path(), or empty.
    QString fileName() const;
    // "NAME:PATH", as rclone takes it.
    QString spec() const;
    // The place of fileName inside this folder (fileName is one component,
    // already checked by the caller).
    RemoteLocation child(const QString &fileName) const;
    // The folder holding this place.
    RemoteLocation parent() const;

    bool operator==(const RemoteLocation &other) const
    {
        return m_name == other.m_name && m_path == other.m_path;
    }

private:
    RemoteLocation(QString name, QString path);
    static QString notARemoteName(const QString &name);

    QString m_name;
    QString m_path;
};

} // namespace Resguarda
