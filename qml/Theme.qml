// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Sizes and colours of the whole app, in one place. Every touch target is at
// least touchTarget (48 px at scale 1), the size a fingertip hits reliably.
QtObject {
    // Set by Main.qml from the window size: small screens (800×480 kiosks,
    // portrait tablets) get tighter margins, never smaller touch targets.
    property bool compact: false
    property bool portrait: false
    // Set by Main.qml while a kiosk's on-screen keyboard is open: the pages
    // have only the part of the window above it, and drop what can wait
    // (the step indicator; on small screens the title bar and Back/Next).
    property bool keyboardOpen: false

    readonly property int touchTarget: 48
    readonly property int bigButtonHeight: 64
    readonly property int spacing: compact ? 8 : 16
    readonly property int margin: compact ? 12 : 24
    readonly property int radius: 8

    readonly property int fontSmall: compact ? 13 : 14
    readonly property int fontBody: compact ? 15 : 17
    readonly property int fontLarge: compact ? 18 : 21
    readonly property int fontTitle: compact ? 21 : 26

    readonly property color primary: "#1565c0"
    readonly property color primaryLight: "#e3f0fc"
    readonly property color danger: "#b71c1c"
    readonly property color dangerLight: "#fdecea"
    readonly property color warning: "#8a4b00"
    readonly property color warningLight: "#fff4e0"
    readonly property color success: "#1b5e20"
    readonly property color successLight: "#e8f5e9"
    readonly property color text: "#1c1c1c"
    readonly property color mutedText: "#555b61"
    readonly property color divider: "#d5d9de"
    readonly property color background: "#f5f7fa"
    readonly property color surface: "#ffffff"
    // The keyboard focus ring: a dark ring with a white one inside, so that
    // it shows on white pages, on the primary-coloured title bar and on
    // filled buttons alike.
    readonly property color focusRing: "#1c1c1c"
    readonly property color focusHalo: "#ffffff"
    readonly property int focusRingWidth: 3
}
