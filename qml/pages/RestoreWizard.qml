// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Resguarda.App
import Resguarda.Backend

// The procedure's "Restauração de Dados" as a wizard: choose a copy → its
// companies → options → summary and confirmation → progress → result, one
// file per step. The plan (what is replaced, eliminated, kept) and every
// rule come from RestoreSettings and the backend.
Wizard {
    id: wizard
    objectName: "restoreWizard"
    pageTitle: qsTr("Restore data")

    readonly property int stepCopy: 0
    readonly property int stepCompanies: 1
    readonly property int stepOptions: 2

    steps: [qsTr("Copy"), qsTr("Companies"), qsTr("Options"), qsTr("Confirm"), qsTr("Restoring"), job.outcomeLabel]

    property alias settings: settings
    property alias browser: copyStep.browser

    RestoreSettings {
        id: settings
        root: AppController.root
    }
    job: JobController {}

    startText: qsTr("Restore now")
    startIsDangerous: true
    // Looking through folders chooses nothing; an open copy does.
    firstStepPristine: !settings.copyOpen
    // What each step needs before Next, and what it lacks when it has not.
    stepReady: [settings.copyOpen, settings.companies.selectionError.length === 0, settings.valid,
        settings.valid && summaryStep.confirmed]
    stepMissing: [settings.copyNeedsPassword ? qsTr("Type the password of the copy and choose Open to continue")
                                             : qsTr("Choose a copy to continue"), settings.companies.selectionError,
        settings.validationError.length > 0 ? settings.validationError : qsTr("Correct the options to continue"),
        !settings.valid ? settings.validationError : qsTr("Mark the confirmation to continue")]
    onNextRefused: if (current === stepSummary) summaryStep.pointAtConfirmation()

    // The plan follows the companies and options chosen.
    onLeavingStep: step => {
        if (step === stepCompanies || step === stepOptions)
            settings.updatePlan()
    }
    onStartRequested: job.startRestore(settings)
    onCancelRequested: progressStep.askToCancel()

    RestoreCopyStep {
        id: copyStep
        settings: settings
        onEdited: wizard.touched = true
    }
    RestoreCompaniesStep {
        settings: settings
    }
    RestoreOptionsStep {
        settings: settings
    }
    RestoreSummaryStep {
        id: summaryStep
        settings: settings
    }
    JobProgressStep {
        id: progressStep
        job: wizard.job
        title: qsTr("Restoring…")
        note: qsTr("Nothing in the installation changes until the copy has been fully extracted and checked. Cancelling before that leaves everything as it was.")
    }
    RestoreResultStep {
        job: wizard.job
        onRetry: wizard.startJob()
    }
}
