// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Resguarda.App

// The one button a step wants pressed: filled with the primary colour (red
// when what it does cannot be undone), white text, dimmed when disabled.
Button {
    id: control
    property bool dangerous: false
    readonly property color fill: dangerous ? Theme.danger : Theme.primary

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.margin
    rightPadding: Theme.margin

    contentItem: Label {
        textFormat: Text.PlainText
        text: control.text
        font: control.font
        color: "white"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Qt.lighter(control.fill, 1.9)
             : control.down ? Qt.darker(control.fill, 1.25) : control.fill
    }
    FocusRing {}
}
