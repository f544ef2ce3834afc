// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// A wizard's result when its job did not do its work: what went wrong (or
// that it was cancelled), or who is using the system, with a retry.
ColumnLayout {
    id: failure
    required property JobController job
    readonly property bool failed: job.state === JobController.Failed || job.state === JobController.Cancelled
                                   || job.state === JobController.InvalidCopy
    readonly property bool inUse: job.state === JobController.InUse
    // Try again (the system was in use): the wizard starts the job anew.
    signal retry()
    // Takes no room, not even a spacing, when there is nothing to say.
    visible: failed || inUse
    Layout.fillWidth: true
    spacing: Theme.spacing

    Banner {
        objectName: "errorBanner"
        visible: failure.failed
        kind: failure.job.state === JobController.Cancelled ? Banner.Kind.Warning : Banner.Kind.Danger
        title: failure.job.outcomeTitle
        // A cancellation's whole story is its title.
        text: failure.job.state === JobController.Cancelled ? "" : failure.job.errorText
    }
    InUsePanel {
        objectName: "inUsePanel"
        visible: failure.inUse
        title: failure.job.outcomeTitle
        sessions: visible ? AppController.connectedSessions() : []
        Layout.fillWidth: true
        onRetry: failure.retry()
    }
}
