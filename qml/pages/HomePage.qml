// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Two large actions, and the state of protection at a glance: the last copy
// (when, where, size), the recent copies with their weekday sets, and a
// warning when the last copy is old or only on the installation's own disk;
// in red, a scheduled copy that failed and was not made since. Only this
// installation's copies of the system chosen count (HistoryModel decides);
// other copies found in the same folders are listed apart.
AppPage {
    id: page
    pageTitle: qsTr("Backup and restore")
    signal backupRequested()
    signal restoreRequested()
    background: Rectangle { color: Theme.background }

    HistoryModel {
        id: history
        objectName: "history"
        root: AppController.root
        extraFolders: AppController.recentDestinations
        systemCode: AppController.systemCode
    }
    StackView.onActivated: history.refresh()

    ScrollView {
        id: scroll
        objectName: "homeScroll"
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing

            RowLayout {
                visible: AppController.systems.length > 1
                spacing: Theme.spacing
                Layout.topMargin: Theme.spacing
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("System:")
                    font.pixelSize: Theme.fontBody
                }
                ComboBox {
                    objectName: "systemChooser"
                    model: AppController.systems
                    textRole: "name"
                    valueRole: "code"
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget + 8
                    Layout.fillWidth: Theme.compact
                    Layout.minimumWidth: 280
                    Component.onCompleted: currentIndex = indexOfValue(AppController.systemCode)
                    onActivated: AppController.systemCode = currentValue
                }
            }

            GridLayout {
                columns: Theme.portrait ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                BigActionButton {
                    objectName: "backupAction"
                    text: qsTr("Make a backup copy")
                    subtitle: qsTr("Copy the companies to a pen drive, an external disk or a folder")
                    glyph: "\u21e9"
                    Layout.fillWidth: true
                    onClicked: page.backupRequested()
                }
                BigActionButton {
                    objectName: "restoreAction"
                    text: qsTr("Restore data")
                    subtitle: qsTr("Bring companies back from a copy")
                    glyph: "\u21ba"
                    accent: "#37474f"
                    Layout.fillWidth: true
                    onClicked: page.restoreRequested()
                }
            }

            // Above the other warning: the copy that should have been made
            // was not, whatever older copies exist.
            Banner {
                objectName: "scheduledFailure"
                kind: Banner.Kind.Danger
                visible: history.hasPendingFailure
                title: qsTr("The scheduled copy failed")
                text: history.pendingFailureText
            }

            // In red like a failure: the last copy made is no full backup.
            Banner {
                objectName: "incompleteBackup"
                kind: Banner.Kind.Danger
                visible: history.hasPendingIncomplete
                title: qsTr("Last copy incomplete")
                text: history.pendingIncompleteText
            }

            // The copy that survives a fire: once copies are sent off site,
            // Home says when the last one went, in red when that is over a
            // week ago or the newest sending failed.
            Banner {
                objectName: "offsiteCopy"
                kind: history.offsiteAlarm ? Banner.Kind.Danger : Banner.Kind.Info
                visible: history.hasOffsite
                title: history.offsiteFailed
                       ? qsTr("Sending the copy off site failed")
                       : history.offsiteAlarm ? qsTr("Off-site copy out of date")
                                              : qsTr("Off-site copy")
                text: history.offsiteText
            }

            // The copies are read on a worker: until the first reading is
            // in, nothing is claimed either way.
            RowLayout {
                objectName: "lookingForCopies"
                visible: history.busy && !history.ready
                spacing: Theme.spacing
                Layout.fillWidth: true
                BusyIndicator {
                    running: parent.visible
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                }
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Looking for copies…")
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }

            Banner {
                objectName: "protectionWarning"
                kind: history.hasLastCopy ? Banner.Kind.Warning : Banner.Kind.Danger
                visible: history.ready && history.needsAttention
                title: qsTr("Your data may not be protected")
                text: history.attentionText
            }

            Label {
                textFormat: Text.PlainText
                text: qsTr("Last copy")
                font.pixelSize: Theme.fontLarge
                font.bold: true
                visible: history.hasLastCopy
            }
            Label {
                objectName: "lastCopyIncomplete"
                textFormat: Text.PlainText
                visible: history.hasLastCopy && history.lastCopyIncomplete
                text: qsTr("INCOMPLETE: files were left out of this copy")
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "lastCopyProtected"
                textFormat: Text.PlainText
                visible: history.hasLastCopy && history.lastCopyProtected
                text: qsTr("Protected with a password: keep the password, the copy cannot be restored without it")
                color: Theme.primary
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "lastCopy"
                textFormat: Text.PlainText
                visible: history.hasLastCopy
                text: history.hasLastCopy
                      ? qsTr("%1 · %2 · %3").arg(AppController.formatDateTime(history.lastCopyTime))
                            .arg(AppController.formatSize(history.lastCopySize)).arg(history.lastCopyPath)
                      : ""
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }

            Label {
                textFormat: Text.PlainText
                text: qsTr("Recent copies")
                visible: history.ownCount > 0
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.topMargin: Theme.spacing
            }
            // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
            // leave it pointing at deleted delegates when the model resets.
            // This installation's copies come first in the model.
            Column {
                objectName: "ownCopies"
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: history
                    delegate: CopyRow {
                        shown: own && index < 8
                    }
                }
            }

            Label {
                objectName: "otherCopiesTitle"
                textFormat: Text.PlainText
                text: qsTr("Copies of other installations or systems")
                visible: history.otherCount > 0
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Found in the same folders. They do not protect this installation.")
                visible: history.otherCount > 0
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Column {
                objectName: "otherCopies"
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: history
                    delegate: CopyRow {
                        shown: !own && index - history.ownCount < 8
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }

    // One copy found: when, which file, what it is, where, how big.
    component CopyRow: Rectangle {
        id: row
        required property int index
        required property string fileName
        required property string dateText
        required property string sizeText
        required property string weekdaySet
        required property bool isExtra
        required property bool isSafetyCopy
        required property bool onInstallationDisk
        required property bool valid
        required property bool isIncomplete
        required property bool own
        required property bool isProtected
        required property string originText
        property bool shown: true
        visible: shown
        width: parent ? parent.width : 0
        implicitHeight: historyRow.implicitHeight + 16
        height: visible ? implicitHeight : 0
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.divider
        RowLayout {
            id: historyRow
            anchors.fill: parent
            anchors.margins: 8
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                textFormat: Text.PlainText
                text: row.dateText
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
            Label {
                textFormat: Text.PlainText
                text: row.fileName
                font.pixelSize: Theme.fontBody
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label {
                objectName: "copyTag"
                textFormat: Text.PlainText
                text: !row.own ? row.originText
                    : !row.valid ? qsTr("unreadable")
                    : row.isIncomplete ? qsTr("Incomplete")
                    : row.weekdaySet.length > 0 ? qsTr("set: %1").arg(row.weekdaySet)
                    : row.isSafetyCopy ? qsTr("before a restore")
                    : row.isExtra ? qsTr("extra") : ""
                visible: text.length > 0
                color: !row.own ? Theme.warning
                    : row.valid && !row.isIncomplete ? Theme.primary : Theme.danger
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            Label {
                objectName: "protectedTag"
                textFormat: Text.PlainText
                visible: row.isProtected
                text: qsTr("protected")
                color: Theme.primary
                font.pixelSize: Theme.fontSmall
                font.bold: true
            }
            Label {
                textFormat: Text.PlainText
                text: row.onInstallationDisk ? qsTr("this disk") : qsTr("other disk")
                color: row.onInstallationDisk ? Theme.warning : Theme.success
                font.pixelSize: Theme.fontSmall
                visible: !Theme.compact && row.own
            }
            Label {
                textFormat: Text.PlainText
                text: row.sizeText
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
    }
}
