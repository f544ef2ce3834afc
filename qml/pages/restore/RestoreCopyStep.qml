// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Restore, step 1: which copy, from a drive or any folder, opened and
// checked before anything else is asked.
Item {
    id: step
    objectName: "copyStep"
    required property RestoreSettings settings
    property alias browser: browser
    // A copy was chosen here.
    signal edited()

    DrivesModel {
        id: drives
        installationRoot: AppController.root
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing
        Label {
            text: qsTr("Which copy?")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Layout.fillWidth: true
        }
        // Above the drives: on a short screen nothing below the browser shows.
        BusyNote {
            objectName: "copyOpening"
            running: step.settings.opening
            text: qsTr("Opening %1 and checking it…").arg(step.settings.openingName)
            cancelText: qsTr("Cancel")
            onCancelled: step.settings.cancelOpening()
        }
        DriveList {
            drives: drives
            selectedRow: drives.count >= 0 ? drives.rowOf(browser.folder) : -1
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(implicitHeight, Theme.compact ? 80 : 160)
            onChosen: path => browser.folder = drives.copiesFolderOn(path)
        }
        // On a short screen the browser leaves no room below it: the
        // notice comes first there, so it is never cut off.
        Banner {
            objectName: "copyIncompleteNoticeCompact"
            visible: step.settings.copyIncomplete && Theme.compact
            kind: Banner.Kind.Danger
            title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", step.settings.copyLeftOutCount)
        }
        FileBrowser {
            id: browser
            objectName: "copyBrowser"
            // Where the last copy went (FolderModel.startFolder).
            folder: browser.listing.startFolder(AppController.root, AppController.recentDestinations)
            Layout.fillWidth: true
            Layout.fillHeight: true
            onFileChosen: path => {
                step.edited()
                step.settings.openCopy(path)
            }
        }
        Banner {
            kind: Banner.Kind.Danger
            visible: step.settings.copyError.length > 0
            text: step.settings.copyError
        }
        Banner {
            objectName: "copyIncompleteNotice"
            visible: step.settings.copyIncomplete && !Theme.compact
            kind: Banner.Kind.Danger
            title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", step.settings.copyLeftOutCount)
        }
        Label {
            visible: step.settings.copyOpen
            text: qsTr("Chosen: %1").arg(step.settings.copyPath)
            font.pixelSize: Theme.fontBody
            font.bold: true
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
    }
}
