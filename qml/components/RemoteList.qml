// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The rclone remotes configured for this user, below the drives, as
// "Cloud: NAME"; or, when there are none or rclone is missing, how to set
// one up. The app cannot send to them yet, so they are shown as
// information, not as choices that would do nothing: the note says so.
ColumnLayout {
    id: list
    property RemotesModel remotes
    spacing: 6

    Label {
        text: qsTr("Cloud (off-site copies)")
        font.pixelSize: Theme.fontBody
        font.bold: true
        Layout.fillWidth: true
    }
    BusyNote {
        running: list.remotes !== null && !list.remotes.ready
        text: qsTr("Looking for the clouds set up with rclone…")
    }
    Repeater {
        model: list.remotes
        delegate: Rectangle {
            id: remote
            required property string label
            required property string type
            objectName: "remote"
            Layout.fillWidth: true
            implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + 2 * 6)
            radius: Theme.radius
            color: Theme.background
            border.color: Theme.divider
            Accessible.role: Accessible.StaticText
            Accessible.name: label + ", " + type
            RowLayout {
                id: row
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                spacing: Theme.spacing
                Label {
                    text: "\u2601"
                    font.pixelSize: 24
                    color: Theme.mutedText
                    Layout.preferredWidth: 36
                    horizontalAlignment: Text.AlignHCenter
                }
                Label {
                    text: remote.label
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    text: remote.type
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                }
            }
        }
    }
    Label {
        objectName: "remotesNote"
        // Remotes exist: why they cannot be chosen here yet. None: how to
        // set one up (the backend's text, rclone missing included).
        text: list.remotes === null || !list.remotes.ready ? ""
            : list.remotes.count > 0
              ? qsTr("The app does not send copies to a cloud yet. For now, the command \"resguarda-cli backup --remote NAME:FOLDER\" and the scheduled copy send them.")
              : list.remotes.setupHint
        visible: text.length > 0
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
