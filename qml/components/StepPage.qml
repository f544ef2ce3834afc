// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App

// The body of one wizard step: a title, an explanation and the step's
// controls in a column that scrolls by flicking when the screen is short.
// The field that has the focus is scrolled into view, also when a kiosk's
// on-screen keyboard opens and the page gets shorter.
ScrollView {
    id: page
    property string title
    property string explanation
    default property alias content: column.data

    // Scrolls so that item (a descendant of this page) is wholly visible,
    // with a little room around it; the least movement that does it.
    function ensureVisible(item) {
        if (!item || !page.visible || page.height <= 0)
            return
        var inside = item
        while (inside && inside !== column)
            inside = inside.parent
        if (!inside)
            return
        var flickable = page.contentItem
        var top = item.mapToItem(column, 0, 0).y - Theme.spacing
        var bottom = item.mapToItem(column, 0, item.height).y + Theme.spacing
        var viewHeight = flickable.height
        var maxY = Math.max(0, flickable.contentHeight - viewHeight)
        var y = flickable.contentY
        if (bottom > y + viewHeight)
            y = bottom - viewHeight
        if (top < y)
            y = top
        // Rather than a line cut in half at the top, start at the next
        // control, as long as the item stays in view.
        for (var i = 0; i < column.children.length; ++i) {
            var child = column.children[i]
            if (child.visible && child.y < y && child.y + child.height > y) {
                var next = child.y + child.height + column.spacing
                if (next <= top && next <= maxY)
                    y = next
                break
            }
        }
        flickable.contentY = Math.max(0, Math.min(y, maxY))
    }
    function ensureFocusVisible() { ensureVisible(page.Window.activeFocusItem) }

    // Later, once the layout has settled (the keyboard opens after the
    // focus moves, and only then does the page get shorter).
    readonly property Item focusedItem: Window.activeFocusItem
    // (qmllint: Qt 6.4 describes Qt.callLater as a property, not a method.)
    onFocusedItemChanged: Qt.callLater(page.ensureFocusVisible) // qmllint disable type
    onHeightChanged: Qt.callLater(page.ensureFocusVisible) // qmllint disable type

    clip: true
    topPadding: Theme.spacing
    bottomPadding: Theme.spacing
    contentWidth: availableWidth
    ScrollBar.horizontal.policy: ScrollBar.AlwaysOff

    ColumnLayout {
        id: column
        width: page.availableWidth
        spacing: Theme.spacing

        Label {
            textFormat: Text.PlainText
            text: page.title
            visible: text.length > 0
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            textFormat: Text.PlainText
            text: page.explanation
            visible: text.length > 0
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }
}
