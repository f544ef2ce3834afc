// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// A running job: the phase by name, a large bar of that phase (moving
// without a measure when the phase has none), what has been done, speed,
// time left, the company being processed, and Cancel, which asks first.
ColumnLayout {
    id: view
    objectName: "progressView"
    property JobController job
    property alias cancelDialog: cancelDialog
    spacing: Theme.spacing

    // Cancel asks first, wherever it comes from.
    function askToCancel() {
        if (view.job && view.job.canCancel)
            cancelDialog.open()
    }

    Label {
        objectName: "phaseLabel"
        textFormat: Text.PlainText
        text: view.job ? view.job.phaseText : ""
        font.pixelSize: Theme.fontTitle
        font.bold: true
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    ProgressBar {
        objectName: "jobProgress"
        from: 0
        to: 1
        value: view.job ? view.job.progress : 0
        indeterminate: !!view.job && view.job.running && !view.job.phaseMeasured
        Layout.fillWidth: true
        Layout.preferredHeight: 24
    }
    Label {
        objectName: "progressText"
        textFormat: Text.PlainText
        text: view.job ? view.job.progressText : ""
        visible: text.length > 0
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        textFormat: Text.PlainText
        text: !view.job ? ""
              : view.job.phaseMeasured
                ? qsTr("Speed: %1  ·  Time left: %2")
                      .arg(view.job.rateText.length > 0 ? view.job.rateText : "–")
                      .arg(view.job.etaText.length > 0 ? view.job.etaText : qsTr("calculating…"))
                : qsTr("This step cannot be measured; it ends on its own.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        textFormat: Text.PlainText
        text: view.job && view.job.currentCompany.length > 0 ? qsTr("Company %1").arg(view.job.currentCompany) : ""
        visible: text.length > 0
        font.pixelSize: Theme.fontBody
        Layout.fillWidth: true
    }
    Label {
        objectName: "sendingTo"
        textFormat: Text.PlainText
        text: view.job && view.job.sendingTo.length > 0
              ? qsTr("Once made and verified, the copy is sent to %1.").arg(view.job.sendingTo) : ""
        visible: text.length > 0
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        Layout.fillWidth: true
    }

    // Cancel is not a step back: outlined in the warning colour, and it
    // asks once what cancelling keeps before it stops anything.
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Button {
            id: cancelButton
            objectName: "cancelJobButton"
            text: "\u2715  " + (view.job && view.job.kind === JobController.Restore ? qsTr("Cancel the restore…")
                                                                                      : qsTr("Cancel the backup…"))
            enabled: !!view.job && view.job.canCancel
            font.pixelSize: Theme.fontLarge
            Layout.preferredHeight: Theme.bigButtonHeight
            Layout.maximumWidth: view.width
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            contentItem: Label {
                textFormat: Text.PlainText
                text: cancelButton.text
                font: cancelButton.font
                color: cancelButton.enabled ? Theme.warning : Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
            }
            background: Rectangle {
                radius: Theme.radius
                color: cancelButton.down ? Theme.warningLight : Theme.surface
                border.color: cancelButton.visualFocus ? Theme.text
                            : cancelButton.enabled ? Theme.warning : Theme.divider
                border.width: cancelButton.visualFocus ? 3 : 2
            }
            onClicked: view.askToCancel()
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
        }
        Label {
            objectName: "cancelState"
            textFormat: Text.PlainText
            visible: !!view.job && view.job.running && !view.job.canCancel
            text: view.job && view.job.cancelling ? qsTr("Cancelling…")
                                                  : qsTr("Too late to cancel: the data is being replaced.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    Dialog {
        id: cancelDialog
        objectName: "cancelDialog"
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 640, 640)
        padding: Theme.margin
        closePolicy: Popup.CloseOnEscape
        // The job may reach a step that cannot be cancelled while asking.
        onOpened: keepGoing.forceActiveFocus()

        // Its one child, not its contentItem: an id (keepGoing) in a deferred
        // contentItem would have the style's own one made first.
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.margin
            Label {
                objectName: "cancelQuestion"
                textFormat: Text.PlainText
                text: view.job ? view.job.cancelQuestion : ""
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                layoutDirection: Qt.RightToLeft
                Button {
                    id: confirmCancel
                    objectName: "confirmCancelButton"
                    text: view.job && view.job.kind === JobController.Restore ? qsTr("Cancel the restore")
                                                                              : qsTr("Cancel the backup")
                    font.pixelSize: Theme.fontLarge
                    height: Theme.bigButtonHeight
                    enabled: !!view.job && view.job.canCancel
                    contentItem: Label {
                        textFormat: Text.PlainText
                        text: confirmCancel.text
                        font: confirmCancel.font
                        color: "white"
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radius
                        color: confirmCancel.enabled ? Theme.warning : Theme.divider
                        border.color: confirmCancel.visualFocus ? Theme.text : "transparent"
                        border.width: 3
                    }
                    onClicked: {
                        cancelDialog.close()
                        if (view.job)
                            view.job.cancel()
                    }
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
                Button {
                    id: keepGoing
                    objectName: "keepGoingButton"
                    text: view.job && view.job.kind === JobController.Restore ? qsTr("Keep restoring")
                                                                              : qsTr("Keep copying")
                    font.pixelSize: Theme.fontLarge
                    height: Theme.bigButtonHeight
                    onClicked: cancelDialog.close()
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
            }
        }
    }
    // A dialog left open when the job ends asks nothing any more.
    Connections {
        target: view.job
        function onStateChanged() {
            if (view.job && !view.job.running)
                cancelDialog.close()
        }
    }
}
