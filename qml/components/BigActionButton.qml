// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// One of the Home screen's two large actions: a whole tile to press.
AbstractButton {
    id: control
    property string subtitle
    property string glyph
    property color accent: Theme.primary

    implicitHeight: Math.max(Theme.compact ? 96 : 140, control.contentItem.implicitHeight + 2 * Theme.margin)
    implicitWidth: 320
    Accessible.name: text
    Accessible.description: subtitle

    background: Rectangle {
        radius: Theme.radius * 2
        color: control.down ? Qt.darker(control.accent, 1.25) : control.accent
    }
    FocusRing { radius: Theme.radius * 2 }
    contentItem: RowLayout {
        spacing: Theme.spacing
        Label {
            textFormat: Text.PlainText
            text: control.glyph
            color: "white"
            font.pixelSize: Theme.compact ? 34 : 48
            Layout.leftMargin: Theme.margin
            Layout.alignment: Qt.AlignVCenter
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.rightMargin: Theme.margin
            spacing: 4
            Label {
                textFormat: Text.PlainText
                text: control.text
                color: "white"
                font.pixelSize: Theme.fontTitle
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                text: control.subtitle
                visible: text.length > 0
                color: "white"
                opacity: 0.92
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
