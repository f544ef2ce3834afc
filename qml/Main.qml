// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The window: a title bar, and a stack of pages — Home, the two wizards,
// the page for an installation in use. The business system may open the app
// straight on a wizard (AppController.startPage).
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 640
    minimumHeight: 400
    visible: true
    title: qsTr("Resguarda — Backup and Restore")
    font.pixelSize: Theme.fontBody
    font.family: "DejaVu Sans"
    color: Theme.background
    // The Basic style: it draws everything without shader effects, so it
    // looks the same on a kiosk without a GPU (software rendering).
    palette.highlight: Theme.primary
    palette.button: "#e4e8ee"
    palette.buttonText: Theme.text
    palette.windowText: Theme.text
    palette.text: Theme.text
    palette.base: Theme.surface
    palette.window: Theme.background
    palette.mid: Theme.mutedText
    palette.dark: "#4a5560"

    Binding { target: Theme; property: "compact"; value: window.width < 1000 || window.height < 640 }
    Binding { target: Theme; property: "portrait"; value: window.height > window.width }

    function showHome() {
        stack.clear()
        stack.push(AppController.hasInstallation ? homePage : welcomePage)
    }
    function showBackup() {
        stack.push(backupWizard)
    }
    function showRestore() {
        stack.push(restoreWizard)
    }
    // The page on top of the stack (tests and the screenshot tool use it).
    readonly property Item currentPage: stack.currentItem

    header: ToolBar {
        implicitHeight: Theme.touchTarget + 8
        background: Rectangle { color: Theme.primary }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            spacing: Theme.spacing
            ToolButton {
                objectName: "homeButton"
                text: "\u2302"
                font.pixelSize: 26
                palette.buttonText: "white"
                visible: stack.depth > 1
                enabled: !(stack.currentItem && stack.currentItem.busy === true)
                Accessible.name: qsTr("Home")
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                onClicked: window.showHome()
            }
            Label {
                text: stack.currentItem && stack.currentItem.pageTitle ? stack.currentItem.pageTitle : "Resguarda"
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: AppController.hasInstallation ? AppController.systemCode + " · " + AppController.systemName : ""
                visible: !Theme.compact && text.length > 0
                color: "white"
                font.pixelSize: Theme.fontBody
                elide: Text.ElideLeft
                Layout.maximumWidth: window.width / 3
            }
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        Component.onCompleted: {
            if (!AppController.hasInstallation)
                push(welcomePage)
            else {
                push(homePage)
                if (AppController.startPage === "backup")
                    window.showBackup()
                else if (AppController.startPage === "restore")
                    window.showRestore()
            }
        }
    }

    Component { id: welcomePage; WelcomePage { onOpened: window.showHome() } }
    Component {
        id: homePage
        HomePage {
            onBackupRequested: window.showBackup()
            onRestoreRequested: window.showRestore()
        }
    }
    Component { id: backupWizard; BackupWizard { onDone: window.showHome() } }
    Component { id: restoreWizard; RestoreWizard { onDone: window.showHome() } }
}
