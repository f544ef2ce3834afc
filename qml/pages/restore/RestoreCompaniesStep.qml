// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Restore, step 2: what the copy is (system, date, size, what it holds,
// whether it is incomplete) and which of its companies come back.
Item {
    id: step
    objectName: "companiesStep"
    required property RestoreSettings settings

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing
        Label {
            textFormat: Text.PlainText
            text: qsTr("Copy of %1 – %2, made on %3 (%4)").arg(step.settings.copySystemCode).arg(step.settings.copySystemName)
                      .arg(step.settings.copyCreatedText).arg(AppController.formatSize(step.settings.copyFileSize))
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: (step.settings.copyHasTemplates ? qsTr("It holds document templates.") : qsTr("It holds no document templates."))
                  + " " + (step.settings.copyArchiveFromYear > 0
                           ? qsTr("Annual and monthly tables from %1 on.").arg(step.settings.copyArchiveFromYear)
                           : qsTr("All years, archived ones included."))
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Banner {
            objectName: "copyIncompleteBanner"
            visible: step.settings.copyIncomplete
            kind: Banner.Kind.Danger
            title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", step.settings.copyLeftOutCount)
            // A few lines only, none on a short screen: the list of
            // companies needs the room; the summary lists every item.
            text: Theme.compact ? ""
                  : Array.from(step.settings.copyLeftOutLines).slice(0, 2).join("\n")
                    + (step.settings.copyLeftOutLines.length > 2
                       ? "\n" + qsTr("… and %n more", "", step.settings.copyLeftOutLines.length - 2) : "")
        }
        Label {
            textFormat: Text.PlainText
            // On a short screen the incomplete copy's banner takes its place.
            visible: !(Theme.compact && step.settings.copyIncomplete)
            text: qsTr("Choose the companies to restore. Those marked “will be replaced” already exist in this installation: their data will be replaced by the copy's.")
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        CompanyList {
            companies: step.settings.companies
            showExisting: true
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
