// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// The frame every wizard shares: step indicator on top, the current step in
// the middle, large Back and Next buttons at the bottom, always in reach of
// a thumb and never covered. While a kiosk's keyboard is open the step
// indicator (and on small screens the buttons) make room for the field
// being typed in; the keyboard's Enter brings them back.
Page {
    id: scaffold
    property var steps: []
    property int current: 0
    property string nextText: qsTr("Next")
    property bool nextEnabled: true
    property bool nextVisible: true
    property bool backVisible: true
    property string backText: qsTr("Back")
    property bool nextIsDangerous: false
    // The step a run did not complete, marked in the step indicator.
    property int stoppedStep: -1
    property color stoppedColor: Theme.warning
    default property alias pages: stack.data
    signal nextClicked()
    signal backClicked()

    background: Rectangle { color: Theme.background }

    header: Pane {
        visible: !Theme.keyboardOpen
        padding: Theme.spacing
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        background: Rectangle { color: Theme.surface; Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.divider } }
        Flickable {
            anchors.fill: parent
            implicitHeight: indicator.implicitHeight
            contentWidth: indicator.implicitWidth
            clip: true
            flickableDirection: Flickable.HorizontalFlick
            StepIndicator {
                id: indicator
                objectName: "stepIndicator"
                steps: scaffold.steps
                current: scaffold.current
                stoppedStep: scaffold.stoppedStep
                stoppedColor: scaffold.stoppedColor
            }
        }
    }

    StackLayout {
        id: stack
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        currentIndex: scaffold.current
    }

    footer: Pane {
        padding: Theme.spacing
        leftPadding: Theme.margin
        rightPadding: Theme.margin
        visible: (scaffold.backVisible || scaffold.nextVisible) && !(Theme.keyboardOpen && Theme.compact)
        background: Rectangle { color: Theme.surface; Rectangle { width: parent.width; height: 1; color: Theme.divider } }
        RowLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Button {
                objectName: "backButton"
                text: "\u2190  " + scaffold.backText
                visible: scaffold.backVisible
                font.pixelSize: Theme.fontLarge
                flat: true
                Layout.preferredHeight: Theme.bigButtonHeight
                Layout.preferredWidth: Math.max(implicitWidth, 160)
                onClicked: scaffold.backClicked()
                FocusRing {}
            }
            Item { Layout.fillWidth: true }
            PrimaryButton {
                objectName: "nextButton"
                text: scaffold.nextText + "  \u2192"
                visible: scaffold.nextVisible
                enabled: scaffold.nextEnabled
                dangerous: scaffold.nextIsDangerous
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.preferredHeight: Theme.bigButtonHeight
                Layout.preferredWidth: Math.max(implicitWidth, 200)
                onClicked: scaffold.nextClicked()
            }
        }
    }
}
