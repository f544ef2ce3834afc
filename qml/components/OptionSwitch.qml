// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// An option of the procedure's screens as a row a finger can hit anywhere: the
// option's name, what it does in a sentence, and a switch. It does not flip
// itself: it asks (switched) and shows `checked`, which the page binds to
// the setting, so the setting stays the one source of truth.
ItemDelegate {
    id: control
    property string description
    property bool danger: false
    signal switched(bool on)
    // The switch has the keyboard's focus (FocusRing below).
    property bool switchFocused: false

    checkable: false
    Layout.fillWidth: true
    implicitHeight: Math.max(Theme.touchTarget + 8, control.contentItem.implicitHeight + 16)
    onClicked: control.switched(!control.checked)
    Accessible.role: Accessible.CheckBox
    Accessible.checked: control.checked

    contentItem: RowLayout {
        spacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                textFormat: Text.PlainText
                text: control.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: control.danger ? Theme.danger : Theme.text
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                text: control.description
                visible: text.length > 0
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Switch {
            checked: control.checked
            enabled: control.enabled
            onVisualFocusChanged: control.switchFocused = visualFocus
            onToggled: {
                const wanted = checked
                checked = Qt.binding(() => control.checked)
                control.switched(wanted)
            }
            Layout.alignment: Qt.AlignVCenter
            Layout.preferredHeight: Theme.touchTarget
            Layout.preferredWidth: Math.max(implicitWidth, Theme.touchTarget + 16)
        }
    }
    // The switch takes the keyboard focus; the ring goes round the whole
    // row, the option's name included.
    FocusRing { shown: control.switchFocused }
}
