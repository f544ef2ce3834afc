// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Resguarda.App
import Resguarda.Backend

// The procedure's "Cópia de Segurança" as a wizard: destination → options →
// companies → summary → progress → result, one file per step. Every rule
// lives in BackupSettings, CompanyModel and the backend; this file only
// puts the steps together.
Wizard {
    id: wizard
    objectName: "backupWizard"
    pageTitle: qsTr("Backup copy")

    readonly property int stepDestination: 0
    readonly property int stepOptions: 1
    readonly property int stepCompanies: 2

    steps: [qsTr("Destination"), qsTr("Options"), qsTr("Companies"), qsTr("Summary"), qsTr("Copying"), job.outcomeLabel]

    property alias settings: settings
    property alias companies: companyModel
    property alias choosingFolder: destinationStep.choosingFolder

    BackupSettings {
        id: settings
        root: AppController.root
        systemCode: AppController.systemCode
    }
    CompanyModel {
        id: companyModel
        // Sizes and years show what the copy will hold.
        archiveFromYear: settings.leaveOutArchived ? settings.archiveFromYear : 0
        Component.onCompleted: loadInstallation(AppController.root, AppController.systemCode)
    }
    job: JobController {}

    startText: qsTr("Make the copy")
    firstStepPristine: !destinationStep.choosingFolder
    // What each step needs before Next, and what it lacks when it has not.
    readonly property string optionsMissing: settings.validationError.length > 0 ? settings.validationError
                                                                                 : qsTr("Correct the options to continue")
    // The password is the options step's: it never holds up the destination.
    readonly property bool optionsReady: settings.valid && settings.passwordProblem.length === 0
    stepReady: [settings.valid, optionsReady, companyModel.selectionError.length === 0,
        optionsReady && companyModel.selectionError.length === 0]
    stepMissing: [optionsMissing, !settings.valid ? optionsMissing : settings.passwordProblem, companyModel.selectionError,
        !settings.valid ? settings.validationError
                        : settings.passwordProblem.length > 0 ? settings.passwordProblem : companyModel.selectionError]
    // The password lives only as long as this wizard: BackupSettings wipes
    // it when the wizard destroys it.

    onStartRequested: job.startBackup(settings, companyModel)
    onCancelRequested: progressStep.askToCancel()

    BackupDestinationStep {
        id: destinationStep
        settings: settings
        companies: companyModel
        onEdited: wizard.touched = true
    }
    BackupOptionsStep {
        settings: settings
        onWipeRequested: wipeDialog.open()
    }
    BackupCompaniesStep {
        companies: companyModel
    }
    BackupSummaryStep {
        settings: settings
        companies: companyModel
    }
    JobProgressStep {
        id: progressStep
        job: wizard.job
        title: qsTr("Making the copy…")
        note: qsTr("The previous copy stays intact until the new one has been verified. You can cancel at any moment.")
    }
    BackupResultStep {
        job: wizard.job
        settings: settings
        onRetry: wizard.startJob()
    }

    WipeDialog {
        id: wipeDialog
        settings: settings
    }
}
