// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The copies kept on a cloud (an rclone remote), for the restore: the
// remotes set up for this user, the folder on the chosen one (editable,
// "Resguarda" unless changed) and the copies in it, newest first. Choosing
// a copy says so (copyChosen); fetching and opening it is the page's
// business. When there is no remote, or rclone is missing, the backend's
// hint says how to set one up. What is listed, and which folder names are
// valid, is RemoteCopiesModel's business.
ColumnLayout {
    id: cloud
    property RemotesModel remotes
    // Set by the page while a copy is being fetched or opened.
    property bool busy: false
    property alias copies: copiesModel
    signal copyChosen(string spec)
    spacing: Theme.spacing / 2

    RemoteCopiesModel {
        id: copiesModel
    }
    // The one remote there is needs no choosing.
    Connections {
        target: cloud.remotes
        function onCountChanged() { cloud.chooseOnlyRemote() }
    }
    Component.onCompleted: chooseOnlyRemote()
    function chooseOnlyRemote() {
        if (cloud.remotes && cloud.remotes.count === 1 && copiesModel.remote.length === 0)
            copiesModel.remote = cloud.remotes.data(cloud.remotes.index(0, 0), RemotesModel.NameRole)
    }
    // Gives the keyboard to the first thing to choose here.
    function focusFirst() {
        if (remoteRow.visible && remoteRepeater.count > 0)
            (remoteRepeater.itemAt(0) as Item).forceActiveFocus(Qt.TabFocusReason)
    }

    BusyNote {
        objectName: "remotesLooking"
        running: cloud.remotes !== null && !cloud.remotes.ready
        text: qsTr("Looking for the clouds set up with rclone…")
    }
    // None, or rclone missing: how to set one up, never an empty section.
    Banner {
        objectName: "remotesSetupHint"
        visible: text.length > 0
        kind: Banner.Kind.Info
        text: cloud.remotes !== null && cloud.remotes.ready ? cloud.remotes.setupHint : ""
    }
    Flow {
        id: remoteRow
        objectName: "remoteChoices"
        visible: remoteRepeater.count > 0
        spacing: Theme.spacing / 2
        Layout.fillWidth: true
        Repeater {
            id: remoteRepeater
            model: cloud.remotes
            delegate: Button {
                id: remoteButton
                required property string name
                required property string label
                required property string type
                objectName: "remoteChoice"
                text: "\u2601 " + label
                // Shown as chosen; a click never unchooses it.
                checkable: false
                checked: copiesModel.remote === name
                font.pixelSize: Theme.fontBody
                font.bold: checked
                height: Theme.touchTarget + 8
                width: Math.min(implicitWidth, remoteRow.width)
                Accessible.name: label + ", " + type
                onClicked: copiesModel.remote = name
                // Chosen as a drive is in DriveList: light, outlined.
                contentItem: Label {
                    textFormat: Text.PlainText
                    text: remoteButton.text
                    font: remoteButton.font
                    color: remoteButton.checked ? Theme.primary : Theme.text
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: remoteButton.checked ? Theme.primaryLight
                         : remoteButton.down ? Theme.divider : Theme.surface
                    border.color: remoteButton.checked ? Theme.primary : Theme.divider
                    border.width: remoteButton.checked ? 2 : 1
                }
                FocusRing {}
            }
        }
    }
    Label {
        objectName: "remoteChooseHint"
        textFormat: Text.PlainText
        visible: remoteRepeater.count > 1 && copiesModel.remote.length === 0
        text: qsTr("Choose the cloud that holds the copy.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    RowLayout {
        visible: copiesModel.remote.length > 0
        spacing: Theme.spacing / 2
        Layout.fillWidth: true
        Label {
            textFormat: Text.PlainText
            text: qsTr("Folder:")
            font.pixelSize: Theme.fontBody
        }
        TextField {
            id: folderField
            objectName: "remoteFolder"
            text: copiesModel.folder
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhNoPredictiveText
            Accessible.name: qsTr("Folder on the cloud")
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            // Asked when the folder is typed, not at every letter.
            onEditingFinished: copiesModel.folder = text
        }
        Button {
            objectName: "remoteRefresh"
            text: "\u27f3"
            font.pixelSize: Theme.fontLarge
            enabled: !copiesModel.busy
            Accessible.name: qsTr("Look again")
            ToolTip.visible: hovered || visualFocus
            ToolTip.text: qsTr("Look again")
            Layout.preferredHeight: Theme.touchTarget + 8
            Layout.preferredWidth: Theme.touchTarget + 8
            onClicked: {
                if (folderField.text !== copiesModel.folder)
                    copiesModel.folder = folderField.text
                else
                    copiesModel.refresh()
            }
            FocusRing {}
        }
    }
    BusyNote {
        objectName: "remoteCopiesLooking"
        running: copiesModel.busy
        text: qsTr("Looking for copies in %1…").arg(copiesModel.folderSpec)
    }
    Label {
        objectName: "remoteCopiesError"
        visible: text.length > 0
        // rclone's words, maybe a server's HTML page: never markup.
        textFormat: Text.PlainText
        text: copiesModel.busy ? "" : copiesModel.error
        color: Theme.danger
        font.pixelSize: Theme.fontBody
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ListView {
        id: view
        objectName: "remoteCopies"
        visible: copiesModel.remote.length > 0
        model: copiesModel
        clip: true
        spacing: 4
        boundsBehavior: Flickable.StopAtBounds
        // Tab stops on the list; the arrows move between copies (kept in
        // view), Space or Enter chooses the current one.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        // A model filled after the list was made leaves no current row.
        onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        // At least one copy in view; the rest scroll (800×480).
        Layout.minimumHeight: Theme.touchTarget + 16
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded; minimumSize: 0.1 }

        delegate: ItemDelegate {
            id: entry
            required property int index
            required property string name
            required property string sizeText
            required property string modifiedText
            required property string spec
            objectName: "remoteCopy"
            width: ListView.view.width
            height: Math.max(Theme.touchTarget, Theme.compact ? 56 : 64)
            enabled: !cloud.busy
            Accessible.name: name + ", " + sizeText + ", " + modifiedText
            onClicked: cloud.copyChosen(spec)
            FocusRing { shown: entry.ListView.isCurrentItem && view.activeFocus }
            background: Rectangle {
                radius: Theme.radius
                color: entry.down ? Theme.divider : Theme.surface
                border.color: Theme.divider
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                Label {
                    textFormat: Text.PlainText
                    text: "\u2601"
                    font.pixelSize: Theme.fontLarge
                    color: Theme.primary
                    Layout.preferredWidth: 24
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        objectName: "remoteCopyName"
                        text: entry.name
                        // Named by whoever can write to the cloud.
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: entry.sizeText + " · " + entry.modifiedText
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
        }

        Label {
            objectName: "remoteCopiesEmpty"
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            visible: view.count === 0 && copiesModel.ready && !copiesModel.busy
                     && copiesModel.error.length === 0
            text: qsTr("No copy in %1. Copies sent by Resguarda are named Copia….zip; check the folder's name.").arg(copiesModel.folderSpec)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
    // Nothing chosen yet, so no list to take the height: the choices stay
    // at the top instead of floating in the middle of the page.
    Item {
        visible: !view.visible
        Layout.fillHeight: true
    }
}
