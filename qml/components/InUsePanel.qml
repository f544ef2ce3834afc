// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// The procedure's last rule: nobody may be using the system during a copy or a
// restore. Names who is connected and offers to try again.
ColumnLayout {
    id: panel
    property var sessions: []
    property string title: qsTr("The system is in use")
    signal retry()
    spacing: Theme.spacing

    Banner {
        kind: Banner.Kind.Warning
        title: panel.title
        text: qsTr("Before making a copy or restoring data, make sure nobody is using the system on this or another machine, nor any other system of the installation. Ask these users to close it:")
    }
    // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
    // leave it pointing at deleted delegates when the model resets.
    Column {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: panel.sessions
            delegate: Label {
                required property string modelData
                textFormat: Text.PlainText
                text: modelData
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.Wrap
                width: parent ? parent.width : 0
                leftPadding: Theme.margin
            }
        }
    }
    PrimaryButton {
        objectName: "retryButton"
        text: "\u21bb  " + qsTr("Try again")
        font.pixelSize: Theme.fontLarge
        Layout.preferredHeight: Theme.bigButtonHeight
        Layout.preferredWidth: Math.max(implicitWidth, 220)
        onClicked: panel.retry()
    }
}
