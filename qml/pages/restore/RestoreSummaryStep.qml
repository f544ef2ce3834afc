// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Restore, step 4: what will happen, and the confirmation. The groups
// (what loses work first) scroll; the confirmation stays just above
// Restore now, on every screen.
Item {
    id: step
    objectName: "summaryStep"
    required property RestoreSettings settings
    readonly property bool confirmed: confirmation.checked

    // The disabled Restore now was tapped: point at what is missing.
    function pointAtConfirmation() { confirmBar.attention = true }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        StepPage {
            objectName: "summaryPage"
            title: qsTr("What will happen")
            explanation: qsTr("Make sure nobody is using the system on this or another machine: the restore will not start otherwise.")
            Layout.fillWidth: true
            Layout.fillHeight: true

            BusyNote {
                objectName: "summaryPlanning"
                running: step.settings.planning
                text: qsTr("Working out what the restore will do…")
                Layout.fillWidth: true
            }
            Label {
                objectName: "summarySystem"
                textFormat: Text.PlainText
                text: qsTr("System %1 – %2").arg(step.settings.copySystemCode).arg(step.settings.copySystemName)
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Banner {
                objectName: "summaryIncompleteBanner"
                visible: step.settings.copyIncomplete
                kind: Banner.Kind.Danger
                title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", step.settings.copyLeftOutCount)
                text: (step.settings.plan.incompleteCompanies > 0
                       ? qsTr("%n of the companies to restore will come back without what the copy could not hold.", "", step.settings.plan.incompleteCompanies) + "\n"
                       : "") + Array.from(step.settings.copyLeftOutLines).join("\n")
            }
            Label {
                textFormat: Text.PlainText
                visible: step.settings.checkingNewerData
                text: qsTr("Comparing the installation's data with the copy's date…")
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            PlanGroupList {
                plan: step.settings.plan
            }
            Label {
                textFormat: Text.PlainText
                visible: !step.settings.templates
                text: qsTr("Document templates are not touched.")
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Banner {
                objectName: "safetyCopyNote"
                kind: step.settings.safetyCopy ? Banner.Kind.Info : Banner.Kind.Danger
                visible: step.settings.plan.changesExistingData
                text: step.settings.safetyCopy
                      ? qsTr("Before anything is replaced, a safety copy of the %1 that will be replaced or eliminated is saved in the Copias folder.")
                            .arg(AppController.formatSize(step.settings.plan.bytesToSafeguard))
                      : qsTr("No safety copy will be made.")
            }
        }
        Rectangle {
            id: confirmBar
            objectName: "confirmationBar"
            // Set when the disabled Restore now is tapped: points at what is missing.
            property bool attention: false
            Layout.fillWidth: true
            implicitHeight: confirmation.implicitHeight + 2 * 4
            color: attention && !confirmation.checked ? Theme.dangerLight : Theme.surface
            border.color: attention && !confirmation.checked ? Theme.danger : Theme.divider
            radius: Theme.radius
            CheckBox {
                id: confirmation
                objectName: "confirmation"
                FocusRing {}
                anchors.verticalCenter: parent.verticalCenter
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.leftMargin: 4
                text: step.settings.plan.newerCount > 0
                      ? qsTr("I understand what will be replaced and eliminated, and that newer data is lost")
                      : qsTr("I understand what will be replaced and eliminated")
                font.pixelSize: Theme.fontBody
                font.bold: confirmBar.attention
                implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                contentItem: Label {
                    textFormat: Text.PlainText
                    text: confirmation.text
                    font: confirmation.font
                    leftPadding: confirmation.indicator.width + confirmation.spacing
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.Wrap
                    color: confirmBar.attention && !confirmation.checked ? Theme.danger : Theme.text
                }
            }
        }
    }
}
