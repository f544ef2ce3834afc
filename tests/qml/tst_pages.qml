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
            // Only on the installation's own disk: the procedure's warning stays.
            tryCompare(findChild(home, "protectionWarning"), "visible", true)
        }

        // The last backup wrote an incomplete copy: Home says so in red
        // until a complete copy succeeds, and tags the copy in the list.
        function test_homeShowsAnIncompleteLastBackupUntilACompleteOne() {
            var code = fixture.companiesInInstallation("AT")[0]
            var fifo = fixture.root + "/AT/empresas/" + code + "/fila"
            verify(fixture.makeFifo(fifo))
            var copy = fixture.makeIncompleteCopy("AT", "")
            verify(fixture.copyIsIncomplete(copy))
            var home = createTemporaryObject(homeComponent, root)
            var banner = findChild(home, "incompleteBackup")
            tryCompare(banner, "visible", true)
            compare(banner.title, "Last copy incomplete")
            verify(banner.text.indexOf("1 file(s) or folder(s)") >= 0, banner.text)
            compare(banner.kind, Banner.Kind.Danger)
            verify(!findChild(home, "scheduledFailure").visible)
            verify(findChild(home, "lastCopyIncomplete").visible)
            var tag = findChild(home, "copyTag")
            compare(tag.text, "Incomplete")

            // Fixed and copied again in full: the red goes away.
            verify(fixture.removeFile(fifo))
            verify(fixture.exists(fixture.makeCopy("AT", "")))
            home = createTemporaryObject(homeComponent, root)
            tryCompare(findChild(home, "lastCopy"), "visible", true)
            verify(!findChild(home, "incompleteBackup").visible)
            verify(!findChild(home, "lastCopyIncomplete").visible)
        }

        // Issue 11: another installation's copy on a remembered pen drive
        // is no protection of this one: no "Last copy", the warning in red,
        // and the copy listed apart under its own title.
        function test_homeListsAForeignCopyApart() {
            var foreign = fixture.makeForeignCopy("AT")
            verify(fixture.exists(foreign))
            var name = foreign.substring(foreign.lastIndexOf("/") + 1)
            var home = createTemporaryObject(homeComponent, root)
            var looking = findChild(home, "lookingForCopies")
            verify(looking)
            tryCompare(looking, "visible", false)
            var warning = findChild(home, "protectionWarning")
            tryCompare(warning, "visible", true)
            compare(warning.kind, Banner.Kind.Danger)
            compare(findChild(home, "lastCopy").visible, false)
            verify(findChild(home, "otherCopiesTitle").visible)
            compare(findChild(home, "otherCopiesTitle").text,
                    "Copies of other installations or systems")

            function shownIn(column) {
                var names = []
                for (var i = 0; i < column.children.length; ++i) {
                    var row = column.children[i]
                    if (row.visible && row.fileName !== undefined)
                        names.push(row.fileName)
                }
                return names
            }
            compare(shownIn(findChild(home, "ownCopies")), [])
            compare(shownIn(findChild(home, "otherCopies")), [name])

            // This installation's own copy: the last copy; the other stays apart.
            var own = fixture.makeCopy("AT", "")
            verify(fixture.exists(own))
            home = createTemporaryObject(homeComponent, root)
            var last = findChild(home, "lastCopy")
            tryCompare(last, "visible", true)
            verify(last.text.indexOf("CopiaAT.zip") >= 0, last.text)
            verify(last.text.indexOf("pendrive") < 0, last.text)
            compare(shownIn(findChild(home, "ownCopies")), ["CopiaAT.zip"])
            compare(shownIn(findChild(home, "otherCopies")), [name])
            verify(fixture.removeFile(foreign))
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
