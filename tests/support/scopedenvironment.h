// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace TestSupport {

// Sets "NAME=value" entries in this process for its lifetime, then puts
// back what was there (the isolated HOME and TMPDIR above all). For code
// that starts rclone itself, in the test's process.
class ScopedEnvironment
{
public:
    explicit ScopedEnvironment(const QStringList &entries)
    {
        for (const QString &entry : entries) {
            const qsizetype equals = entry.indexOf(u'=');
            const QByteArray name = entry.left(equals).toLocal8Bit();
            m_saved.append(
                {name, qEnvironmentVariableIsSet(name.constData()), qgetenv(name.constData())});
            qputenv(name.constData(), entry.mid(equals + 1).toLocal8Bit());
        }
    }
    ~ScopedEnvironment()
    {
        for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
            if (it->wasSet)
                qputenv(it->name.constData(), it->value);
            else
                qunsetenv(it->name.constData());
        }
    }
    ScopedEnvironment(const ScopedEnvironment &) = delete;
    ScopedEnvironment &operator=(const ScopedEnvironment &) = delete;

private:
    struct Saved
    {
        QByteArray name;
        bool wasSet;
        QByteArray value;
    };
    QList<Saved> m_saved;
};

} // namespace TestSupport
