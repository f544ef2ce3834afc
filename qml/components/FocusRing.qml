// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T
import Resguarda.App

// Where the keyboard is: drawn over the edge of its parent (inside it, so
// that no list or clipping parent can cut it off) while `shown`. By default
// shown when the parent control has keyboard focus (visualFocus: reached by
// Tab, never by a tap).
Rectangle {
    id: ring
    objectName: "focusRing"
    property bool shown: (parent as T.Control)?.visualFocus === true
    anchors.fill: parent
    visible: shown
    z: 100
    radius: Theme.radius
    color: "transparent"
    border.color: Theme.focusRing
    border.width: Theme.focusRingWidth
    Rectangle {
        anchors.fill: parent
        anchors.margins: Theme.focusRingWidth
        radius: Math.max(0, ring.radius - Theme.focusRingWidth)
        color: "transparent"
        border.color: Theme.focusHalo
        border.width: 2
    }
}
