// SPDX-License-Identifier: GPL-3.0-or-later
#include "offsite/remotelocation.h"

#include <QFileInfo>
#include <QStringList>

namespace Resguarda {

namespace {

// Long enough for any real folder, short enough to keep command lines and
// messages sane.
constexpr qsizetype maxSpecLength = 1024;

bool isNameCharacter(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')
        || c == u'_' || c == u'.' || c == u'-' || c == u' ';
}

bool hasControl(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

} // namespace

RemoteLocation::RemoteLocation(QString name, QString path)
    : m_name(std::move(name))
    , m_path(std::move(path))
{
}

bool RemoteLocation::isValidName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    if (name.front() == u'-' || name.front() == u' ' || name.back() == u' ')
        return false;
    return std::all_of(name.cbegin(), name.cend(), isNameCharacter);
}

bool RemoteLocation::looksRemote(const QString &text)
{
    // ":backend,option=…:" is rclone's connection string: remote-looking,
    // so that it is refused as such instead of taken for a local file.
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return false;
    const qsizetype slash = text.indexOf(u'/');
    if (slash >= 0 && slash < colon)
        return false;
    return !QFileInfo::exists(text);
}

std::optional<RemoteLocation> RemoteLocation::parse(const QString &text, QString *error)
{
    auto refuse = [error](const QString &why) -> std::optional<RemoteLocation> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (text.size() > maxSpecLength)
        return refuse(tr("The remote place is too long."));
    if (hasControl(text))
        return refuse(tr("The remote place holds control characters."));
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return refuse(tr("Give the remote place as NAME:FOLDER, NAME being a remote configured "
                         "with \"rclone config\"."));
    const QString name = text.left(colon);
    if (!isValidName(name))
        return refuse(notARemoteName(name));
    const QString path = text.mid(colon + 1);
    QStringList components;
    for (const QString &component : path.split(u'/', Qt::SkipEmptyParts)) {
        if (component == u"." || component == u"..")
            return refuse(tr("The remote folder may not contain \".\" or \"..\"."));
        if (component.contains(u'\\'))
            return refuse(tr("The remote folder may not contain \"\\\"."));
        components << component;
    }
    const QString joined = components.join(u'/');
    return RemoteLocation(name, path.startsWith(u'/') ? u'/' + joined : joined);
}

QString RemoteLocation::notARemoteName(const QString &name)
{
    return tr("\"%1\" is not the name of a remote configured with \"rclone config\": give "
              "NAME:FOLDER (connection strings are not accepted).")
        .arg(name);
}

std::optional<RemoteLocation> RemoteLocation::inRemote(const QString &name, const QString &folder,
                                                       QString *error)
{
    std::optional<RemoteLocation> place = parse(name + u':' + folder, error);
    if (place && place->name() != name) {
        // parse() has refused control characters: the name can be shown.
        if (error)
            *error = notARemoteName(name);
        return std::nullopt;
    }
    return place;
}

QString RemoteLocation::fileName() const
{
    return m_path.section(u'/', -1);
}

QString RemoteLocation::spec() const
{
    return m_name + u':' + m_path;
}

RemoteLocation RemoteLocation::child(const QString &fileName) const
{
    if (m_path.isEmpty() || m_path == u"/")
        return RemoteLocation(m_name, m_path + fileName);
    return RemoteLocation(m_name, m_path + u'/' + fileName);
}

RemoteLocation RemoteLocation::parent() const
{
    const qsizetype slash = m_path.lastIndexOf(u'/');
    if (slash == 0)
        return RemoteLocation(m_name, QStringLiteral("/"));
    return RemoteLocation(m_name, slash < 0 ? QString() : m_path.left(slash));
}

} // namespace Resguarda
