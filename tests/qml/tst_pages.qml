// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Resguarda.App
import Resguarda.Backend

// Home and Welcome over the real demo installation of the fixture.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: homeComponent; HomePage { width: 1280; height: 800 } }

    TestCase {
        name: "Pages"
        when: windowShown

        function findChild(item, name) {
            if (!item)
                return null
            if (item.objectName === name)
                return item
            for (var i = 0; i < item.children.length; ++i) {
                var found = findChild(item.children[i], name)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item)
                return findChild(item.contentItem, name)
            return null
        }

        function init() {
            verify(fixture.resetInstallation())
        }

        function test_homeWarnsWithoutCopies() {
            var home = createTemporaryObject(homeComponent, root)
            var warning = findChild(home, "protectionWarning")
            verify(warning)
            tryCompare(warning, "visible", true)
            compare(findChild(home, "lastCopy").visible, false)
        }

        function test_homeShowsTheLastCopyAndItsDisk() {
            var copy = fixture.makeCopy("AT", "")
            verify(fixture.exists(copy))
            var home = createTemporaryObject(homeComponent, root)
            var last = findChild(home, "lastCopy")
            tryCompare(last, "visible", true)
            verify(last.text.indexOf("CopiaAT.zip") >= 0, last.text)
            // Only on the installation's own disk: the seed's warning stays.
            tryCompare(findChild(home, "protectionWarning"), "visible", true)
        }

        function test_homeActionsOpenTheWizards() {
            var home = createTemporaryObject(homeComponent, root)
            var backups = 0
            var restores = 0
            home.backupRequested.connect(function() { backups += 1 })
            home.restoreRequested.connect(function() { restores += 1 })
            mouseClick(findChild(home, "backupAction"))
            mouseClick(findChild(home, "restoreAction"))
            compare(backups, 1)
            compare(restores, 1)
        }

        function test_systemChooserSwitchesTheSystem() {
            var home = createTemporaryObject(homeComponent, root)
            var chooser = findChild(home, "systemChooser")
            verify(chooser.visible, "the demo installation has several systems")
            verify(chooser.height >= 48)
            chooser.currentIndex = 1
            chooser.activated(1)
            compare(AppController.systemCode, chooser.currentValue)
        }
    }
}
