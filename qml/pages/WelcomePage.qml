// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Shown when the app starts with no installation given and none remembered:
// open a demonstration installation, or find the real one.
AppPage {
    id: page
    pageTitle: qsTr("Welcome")
    signal opened()
    property bool browsing: false
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            textFormat: Text.PlainText
            text: qsTr("No installation is open")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("Resguarda makes and restores the backup copies of the companies of the system. Choose the folder where the system is installed, or try it first on a demonstration installation with made-up companies.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Banner {
            kind: Banner.Kind.Danger
            visible: AppController.installationError.length > 0
            text: AppController.installationError
        }
        BusyNote {
            objectName: "demoBusy"
            running: AppController.creatingDemo
            text: qsTr("Creating the demonstration… %1%").arg(Math.round(AppController.demoProgress * 100))
        }
        Connections {
            target: AppController
            function onDemoCreated(ok) { if (ok) page.opened() }
        }
        GridLayout {
            visible: !page.browsing
            columns: Theme.portrait ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            Layout.fillWidth: true
            BigActionButton {
                objectName: "createDemo"
                text: qsTr("Open a demonstration")
                subtitle: qsTr("Creates made-up companies in %1").arg(AppController.demoRoot)
                glyph: "\u2605"
                Layout.fillWidth: true
                enabled: !AppController.creatingDemo
                onClicked: AppController.createDemo()
            }
            BigActionButton {
                objectName: "chooseInstallation"
                enabled: !AppController.creatingDemo
                text: qsTr("Choose the installation")
                subtitle: qsTr("The folder that holds sistemas.json")
                glyph: "\u25b8"
                accent: Theme.success
                Layout.fillWidth: true
                onClicked: page.browsing = true
            }
        }
        FileBrowser {
            visible: page.browsing
            chooseFolder: true
            folder: "/"
            Layout.fillWidth: true
            Layout.fillHeight: true
            onFolderChosen: path => { if (AppController.openInstallation(path)) page.opened() }
        }
        Item { Layout.fillHeight: !page.browsing }
    }
}
