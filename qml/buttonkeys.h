// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QCoreApplication;

namespace Resguarda {

// Makes Return and Enter press the focused button, as Space does: Qt Quick
// Controls buttons answer Space only, and keyboard users expect Enter to
// work on every button, check box, switch and list row. Installed once on
// the application, so that no page or component can miss it.
class ButtonKeys : public QObject
{
    Q_OBJECT

public:
    static void install(QCoreApplication *app);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace Resguarda
