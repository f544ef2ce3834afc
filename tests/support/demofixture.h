// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/operationerror.h"
#include "demo/demoinstallation.h"

#include <QString>

namespace TestSupport {

// The demo installation a suite works on, written in process by
// DemoInstallation, usually once in initTestCase(), with the suite's size
// and seed; and fresh, writable copies of it for the tests that change one.
class DemoFixture
{
public:
    DemoFixture() = default;
    // companies, active years, about sizeMb MiB in all, from seed; lastYear
    // 0 is the current year.
    DemoFixture(int companies, int years, int sizeMb, quint32 seed, int lastYear = 0);

    const Resguarda::DemoParameters &parameters() const { return m_parameters; }

    // Writes the demo at root (which must not exist, or be empty) and keeps
    // root as root().
    Resguarda::OperationError create(const QString &root);
    QString root() const { return m_root; }

    // A copy of root() at path (which must not exist): path, or empty.
    QString freshCopy(const QString &path) const;

private:
    Resguarda::DemoParameters m_parameters;
    QString m_root;
};

} // namespace TestSupport
