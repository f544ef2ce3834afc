// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// A wizard's progress step: the job's progress, its Cancel (which asks
// first), and a sentence on what cancelling leaves behind.
StepPage {
    id: step
    objectName: "progressStep"
    required property JobController job
    // What stays safe meanwhile ("The previous copy stays intact…").
    property string note

    function askToCancel() { progressView.askToCancel() }

    ProgressView {
        id: progressView
        job: step.job
        Layout.fillWidth: true
    }
    Label {
        textFormat: Text.PlainText
        text: step.note
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
