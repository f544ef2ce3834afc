// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// Asks before leaving a wizard that holds the user's choices: a stray tap or
// key on Home must not throw them away. "Stay" has the focus, so Enter or
// Space right after opening keeps the wizard.
Dialog {
    id: dialog
    objectName: "leaveDialog"
    signal leaveConfirmed()

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 640, 720)
    padding: Theme.margin
    closePolicy: Popup.CloseOnEscape
    title: qsTr("Leave this wizard?")
    font.pixelSize: Theme.fontTitle
    onOpened: stayButton.forceActiveFocus(Qt.TabFocusReason)

    header: Label {
        textFormat: Text.PlainText
        text: dialog.title
        font.pixelSize: Theme.fontTitle
        font.bold: true
        wrapMode: Text.Wrap
        padding: Theme.margin
        bottomPadding: 0
    }

    // The dialog's one child, not its contentItem: an id (stayButton) in a
    // deferred contentItem would have the style's own one made first.
    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.margin
        Label {
            textFormat: Text.PlainText
            text: qsTr("Your choices will be lost and nothing will be copied or restored.")
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            Button {
                id: stayButton
                objectName: "stayButton"
                text: qsTr("Stay")
                font.pixelSize: Theme.fontLarge
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: dialog.close()
                FocusRing {}
            }
            PrimaryButton {
                objectName: "confirmLeave"
                dangerous: true
                text: qsTr("Leave")
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                onClicked: {
                    dialog.close()
                    dialog.leaveConfirmed()
                }
            }
        }
    }
}
