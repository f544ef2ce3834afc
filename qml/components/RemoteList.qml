// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Sending the copy off site too: "Do not send" or one of the rclone remotes
// configured for this user ("Cloud: NAME"), and the folder there. When
// there are none, or rclone is missing, how to set one up: the option is
// never silently absent.
ColumnLayout {
    id: list
    property RemotesModel remotes
    property BackupSettings settings
    // Something was chosen or typed here.
    signal edited()
    spacing: 6

    Label {
        textFormat: Text.PlainText
        text: qsTr("Also send it to a cloud (a copy away from here)")
        font.pixelSize: Theme.fontBody
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    BusyNote {
        running: list.remotes !== null && !list.remotes.ready
        text: qsTr("Looking for the clouds set up with rclone…")
    }
    // A Column, not the layout: a Repeater inside a Qt 6.4 layout can leave
    // it pointing at deleted delegates when the model resets (a refresh).
    // The buttons only show the settings' choice (not checkable): a click
    // sets it, and the bindings stay.
    Column {
        id: choices
        visible: list.remotes !== null && list.remotes.count > 0
        spacing: 2
        Layout.fillWidth: true
        ChoiceButton {
            objectName: "noRemote"
            text: qsTr("Do not send")
            font.pixelSize: Theme.fontBody
            checkable: false
            autoExclusive: false
            checked: list.settings.remoteName.length === 0
            width: choices.width
            onClicked: {
                list.edited()
                list.settings.remoteName = ""
            }
        }
        Repeater {
            model: list.remotes
            delegate: ChoiceButton {
                required property string name
                required property string label
                required property string type
                objectName: "remote"
                text: label + "  ·  " + type
                font.pixelSize: Theme.fontBody
                checkable: false
                autoExclusive: false
                checked: list.settings.remoteName === name
                Accessible.name: label + ", " + type
                width: choices.width
                onClicked: {
                    list.edited()
                    list.settings.remoteName = name
                }
            }
        }
    }
    RowLayout {
        visible: list.settings.remoteName.length > 0
        spacing: Theme.spacing
        Layout.fillWidth: true
        Label {
            textFormat: Text.PlainText
            text: qsTr("Folder in the cloud:")
            font.pixelSize: Theme.fontBody
        }
        TextField {
            objectName: "remoteFolder"
            text: list.settings.remoteFolder
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            onTextEdited: {
                list.edited()
                list.settings.remoteFolder = text
            }
        }
    }
    Label {
        objectName: "remotesNote"
        // rclone's words, or a folder as typed: never markup.
        textFormat: Text.PlainText
        // A cloud chosen: what happens there. None set up: how to set one
        // up (the backend's text, rclone missing included).
        text: list.remotes === null || !list.remotes.ready ? ""
            : list.remotes.count === 0 ? list.remotes.setupHint
            : list.settings.remoteName.length > 0
              ? qsTr("After the copy is made and verified here, it is sent to %1. The copy there is replaced only once the new one has arrived whole and been checked.").arg(list.settings.remoteSpec)
              : ""
        visible: text.length > 0
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
