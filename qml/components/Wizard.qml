// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Resguarda.App
import Resguarda.Backend

// What both wizards do, on WizardScaffold's frame: the steps lead to a
// summary whose Next starts the job, then a progress step whose Cancel asks
// first, then a result step whose Next ends the wizard. Each wizard adds its
// steps (one file each), what each step needs before Next, and how its job
// starts (onStartRequested).
WizardScaffold {
    id: wizard

    readonly property int stepProgress: steps.length - 2
    readonly property int stepResult: steps.length - 1
    readonly property int stepSummary: stepProgress - 1

    // Per step up to the summary: whether Next may leave it, and what it
    // lacks when it may not ("Mark at least one company to continue").
    property var stepReady: []
    property var stepMissing: []
    // The summary's Next: "Make the copy", "Restore now".
    property string startText
    property bool startIsDangerous: false
    // Whether the first step holds nothing chosen yet, besides the answers
    // the wizard counts itself (moving past it, the wizard's own touched).
    property bool firstStepPristine: true
    // Whether anything was answered yet: a kiosk left idle goes back Home
    // only from a wizard that is finished or still untouched.
    property bool touched: false

    signal done()
    // "Home" on the first step: the window asks first when choices would be
    // lost (idleReturnAllowed), as its ⌂ does.
    signal leaveRequested()
    // Start the job now (JobController.startBackup/startRestore); a job
    // refused ends on the result step, which says why.
    signal startRequested()
    // Cancel on the progress step: the progress view asks first.
    signal cancelRequested()
    // Next is leaving `step` for the following one.
    signal leavingStep(int step)

    idleReturnAllowed: !busy && (current === stepResult || (current === 0 && !touched && firstStepPristine))
    onCurrentChanged: {
        if (current !== 0)
            touched = true
        shownChanged()
    }

    function startJob() {
        current = stepProgress
        startRequested()
        if (!wizard.job.running)
            current = stepResult
    }

    nextText: current === stepSummary ? startText : current === stepResult ? qsTr("Finish") : qsTr("Next")
    nextIsDangerous: current === stepSummary && startIsDangerous
    nextEnabled: current <= stepSummary ? stepReady[current] === true : true
    nextMissingText: current <= stepSummary ? (stepMissing[current] || "") : ""
    nextVisible: current !== stepProgress
    // On the progress step Cancel is in the page, and asks first.
    backVisible: current !== stepResult && current !== stepProgress
    backText: current === stepProgress ? qsTr("Cancel") : current === 0 ? qsTr("Home") : qsTr("Back")
    // A run that did not do its work is crossed out, never ticked.
    stoppedStep: current === stepResult && !wizard.job.workDone ? stepProgress : -1
    stoppedColor: wizard.job.state === JobController.Cancelled || wizard.job.state === JobController.InUse
                  ? Theme.warning : Theme.danger

    onBackClicked: {
        if (current === stepProgress)
            wizard.cancelRequested() // never without asking
        else if (current === 0)
            wizard.leaveRequested()
        else
            current = current - 1
    }
    onNextClicked: {
        if (current === stepSummary) {
            wizard.startJob()
        } else if (current === stepResult) {
            wizard.done()
        } else {
            wizard.leavingStep(current)
            current = current + 1
        }
    }

    Connections {
        target: wizard.job
        function onFinished() { wizard.current = wizard.stepResult }
    }
}
