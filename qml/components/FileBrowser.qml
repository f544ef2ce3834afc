// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The app's own file browser, for fingers and for the keyboard: large rows,
// the folder's path, one button to go up. No desktop dialog (a kiosk has no
// way out of one). In file mode it lists folders and the files that may be
// copies; in folder mode only folders, "Use this folder" picks the one shown
// and "New folder" makes one there. What is listed, and which names are
// valid, is FolderModel's business: the path shown is always the folder
// listed, and sizes are read again each time the browser is shown.
ColumnLayout {
    id: browser
    property bool chooseFolder: false
    // The folder listed. Set it to any path: a missing folder shows its
    // nearest existing parent, and this property says which.
    property alias folder: folderModel.folder
    property alias listing: folderModel
    property string selectedFile
    signal fileChosen(string path)
    signal folderChosen(string path)
    spacing: Theme.spacing

    onVisibleChanged: if (visible) folderModel.refresh()

    FolderModel {
        id: folderModel
        foldersOnly: browser.chooseFolder
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            objectName: "folderUp"
            text: "\u2191 " + qsTr("Up")
            enabled: !folderModel.atTop
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            Layout.minimumWidth: Theme.touchTarget * 2
            onClicked: folderModel.goUp()
            FocusRing {}
        }
        Label {
            objectName: "folderPath"
            textFormat: Text.PlainText
            text: folderModel.folder
            font.pixelSize: Theme.fontBody
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        Button {
            objectName: "folderRefresh"
            text: "\u27f3"
            font.pixelSize: Theme.fontLarge
            Accessible.name: qsTr("Refresh")
            ToolTip.visible: hovered || visualFocus
            ToolTip.text: qsTr("Refresh")
            Layout.preferredHeight: Theme.touchTarget + 8
            Layout.preferredWidth: Theme.touchTarget + 8
            onClicked: folderModel.refresh()
            FocusRing {}
        }
        Button {
            objectName: "newFolder"
            visible: browser.chooseFolder && !newFolderRow.visible
            text: qsTr("New folder")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            onClicked: {
                folderName.text = ""
                newFolderRow.visible = true
                folderName.forceActiveFocus()
            }
            FocusRing {}
        }
        PrimaryButton {
            objectName: "useFolder"
            visible: browser.chooseFolder
            text: qsTr("Use this folder")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            onClicked: browser.folderChosen(folderModel.folder)
        }
    }

    // Naming a new folder: the error (if any) right under the field, where
    // the eye already is, and nothing created until the name is valid.
    GridLayout {
        id: newFolderRow
        objectName: "newFolderRow"
        visible: false
        columns: 3
        columnSpacing: Theme.spacing
        rowSpacing: 2
        Layout.fillWidth: true
        readonly property string problem: folderName.text.length > 0 ? folderModel.folderNameError(folderName.text) : ""
        property string createError
        function create() {
            var made = folderModel.createFolder(folderName.text)
            if (made.length === 0) {
                createError = folderModel.lastCreateError()
                return
            }
            createError = ""
            visible = false
            folderModel.folder = made
        }
        TextField {
            id: folderName
            objectName: "folderName"
            placeholderText: qsTr("Name of the new folder")
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhNoPredictiveText
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            onTextChanged: newFolderRow.createError = ""
            onAccepted: if (createButton.enabled) newFolderRow.create()
        }
        PrimaryButton {
            id: createButton
            objectName: "createFolder"
            text: qsTr("Create")
            enabled: folderName.text.length > 0 && newFolderRow.problem.length === 0
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            onClicked: newFolderRow.create()
        }
        Button {
            objectName: "cancelNewFolder"
            text: qsTr("Cancel")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            onClicked: newFolderRow.visible = false
            FocusRing {}
        }
        Label {
            objectName: "folderNameError"
            textFormat: Text.PlainText
            text: newFolderRow.createError.length > 0 ? newFolderRow.createError : newFolderRow.problem
            visible: text.length > 0
            color: Theme.danger
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            Layout.columnSpan: 3
            Layout.fillWidth: true
        }
    }

    // Gives the keyboard to the list (a page opening the browser calls it,
    // so that the next keys act in the browser that just appeared).
    function focusList() {
        view.forceActiveFocus(Qt.TabFocusReason)
    }

    ListView {
        id: view
        objectName: "fileView"
        model: folderModel
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // Tab stops on the list; the arrows move between rows (kept in
        // view), Space or Enter opens a folder or chooses a copy, Backspace
        // goes up.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        // A model filled after the list was made leaves no current row.
        onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
        Keys.onPressed: event => {
            if (event.key === Qt.Key_Backspace && !folderModel.atTop) {
                folderModel.goUp()
                event.accepted = true
            }
        }
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touchTarget * 3
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded; minimumSize: 0.1 }

        delegate: ItemDelegate {
            id: entry
            required property int index
            required property string fileName
            required property string filePath
            required property bool fileIsDir
            required property var fileSize
            required property date fileModified
            required property bool fileProtected
            // The name does not fit (it is cut): the tooltip writes it out.
            property bool nameTruncated: false
            width: ListView.view.width
            height: Theme.compact ? 56 : 64
            highlighted: !fileIsDir && browser.selectedFile === filePath
            Accessible.name: fileName
            ToolTip.visible: nameTruncated && (hovered || (ListView.isCurrentItem && view.activeFocus))
            ToolTip.text: fileName
            ToolTip.delay: hovered ? 500 : 0
            onClicked: {
                if (fileIsDir) {
                    browser.folder = filePath
                } else {
                    browser.selectedFile = filePath
                    browser.fileChosen(filePath)
                }
            }
            FocusRing { shown: entry.ListView.isCurrentItem && view.activeFocus }
            // The chosen copy stands out from the keyboard's current row.
            background: Rectangle {
                radius: Theme.radius
                color: entry.highlighted ? Theme.primaryLight : entry.down ? Theme.divider : "transparent"
                border.color: entry.highlighted ? Theme.primary : "transparent"
                border.width: 2
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                Label {
                    textFormat: Text.PlainText
                    text: entry.fileIsDir ? "\u25b8" : "\u25a3"
                    font.pixelSize: Theme.fontLarge
                    color: entry.fileIsDir ? Theme.primary : Theme.success
                    Layout.preferredWidth: 24
                }
                // The name has the whole width (the size and date go on a
                // second line), and is cut in the middle so that the end
                // that tells one copy from another stays readable.
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        objectName: "fileName"
                        textFormat: Text.PlainText
                        onTruncatedChanged: entry.nameTruncated = truncated
                        text: entry.fileName
                        font.pixelSize: Theme.fontBody
                        font.bold: !entry.fileIsDir
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    RowLayout {
                        visible: !entry.fileIsDir
                        spacing: Theme.spacing / 2
                        Layout.fillWidth: true
                        // Before it is opened: this copy asks for a password.
                        Label {
                            objectName: "protectedMark"
                            textFormat: Text.PlainText
                            visible: entry.fileProtected
                            text: qsTr("Protected")
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            color: Theme.primary
                        }
                        Label {
                            textFormat: Text.PlainText
                            text: AppController.formatSize(entry.fileSize) + " · " + AppController.formatDateTime(entry.fileModified)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }

        Label {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            visible: view.count === 0
            text: folderModel.error.length > 0 ? folderModel.error
                : browser.chooseFolder ? qsTr("This folder has no subfolders.")
                : qsTr("No copy here. Copies are named Copia….zip (or packed in .7z, .rar, .tar).")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
