// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// A kiosk asks before closing: a stray tap must not leave a touch screen on
// the bare desktop. While a copy or a restore runs it offers no way to quit
// at all, only to keep it running: a job is never cut short from here.
Dialog {
    id: dialog
    objectName: "quitDialog"
    // The kind of job running (JobController.Backup / Restore), or
    // JobController.NoJob when closing is safe.
    property int runningJob: JobController.NoJob
    readonly property bool jobRunning: runningJob !== JobController.NoJob
    signal quitConfirmed()

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 640, 720)
    padding: Theme.margin
    closePolicy: Popup.CloseOnEscape
    title: dialog.jobRunning ? (dialog.runningJob === JobController.Restore ? qsTr("A restore is running")
                                                                             : qsTr("A copy is being made"))
                             : qsTr("Close Resguarda?")
    font.pixelSize: Theme.fontTitle

    // The title in line with the text below it (the style's own header
    // has a narrower margin).
    header: Label {
        textFormat: Text.PlainText
        text: dialog.title
        font.pixelSize: Theme.fontTitle
        font.bold: true
        wrapMode: Text.Wrap
        padding: Theme.margin
        bottomPadding: 0
    }

    // The dialog's one child, not its contentItem: ids (buttons, keepButton)
    // in a deferred contentItem would have the style's own one made first.
    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.margin
        Label {
            objectName: "quitMessage"
            textFormat: Text.PlainText
            text: dialog.jobRunning
                  ? (dialog.runningJob === JobController.Restore
                     ? qsTr("Resguarda cannot be closed while it restores data. Wait until it ends: its progress is on the screen.")
                     : qsTr("Resguarda cannot be closed while it makes a copy. Wait until it ends: its progress is on the screen."))
                  : qsTr("This screen will show the computer's desktop. To make or restore a copy again, Resguarda has to be opened again.")
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // Placed by hand: in a RowLayout the lone "Keep running" kept half
        // the width once Close was hidden between two openings (Qt 6.4).
        Item {
            id: buttons
            Layout.fillWidth: true
            implicitHeight: Theme.bigButtonHeight
            Button {
                id: keepButton
                objectName: "keepRunning"
                width: dialog.jobRunning ? buttons.width : (buttons.width - Theme.spacing) / 2
                height: buttons.height
                text: dialog.jobRunning ? qsTr("Keep running") : qsTr("Keep Resguarda open")
                font.pixelSize: Theme.fontLarge
                onClicked: dialog.close()
            }
            PrimaryButton {
                objectName: "confirmQuit"
                visible: !dialog.jobRunning
                x: keepButton.width + Theme.spacing
                width: keepButton.width
                height: buttons.height
                dangerous: true
                text: qsTr("Close")
                font.pixelSize: Theme.fontLarge
                font.bold: true
                onClicked: {
                    dialog.close()
                    dialog.quitConfirmed()
                }
            }
        }
    }
}
