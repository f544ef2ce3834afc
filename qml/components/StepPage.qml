// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// The body of one wizard step: a title, an explanation and the step's
// controls in a column that scrolls by flicking when the screen is short.
ScrollView {
    id: page
    property string title
    property string explanation
    default property alias content: column.data

    clip: true
    topPadding: Theme.spacing
    bottomPadding: Theme.spacing
    contentWidth: availableWidth
    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

    ColumnLayout {
        id: column
        width: page.availableWidth
        spacing: Theme.spacing

        Label {
            text: page.title
            visible: text.length > 0
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: page.explanation
            visible: text.length > 0
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
