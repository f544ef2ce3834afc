// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// What a restore will do, group by group (newer data lost, replaced,
// eliminated, added, kept), what loses work first; each group opens to
// its lines. A Column, not a layout: a Repeater inside a Qt 6.4 layout can
// leave it pointing at deleted delegates when the model resets.
Column {
    id: list
    objectName: "summaryGroups"
    required property RestorePlanModel plan
    Layout.fillWidth: true
    spacing: 4
    Repeater {
        model: list.plan.groups
        delegate: Column {
            id: group
            required property var modelData
            property bool open: modelData.expanded
            readonly property color toneColor: modelData.tone === "danger" ? Theme.danger
                                             : modelData.tone === "warning" ? Theme.warning
                                             : modelData.tone === "success" ? Theme.success
                                             : Theme.text
            objectName: "summaryGroup_" + modelData.kind
            width: list.width
            ItemDelegate {
                objectName: "summaryGroupHeader"
                width: group.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                // A delegate takes no focus by default: this one is a
                // control, reached by Tab like the others.
                focusPolicy: Qt.StrongFocus
                Accessible.name: group.modelData.title
                onClicked: group.open = !group.open
                FocusRing {}
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        textFormat: Text.PlainText
                        text: group.open ? "\u25be" : "\u25b8"
                        font.pixelSize: Theme.fontLarge
                        color: group.toneColor
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: group.modelData.title
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: group.toneColor
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: group.modelData.sizeText
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                    }
                }
            }
            Column {
                visible: group.open
                width: group.width
                leftPadding: Theme.touchTarget
                spacing: 2
                Repeater {
                    model: group.open ? group.modelData.lines : []
                    delegate: Label {
                        required property string modelData
                        textFormat: Text.PlainText
                        text: modelData
                        width: group.width - Theme.touchTarget
                        font.pixelSize: Theme.fontSmall
                        color: group.modelData.kind === "newer" ? Theme.danger : Theme.text
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
}
