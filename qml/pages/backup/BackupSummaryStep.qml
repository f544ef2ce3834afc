// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Backup, step 4: what each copy will hold and where it is written, with
// the options that lose or leave out data said once more.
StepPage {
    id: step
    objectName: "summaryStep"
    required property BackupSettings settings
    required property CompanyModel companies

    title: qsTr("Ready to copy")
    explanation: qsTr("Make sure nobody is using the system on this or another machine: the copy will not start otherwise.")
    // The copy's name is fixed here, so the file written is the one named below.
    onVisibleChanged: if (visible) step.settings.prepareSummary(step.companies)

    Label {
        text: qsTr("Destination: %1").arg(step.settings.destinationFolder)
        textFormat: Text.PlainText
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WrapAnywhere
        Layout.fillWidth: true
    }
    Label {
        objectName: "summaryRemote"
        visible: step.settings.remoteSpec.length > 0
        textFormat: Text.PlainText
        text: qsTr("Then sent to the cloud: %1").arg(step.settings.remoteSpec)
        font.pixelSize: Theme.fontBody
        wrapMode: Text.WrapAnywhere
        Layout.fillWidth: true
    }
    Label {
        objectName: "summaryBusy"
        textFormat: Text.PlainText
        visible: step.settings.summary.busy
        text: qsTr("Working out what each copy will hold…")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    // One entry per copy: which system, how many of its companies, the
    // size and the file name. A Column, not the layout: a Repeater inside
    // a Qt 6.4 layout can leave it pointing at deleted delegates when the
    // model resets.
    Column {
        id: copies
        objectName: "summaryCopies"
        visible: !step.settings.summary.busy
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: step.settings.summary
            delegate: Column {
                id: entry
                required property string title
                required property string details
                width: copies.width
                Label {
                    textFormat: Text.PlainText
                    text: entry.title
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                    width: entry.width
                }
                Label {
                    textFormat: Text.PlainText
                    text: entry.details
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    width: entry.width
                }
            }
        }
    }
    Banner {
        objectName: "summaryError"
        visible: step.settings.summary.errorText.length > 0 && !step.settings.summary.busy
        kind: Banner.Kind.Danger
        text: step.settings.summary.errorText
    }
    Label {
        textFormat: Text.PlainText
        text: (step.settings.templates ? qsTr("With document templates.") : qsTr("Without document templates.")) + " "
              + (step.settings.leaveOutArchived ? qsTr("Annual and monthly tables from %1 on.").arg(step.settings.archiveFromYear)
                                                : qsTr("All years, archived ones included."))
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Banner {
        objectName: "summaryProtected"
        visible: step.settings.protect
        kind: Banner.Kind.Info
        title: qsTr("Protected with a password")
        text: qsTr("The copy will be encrypted with the password you typed. Without it the copy cannot be restored.")
    }
    Banner {
        visible: step.settings.wipeDestination
        kind: Banner.Kind.Danger
        text: qsTr("Everything else on %1 will be erased.").arg(step.settings.destinationLabel)
    }
    Banner {
        objectName: "summaryIncompleteWarning"
        visible: step.settings.allowIncomplete
        kind: Banner.Kind.Danger
        text: qsTr("Files that cannot be read will be left out and the copy will be marked INCOMPLETE.")
    }
    Banner {
        visible: step.settings.destinationOnInstallationDisk
        kind: Banner.Kind.Warning
        text: step.settings.remoteSpec.length > 0
              ? qsTr("This copy stays on this computer's own disk, and a copy goes to the cloud. A pen drive or external disk too keeps one at hand.")
              : qsTr("This copy stays on this computer's own disk. Make one on a pen drive or external disk too.")
    }
}
