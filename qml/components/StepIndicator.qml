// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// Where the user is in a wizard: numbered steps, the current one highlighted.
// On narrow screens only the current step's name is written out. A step the
// run did not complete (cancelled, in use, failed) is marked with a cross in
// stoppedColor, never with a tick, and so is the last step it led to.
RowLayout {
    id: indicator
    property var steps: []
    property int current: 0
    property int stoppedStep: -1
    property color stoppedColor: Theme.warning
    spacing: 6

    Repeater {
        model: indicator.steps
        delegate: RowLayout {
            id: step
            required property int index
            required property string modelData
            objectName: "step" + index
            readonly property bool isCurrent: index === indicator.current
            readonly property bool isStopped: indicator.stoppedStep >= 0 && index === indicator.stoppedStep
            readonly property bool isAfterStop: indicator.stoppedStep >= 0 && index > indicator.stoppedStep
            readonly property bool isDone: index < indicator.current && !isStopped
            readonly property string mark: isStopped ? "\u2715" : isDone ? "\u2713" : String(index + 1)
            readonly property string label: modelData
            spacing: 6
            Rectangle {
                width: 30
                height: 30
                radius: 15
                color: step.isStopped || (step.isCurrent && step.isAfterStop) ? indicator.stoppedColor
                     : step.isCurrent ? Theme.primary : step.isDone ? Theme.success : Theme.divider
                Label {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: step.mark
                    color: step.isCurrent || step.isDone || step.isStopped ? "white" : Theme.text
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
            }
            Label {
                textFormat: Text.PlainText
                text: step.modelData
                visible: step.isCurrent || !Theme.compact
                font.pixelSize: Theme.fontSmall
                font.bold: step.isCurrent
                color: step.isCurrent && step.isAfterStop ? indicator.stoppedColor : step.isCurrent ? Theme.text : Theme.mutedText
                elide: Text.ElideRight
                Layout.maximumWidth: Theme.compact ? 260 : 170
            }
            Rectangle {
                visible: step.index < indicator.steps.length - 1
                width: Theme.compact ? 10 : 18
                height: 2
                color: Theme.divider
            }
        }
    }
}
