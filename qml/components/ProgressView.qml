// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// A running job: phase, a large bar, what has been done, speed, time left,
// the company being processed, and Cancel.
ColumnLayout {
    id: view
    property JobController job
    spacing: Theme.spacing

    Label {
        text: view.job ? view.job.phaseText : ""
        font.pixelSize: Theme.fontTitle
        font.bold: true
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    ProgressBar {
        objectName: "jobProgress"
        from: 0
        to: 1
        value: view.job ? view.job.progress : 0
        Layout.fillWidth: true
        Layout.preferredHeight: 24
    }
    Label {
        text: view.job ? qsTr("%1%  ·  %2 of %3  ·  %4 of %5 files")
                         .arg(Math.floor(view.job.progress * 100))
                         .arg(AppController.formatSize(view.job.bytesDone))
                         .arg(AppController.formatSize(view.job.bytesTotal))
                         .arg(AppController.formatNumber(view.job.filesDone))
                         .arg(AppController.formatNumber(view.job.filesTotal)) : ""
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: view.job ? qsTr("Speed: %1  ·  Time left: %2")
                             .arg(view.job.rateText.length > 0 ? view.job.rateText : "–")
                             .arg(view.job.etaText.length > 0 ? view.job.etaText : qsTr("calculating…")) : ""
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        text: view.job && view.job.currentCompany.length > 0 ? qsTr("Company %1").arg(view.job.currentCompany) : ""
        visible: text.length > 0
        font.pixelSize: Theme.fontBody
        Layout.fillWidth: true
    }
}
