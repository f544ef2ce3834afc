// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Two large actions, and the state of protection at a glance: the last copy
// (when, where, size), the recent copies with their weekday sets, and a
// warning when the last copy is old or only on the installation's own disk;
// in red, a scheduled copy that failed and was not made since.
Page {
    id: page
    readonly property string pageTitle: qsTr("Backup and restore")
    signal backupRequested()
    signal restoreRequested()
    background: Rectangle { color: Theme.background }

    HistoryModel {
        id: history
        root: AppController.root
        extraFolders: AppController.recentDestinations
    }
    StackView.onActivated: history.refresh()

    ScrollView {
        id: scroll
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

            Banner {
                objectName: "protectionWarning"
                kind: history.count === 0 ? Banner.Kind.Danger : Banner.Kind.Warning
                visible: history.needsAttention
                title: qsTr("Your data may not be protected")
                text: history.attentionText
            }

            Label {
                text: qsTr("Last copy")
                font.pixelSize: Theme.fontLarge
                font.bold: true
                visible: history.count > 0
            }
            Label {
                objectName: "lastCopyIncomplete"
                visible: history.count > 0 && history.lastCopyIncomplete
                text: qsTr("INCOMPLETE: files were left out of this copy")
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "lastCopy"
                visible: history.count > 0
                text: history.count > 0
                      ? qsTr("%1 · %2 · %3").arg(AppController.formatDateTime(history.lastCopyTime))
                            .arg(AppController.formatSize(history.lastCopySize)).arg(history.lastCopyPath)
                      : ""
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Recent copies")
                visible: history.count > 0
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.topMargin: Theme.spacing
            }
            // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
            // leave it pointing at deleted delegates when the model resets.
            Column {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: history
                    delegate: Rectangle {
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
                        visible: index < 8
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
                                text: dateText
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                            }
                            Label {
                                text: fileName
                                font.pixelSize: Theme.fontBody
                                elide: Text.ElideMiddle
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "copyTag"
                                text: !valid ? qsTr("unreadable")
                                    : isIncomplete ? qsTr("Incomplete")
                                    : weekdaySet.length > 0 ? qsTr("set: %1").arg(weekdaySet)
                                    : isSafetyCopy ? qsTr("before a restore")
                                    : isExtra ? qsTr("extra") : ""
                                visible: text.length > 0
                                color: valid && !isIncomplete ? Theme.primary : Theme.danger
                                font.pixelSize: Theme.fontSmall
                                font.bold: true
                            }
                            Label {
                                text: onInstallationDisk ? qsTr("this disk") : qsTr("other disk")
                                color: onInstallationDisk ? Theme.warning : Theme.success
                                font.pixelSize: Theme.fontSmall
                                visible: !Theme.compact
                            }
                            Label {
                                text: sizeText
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                            }
                        }
                    }
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
