// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// Restore, step 1: which copy, from a drive or any folder, or from a cloud
// (an rclone remote, fetched first), opened and checked before anything
// else is asked. A protected copy asks for its password here, before
// anything of it can be shown.
Item {
    id: step
    objectName: "copyStep"
    required property RestoreSettings settings
    property alias browser: browser
    property alias cloudBrowser: cloudBrowser
    // Where the copy is looked for: the drives and folders, or the clouds.
    property bool fromCloud: false
    // A copy was chosen here.
    signal edited()
    // Typing the password with the kiosk's keyboard open: the prompt is all
    // that is shown, so that it stays above the keyboard.
    readonly property bool typingPassword: step.settings.copyNeedsPassword && Theme.keyboardOpen

    DrivesModel {
        id: drives
        installationRoot: AppController.root
    }
    RemotesModel {
        id: remotes
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing
        // The title and where to look, on one line: a short screen keeps
        // its height for the list.
        RowLayout {
            visible: !step.typingPassword
            spacing: Theme.spacing
            Layout.fillWidth: true
            Label {
                textFormat: Text.PlainText
                text: qsTr("Which copy?")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            ChoiceButton {
                objectName: "sourceLocal"
                text: qsTr("Drive or folder")
                checked: !step.fromCloud
                font.pixelSize: Theme.fontBody
                onClicked: step.fromCloud = false
            }
            ChoiceButton {
                objectName: "sourceCloud"
                text: qsTr("Cloud")
                checked: step.fromCloud
                font.pixelSize: Theme.fontBody
                onClicked: step.fromCloud = true
            }
        }
        // Above the drives: on a short screen nothing below the browser shows.
        BusyNote {
            objectName: "copyOpening"
            running: step.settings.opening && !step.settings.fetching
            text: qsTr("Opening %1 and checking it…").arg(step.settings.openingName)
            cancelText: qsTr("Cancel")
            onCancelled: step.settings.cancelOpening()
        }
        // A copy coming from a cloud: how much has arrived, and a way to stop.
        Rectangle {
            objectName: "copyFetching"
            visible: step.settings.fetching
            color: Theme.primaryLight
            radius: Theme.radius
            border.color: Qt.lighter(Theme.primary, 1.8)
            Layout.fillWidth: true
            implicitHeight: fetchRow.implicitHeight + 2 * Theme.spacing
            RowLayout {
                id: fetchRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                ColumnLayout {
                    spacing: 4
                    Layout.fillWidth: true
                    // One line (cut in the middle, not wrapped): a wrapped
                    // label here would make the layouts loop.
                    Label {
                        text: qsTr("Fetching %1 from the cloud…").arg(step.settings.openingName)
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.fontBody
                        elide: Text.ElideMiddle
                        Layout.fillWidth: true
                    }
                    ProgressBar {
                        objectName: "fetchProgress"
                        from: 0
                        to: 1
                        value: step.settings.fetchFraction
                        indeterminate: step.settings.fetchBytesTotal <= 0
                        Layout.fillWidth: true
                        Layout.preferredHeight: 16
                    }
                    Label {
                        objectName: "fetchProgressText"
                        textFormat: Text.PlainText
                        text: step.settings.fetchProgressText
                        font.pixelSize: Theme.fontSmall
                        color: Theme.mutedText
                        Layout.fillWidth: true
                    }
                }
                Button {
                    objectName: "cancelFetch"
                    text: qsTr("Cancel")
                    font.pixelSize: Theme.fontBody
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.minimumWidth: Theme.touchTarget * 2
                    onClicked: step.settings.cancelOpening()
                    FocusRing {}
                }
            }
        }
        // Above the browser, like the note: never cut off on a short screen.
        Rectangle {
            id: prompt
            objectName: "passwordPrompt"
            visible: step.settings.copyNeedsPassword
            color: Theme.surface
            border.color: Theme.primary
            radius: Theme.radius
            Layout.fillWidth: true
            implicitHeight: promptColumn.implicitHeight + 2 * Theme.spacing
            // Ready to type as soon as it is asked.
            onVisibleChanged: if (visible) copyPassword.forceActiveFocus()
            ColumnLayout {
                id: promptColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing / 2
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("This copy is protected with a password. Type it to open the copy.")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    PasswordField {
                        id: copyPassword
                        objectName: "copyPassword"
                        placeholderText: qsTr("Password of the copy")
                        shown: showCopyPassword.checked
                        onAccepted: if (openButton.enabled) openButton.clicked()
                    }
                    PrimaryButton {
                        id: openButton
                        objectName: "openProtected"
                        text: qsTr("Open")
                        enabled: copyPassword.text.length > 0 && !step.settings.opening
                        font.pixelSize: Theme.fontBody
                        Layout.preferredHeight: Theme.touchTarget + 8
                        Layout.minimumWidth: Theme.touchTarget * 2
                        onClicked: {
                            step.settings.openWithPassword(copyPassword.text)
                            // The settings hold it now; a retry is typed afresh.
                            copyPassword.clear()
                        }
                    }
                }
                CheckBox {
                    id: showCopyPassword
                    objectName: "showCopyPassword"
                    visible: !step.typingPassword || !Theme.compact
                    text: qsTr("Show the password")
                    font.pixelSize: Theme.fontBody
                    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                    FocusRing {}
                }
                Label {
                    objectName: "passwordError"
                    textFormat: Text.PlainText
                    visible: text.length > 0
                    text: step.settings.passwordError
                    color: Theme.danger
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
        }
        DriveList {
            visible: !step.typingPassword && !step.fromCloud
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
            visible: step.settings.copyIncomplete && Theme.compact
            kind: Banner.Kind.Danger
            title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", step.settings.copyLeftOutCount)
        }
        FileBrowser {
            id: browser
            objectName: "copyBrowser"
            visible: !step.typingPassword && !step.fromCloud
            // Where the last copy went (FolderModel.startFolder).
            folder: browser.listing.startFolder(AppController.root, AppController.recentDestinations)
            Layout.fillWidth: true
            Layout.fillHeight: true
            onFileChosen: path => {
                step.edited()
                step.settings.openCopy(path)
            }
        }
        RemoteCopyBrowser {
            id: cloudBrowser
            objectName: "cloudBrowser"
            // While a copy is fetched and opened, the progress is what
            // counts, and a short screen has room for it.
            visible: !step.typingPassword && step.fromCloud && !step.settings.opening
            remotes: remotes
            busy: step.settings.opening
            Layout.fillWidth: true
            Layout.fillHeight: true
            onCopyChosen: spec => {
                step.edited()
                step.settings.openRemoteCopy(spec)
            }
        }
        // Keeps the notes above at the top while the browser is hidden.
        Item {
            visible: !step.typingPassword && step.fromCloud && step.settings.opening
            Layout.fillHeight: true
        }
        Banner {
            objectName: "copyError"
            kind: Banner.Kind.Danger
            visible: step.settings.copyError.length > 0
            text: step.settings.copyError
        }
        Banner {
            objectName: "copyIncompleteNotice"
            visible: step.settings.copyIncomplete && !Theme.compact
            kind: Banner.Kind.Danger
            title: qsTr("This copy is INCOMPLETE: %n item(s) were left out when it was made", "", step.settings.copyLeftOutCount)
        }
        Label {
            objectName: "chosenCopy"
            visible: step.settings.copyOpen
            // A file's or a cloud's name: never markup.
            textFormat: Text.PlainText
            text: step.settings.copyProtected ? qsTr("Chosen: %1 (protected with a password)").arg(step.settings.copyPath)
                                              : qsTr("Chosen: %1").arg(step.settings.copyPath)
            font.pixelSize: Theme.fontBody
            font.bold: true
            elide: Text.ElideMiddle
            Layout.fillWidth: true
        }
    }
}
