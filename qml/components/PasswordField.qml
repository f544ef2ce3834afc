// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// A field for the password of a protected copy, the same in both wizards:
// dots unless `shown`, and for the kiosk's on-screen keyboard a hidden,
// sensitive text with no word prediction and no capital letter of its own
// (a password is typed as it is, letter by letter, and nothing of it is
// learned). Tall enough for a finger; StepPage scrolls it above the keyboard.
TextField {
    id: field
    property bool shown: false

    echoMode: shown ? TextInput.Normal : TextInput.Password
    inputMethodHints: Qt.ImhHiddenText | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
    font.pixelSize: Theme.fontBody
    Layout.fillWidth: true
    Layout.preferredHeight: Theme.touchTarget + 8
}
