// SPDX-License-Identifier: GPL-3.0-or-later
#include "buttonkeys.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>

namespace Resguarda {

void ButtonKeys::install(QCoreApplication *app)
{
    app->installEventFilter(new ButtonKeys(app));
}

bool ButtonKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
        return false;
    auto *window = qobject_cast<QQuickWindow *>(watched);
    if (!window)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if ((key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    // Every Qt Quick Controls button (Button, CheckBox, Switch, RadioButton,
    // ItemDelegate…) derives from QQuickAbstractButton. Text fields, combo
    // boxes and spin boxes keep their own meaning of Enter.
    const QQuickItem *focused = window->activeFocusItem();
    if (!focused || !focused->inherits("QQuickAbstractButton"))
        return false;
    QKeyEvent space(key->type(), Qt::Key_Space, Qt::NoModifier, QStringLiteral(" "),
                    key->isAutoRepeat());
    QCoreApplication::sendEvent(window, &space);
    event->setAccepted(space.isAccepted());
    return true;
}

} // namespace Resguarda
