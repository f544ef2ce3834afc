// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import QtTest
import Resguarda.App
import Resguarda.Backend

// Issue 11 on a screen of 800×480 (the offscreen platform's, set by a
// configuration file), not as a kiosk: the window fits the screen, the
// title bar names the system at every size without covering the title, the
// year's − and + are wide enough to tap, and the name the copy will be
// written as is whole.
Item {
    id: root
    width: 320
    height: 200

    Component { id: mainComponent; Main {} }

    TestCase {
        id: test
        name: "ScreenFit"
        when: windowShown

        function sceneRect(item) {
            var p = item.mapToItem(null, 0, 0)
            return Qt.rect(p.x, p.y, item.width, item.height)
        }

        function openMain() {
            var window = createTemporaryObject(mainComponent, root)
            verify(window)
            tryCompare(window, "visible", true)
            return window
        }
        function showWizard(window, backup) {
            // A StackView in a transition ignores a push.
            tryCompare(window.pageStack, "busy", false)
            if (backup)
                window.showBackup()
            else
                window.showRestore()
            tryCompare(window.pageStack, "depth", 2)
            tryCompare(window.pageStack, "busy", false)
            return window.currentPage
        }

        function init() {
            verify(fixture.resetInstallation())
        }

        function test_plainWindowFitsTheScreen() {
            compare(Screen.width, 800)
            var window = openMain()
            tryCompare(window, "width", 800)
            tryCompare(window, "height", 480)
        }

        function test_headerNamesTheSystem_data() {
            return [
                { tag: "800x480", width: 800, height: 480 },
                { tag: "1280x800", width: 1280, height: 800 }
            ]
        }
        function test_headerNamesTheSystem(data) {
            var window = openMain()
            window.width = data.width
            window.height = data.height
            for (var page = 0; page < 3; ++page) {
                if (page === 1)
                    showWizard(window, true)
                else if (page === 2) {
                    window.showHome()
                    showWizard(window, false)
                }
                waitForRendering(window.contentItem)
                var title = findChild(window.header, "headerTitle")
                var system = findChild(window.header, "headerSystem")
                var code = findChild(window.header, "headerSystemCode")
                var name = findChild(window.header, "headerSystemName")
                verify(title && system && code && name)
                compare(code.text, "AT")
                verify(system.visible, "the system is shown at " + data.tag)
                verify(code.visible && !code.truncated && code.width >= code.implicitWidth,
                       "the code is whole: " + code.width + " of " + code.implicitWidth)
                verify(name.visible && name.width >= 40, "the name is shown: " + name.width + " px")
                verify(name.text.indexOf(AppController.systemName) >= 0)
                // Side by side, inside the title bar, without overlapping.
                var t = sceneRect(title), s = sceneRect(system)
                verify(t.x + t.width <= s.x, "title ends at " + (t.x + t.width) + ", system starts at " + s.x)
                verify(s.x + s.width <= window.width, "system ends at " + (s.x + s.width))
                verify(title.width > 100, "the title keeps room: " + title.width)
            }
        }

        function test_yearButtonsAreWideEnough() {
            var window = openMain()
            var backup = showWizard(window, true)
            backup.settings.leaveOutArchived = true
            backup.current = backup.stepOptions
            var year = findChild(backup, "archiveYear")
            verify(year)
            tryCompare(year, "visible", true)
            verify(year.up.indicator.width >= 48, "+ is " + year.up.indicator.width + " px wide")
            verify(year.down.indicator.width >= 48, "− is " + year.down.indicator.width + " px wide")
            verify(year.up.indicator.height >= 48 && year.down.indicator.height >= 48)

            window.showHome()
            var restore = showWizard(window, false)
            var restoreYear = findChild(restore, "archiveYear")
            verify(restoreYear)
            verify(restoreYear.up.indicator.width >= 48, "+ is " + restoreYear.up.indicator.width + " px wide")
            verify(restoreYear.down.indicator.width >= 48, "− is " + restoreYear.down.indicator.width + " px wide")
        }

        function test_targetPathIsWhole() {
            var window = openMain()
            var wizard = showWizard(window, true)
            wizard.settings.mode = BackupSettings.Extra
            // A valid label: an error would be scrolled into view instead.
            wizard.settings.extraLabel = "Fechamento anual de 2025"
            wizard.current = wizard.stepOptions
            var step = findChild(wizard, "optionsStep")
            var label = findChild(wizard, "targetPath")
            verify(step && label)
            tryCompare(label, "visible", true)
            step.ensureVisible(label)
            waitForRendering(window.contentItem)
            verify(label.text.indexOf(wizard.settings.targetPath) >= 0)
            verify(!label.truncated)
            // Within the page's width, every line of it.
            var l = sceneRect(label), p = sceneRect(step)
            verify(l.x >= p.x && l.x + l.width <= p.x + p.width, "label " + l.x + "+" + l.width + " in page " + p.x + "+" + p.width)
            verify(label.contentWidth <= label.width + 1, "text " + label.contentWidth + " wide in " + label.width)
            verify(l.y >= p.y && l.y + l.height <= p.y + p.height, "label " + l.y + "+" + l.height + " in page " + p.y + "+" + p.height)
        }
    }
}
