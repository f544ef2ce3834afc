// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.folderlistmodel
import Resguarda.App

// The app's own file browser, for fingers: large rows, the folder's path,
// one button to go up. No desktop dialog (a kiosk has no way out of one).
// In file mode it lists folders and the files nameFilters allows; in folder
// mode only folders, and "Use this folder" picks the one shown.
ColumnLayout {
    id: browser
    property bool chooseFolder: false
    property var nameFilters: ["Copia*.zip", "Copia*.ZIP", "*.7z", "*.rar", "*.tar", "*.tar.gz", "*.tgz",
                               "*.tar.xz", "*.txz", "*.tar.zst", "*.tzst"]
    property string folder: "/"
    property string selectedFile
    signal fileChosen(string path)
    signal folderChosen(string path)
    spacing: Theme.spacing

    function localPath(url) {
        var text = url.toString()
        return text.startsWith("file://") ? decodeURIComponent(text.substring(7)) : text
    }
    function parentOf(path) {
        if (path === "/" || path.length === 0)
            return "/"
        var trimmed = path.endsWith("/") ? path.substring(0, path.length - 1) : path
        var cut = trimmed.lastIndexOf("/")
        return cut <= 0 ? "/" : trimmed.substring(0, cut)
    }

    FolderListModel {
        id: folderModel
        folder: "file://" + browser.folder
        showDirsFirst: true
        showDotAndDotDot: false
        showHidden: false
        showFiles: !browser.chooseFolder
        nameFilters: browser.chooseFolder ? [] : browser.nameFilters
        caseSensitive: false
        sortField: FolderListModel.Name
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            objectName: "folderUp"
            text: "\u2191 " + qsTr("Up")
            enabled: browser.folder !== "/"
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            Layout.minimumWidth: Theme.touchTarget * 2
            onClicked: browser.folder = browser.parentOf(browser.folder)
        }
        Label {
            text: browser.folder
            font.pixelSize: Theme.fontBody
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        PrimaryButton {
            objectName: "useFolder"
            visible: browser.chooseFolder
            text: qsTr("Use this folder")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            onClicked: browser.folderChosen(browser.folder)
        }
    }

    ListView {
        id: view
        objectName: "fileView"
        model: folderModel
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Theme.touchTarget * 3
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: entry
            required property string fileName
            required property url fileUrl
            required property bool fileIsDir
            required property var fileSize
            required property date fileModified
            width: ListView.view.width
            height: Theme.compact ? 56 : 60
            highlighted: !fileIsDir && browser.selectedFile === browser.localPath(fileUrl)
            onClicked: {
                var path = browser.localPath(fileUrl)
                if (fileIsDir) {
                    browser.folder = path
                } else {
                    browser.selectedFile = path
                    browser.fileChosen(path)
                }
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                Label {
                    text: entry.fileIsDir ? "\u25b8" : "\u25a3"
                    font.pixelSize: Theme.fontLarge
                    color: entry.fileIsDir ? Theme.primary : Theme.success
                    Layout.preferredWidth: 24
                }
                Label {
                    text: entry.fileName
                    font.pixelSize: Theme.fontBody
                    font.bold: !entry.fileIsDir
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                Label {
                    visible: !entry.fileIsDir
                    text: AppController.formatSize(entry.fileSize) + "  " + AppController.formatDateTime(entry.fileModified)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                }
            }
        }

        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            visible: view.count === 0
            text: browser.chooseFolder ? qsTr("This folder has no subfolders.")
                                       : qsTr("No copy here. Copies are named Copia….zip (or packed in .7z, .rar, .tar).")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
