// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Resguarda.App

// A year, typed or stepped with − and + buttons as wide as a fingertip
// (the Basic style's are 40 px).
SpinBox {
    editable: true
    textFromValue: (value, locale) => String(value)
    up.indicator.implicitWidth: Theme.touchTarget
    down.indicator.implicitWidth: Theme.touchTarget
}
