// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/demofixture.h"

#include "support/testinstallation.h"

namespace TestSupport {

using namespace Resguarda;

DemoFixture::DemoFixture(int companies, int years, int sizeMb, quint32 seed, int lastYear)
{
    m_parameters.companies = companies;
    m_parameters.years = years;
    m_parameters.sizeMb = sizeMb;
    m_parameters.seed = seed;
    m_parameters.lastYear = lastYear;
}

OperationError DemoFixture::create(const QString &root)
{
    m_root = root;
    return DemoInstallation::create(root, m_parameters);
}

QString DemoFixture::freshCopy(const QString &path) const
{
    return copyTree(m_root, path) ? path : QString();
}

} // namespace TestSupport
