// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// A coloured box with a symbol and a sentence: the procedure's warnings, errors,
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
    Layout.fillWidth: true

    // Plain positioning, no layout: a wrapped label inside a layout whose
    // height feeds the banner's own height makes Qt Quick Layouts loop.
    implicitHeight: Math.max(symbol.implicitHeight, texts.implicitHeight) + 2 * Theme.spacing

    Label {
        id: symbol
        textFormat: Text.PlainText
        x: Theme.spacing
        y: Theme.spacing
        width: 28
        text: banner.kind === Banner.Kind.Success ? "\u2713"
            : banner.kind === Banner.Kind.Info ? "\u2139" : "\u26a0"
        color: banner.foreground
        font.pixelSize: Theme.fontTitle
        font.bold: true
    }
    Column {
        id: texts
        x: symbol.x + symbol.width + Theme.spacing
        y: Theme.spacing
        width: banner.width - x - Theme.spacing
        spacing: 4
        Label {
            id: titleLabel
            visible: text.length > 0
            width: parent.width
            color: banner.foreground
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.Wrap
            // Banners quote what others wrote (a server's answer, a file
            // name): never read as markup.
            textFormat: Text.PlainText
        }
        Label {
            id: label
            // A banner may be a title alone.
            visible: text.length > 0
            width: parent.width
            color: Theme.text
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
        }
    }
}
