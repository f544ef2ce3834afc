// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The window: a title bar, and a stack of pages — Home, the two wizards,
// the page for an installation in use. The business system may open the app
// straight on a wizard (AppController.startPage).
//
// As a kiosk (AppController.kiosk) it fills the screen without window
// chrome, types with the on-screen keyboard, asks before closing (and never
// closes while a job runs), and goes back Home when left idle on a wizard
// that is finished or untouched.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    minimumWidth: 640
    minimumHeight: 400
    visible: true
    flags: AppController.kiosk ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    visibility: AppController.kiosk ? Window.FullScreen : Window.AutomaticVisibility
    // The platform adds the application's name ("… — Resguarda").
    title: qsTr("Backup and Restore")
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

    // Sized to the screen before it is shown, and when the screen changes:
    // a kiosk whatever the window manager does, a plain window no larger
    // than the screen.
    WindowFit { window: window; kiosk: AppController.kiosk }
    // Asks for the keyboard once shown: without a window manager (a kiosk,
    // a bare X session) nobody else gives it, and keys would go nowhere
    // until the window is tapped.
    onVisibleChanged: if (visible) window.requestActivate()

    Binding { target: Theme; property: "compact"; value: window.width < 1000 || window.height < 640 }
    Binding { target: Theme; property: "portrait"; value: window.height > window.width }

    function showHome() {
        stack.clear()
        stack.push(AppController.hasInstallation ? homePage : welcomePage)
    }
    // Home, asking first when the page on top holds choices that would be
    // lost (idleReturnAllowed: finished, or untouched on its first step).
    function leavePage() {
        if (window.currentPage && !window.currentPage.idleReturnAllowed)
            leaveConfirmation.open()
        else
            window.showHome()
    }
    function showBackup() {
        stack.push(backupWizard)
    }
    function showRestore() {
        stack.push(restoreWizard)
    }
    // The page on top of the stack: every page is an AppPage, which says
    // what the window needs to know (title, job, whether leaving loses
    // anything). Tests and the screenshot tool use it too.
    readonly property AppPage currentPage: stack.currentItem as AppPage
    readonly property StackView pageStack: stack
    // The job the page on top is running (JobController.Backup or Restore),
    // else JobController.NoJob. Closing and idling never interrupt one.
    readonly property int runningJob: window.currentPage && window.currentPage.busy ? window.currentPage.jobKind
                                                                                    : JobController.NoJob
    // The on-screen keyboard's dock (kiosk only; tests look at its panel).
    readonly property Item keyboard: keyboardDock.item as Item
    readonly property Dialog quitDialog: quitConfirmation
    readonly property Dialog leaveDialog: leaveConfirmation

    // Whether a kiosk left idle may go back Home from `page`, the top of a
    // stack `depth` deep: not when already Home, never while a job runs, and
    // only from a page that says it would lose nothing (a wizard finished,
    // or untouched on its first step: idleReturnAllowed).
    function mayReturnHomeWhenIdle(page: AppPage, depth: int): bool {
        if (!page || depth <= 1)
            return false
        return !page.busy && page.idleReturnAllowed
    }

    // Set once the kiosk's quit dialog has been answered with "Close".
    property bool quitConfirmed: false
    onClosing: close => {
        if (!AppController.kiosk || window.quitConfirmed)
            return
        close.accepted = false
        quitConfirmation.open()
    }

    header: ToolBar {
        // On a small screen with the keyboard open every line counts, and
        // nothing here is needed while typing.
        visible: !(Theme.keyboardOpen && Theme.compact)
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
                // The style colours a focused tool button's text with the
                // highlight, the title bar's own blue: keep it white.
                palette.highlight: "white"
                visible: stack.depth > 1
                enabled: !(window.currentPage && window.currentPage.busy)
                Accessible.name: qsTr("Home")
                Layout.preferredWidth: Theme.touchTarget
                Layout.preferredHeight: Theme.touchTarget
                // A wizard holding choices asks first (idleReturnAllowed:
                // finished, or untouched on its first step, loses nothing).
                onClicked: window.leavePage()
                FocusRing {}
            }
            Label {
                objectName: "headerTitle"
                textFormat: Text.PlainText
                text: window.currentPage && window.currentPage.pageTitle.length > 0 ? window.currentPage.pageTitle
                                                                                     : "Resguarda"
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: "white"
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            // The system at every size: its code always whole, its name
            // shortened when the title needs the room.
            RowLayout {
                objectName: "headerSystem"
                visible: AppController.hasInstallation && AppController.systemCode.length > 0
                spacing: 6
                // Its natural width, right-aligned; at most a third of the bar.
                Layout.maximumWidth: Math.min(implicitWidth, window.width / 3)
                Label {
                    objectName: "headerSystemCode"
                    textFormat: Text.PlainText
                    text: AppController.systemCode
                    color: "white"
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
                Label {
                    objectName: "headerSystemName"
                    textFormat: Text.PlainText
                    text: "· " + AppController.systemName
                    visible: AppController.systemName.length > 0
                    color: "white"
                    font.pixelSize: Theme.fontBody
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                }
            }
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        // Ends above the keyboard while it is open: no page is ever under it.
        anchors.bottom: keyboardDock.top
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
    Component { id: backupWizard; BackupWizard { onDone: window.showHome(); onLeaveRequested: window.leavePage() } }
    Component { id: restoreWizard; RestoreWizard { onDone: window.showHome(); onLeaveRequested: window.leavePage() } }

    // Loaded by URL, not named as a type, so that QtQuick.VirtualKeyboard
    // is needed only where a kiosk runs.
    Loader {
        id: keyboardDock
        objectName: "keyboardDock"
        active: AppController.kiosk
        source: Qt.resolvedUrl("components/KioskKeyboard.qml")
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: window.keyboard ? window.keyboard.implicitHeight : 0
        z: 10
    }

    // The keyboard's Enter ends typing: the field lets go of the focus, so
    // the keyboard closes and what it had hidden comes back.
    Connections {
        target: AppController.kiosk ? window.activeFocusItem as TextInput : null
        ignoreUnknownSignals: true
        function onAccepted() { focusSink.forceActiveFocus() }
    }
    // Takes the focus from a field: the window's own content item would
    // hand it straight back to the field, as a focus scope does.
    Item { id: focusSink }

    QuitDialog {
        id: quitConfirmation
        runningJob: window.runningJob
        onQuitConfirmed: {
            window.quitConfirmed = true
            window.close()
        }
    }

    LeaveDialog {
        id: leaveConfirmation
        onLeaveConfirmed: window.showHome()
    }

    IdleWatcher {
        id: idleWatcher
        objectName: "idleWatcher"
        enabled: AppController.kiosk
        timeoutSeconds: AppController.idleTimeoutSeconds
        onIdle: {
            if (window.runningJob !== JobController.NoJob)
                return
            quitConfirmation.close()
            if (window.mayReturnHomeWhenIdle(window.currentPage, stack.depth))
                window.showHome()
        }
    }
    // A page that changes by itself (a job that ends, a new step) gets the
    // whole timeout to be read before idling may take it away.
    Connections {
        target: window.currentPage
        function onShownChanged() { idleWatcher.restart() }
    }
    Connections {
        target: stack
        function onCurrentItemChanged() { idleWatcher.restart() }
    }
}
