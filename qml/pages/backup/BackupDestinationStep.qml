// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Backup, step 1: where the copy goes (a drive, another folder), its file
// name, the room there, and a warning when it stays on this computer.
StepPage {
    id: step
    objectName: "destinationStep"
    required property BackupSettings settings
    required property CompanyModel companies
    // The folder browser is open: looking through folders chooses nothing
    // yet, but it is not an untouched step either.
    property bool choosingFolder: false
    // Something was chosen or typed here.
    signal edited()

    title: qsTr("Where should the copy go?")
    explanation: qsTr("Choose a pen drive or an external disk, or keep the default folder. The copy replaces only the file of the same name, and only after it has been verified.")

    DrivesModel {
        id: drives
        installationRoot: AppController.root
    }

    DriveList {
        drives: drives
        selectedRow: drives.count >= 0 ? drives.rowOf(step.settings.destinationFolder) : -1
        Layout.fillWidth: true
        Layout.preferredHeight: implicitHeight
        onChosen: path => {
            step.edited()
            step.settings.destinationFolder = drives.copiesFolderOn(path)
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            textFormat: Text.PlainText
            text: qsTr("Folder:")
            font.pixelSize: Theme.fontBody
        }
        Label {
            objectName: "destinationFolder"
            textFormat: Text.PlainText
            text: step.settings.destinationFolder
            font.pixelSize: Theme.fontBody
            font.bold: true
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
        Button {
            id: otherFolderButton
            objectName: "otherFolderButton"
            text: qsTr("Other folder…")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            onClicked: step.choosingFolder = !step.choosingFolder
        }
    }
    FileBrowser {
        id: destinationBrowser
        objectName: "destinationBrowser"
        visible: step.choosingFolder
        chooseFolder: true
        folder: step.settings.destinationFolder.length > 0 ? step.settings.destinationFolder : "/"
        Layout.fillWidth: true
        // Never taller than the page shows at once (800×480).
        Layout.preferredHeight: Math.min(320, Math.max(Theme.touchTarget * 4, step.availableHeight))
        // (qmllint: Qt 6.4 describes Qt.callLater as a property, not a method.)
        // Opened below the fold on a small screen: brought into view with
        // the keyboard in its list, the page scrolling to it.
        onVisibleChanged: if (visible) Qt.callLater(destinationBrowser.focusList) // qmllint disable type
        // Its place is known only once the page's layout has run.
        onYChanged: if (visible) Qt.callLater(step.ensureVisible, destinationBrowser) // qmllint disable type
        onHeightChanged: if (visible) Qt.callLater(step.ensureVisible, destinationBrowser) // qmllint disable type
        onFolderChosen: path => {
            step.edited()
            step.settings.destinationFolder = path
            step.choosingFolder = false
            otherFolderButton.forceActiveFocus(Qt.TabFocusReason)
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            textFormat: Text.PlainText
            text: qsTr("File name:")
            font.pixelSize: Theme.fontBody
        }
        TextField {
            objectName: "fileName"
            text: step.settings.fileName
            font.pixelSize: Theme.fontBody
            inputMethodHints: Qt.ImhNoPredictiveText
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            onTextEdited: step.edited()
            onEditingFinished: step.settings.fileName = text
        }
    }
    Label {
        textFormat: Text.PlainText
        text: step.settings.destinationFreeBytes >= 0
              ? qsTr("Free at the destination: %1. Companies to copy: %2 (the copy is usually much smaller).")
                    .arg(AppController.formatSize(step.settings.destinationFreeBytes))
                    .arg(AppController.formatSize(step.companies.selectedBytes))
              : ""
        visible: text.length > 0
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    // Below the local destination's fields, which a small screen shows first.
    RemotesModel {
        id: remotes
    }
    RemoteList {
        objectName: "remoteList"
        remotes: remotes
        settings: step.settings
        Layout.fillWidth: true
        onEdited: step.edited()
    }
    Banner {
        objectName: "sameDiskWarning"
        kind: Banner.Kind.Warning
        visible: step.settings.destinationOnInstallationDisk
        title: qsTr("This copy stays inside this computer")
        text: qsTr("It is worth having this copy, but it is essential to also make one on a pen drive or an external disk: if this computer fails, a copy on its own disk is lost with it.")
    }
    Banner {
        kind: Banner.Kind.Danger
        visible: step.settings.validationError.length > 0
        text: step.settings.validationError
    }
}
