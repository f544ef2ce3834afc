// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import Resguarda.App

// The on-screen keyboard of a kiosk: Qt Virtual Keyboard with the Brazilian
// Portuguese layout (ç on its own key), docked at the bottom of the window.
// It takes no room while closed; open, it is as tall as the keyboard, and
// Main.qml ends the pages above it so the field being typed in stays in
// view. Loaded only in kiosk mode (QT_IM_MODULE=qtvirtualkeyboard), so a
// desktop without the module still runs the app.
Rectangle {
    id: dock
    readonly property alias panel: panel
    readonly property bool open: panel.active
    // Wide keys are no easier to hit, and a full-width keyboard on a large
    // screen leaves little of the page: beyond this the keys stop growing
    // (at 800 px wide they are 80 × 62 px, far above the 48 px minimum).
    readonly property int maximumKeyboardWidth: 1024

    color: "black" // the default keyboard style's own background, to the window's edges
    implicitHeight: open ? panel.height : 0
    visible: open

    // Pages and the window make room for the field being typed in.
    Binding { target: Theme; property: "keyboardOpen"; value: dock.open }

    InputPanel {
        id: panel
        objectName: "inputPanel"
        width: Math.min(dock.width, dock.maximumKeyboardWidth)
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.locale = "pt_BR"
        VirtualKeyboardSettings.activeLocales = ["pt_BR"]
    }
}
