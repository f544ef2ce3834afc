// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The warnings a finished job reported without stopping for them, one
// line each. A Column, not a layout: a Repeater inside a Qt 6.4 layout can
// leave it pointing at deleted delegates when the model resets.
Column {
    id: notes
    required property JobController job
    Layout.fillWidth: true
    spacing: 6
    Repeater {
        model: notes.job.notes
        delegate: Label {
            required property string modelData
            textFormat: Text.PlainText
            text: modelData
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.Wrap
            width: notes.width
        }
    }
}
