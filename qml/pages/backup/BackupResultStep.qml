// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Backup, the result: the copies written and verified, loudly what an
// incomplete copy left out, where to keep the copy, or what went wrong.
StepPage {
    id: step
    objectName: "resultStep"
    required property JobController job
    required property BackupSettings settings
    readonly property bool wroteCopies: job.state === JobController.Succeeded || job.state === JobController.Incomplete
                                        || job.state === JobController.NotSent
    // The system was in use: the wizard starts the copy anew.
    signal retry()

    Banner {
        objectName: "successBanner"
        visible: step.job.state === JobController.Succeeded
        kind: Banner.Kind.Success
        title: step.job.resultText
        text: qsTr("The copy was read back and verified.")
    }
    Banner {
        objectName: "incompleteBanner"
        visible: step.job.state === JobController.Incomplete
        kind: Banner.Kind.Danger
        title: step.job.resultText
        text: qsTr("The copy was written and verified, but it is not a full backup: what is listed below is not in it. Make a complete copy as soon as these files can be read.")
    }
    // Made here, not sent: loud, with rclone's reason, and what is safe.
    Banner {
        objectName: "notSentBanner"
        visible: step.job.state === JobController.NotSent
        kind: Banner.Kind.Danger
        title: step.job.outcomeTitle
        text: qsTr("%1\nThe copy below was written and verified here. The cloud keeps its previous copy, if any, unchanged. Make the copy again to send it, or send this one later with \"resguarda-cli send\".").arg(step.job.errorText)
    }
    // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
    // leave it pointing at deleted delegates when the model resets.
    Column {
        id: paths
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: step.wroteCopies ? step.job.resultPaths : []
            delegate: Label {
                required property string modelData
                text: modelData
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.WrapAnywhere
                width: paths.width
            }
        }
    }
    Label {
        textFormat: Text.PlainText
        visible: step.job.state === JobController.Incomplete
        text: qsTr("Left out of the copy:")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.danger
        Layout.fillWidth: true
    }
    Column {
        id: leftOut
        objectName: "leftOutList"
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: step.job.state === JobController.Incomplete ? step.job.leftOutLines : []
            delegate: Label {
                required property string modelData
                textFormat: Text.PlainText
                text: "\u2022 " + modelData
                font.pixelSize: Theme.fontSmall
                color: Theme.danger
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                width: leftOut.width
            }
        }
    }
    Label {
        textFormat: Text.PlainText
        visible: step.job.sentLines.length > 0
        text: qsTr("Sent to the cloud:")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.success
        Layout.fillWidth: true
    }
    Column {
        id: sent
        objectName: "sentList"
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: step.job.sentLines
            delegate: Label {
                required property string modelData
                text: "\u2601 " + modelData
                objectName: "sentLine"
                textFormat: Text.PlainText
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                width: sent.width
            }
        }
    }
    // Whether the copy written is protected is the job's: the options it ran with.
    Banner {
        objectName: "resultProtected"
        visible: step.wroteCopies && step.job.wroteProtected
        kind: Banner.Kind.Warning
        title: qsTr("The copy is protected with a password")
        text: qsTr("Keep the password in a safe place, away from the copy: without it this copy cannot be restored, by you or by anyone.")
    }
    Banner {
        visible: step.job.state === JobController.Succeeded
        kind: step.settings.destinationOnInstallationDisk ? Banner.Kind.Warning : Banner.Kind.Info
        text: step.settings.destinationOnInstallationDisk
              ? qsTr("This copy is on this computer's own disk. Make one on a pen drive or an external disk too, and keep it away from the computer.")
              : qsTr("Keep this copy away from the computer, and never keep only one copy: use a set for each working day.")
    }
    JobFailure {
        job: step.job
        onRetry: step.retry()
    }
    JobNotes {
        job: step.job
    }
}
