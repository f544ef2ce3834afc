// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// A coloured box with a symbol and a sentence: the seed's warnings, errors,
// confirmations. Text always wraps; nothing is cut off.
Rectangle {
    id: banner
    enum Kind { Info, Warning, Danger, Success }
    property int kind: Banner.Kind.Info
    property alias text: label.text
    property alias title: titleLabel.text

    readonly property color foreground: kind === Banner.Kind.Danger ? Theme.danger
                                      : kind === Banner.Kind.Warning ? Theme.warning
                                      : kind === Banner.Kind.Success ? Theme.success : Theme.primary
    color: kind === Banner.Kind.Danger ? Theme.dangerLight
         : kind === Banner.Kind.Warning ? Theme.warningLight
         : kind === Banner.Kind.Success ? Theme.successLight : Theme.primaryLight
    radius: Theme.radius
    border.color: Qt.lighter(foreground, 1.8)
    implicitHeight: row.implicitHeight + 2 * Theme.spacing
    Layout.fillWidth: true

    RowLayout {
        id: row
        // Width from the banner, height from the wrapped text: anchoring all
        // four sides would feed the height back into the layout.
        x: Theme.spacing
        y: Theme.spacing
        width: banner.width - 2 * Theme.spacing
        spacing: Theme.spacing

        Label {
            text: banner.kind === Banner.Kind.Success ? "\u2713"
                : banner.kind === Banner.Kind.Info ? "\u2139" : "\u26a0"
            color: banner.foreground
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                id: titleLabel
                visible: text.length > 0
                color: banner.foreground
                font.pixelSize: Theme.fontBody
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                id: label
                color: Theme.text
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
