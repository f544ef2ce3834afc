// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The procedure's "Cópia de Segurança" as a wizard: destination → options →
// companies → summary → progress → result. Every rule lives in
// BackupSettings and the backend; this file only lays out and binds.
WizardScaffold {
    id: wizard
    objectName: "backupWizard"
    readonly property string pageTitle: qsTr("Backup copy")
    readonly property bool busy: job.running
    property bool choosingFolder: false
    // Whether anything was answered yet: a kiosk left idle goes back Home
    // only from a wizard that is finished or still untouched.
    property bool touched: false
    readonly property bool idleReturnAllowed: !busy && (current === stepResult
                                                       || (current === stepDestination && !touched && !choosingFolder))
    onCurrentChanged: if (current !== stepDestination) touched = true
    signal done()
    // "Home" on the first step: the window asks first when choices would be
    // lost (idleReturnAllowed), as its ⌂ does.
    signal leaveRequested()

    readonly property int stepDestination: 0
    readonly property int stepOptions: 1
    readonly property int stepCompanies: 2
    readonly property int stepSummary: 3
    readonly property int stepProgress: 4
    readonly property int stepResult: 5

    steps: [qsTr("Destination"), qsTr("Options"), qsTr("Companies"), qsTr("Summary"), qsTr("Copying"), job.outcomeLabel]

    property alias settings: settings
    property alias companies: companyModel
    property alias job: job

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
    DrivesModel {
        id: drives
        installationRoot: AppController.root
    }
    JobController {
        id: job
        onFinished: wizard.current = wizard.stepResult
    }

    nextText: current === stepSummary ? qsTr("Make the copy")
            : current === stepResult ? qsTr("Finish")
            : qsTr("Next")
    nextEnabled: current === stepDestination || current === stepOptions ? settings.valid
               : current === stepCompanies ? companyModel.selectedCount > 0
               : current === stepSummary ? settings.valid && companyModel.selectedCount > 0
               : true
    // What a disabled Next lacks, said beside it.
    nextMissingText: current === stepDestination || current === stepOptions
                     ? (settings.validationError.length > 0 ? settings.validationError
                                                            : qsTr("Correct the options to continue"))
                   : current === stepCompanies ? qsTr("Mark at least one company to continue")
                   : current === stepSummary ? (!settings.valid ? settings.validationError
                                                                : qsTr("Mark at least one company to continue"))
                   : ""
    nextVisible: current !== stepProgress
    // On the progress step Cancel is in the page, and asks first.
    backVisible: current !== stepResult && current !== stepProgress
    // A run that did not do its work is crossed out, never ticked.
    stoppedStep: current === stepResult && !job.workDone ? stepProgress : -1
    stoppedColor: job.state === JobController.Cancelled || job.state === JobController.InUse ? Theme.warning : Theme.danger
    backText: current === stepProgress ? qsTr("Cancel") : current === stepDestination ? qsTr("Home") : qsTr("Back")

    onBackClicked: {
        if (current === stepProgress)
            progressView.askToCancel() // never without asking
        else if (current === stepDestination)
            wizard.leaveRequested()
        else
            current = current - 1
    }
    onNextClicked: {
        if (current === stepSummary) {
            current = stepProgress
            if (!job.startBackup(settings, companyModel))
                current = stepResult
        } else if (current === stepResult) {
            wizard.done()
        } else {
            current = current + 1
        }
    }

    // 1. Destination
    StepPage {
        id: destinationPage
        objectName: "destinationStep"
        title: qsTr("Where should the copy go?")
        explanation: qsTr("Choose a pen drive or an external disk, or keep the default folder. The copy replaces only the file of the same name, and only after it has been verified.")

        DriveList {
            drives: drives
            selectedRow: drives.count >= 0 ? drives.rowOf(settings.destinationFolder) : -1
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            onChosen: path => {
                wizard.touched = true
                settings.destinationFolder = drives.copiesFolderOn(path)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Folder:")
                font.pixelSize: Theme.fontBody
            }
            Label {
                objectName: "destinationFolder"
                text: settings.destinationFolder
                font.pixelSize: Theme.fontBody
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Button {
                id: otherFolderButton
                objectName: "otherFolderButton"
                text: qsTr("Other folder…")
                font.pixelSize: Theme.fontBody
                Layout.preferredHeight: Theme.touchTarget + 8
                onClicked: wizard.choosingFolder = !wizard.choosingFolder
            }
        }
        FileBrowser {
            id: destinationBrowser
            objectName: "destinationBrowser"
            visible: wizard.choosingFolder
            chooseFolder: true
            folder: settings.destinationFolder.length > 0 ? settings.destinationFolder : "/"
            Layout.fillWidth: true
            // Never taller than the page shows at once (800×480).
            Layout.preferredHeight: Math.min(320, Math.max(Theme.touchTarget * 4, destinationPage.availableHeight))
            // Opened below the fold on a small screen: brought into view with
            // the keyboard in its list, the page scrolling to it.
            onVisibleChanged: if (visible) Qt.callLater(destinationBrowser.focusList)
            // Its place is known only once the page's layout has run.
            onYChanged: if (visible) Qt.callLater(destinationPage.ensureVisible, destinationBrowser)
            onHeightChanged: if (visible) Qt.callLater(destinationPage.ensureVisible, destinationBrowser)
            onFolderChosen: path => {
                wizard.touched = true
                settings.destinationFolder = path
                wizard.choosingFolder = false
                otherFolderButton.forceActiveFocus(Qt.TabFocusReason)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("File name:")
                font.pixelSize: Theme.fontBody
            }
            TextField {
                objectName: "fileName"
                text: settings.fileName
                font.pixelSize: Theme.fontBody
                inputMethodHints: Qt.ImhNoPredictiveText
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget + 8
                onTextEdited: wizard.touched = true
                onEditingFinished: settings.fileName = text
            }
        }
        Label {
            text: settings.destinationFreeBytes >= 0
                  ? qsTr("Free at the destination: %1. Companies to copy: %2 (the copy is usually much smaller).")
                        .arg(AppController.formatSize(settings.destinationFreeBytes))
                        .arg(AppController.formatSize(companyModel.selectedBytes))
                  : ""
            visible: text.length > 0
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Banner {
            objectName: "sameDiskWarning"
            kind: Banner.Kind.Warning
            visible: settings.destinationOnInstallationDisk
            title: qsTr("This copy stays inside this computer")
            text: qsTr("It is worth having this copy, but it is essential to also make one on a pen drive or an external disk: if this computer fails, a copy on its own disk is lost with it.")
        }
        Banner {
            kind: Banner.Kind.Danger
            visible: settings.validationError.length > 0
            text: settings.validationError
        }
    }

    // 2. Options
    StepPage {
        id: optionsPage
        objectName: "optionsStep"
        title: qsTr("Options")

        OptionSwitch {
            objectName: "templatesOption"
            text: qsTr("Include document templates")
            description: qsTr("Also copies the queries, labels and documents set up in the document designer.")
            checked: settings.templates
            onSwitched: on => settings.templates = on
        }
        OptionSwitch {
            objectName: "archiveOption"
            text: qsTr("Leave out the archived years (arquivo morto)")
            description: qsTr("For a smaller copy: annual and monthly tables are included only from the year below on.")
            checked: settings.leaveOutArchived
            onSwitched: on => settings.leaveOutArchived = on
        }
        RowLayout {
            visible: settings.leaveOutArchived
            spacing: Theme.spacing
            Layout.leftMargin: Theme.margin
            Label {
                text: qsTr("Include tables from the year")
                font.pixelSize: Theme.fontBody
            }
            YearSpinBox {
                objectName: "archiveYear"
                from: settings.minimumYear
                to: settings.maximumYear
                value: settings.archiveFromYear
                editable: true
                font.pixelSize: Theme.fontBody
                textFromValue: (value, locale) => String(value)
                Layout.preferredHeight: Theme.touchTarget + 8
                onValueModified: settings.archiveFromYear = value
            }
        }
        Banner {
            visible: settings.leaveOutArchived
            kind: Banner.Kind.Warning
            text: qsTr("Data left out of this copy (tables before %1) cannot be recovered from it in the future, if it is ever needed.").arg(settings.archiveFromYear)
        }
        OptionSwitch {
            objectName: "allSystemsOption"
            visible: AppController.systems.length > 1
            text: qsTr("Copy the other systems too")
            description: qsTr("Makes one copy of each installed system now, with the same options, instead of opening each system in turn.")
            checked: settings.allSystems
            onSwitched: on => settings.allSystems = on
        }
        Label {
            text: qsTr("Kind of copy")
            font.pixelSize: Theme.fontLarge
            font.bold: true
            Layout.topMargin: Theme.spacing
        }
        ButtonGroup { id: modeGroup }
        ChoiceButton {
            objectName: "modeSingle"
            text: qsTr("One copy, replaced each time")
            ButtonGroup.group: modeGroup
            checked: settings.mode === BackupSettings.Single
            font.pixelSize: Theme.fontBody
            onClicked: settings.mode = BackupSettings.Single
        }
        ChoiceButton {
            objectName: "modeWeekday"
            text: qsTr("A set for each weekday (today's set is replaced, the others kept)")
            ButtonGroup.group: modeGroup
            checked: settings.mode === BackupSettings.Weekday
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            onClicked: settings.mode = BackupSettings.Weekday
        }
        ChoiceButton {
            objectName: "modeExtra"
            text: qsTr("An extra copy, kept apart (before an annual closing or sending data to the arquivo morto)")
            ButtonGroup.group: modeGroup
            checked: settings.mode === BackupSettings.Extra
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            onClicked: settings.mode = BackupSettings.Extra
        }
        TextField {
            objectName: "extraLabel"
            visible: settings.mode === BackupSettings.Extra
            placeholderText: qsTr("Label, e.g. Annual closing 2025")
            text: settings.extraLabel
            // Typed letter by letter: no word prediction holding text back.
            inputMethodHints: Qt.ImhNoPredictiveText
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            Layout.leftMargin: Theme.margin
            Layout.preferredHeight: Theme.touchTarget + 8
            onTextEdited: settings.extraLabel = text
            // The error under it comes into view with it.
            onActiveFocusChanged: if (activeFocus && optionsError.visible) Qt.callLater(optionsPage.ensureVisible, optionsError)
        }
        // Next to the field whose value it is about, never below the fold.
        Banner {
            id: optionsError
            objectName: "optionsError"
            kind: Banner.Kind.Danger
            visible: settings.validationError.length > 0
            text: settings.validationError
            Layout.fillWidth: true
            // Scrolled into view with the field being typed in.
            onVisibleChanged: if (visible) Qt.callLater(optionsPage.ensureVisible, this)
        }
        OptionSwitch {
            objectName: "wipeOption"
            visible: settings.canWipeDestination
            danger: true
            text: qsTr("Empty the destination disk")
            description: settings.countingWipeFiles
                         ? qsTr("Counting the files on %1…").arg(settings.destinationLabel)
                         : qsTr("Erases everything on %1 (%2 files). Previous copies are erased only after the new one is verified.")
                             .arg(settings.destinationLabel).arg(AppController.formatNumber(settings.wipeFileCount))
            // Confirmed only once it can say how many files it erases.
            enabled: !settings.countingWipeFiles
            checked: settings.wipeDestination
            onSwitched: on => {
                if (on)
                    wipeDialog.open()
                else
                    settings.wipeDestination = false
            }
        }
        OptionSwitch {
            objectName: "allowIncompleteOption"
            danger: true
            text: qsTr("Allow an incomplete copy")
            description: qsTr("Only when a copy fails because some files cannot be read.")
            checked: settings.allowIncomplete
            onSwitched: on => settings.allowIncomplete = on
        }
        Banner {
            objectName: "allowIncompleteWarning"
            visible: settings.allowIncomplete
            kind: Banner.Kind.Danger
            text: qsTr("Files that cannot be read will be left out and the copy will be marked INCOMPLETE. Use only to save what can be saved.")
        }
        Label {
            objectName: "targetPath"
            text: qsTr("Will be written as: %1").arg(settings.targetPath)
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }

    // 3. Companies
    Item {
        objectName: "companiesStep"
        ColumnLayout {
            anchors.fill: parent
            anchors.topMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                text: qsTr("Which companies?")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                Layout.fillWidth: true
            }
            BusyNote {
                objectName: "companiesBusy"
                running: companyModel.loading
                text: qsTr("Measuring the companies' folders…")
            }
            CompanyList {
                companies: companyModel
                enabled: !companyModel.loading
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
        }
    }

    // 4. Summary
    StepPage {
        objectName: "summaryStep"
        title: qsTr("Ready to copy")
        explanation: qsTr("Make sure nobody is using the system on this or another machine: the copy will not start otherwise.")
        // The copy's name is fixed here, so the file written is the one named below.
        onVisibleChanged: if (visible) settings.prepareSummary(companyModel)

        Label {
            text: qsTr("Destination: %1").arg(settings.destinationFolder)
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Label {
            objectName: "summaryBusy"
            visible: settings.summary.busy
            text: qsTr("Working out what each copy will hold…")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // One entry per copy: which system, how many of its companies, the
        // size and the file name. A Column, not the layout: a Repeater inside
        // a Qt 6.4 layout can leave it pointing at deleted delegates when the
        // model resets.
        Column {
            objectName: "summaryCopies"
            visible: !settings.summary.busy
            Layout.fillWidth: true
            spacing: Theme.spacing
            Repeater {
                model: settings.summary
                delegate: Column {
                    required property string title
                    required property string details
                    width: parent ? parent.width : 0
                    Label {
                        text: title
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        wrapMode: Text.Wrap
                        width: parent.width
                    }
                    Label {
                        text: details
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        width: parent.width
                    }
                }
            }
        }
        Banner {
            objectName: "summaryError"
            visible: settings.summary.errorText.length > 0 && !settings.summary.busy
            kind: Banner.Kind.Danger
            text: settings.summary.errorText
        }
        Label {
            text: (settings.templates ? qsTr("With document templates.") : qsTr("Without document templates.")) + " "
                  + (settings.leaveOutArchived ? qsTr("Annual and monthly tables from %1 on.").arg(settings.archiveFromYear)
                                               : qsTr("All years, archived ones included."))
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Banner {
            visible: settings.wipeDestination
            kind: Banner.Kind.Danger
            text: qsTr("Everything else on %1 will be erased.").arg(settings.destinationLabel)
        }
        Banner {
            objectName: "summaryIncompleteWarning"
            visible: settings.allowIncomplete
            kind: Banner.Kind.Danger
            text: qsTr("Files that cannot be read will be left out and the copy will be marked INCOMPLETE.")
        }
        Banner {
            visible: settings.destinationOnInstallationDisk
            kind: Banner.Kind.Warning
            text: qsTr("This copy stays on this computer's own disk. Make one on a pen drive or external disk too.")
        }
    }

    // 5. Progress
    StepPage {
        objectName: "progressStep"
        title: qsTr("Making the copy…")
        ProgressView {
            id: progressView
            job: job
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("The previous copy stays intact until the new one has been verified. You can cancel at any moment.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    // 6. Result
    StepPage {
        objectName: "resultStep"
        Banner {
            objectName: "successBanner"
            visible: job.state === JobController.Succeeded
            kind: Banner.Kind.Success
            title: job.resultText
            text: qsTr("The copy was read back and verified.")
        }
        Banner {
            objectName: "incompleteBanner"
            visible: job.state === JobController.Incomplete
            kind: Banner.Kind.Danger
            title: job.resultText
            text: qsTr("The copy was written and verified, but it is not a full backup: what is listed below is not in it. Make a complete copy as soon as these files can be read.")
        }
        // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
        // leave it pointing at deleted delegates when the model resets.
        Column {
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: job.state === JobController.Succeeded || job.state === JobController.Incomplete
                       ? job.resultPaths : []
                delegate: Label {
                    required property string modelData
                    text: modelData
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.WrapAnywhere
                    width: parent ? parent.width : 0
                }
            }
        }
        Label {
            visible: job.state === JobController.Incomplete
            text: qsTr("Left out of the copy:")
            font.pixelSize: Theme.fontBody
            font.bold: true
            color: Theme.danger
            Layout.fillWidth: true
        }
        // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
        // leave it pointing at deleted delegates when the model resets.
        Column {
            objectName: "leftOutList"
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                model: job.state === JobController.Incomplete ? job.leftOutLines : []
                delegate: Label {
                    required property string modelData
                    text: "\u2022 " + modelData
                    font.pixelSize: Theme.fontSmall
                    color: Theme.danger
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    width: parent ? parent.width : 0
                }
            }
        }
        Banner {
            visible: job.state === JobController.Succeeded
            kind: settings.destinationOnInstallationDisk ? Banner.Kind.Warning : Banner.Kind.Info
            text: settings.destinationOnInstallationDisk
                  ? qsTr("This copy is on this computer's own disk. Make one on a pen drive or an external disk too, and keep it away from the computer.")
                  : qsTr("Keep this copy away from the computer, and never keep only one copy: use a set for each working day.")
        }
        Banner {
            objectName: "errorBanner"
            visible: job.state === JobController.Failed || job.state === JobController.Cancelled
            kind: job.state === JobController.Cancelled ? Banner.Kind.Warning : Banner.Kind.Danger
            title: job.outcomeTitle
            // A cancellation's whole story is its title.
            text: job.state === JobController.Cancelled ? "" : job.errorText
        }
        InUsePanel {
            objectName: "inUsePanel"
            visible: job.state === JobController.InUse
            title: job.outcomeTitle
            sessions: visible ? AppController.connectedSessions() : []
            Layout.fillWidth: true
            onRetry: {
                wizard.current = wizard.stepProgress
                if (!job.startBackup(settings, companyModel))
                    wizard.current = wizard.stepResult
            }
        }
        // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
        // leave it pointing at deleted delegates when the model resets.
        Column {
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: job.notes
                delegate: Label {
                    required property string modelData
                    text: modelData
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    width: parent ? parent.width : 0
                }
            }
        }
    }

    Dialog {
        id: wipeDialog
        objectName: "wipeDialog"
        modal: true
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 640)
        title: qsTr("Empty the destination disk?")
        closePolicy: Popup.NoAutoClose
        contentItem: ColumnLayout {
            spacing: Theme.spacing
            Label {
                text: qsTr("Everything on this disk will be erased:")
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("%1 · %2 · %3 files").arg(settings.destinationLabel)
                          .arg(AppController.formatSize(settings.destinationTotalBytes))
                          .arg(AppController.formatNumber(settings.wipeFileCount))
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Previous copies on it are erased only after the new copy has been written and verified.")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Button {
                    text: qsTr("Keep the files")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.bigButtonHeight
                    Layout.fillWidth: true
                    onClicked: {
                        settings.wipeDestination = false
                        wipeDialog.close()
                    }
                }
                PrimaryButton {
                    objectName: "confirmWipe"
                    dangerous: true
                    text: qsTr("Erase the disk")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.bigButtonHeight
                    Layout.fillWidth: true
                    onClicked: {
                        settings.wipeDestination = true
                        wipeDialog.close()
                    }
                }
            }
        }
    }
}
