// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Mounted disks to choose from: pen drives and external disks first,
// labelled; the installation's own disk marked.
ListView {
    id: view
    property DrivesModel drives
    property int selectedRow: -1
    signal chosen(string path)

    model: drives
    clip: true
    spacing: 6
    boundsBehavior: Flickable.StopAtBounds
    // Tab stops on the list; the arrows move between drives (kept in view),
    // Space or Enter chooses the current one.
    activeFocusOnTab: true
    keyNavigationEnabled: true
    // A model filled after the list was made leaves no current row.
    onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
    implicitHeight: Math.min(contentHeight, 4 * 76)
    ScrollBar.vertical: ScrollBar {}

    delegate: ItemDelegate {
        id: drive
        required property int index
        required property string path
        required property string label
        required property string freeText
        required property bool removable
        required property bool sameAsInstallation
        required property bool readOnly
        width: ListView.view.width
        height: 72
        enabled: !readOnly
        opacity: enabled ? 1 : 0.55
        highlighted: index === view.selectedRow
        onClicked: view.chosen(path)
        Accessible.name: label + ", " + freeText
        FocusRing { shown: drive.ListView.isCurrentItem && view.activeFocus }

        background: Rectangle {
            radius: Theme.radius
            color: drive.highlighted ? Theme.primaryLight : Theme.surface
            border.color: drive.highlighted ? Theme.primary : Theme.divider
            border.width: drive.highlighted ? 2 : 1
        }
        contentItem: RowLayout {
            spacing: Theme.spacing
            Label {
                textFormat: Text.PlainText
                text: drive.removable ? "\u23cf" : "\u25a4"
                font.pixelSize: 28
                color: drive.removable ? Theme.primary : Theme.mutedText
                Layout.preferredWidth: 36
                horizontalAlignment: Text.AlignHCenter
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    text: drive.label
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    textFormat: Text.PlainText
                    text: drive.path + " · " + drive.freeText
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
            }
            Label {
                textFormat: Text.PlainText
                // A write-protected pen drive or a read-only mount cannot
                // receive a copy: said, not only greyed out.
                text: drive.readOnly ? qsTr("Read-only")
                    : drive.sameAsInstallation ? qsTr("Installation's disk")
                    : drive.removable ? qsTr("Removable") : ""
                visible: text.length > 0
                font.pixelSize: Theme.fontSmall
                font.bold: true
                color: drive.readOnly ? Theme.mutedText
                    : drive.sameAsInstallation ? Theme.warning : Theme.success
            }
        }
    }
}
