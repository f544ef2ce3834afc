// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Backup, step 3: which companies, with their sizes, once measured.
Item {
    id: step
    objectName: "companiesStep"
    required property CompanyModel companies

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing
        Label {
            textFormat: Text.PlainText
            text: qsTr("Which companies?")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Layout.fillWidth: true
        }
        BusyNote {
            objectName: "companiesBusy"
            running: step.companies.loading
            text: qsTr("Measuring the companies' folders…")
        }
        CompanyList {
            companies: step.companies
            enabled: !step.companies.loading
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
