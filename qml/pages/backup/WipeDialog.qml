// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Asked before the backup may empty its destination disk: names the disk,
// its size and how many files go, and keeps them unless confirmed.
Dialog {
    id: dialog
    objectName: "wipeDialog"
    required property BackupSettings settings
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent.width - 2 * Theme.margin, 640)
    title: qsTr("Empty the destination disk?")
    closePolicy: Popup.NoAutoClose
    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            textFormat: Text.PlainText
            text: qsTr("Everything on this disk will be erased:")
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("%1 · %2 · %3 files").arg(dialog.settings.destinationLabel)
                      .arg(AppController.formatSize(dialog.settings.destinationTotalBytes))
                      .arg(AppController.formatNumber(dialog.settings.wipeFileCount))
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Previous copies on it are erased only after the new copy has been written and verified.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Button {
                text: qsTr("Keep the files")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.bigButtonHeight
                Layout.fillWidth: true
                onClicked: {
                    dialog.settings.wipeDestination = false
                    dialog.close()
                }
            }
            PrimaryButton {
                objectName: "confirmWipe"
                dangerous: true
                text: qsTr("Erase the disk")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.bigButtonHeight
                Layout.fillWidth: true
                onClicked: {
                    dialog.settings.wipeDestination = true
                    dialog.close()
                }
            }
        }
    }
}
