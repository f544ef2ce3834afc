// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Restore, the result: done, and where the data it replaced was saved; or
// what went wrong, with everything left as it was.
StepPage {
    id: step
    objectName: "resultStep"
    required property JobController job
    // The system was in use: the wizard starts the restore anew.
    signal retry()

    Banner {
        objectName: "successBanner"
        visible: step.job.state === JobController.Succeeded
        kind: Banner.Kind.Success
        title: step.job.resultText
        text: step.job.safetyCopyPath.length === 0
              ? qsTr("No existing data was replaced.")
              : step.job.wroteProtected
                ? qsTr("The previous data was saved in %1, protected with the same password as the copy.").arg(step.job.safetyCopyPath)
                : qsTr("The previous data was saved in %1.").arg(step.job.safetyCopyPath)
    }
    JobFailure {
        job: step.job
        onRetry: step.retry()
    }
    JobNotes {
        job: step.job
    }
}
