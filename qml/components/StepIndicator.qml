// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// Where the user is in a wizard: numbered steps, the current one highlighted.
// On narrow screens only the current step's name is written out.
RowLayout {
    id: indicator
    property var steps: []
    property int current: 0
    spacing: 6

    Repeater {
        model: indicator.steps
        delegate: RowLayout {
            required property int index
            required property string modelData
            readonly property bool isCurrent: index === indicator.current
            readonly property bool isDone: index < indicator.current
            spacing: 6
            Rectangle {
                width: 30
                height: 30
                radius: 15
                color: isCurrent ? Theme.primary : isDone ? Theme.success : Theme.divider
                Label {
                    anchors.centerIn: parent
                    text: isDone ? "\u2713" : (index + 1)
                    color: isCurrent || isDone ? "white" : Theme.text
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
            }
            Label {
                text: modelData
                visible: isCurrent || !Theme.compact
                font.pixelSize: Theme.fontSmall
                font.bold: isCurrent
                color: isCurrent ? Theme.text : Theme.mutedText
                elide: Text.ElideRight
                Layout.maximumWidth: Theme.compact ? 260 : 170
            }
            Rectangle {
                visible: index < indicator.steps.length - 1
                width: Theme.compact ? 10 : 18
                height: 2
                color: Theme.divider
            }
        }
    }
}
