// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The procedure's "Restauração de Dados" as a wizard: choose a copy → its
// companies → options → summary and confirmation → progress → result. The
// plan (what is replaced, eliminated, kept) comes from the backend.
WizardScaffold {
    id: wizard
    objectName: "restoreWizard"
    readonly property string pageTitle: qsTr("Restore data")
    readonly property bool busy: job.running
    // Whether anything was answered yet: a kiosk left idle goes back Home
    // only from a wizard that is finished or still untouched (no copy
    // chosen; looking through folders chooses nothing).
    property bool touched: false
    readonly property bool idleReturnAllowed: !busy && (current === stepResult
                                                       || (current === stepCopy && !touched && !settings.copyOpen))
    onCurrentChanged: if (current !== stepCopy) touched = true
    signal done()
    // "Home" on the first step: the window asks first when choices would be
    // lost (idleReturnAllowed), as its ⌂ does.
    signal leaveRequested()

    readonly property int stepCopy: 0
    readonly property int stepCompanies: 1
    readonly property int stepOptions: 2
    readonly property int stepSummary: 3
    readonly property int stepProgress: 4
    readonly property int stepResult: 5

    steps: [qsTr("Copy"), qsTr("Companies"), qsTr("Options"), qsTr("Confirm"), qsTr("Restoring"), job.outcomeLabel]

    property alias settings: settings
    property alias job: job
    property alias browser: browser

    RestoreSettings {
        id: settings
        root: AppController.root
    }
    DrivesModel {
        id: drives
        installationRoot: AppController.root
    }
    JobController {
        id: job
        onFinished: wizard.current = wizard.stepResult
    }

    nextText: current === stepSummary ? qsTr("Restore now")
            : current === stepResult ? qsTr("Finish")
            : qsTr("Next")
    nextIsDangerous: current === stepSummary
    nextEnabled: current === stepCopy ? settings.copyOpen
               : current === stepCompanies ? settings.companies.selectedCount > 0
               : current === stepOptions ? settings.valid
               : current === stepSummary ? settings.valid && confirmation.checked
               : true
    // What a disabled Next lacks, said beside it.
    nextMissingText: current === stepCopy ? qsTr("Choose a copy to continue")
                   : current === stepCompanies ? qsTr("Mark at least one company to continue")
                   : current === stepOptions ? (settings.validationError.length > 0 ? settings.validationError
                                                                                   : qsTr("Correct the options to continue"))
                   : current === stepSummary ? (!settings.valid ? settings.validationError
                                                                : qsTr("Mark the confirmation to continue"))
                   : ""
    onNextRefused: if (current === stepSummary) confirmBar.attention = true
    nextVisible: current !== stepProgress
    // On the progress step Cancel is in the page, and asks first.
    backVisible: current !== stepResult && current !== stepProgress
    // A run that did not do its work is crossed out, never ticked.
    stoppedStep: current === stepResult && !job.workDone ? stepProgress : -1
    stoppedColor: job.state === JobController.Cancelled || job.state === JobController.InUse ? Theme.warning : Theme.danger
    backText: current === stepProgress ? qsTr("Cancel") : current === stepCopy ? qsTr("Home") : qsTr("Back")

    onBackClicked: {
        if (current === stepProgress)
            progressView.askToCancel() // never without asking
        else if (current === stepCopy)
            wizard.leaveRequested()
        else
            current = current - 1
    }
    onNextClicked: {
        if (current === stepSummary) {
            current = stepProgress
            if (!job.startRestore(settings))
                current = stepResult
        } else if (current === stepResult) {
            wizard.done()
        } else {
            if (current === stepCompanies || current === stepOptions)
                settings.updatePlan()
            current = current + 1
        }
    }

    // 1. Choose the copy
    Item {
        objectName: "copyStep"
        ColumnLayout {
            anchors.fill: parent
            anchors.topMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                text: qsTr("Which copy?")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                Layout.fillWidth: true
            }
            // Above the drives: on a short screen nothing below the browser shows.
            BusyNote {
                objectName: "copyOpening"
                running: settings.opening
                text: qsTr("Opening %1 and checking it…").arg(settings.openingName)
                cancelText: qsTr("Cancel")
                onCancelled: settings.cancelOpening()
            }
            DriveList {
                drives: drives
                selectedRow: drives.count >= 0 ? drives.rowOf(browser.folder) : -1
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(implicitHeight, Theme.compact ? 80 : 160)
                onChosen: path => browser.folder = drives.copiesFolderOn(path)
            }
            // On a short screen the browser leaves no room below it: the
            // notice comes first there, so it is never cut off.
            Banner {
                objectName: "copyIncompleteNoticeCompact"
                visible: settings.copyIncomplete && Theme.compact
                kind: Banner.Kind.Danger
                title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", settings.copyLeftOutCount)
            }
            FileBrowser {
                id: browser
                objectName: "copyBrowser"
                // Where the last copy went (FolderModel.startFolder).
                folder: listing.startFolder(AppController.root, AppController.recentDestinations)
                Layout.fillWidth: true
                Layout.fillHeight: true
                onFileChosen: path => {
                    wizard.touched = true
                    settings.openCopy(path)
                }
            }
            Banner {
                kind: Banner.Kind.Danger
                visible: settings.copyError.length > 0
                text: settings.copyError
            }
            Banner {
                objectName: "copyIncompleteNotice"
                visible: settings.copyIncomplete && !Theme.compact
                kind: Banner.Kind.Danger
                title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", settings.copyLeftOutCount)
            }
            Label {
                visible: settings.copyOpen
                text: qsTr("Chosen: %1").arg(settings.copyPath)
                font.pixelSize: Theme.fontBody
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
        }
    }

    // 2. The copy and its companies
    Item {
        objectName: "companiesStep"
        ColumnLayout {
            anchors.fill: parent
            anchors.topMargin: Theme.spacing
            spacing: Theme.spacing
            Label {
                text: qsTr("Copy of %1 – %2, made on %3 (%4)").arg(settings.copySystemCode).arg(settings.copySystemName)
                          .arg(settings.copyCreatedText).arg(AppController.formatSize(settings.copyFileSize))
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: (settings.copyHasTemplates ? qsTr("It holds document templates.") : qsTr("It holds no document templates."))
                      + " " + (settings.copyArchiveFromYear > 0
                               ? qsTr("Annual and monthly tables from %1 on.").arg(settings.copyArchiveFromYear)
                               : qsTr("All years, archived ones included."))
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Banner {
                objectName: "copyIncompleteBanner"
                visible: settings.copyIncomplete
                kind: Banner.Kind.Danger
                title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", settings.copyLeftOutCount)
                // A few lines only, none on a short screen: the list of
                // companies needs the room; the summary lists every item.
                text: Theme.compact ? ""
                      : settings.copyLeftOutLines.slice(0, 2).join("\n")
                        + (settings.copyLeftOutLines.length > 2
                           ? "\n" + qsTr("… and %n more", "", settings.copyLeftOutLines.length - 2) : "")
            }
            Label {
                // On a short screen the incomplete copy's banner takes its place.
                visible: !(Theme.compact && settings.copyIncomplete)
                text: qsTr("Choose the companies to restore. Those marked “will be replaced” already exist in this installation: their data will be replaced by the copy's.")
                font.pixelSize: Theme.fontBody
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            CompanyList {
                companies: settings.companies
                showExisting: true
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
        }
    }

    // 3. Options
    StepPage {
        objectName: "optionsStep"
        title: qsTr("Options")

        OptionSwitch {
            objectName: "replaceAllOption"
            danger: true
            text: qsTr("Replace existing data")
            description: qsTr("The companies of this installation that are not being restored are ELIMINATED. Leave it off to keep them.")
            checked: settings.replaceAll
            onSwitched: on => settings.replaceAll = on
        }
        Banner {
            objectName: "eliminationWarning"
            visible: settings.replaceAll && settings.plan.eliminatedCount > 0
            kind: Banner.Kind.Danger
            title: qsTr("These companies will be eliminated:")
            text: settings.plan.eliminatedNames.join("\n")
        }
        BusyNote {
            objectName: "optionsPlanning"
            running: settings.planning
            text: qsTr("Working out what the restore will do…")
        }
        OptionSwitch {
            objectName: "templatesOption"
            visible: settings.copyHasTemplates
            text: qsTr("Include document templates")
            description: qsTr("Restores the copy's queries, labels and documents; those with the same name as existing ones replace them.")
            checked: settings.templates
            onSwitched: on => settings.templates = on
        }
        OptionSwitch {
            objectName: "archiveOption"
            text: qsTr("Leave out the archived years (arquivo morto)")
            description: qsTr("Faster: annual and monthly tables before the year below are not restored, and this installation's own are kept as they are.")
            checked: settings.leaveOutArchived
            onSwitched: on => settings.leaveOutArchived = on
        }
        RowLayout {
            visible: settings.leaveOutArchived
            spacing: Theme.spacing
            Layout.leftMargin: Theme.margin
            Label {
                text: qsTr("Restore tables from the year")
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
        OptionSwitch {
            objectName: "safetyCopyOption"
            text: qsTr("Safety copy before restoring")
            description: qsTr("Copies what will be replaced or eliminated to the Copias folder first, so it can be brought back.")
            checked: settings.safetyCopy
            onSwitched: on => settings.safetyCopy = on
        }
        Banner {
            visible: !settings.safetyCopy
            kind: Banner.Kind.Danger
            text: qsTr("Without a safety copy, what is replaced or eliminated cannot be recovered unless you have another copy.")
        }
        Banner {
            kind: Banner.Kind.Danger
            visible: settings.validationError.length > 0
            text: settings.validationError
        }
    }

    // 4. Summary and confirmation: the groups (what loses work first) scroll;
    // the confirmation stays just above Restore now, on every screen.
    Item {
        objectName: "summaryStep"
        ColumnLayout {
            anchors.fill: parent
            spacing: 0
            StepPage {
                objectName: "summaryPage"
                title: qsTr("What will happen")
                explanation: qsTr("Make sure nobody is using the system on this or another machine: the restore will not start otherwise.")
                Layout.fillWidth: true
                Layout.fillHeight: true

                BusyNote {
                    objectName: "summaryPlanning"
                    running: settings.planning
                    text: qsTr("Working out what the restore will do…")
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "summarySystem"
                    text: qsTr("System %1 – %2").arg(settings.copySystemCode).arg(settings.copySystemName)
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Banner {
                    objectName: "summaryIncompleteBanner"
                    visible: settings.copyIncomplete
                    kind: Banner.Kind.Danger
                    title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", settings.copyLeftOutCount)
                    text: (settings.plan.incompleteCompanies > 0
                           ? qsTr("%n of the companies to restore will come back without what the copy could not hold.", "", settings.plan.incompleteCompanies) + "\n"
                           : "") + settings.copyLeftOutLines.join("\n")
                }
                Label {
                    visible: settings.checkingNewerData
                    text: qsTr("Comparing the installation's data with the copy's date…")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                // A Column, not the layout: a Repeater inside a Qt 6.4 layout can
                // leave it pointing at deleted delegates when the model resets.
                Column {
                    objectName: "summaryGroups"
                    Layout.fillWidth: true
                    spacing: 4
                    Repeater {
                        model: settings.plan.groups
                        delegate: Column {
                            id: group
                            required property var modelData
                            property bool open: modelData.expanded
                            readonly property color toneColor: modelData.tone === "danger" ? Theme.danger
                                                             : modelData.tone === "warning" ? Theme.warning
                                                             : modelData.tone === "success" ? Theme.success
                                                             : Theme.text
                            objectName: "summaryGroup_" + modelData.kind
                            width: parent ? parent.width : 0
                            ItemDelegate {
                                objectName: "summaryGroupHeader"
                                width: parent.width
                                height: Math.max(Theme.touchTarget, implicitHeight)
                                // A delegate takes no focus by default: this one
                                // is a control, reached by Tab like the others.
                                focusPolicy: Qt.StrongFocus
                                Accessible.name: group.modelData.title
                                onClicked: group.open = !group.open
                                FocusRing {}
                                contentItem: RowLayout {
                                    spacing: Theme.spacing
                                    Label {
                                        text: group.open ? "\u25be" : "\u25b8"
                                        font.pixelSize: Theme.fontLarge
                                        color: group.toneColor
                                    }
                                    Label {
                                        text: group.modelData.title
                                        font.pixelSize: Theme.fontBody
                                        font.bold: true
                                        color: group.toneColor
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                    }
                                    Label {
                                        text: group.modelData.sizeText
                                        font.pixelSize: Theme.fontSmall
                                        color: Theme.mutedText
                                    }
                                }
                            }
                            Column {
                                visible: group.open
                                width: parent.width
                                leftPadding: Theme.touchTarget
                                spacing: 2
                                Repeater {
                                    model: group.open ? group.modelData.lines : []
                                    delegate: Label {
                                        required property string modelData
                                        text: modelData
                                        width: group.width - Theme.touchTarget
                                        font.pixelSize: Theme.fontSmall
                                        color: group.modelData.kind === "newer" ? Theme.danger : Theme.text
                                        wrapMode: Text.Wrap
                                    }
                                }
                            }
                        }
                    }
                }
                Label {
                    visible: !settings.templates
                    text: qsTr("Document templates are not touched.")
                    font.pixelSize: Theme.fontBody
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Banner {
                    objectName: "safetyCopyNote"
                    kind: settings.safetyCopy ? Banner.Kind.Info : Banner.Kind.Danger
                    visible: settings.plan.changesExistingData
                    text: settings.safetyCopy
                          ? qsTr("Before anything is replaced, a safety copy of the %1 that will be replaced or eliminated is saved in the Copias folder.")
                                .arg(AppController.formatSize(settings.plan.bytesToSafeguard))
                          : qsTr("No safety copy will be made.")
                }
            }
            Rectangle {
                id: confirmBar
                objectName: "confirmationBar"
                // Set when the disabled Restore now is tapped: points at what is missing.
                property bool attention: false
                Layout.fillWidth: true
                implicitHeight: confirmation.implicitHeight + 2 * 4
                color: attention && !confirmation.checked ? Theme.dangerLight : Theme.surface
                border.color: attention && !confirmation.checked ? Theme.danger : Theme.divider
                radius: Theme.radius
                CheckBox {
                    id: confirmation
                    objectName: "confirmation"
                    FocusRing {}
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: 4
                    text: settings.plan.newerCount > 0
                          ? qsTr("I understand what will be replaced and eliminated, and that newer data is lost")
                          : qsTr("I understand what will be replaced and eliminated")
                    font.pixelSize: Theme.fontBody
                    font.bold: confirmBar.attention
                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                    contentItem: Label {
                        text: confirmation.text
                        font: confirmation.font
                        leftPadding: confirmation.indicator.width + confirmation.spacing
                        verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.Wrap
                        color: confirmBar.attention && !confirmation.checked ? Theme.danger : Theme.text
                    }
                }
            }
        }
    }

    // 5. Progress
    StepPage {
        objectName: "progressStep"
        title: qsTr("Restoring…")
        ProgressView {
            id: progressView
            job: job
            Layout.fillWidth: true
        }
        Label {
            text: qsTr("Nothing in the installation changes until the copy has been fully extracted and checked. Cancelling before that leaves everything as it was.")
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
            text: job.safetyCopyPath.length > 0
                  ? qsTr("The previous data was saved in %1.").arg(job.safetyCopyPath)
                  : qsTr("No existing data was replaced.")
        }
        Banner {
            objectName: "errorBanner"
            visible: job.state === JobController.Failed || job.state === JobController.Cancelled
                     || job.state === JobController.InvalidCopy
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
                if (!job.startRestore(settings))
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
}
