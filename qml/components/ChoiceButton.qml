// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Resguarda.App

// A radio button whose text wraps instead of being cut off: on an 800 px
// kiosk the procedure's longer choices take two lines. Never lower than a
// fingertip (touchTarget).
RadioButton {
    id: control
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)

    contentItem: Label {
        leftPadding: control.indicator && !control.mirrored ? control.indicator.width + control.spacing : 0
        rightPadding: control.indicator && control.mirrored ? control.indicator.width + control.spacing : 0
        text: control.text
        // Some choices name what others wrote (a cloud's type): never markup.
        textFormat: Text.PlainText
        font: control.font
        color: control.palette.windowText
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
    }
    FocusRing {}
}
