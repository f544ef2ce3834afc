// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Backup, step 2: the procedure's options (templates, archived years, the
// other systems, the kind of copy, emptying the destination, an incomplete
// copy, a password that protects the copy) and the file that will be written.
StepPage {
    id: step
    objectName: "optionsStep"
    required property BackupSettings settings
    // The wipe option was switched on: the wizard asks before it counts.
    signal wipeRequested()

    title: qsTr("Options")

    OptionSwitch {
        objectName: "templatesOption"
        text: qsTr("Include document templates")
        description: qsTr("Also copies the queries, labels and documents set up in the document designer.")
        checked: step.settings.templates
        onSwitched: on => step.settings.templates = on
    }
    OptionSwitch {
        objectName: "archiveOption"
        text: qsTr("Leave out the archived years (arquivo morto)")
        description: qsTr("For a smaller copy: annual and monthly tables are included only from the year below on.")
        checked: step.settings.leaveOutArchived
        onSwitched: on => step.settings.leaveOutArchived = on
    }
    RowLayout {
        visible: step.settings.leaveOutArchived
        spacing: Theme.spacing
        Layout.leftMargin: Theme.margin
        Label {
            textFormat: Text.PlainText
            text: qsTr("Include tables from the year")
            font.pixelSize: Theme.fontBody
        }
        YearSpinBox {
            objectName: "archiveYear"
            from: step.settings.minimumYear
            to: step.settings.maximumYear
            value: step.settings.archiveFromYear
            editable: true
            font.pixelSize: Theme.fontBody
            textFromValue: (value, locale) => String(value)
            Layout.preferredHeight: Theme.touchTarget + 8
            onValueModified: step.settings.archiveFromYear = value
        }
    }
    Banner {
        visible: step.settings.leaveOutArchived
        kind: Banner.Kind.Warning
        text: qsTr("Data left out of this copy (tables before %1) cannot be recovered from it in the future, if it is ever needed.").arg(step.settings.archiveFromYear)
    }
    OptionSwitch {
        objectName: "allSystemsOption"
        visible: AppController.systems.length > 1
        text: qsTr("Copy the other systems too")
        description: qsTr("Makes one copy of each installed system now, with the same options, instead of opening each system in turn.")
        checked: step.settings.allSystems
        onSwitched: on => step.settings.allSystems = on
    }
    Label {
        textFormat: Text.PlainText
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
        checked: step.settings.mode === BackupSettings.Single
        font.pixelSize: Theme.fontBody
        onClicked: step.settings.mode = BackupSettings.Single
    }
    ChoiceButton {
        objectName: "modeWeekday"
        text: qsTr("A set for each weekday (today's set is replaced, the others kept)")
        ButtonGroup.group: modeGroup
        checked: step.settings.mode === BackupSettings.Weekday
        font.pixelSize: Theme.fontBody
        Layout.fillWidth: true
        onClicked: step.settings.mode = BackupSettings.Weekday
    }
    ChoiceButton {
        objectName: "modeExtra"
        text: qsTr("An extra copy, kept apart (before an annual closing or sending data to the arquivo morto)")
        ButtonGroup.group: modeGroup
        checked: step.settings.mode === BackupSettings.Extra
        font.pixelSize: Theme.fontBody
        Layout.fillWidth: true
        onClicked: step.settings.mode = BackupSettings.Extra
    }
    TextField {
        objectName: "extraLabel"
        visible: step.settings.mode === BackupSettings.Extra
        placeholderText: qsTr("Label, e.g. Annual closing 2025")
        text: step.settings.extraLabel
        // Typed letter by letter: no word prediction holding text back.
        inputMethodHints: Qt.ImhNoPredictiveText
        font.pixelSize: Theme.fontBody
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        Layout.preferredHeight: Theme.touchTarget + 8
        onTextEdited: step.settings.extraLabel = text
        // The error under it comes into view with it.
        onActiveFocusChanged: if (activeFocus && optionsError.visible) Qt.callLater(step.ensureVisible, optionsError) // qmllint disable type
    }
    // Next to the field whose value it is about, never below the fold.
    Banner {
        id: optionsError
        objectName: "optionsError"
        kind: Banner.Kind.Danger
        visible: step.settings.validationError.length > 0
        text: step.settings.validationError
        Layout.fillWidth: true
        // Scrolled into view with the field being typed in.
        onVisibleChanged: if (visible) Qt.callLater(step.ensureVisible, optionsError) // qmllint disable type
    }
    OptionSwitch {
        objectName: "wipeOption"
        visible: step.settings.canWipeDestination
        danger: true
        text: qsTr("Empty the destination disk")
        description: step.settings.countingWipeFiles
                     ? qsTr("Counting the files on %1…").arg(step.settings.destinationLabel)
                     : qsTr("Erases everything on %1 (%2 files). Previous copies are erased only after the new one is verified.")
                         .arg(step.settings.destinationLabel).arg(AppController.formatNumber(step.settings.wipeFileCount))
        // Confirmed only once it can say how many files it erases.
        enabled: !step.settings.countingWipeFiles
        checked: step.settings.wipeDestination
        onSwitched: on => {
            if (on)
                step.wipeRequested()
            else
                step.settings.wipeDestination = false
        }
    }
    OptionSwitch {
        objectName: "allowIncompleteOption"
        danger: true
        text: qsTr("Allow an incomplete copy")
        description: qsTr("Only when a copy fails because some files cannot be read.")
        checked: step.settings.allowIncomplete
        onSwitched: on => step.settings.allowIncomplete = on
    }
    Banner {
        objectName: "allowIncompleteWarning"
        visible: step.settings.allowIncomplete
        kind: Banner.Kind.Danger
        text: qsTr("Files that cannot be read will be left out and the copy will be marked INCOMPLETE. Use only to save what can be saved.")
    }
    OptionSwitch {
        objectName: "protectOption"
        text: qsTr("Protect the copy with a password")
        description: qsTr("The copy is encrypted (AES-256): without the password nobody can open it, not even to restore it.")
        checked: step.settings.protect
        onSwitched: on => step.settings.protect = on
    }
    // The password typed twice; what is wrong with it comes from
    // BackupSettings (PasswordPolicy), never from here.
    ColumnLayout {
        objectName: "passwordBox"
        visible: step.settings.protect
        spacing: Theme.spacing / 2
        Layout.fillWidth: true
        Layout.leftMargin: Theme.margin
        PasswordField {
            id: passwordField
            objectName: "passwordField"
            placeholderText: qsTr("Password (at least 12 characters)")
            shown: showPassword.checked
            text: step.settings.password
            onTextEdited: step.settings.password = text
        }
        PasswordField {
            objectName: "passwordRepeatField"
            placeholderText: qsTr("The same password again")
            shown: showPassword.checked
            text: step.settings.passwordRepeat
            onTextEdited: step.settings.passwordRepeat = text
            // The reason under it comes into view with it.
            onActiveFocusChanged: if (activeFocus) Qt.callLater(step.ensureVisible, passwordProblem) // qmllint disable type
        }
        RowLayout {
            spacing: Theme.spacing
            Layout.fillWidth: true
            CheckBox {
                id: showPassword
                objectName: "showPassword"
                text: qsTr("Show the password")
                font.pixelSize: Theme.fontBody
                implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                FocusRing {}
            }
            Item { Layout.fillWidth: true }
            // Strength: three bars and a word, from PasswordPolicy::strength.
            Row {
                objectName: "passwordStrength"
                visible: step.settings.password.length > 0
                spacing: 4
                Layout.alignment: Qt.AlignVCenter
                Repeater {
                    model: 3
                    delegate: Rectangle {
                        id: bar
                        required property int index
                        width: Theme.compact ? 28 : 40
                        height: 10
                        radius: 3
                        color: bar.index >= step.settings.passwordStrength ? Theme.divider
                             : step.settings.passwordStrength === 1 ? Theme.warning : Theme.success
                    }
                }
            }
            Label {
                objectName: "passwordStrengthText"
                textFormat: Text.PlainText
                visible: text.length > 0
                text: step.settings.passwordStrengthText
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: step.settings.passwordStrength === 0 ? Theme.danger
                     : step.settings.passwordStrength === 1 ? Theme.warning : Theme.success
            }
        }
        // Once something is typed: what is still wrong, where the eye is.
        Label {
            id: passwordProblem
            objectName: "passwordProblem"
            textFormat: Text.PlainText
            visible: text.length > 0
            text: step.settings.password.length > 0 ? step.settings.passwordProblem : ""
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Banner {
            kind: Banner.Kind.Warning
            text: qsTr("Write the password down and keep it in a safe place, away from the copy. If it is lost, the copy cannot be restored.")
        }
    }
    Label {
        objectName: "targetPath"
        textFormat: Text.PlainText
        text: qsTr("Will be written as: %1").arg(step.settings.targetPath)
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
        wrapMode: Text.WrapAnywhere
        Layout.fillWidth: true
    }
}
