// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Restore, step 3: the procedure's options (replace existing data, which
// eliminates the companies not restored; templates; archived years; the
// safety copy), each with what it costs said beside it.
StepPage {
    id: step
    objectName: "optionsStep"
    required property RestoreSettings settings

    title: qsTr("Options")

    OptionSwitch {
        objectName: "replaceAllOption"
        danger: true
        text: qsTr("Replace existing data")
        description: qsTr("The companies of this installation that are not being restored are ELIMINATED. Leave it off to keep them.")
        checked: step.settings.replaceAll
        onSwitched: on => step.settings.replaceAll = on
    }
    Banner {
        objectName: "eliminationWarning"
        visible: step.settings.replaceAll && step.settings.plan.eliminatedCount > 0
        kind: Banner.Kind.Danger
        title: qsTr("These companies will be eliminated:")
        text: Array.from(step.settings.plan.eliminatedNames).join("\n")
    }
    BusyNote {
        objectName: "optionsPlanning"
        running: step.settings.planning
        text: qsTr("Working out what the restore will do…")
    }
    OptionSwitch {
        objectName: "templatesOption"
        visible: step.settings.copyHasTemplates
        text: qsTr("Include document templates")
        description: qsTr("Restores the copy's queries, labels and documents; those with the same name as existing ones replace them.")
        checked: step.settings.templates
        onSwitched: on => step.settings.templates = on
    }
    OptionSwitch {
        objectName: "archiveOption"
        text: qsTr("Leave out the archived years (arquivo morto)")
        description: qsTr("Faster: annual and monthly tables before the year below are not restored, and this installation's own are kept as they are.")
        checked: step.settings.leaveOutArchived
        onSwitched: on => step.settings.leaveOutArchived = on
    }
    RowLayout {
        visible: step.settings.leaveOutArchived
        spacing: Theme.spacing
        Layout.leftMargin: Theme.margin
        Label {
            textFormat: Text.PlainText
            text: qsTr("Restore tables from the year")
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
    OptionSwitch {
        objectName: "safetyCopyOption"
        text: qsTr("Safety copy before restoring")
        description: qsTr("Copies what will be replaced or eliminated to the Copias folder first, so it can be brought back.")
        checked: step.settings.safetyCopy
        onSwitched: on => step.settings.safetyCopy = on
    }
    Banner {
        visible: !step.settings.safetyCopy
        kind: Banner.Kind.Danger
        text: qsTr("Without a safety copy, what is replaced or eliminated cannot be recovered unless you have another copy.")
    }
    Banner {
        kind: Banner.Kind.Danger
        visible: step.settings.validationError.length > 0
        text: step.settings.validationError
    }
}
