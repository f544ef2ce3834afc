// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// Says that the page waits for work running in the background (a spinning
// indicator and what is being done), with a button to stop it when that
// can take long. Shown only while running; the window keeps answering.
Rectangle {
    id: note
    property bool running: false
    property alias text: label.text
    // Empty: no button.
    property string cancelText: ""
    signal cancelled()

    visible: running
    color: Theme.primaryLight
    radius: Theme.radius
    border.color: Qt.lighter(Theme.primary, 1.8)
    Layout.fillWidth: true
    implicitHeight: Math.max(Theme.touchTarget, label.implicitHeight) + 2 * Theme.spacing

    BusyIndicator {
        id: indicator
        objectName: "busyIndicator"
        running: note.running
        x: Theme.spacing
        width: Theme.touchTarget
        height: Theme.touchTarget
        anchors.verticalCenter: parent.verticalCenter
    }
    Label {
        // What it names comes from outside (a copy, a folder): never markup.
        textFormat: Text.PlainText
        id: label
        objectName: "busyText"
        x: indicator.x + indicator.width + Theme.spacing
        width: (cancel.visible ? cancel.x : note.width) - x - Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
    Button {
        id: cancel
        objectName: "busyCancel"
        visible: note.cancelText.length > 0
        text: note.cancelText
        font.pixelSize: Theme.fontBody
        height: Theme.touchTarget
        width: Math.max(Theme.touchTarget, implicitWidth)
        x: note.width - width - Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        onClicked: note.cancelled()
    }
}
