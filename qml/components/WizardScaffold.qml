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
AppPage {
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
    // What is missing while Next is disabled ("Mark the confirmation to
    // continue"): shown beside it, and stressed when it is tapped anyway.
    property string nextMissingText
    property bool nextRefusedTap: false
    onNextEnabledChanged: nextRefusedTap = false
    onCurrentChanged: nextRefusedTap = false
    default property alias pages: stack.data
    signal nextClicked()
    signal backClicked()
    signal nextRefused() // the disabled Next was tapped

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
        contentHeight: footerRow.implicitHeight // two children: the Pane does not size itself
        visible: (scaffold.backVisible || scaffold.nextVisible) && !(Theme.keyboardOpen && Theme.compact)
        background: Rectangle { color: Theme.surface; Rectangle { width: parent.width; height: 1; color: Theme.divider } }
        RowLayout {
            id: footerRow
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
            // Also the space between the buttons when there is nothing to say.
            Label {
                objectName: "nextMissingHint"
                textFormat: Text.PlainText
                text: scaffold.nextVisible && !scaffold.nextEnabled ? scaffold.nextMissingText : ""
                font.pixelSize: Theme.fontSmall
                font.bold: scaffold.nextRefusedTap
                color: scaffold.nextRefusedTap ? Theme.danger : Theme.mutedText
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignRight
                verticalAlignment: Text.AlignVCenter
                Layout.fillWidth: true
                Layout.preferredWidth: 0 // what the buttons leave
            }
            PrimaryButton {
                id: nextButton
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
        // A disabled button takes no taps: this area over it says why instead.
        MouseArea {
            objectName: "nextRefusedArea"
            x: footerRow.x + nextButton.x
            y: footerRow.y + nextButton.y
            width: nextButton.width
            height: nextButton.height
            enabled: nextButton.visible && !nextButton.enabled
            onClicked: {
                scaffold.nextRefusedTap = true
                scaffold.nextRefused()
            }
        }
    }
}
