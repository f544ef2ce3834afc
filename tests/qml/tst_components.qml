// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Resguarda.App
import Resguarda.Backend

// The building blocks: touch sizes, wrapping, the company list over a real
// installation, the file browser over real folders.
Item {
    id: root
    width: 800
    height: 480

    Component { id: bannerComponent; Banner { width: 300; text: "A long sentence that has to wrap over several lines because the banner is narrow." } }
    Component { id: actionComponent; BigActionButton { width: 320; text: "Make a backup copy"; subtitle: "Copy the companies"; glyph: "\u21e9" } }
    Component { id: switchComponent; OptionSwitch { id: option; width: 500; text: "Include document templates"; description: "Also copies the queries."; onSwitched: on => option.checked = on } }
    Component { id: companyListComponent; CompanyList { width: 780; height: 460 } }
    Component { id: browserComponent; FileBrowser { width: 780; height: 460 } }
    Component { id: modelComponent; CompanyModel {} }
    Component { id: primaryComponent; PrimaryButton { text: "Next" } }
    Component { id: choiceComponent; ChoiceButton { text: "One copy" } }
    Component { id: folderBrowserComponent; FileBrowser { width: 780; height: 460; chooseFolder: true } }
    Component { id: drivesModelComponent; DrivesModel {} }
    Component { id: driveListComponent; DriveList { width: 780; height: 300 } }
    Component { id: scaffoldComponent; WizardScaffold { width: 800; height: 480; steps: ["One", "Two", "Three"]; Item {} Item {} Item {} } }

    TestCase {
        name: "Components"
        when: windowShown

        function test_bannerWrapsInsteadOfCutting() {
            var banner = createTemporaryObject(bannerComponent, root)
            verify(banner)
            var oneLine = banner.implicitHeight
            banner.width = 150
            tryVerify(function() { return banner.implicitHeight > oneLine }, 2000, "a narrower banner must grow, not cut its text")
        }

        function test_bigActionIsLargeAndClickable() {
            var button = createTemporaryObject(actionComponent, root)
            verify(button.height >= 96, "home actions are large")
            var clicked = 0
            button.clicked.connect(function() { clicked += 1 })
            mouseClick(button)
            compare(clicked, 1)
        }

        function test_optionSwitchTogglesFromAnywhereInTheRow() {
            var option = createTemporaryObject(switchComponent, root)
            verify(option.height >= 48)
            compare(option.checked, false)
            mouseClick(option, 10, option.height / 2)
            compare(option.checked, true)
            mouseClick(option, option.width - 20, option.height / 2)
            compare(option.checked, false)
        }

        function test_companyListSearchesAndSelects() {
            var model = createTemporaryObject(modelComponent, root)
            model.loadInstallation(fixture.root, "AT")
            verify(model.loading) // measured on a worker; the result comes later
            tryCompare(model, "loading", false, 30000)
            verify(model.count >= 2)
            var list = createTemporaryObject(companyListComponent, root, { "companies": model })
            compare(model.selectedCount, model.count, "every company is selected by default")

            var none = findChild(list, "selectNone")
            mouseClick(none)
            compare(model.selectedCount, 0)
            var all = findChild(list, "selectAll")
            mouseClick(all)
            compare(model.selectedCount, model.count)

            var search = findChild(list, "companySearch")
            search.forceActiveFocus()
            search.text = "padaria"
            tryCompare(list.filter, "count", 1)
            search.text = ""
            tryCompare(list.filter, "count", model.count)

            // A row is a touch target: tapping it toggles the company.
            var view = findChild(list, "companyView")
            waitForRendering(view)
            var row = view.itemAtIndex(0)
            verify(row)
            verify(row.height >= 48)
            mouseClick(row, row.width / 2, row.height / 2)
            compare(model.selectedCount, model.count - 1)
        }

        // Down, Space, then Shift+Tab: the keyboard leaves the list, and the
        // next Return does not toggle the company again.
        function test_companyListLetsTheKeyboardGoAfterAToggle() {
            var model = createTemporaryObject(modelComponent, root)
            model.loadInstallation(fixture.root, "AT")
            tryCompare(model, "loading", false, 30000)
            verify(model.count >= 3)
            var list = createTemporaryObject(companyListComponent, root, { "companies": model })
            var view = findChild(list, "companyView")
            var none = findChild(list, "selectNone")
            waitForRendering(view)
            view.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Space)
            compare(model.selectedCount, model.count - 1)
            keyClick(Qt.Key_Backtab, Qt.ShiftModifier)
            verify(!view.activeFocus, "Shift+Tab leaves the list")
            verify(none.activeFocus, "…for the button before it")
            keyClick(Qt.Key_Tab)
            verify(view.activeFocus)
            keyClick(Qt.Key_Space)
            compare(model.selectedCount, model.count, "Space toggles the current row back")
            keyClick(Qt.Key_Tab)
            verify(!view.activeFocus, "Tab leaves the list")
        }

        function test_fileBrowserNavigatesRealFolders() {
            fixture.writeFile(fixture.scratch + "/browse/sub/CopiaAT.zip", "x")
            fixture.writeFile(fixture.scratch + "/browse/sub/notes.txt", "x")
            var browser = createTemporaryObject(browserComponent, root, { "folder": fixture.scratch + "/browse" })
            var view = findChild(browser, "fileView")
            // FolderListModel lists asynchronously: wait for the row itself,
            // not just a count that the previous folder may already have.
            function firstRowIs(name) {
                return view.count === 1 && view.itemAtIndex(0) && view.itemAtIndex(0).fileName === name
            }
            tryVerify(function() { return firstRowIs("sub") })
            waitForRendering(view)
            mouseClick(view.itemAtIndex(0))
            tryCompare(browser, "folder", fixture.scratch + "/browse/sub")
            tryVerify(function() { return firstRowIs("CopiaAT.zip") }) // only the copy, not notes.txt
            var chosen = ""
            browser.fileChosen.connect(function(path) { chosen = path })
            waitForRendering(view)
            mouseClick(view.itemAtIndex(0))
            compare(chosen, fixture.scratch + "/browse/sub/CopiaAT.zip")
            mouseClick(findChild(browser, "folderUp"))
            compare(browser.folder, fixture.scratch + "/browse")
        }

        // Keyboard users: Enter (both keys) and Space press every kind of
        // button, and the one with the focus shows a ring.
        function test_enterAndSpacePressEveryButton() {
            var buttons = [createTemporaryObject(primaryComponent, root),
                           createTemporaryObject(actionComponent, root),
                           findChild(createTemporaryObject(scaffoldComponent, root).footer, "backButton")]
            for (var i = 0; i < buttons.length; ++i) {
                var button = buttons[i]
                var clicked = 0
                var onClicked = function() { clicked += 1 }
                button.clicked.connect(onClicked)
                button.forceActiveFocus(Qt.TabFocusReason)
                verify(button.activeFocus)
                var ring = findChild(button, "focusRing")
                verify(ring, "button " + i + " has a focus ring")
                verify(ring.visible, "button " + i + " shows its focus")
                keyClick(Qt.Key_Return)
                compare(clicked, 1, "Return presses button " + i)
                keyClick(Qt.Key_Enter)
                compare(clicked, 2, "Enter presses button " + i)
                keyClick(Qt.Key_Space)
                compare(clicked, 3, "Space presses button " + i)
                button.clicked.disconnect(onClicked)
            }
            var choice = createTemporaryObject(choiceComponent, root)
            choice.forceActiveFocus(Qt.TabFocusReason)
            verify(findChild(choice, "focusRing").visible)
            keyClick(Qt.Key_Return)
            verify(choice.checked, "Return picks a choice")

            var option = createTemporaryObject(switchComponent, root)
            keyClick(Qt.Key_Tab)
            tryVerify(function() { return findChild(option, "focusRing").visible }, 2000, "Tab reaches the option")
            keyClick(Qt.Key_Return)
            verify(option.checked, "Return flips an option")
            keyClick(Qt.Key_Space)
            verify(!option.checked, "Space flips it back")
        }

        function rowRing(view) {
            return view.currentItem ? findChild(view.currentItem, "focusRing") : null
        }

        function test_fileBrowserByKeyboardOnly() {
            fixture.removeTree(fixture.scratch + "/keys")
            fixture.writeFile(fixture.scratch + "/keys/sub/CopiaAT-2025-2026-extra-sexta-feira-1216.zip", "x")
            fixture.writeFile(fixture.scratch + "/keys/sub/CopiaCP.zip", "x")
            var browser = createTemporaryObject(browserComponent, root, { "folder": fixture.scratch + "/keys" })
            var view = findChild(browser, "fileView")
            compare(view.count, 1)
            findChild(browser, "folderUp").forceActiveFocus(Qt.TabFocusReason)
            for (var i = 0; i < 5 && !view.activeFocus; ++i)
                keyClick(Qt.Key_Tab)
            verify(view.activeFocus, "Tab reaches the list of folders and copies")
            verify(rowRing(view) && rowRing(view).visible, "the current row shows the focus")
            keyClick(Qt.Key_Return)
            compare(browser.folder, fixture.scratch + "/keys/sub")
            compare(findChild(browser, "folderPath").text, browser.folder)
            compare(view.count, 2)
            var chosen = ""
            browser.fileChosen.connect(function(path) { chosen = path })
            keyClick(Qt.Key_Down)
            compare(view.currentIndex, 1)
            verify(rowRing(view).visible)
            keyClick(Qt.Key_Space)
            compare(chosen, fixture.scratch + "/keys/sub/CopiaCP.zip")
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Enter)
            compare(chosen, fixture.scratch + "/keys/sub/CopiaAT-2025-2026-extra-sexta-feira-1216.zip")
            keyClick(Qt.Key_Backspace)
            compare(browser.folder, fixture.scratch + "/keys")
        }

        // "Copia….zip" was all a row showed: the name has the row's width,
        // cut in the middle, and the whole name is one hover or focus away.
        function test_fileNamesStayReadable() {
            fixture.removeTree(fixture.scratch + "/names")
            var name = "CopiaAT-2025-2026-extra-fechamento-do-exercicio-de-dezembro-sexta-feira-1216.zip"
            fixture.writeFile(fixture.scratch + "/names/" + name, "x")
            var browser = createTemporaryObject(browserComponent, root, { "folder": fixture.scratch + "/names", "width": 420 })
            var view = findChild(browser, "fileView")
            compare(view.count, 1)
            waitForRendering(view)
            var row = view.itemAtIndex(0)
            var label = findChild(row, "fileName")
            verify(label.width >= row.width * 0.6, "the name gets most of the row, not what the size leaves")
            verify(label.truncated)
            compare(label.elide, Text.ElideMiddle)
            compare(row.ToolTip.text, name)
            view.forceActiveFocus(Qt.TabFocusReason)
            tryVerify(function() { return row.ToolTip.visible }, 2000, "the whole name shows for the focused row")
        }

        // FolderListModel kept the size it read first: 1,4 MB for 5,9 MB.
        function test_fileBrowserShowsSizesAsTheyAre() {
            fixture.removeTree(fixture.scratch + "/sizes")
            fixture.writeFile(fixture.scratch + "/sizes/CopiaAT.zip", "1234")
            var browser = createTemporaryObject(browserComponent, root, { "folder": fixture.scratch + "/sizes" })
            var view = findChild(browser, "fileView")
            compare(view.itemAtIndex(0).fileSize, 4)
            browser.visible = false
            fixture.writeFile(fixture.scratch + "/sizes/CopiaAT.zip", "123456789")
            browser.visible = true
            tryVerify(function() { return view.itemAtIndex(0) && view.itemAtIndex(0).fileSize === 9 })
            fixture.writeFile(fixture.scratch + "/sizes/CopiaAT.zip", "12")
            mouseClick(findChild(browser, "folderRefresh"))
            tryVerify(function() { return view.itemAtIndex(0) && view.itemAtIndex(0).fileSize === 2 })
        }

        function test_newFolderIsValidatedAndCreated() {
            fixture.removeTree(fixture.scratch + "/novas")
            fixture.writeFile(fixture.scratch + "/novas/.keep", "")
            var browser = createTemporaryObject(folderBrowserComponent, root, { "folder": fixture.scratch + "/novas" })
            var newFolder = findChild(browser, "newFolder")
            verify(newFolder.visible && newFolder.height >= 48)
            newFolder.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            var field = findChild(browser, "folderName")
            verify(field.activeFocus, "typing starts in the name field")
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Slash)
            var error = findChild(browser, "folderNameError")
            verify(error.visible && error.text.length > 0, "the problem is said next to the field")
            verify(!findChild(browser, "createFolder").enabled)
            keyClick(Qt.Key_Backspace)
            verify(!error.visible)
            keyClick(Qt.Key_Return)
            compare(browser.folder, fixture.scratch + "/novas/a")
            verify(fixture.exists(fixture.scratch + "/novas/a"))
            compare(findChild(browser, "folderPath").text, fixture.scratch + "/novas/a")
        }

        // The path shown is the folder listed, even when asked for one
        // that does not exist ("…/Copias" over the parent's contents).
        function test_pathShownIsTheFolderListed() {
            fixture.removeTree(fixture.scratch + "/shown")
            fixture.writeFile(fixture.scratch + "/shown/CopiaAT.zip", "x")
            var browser = createTemporaryObject(browserComponent, root, { "folder": fixture.scratch + "/shown/Copias" })
            compare(browser.folder, fixture.scratch + "/shown")
            compare(findChild(browser, "folderPath").text, fixture.scratch + "/shown")
            compare(findChild(browser, "fileView").count, 1)
        }

        function test_driveListByKeyboardOnly() {
            var drives = createTemporaryObject(drivesModelComponent, root)
            verify(drives.count > 0, "this machine has at least its root volume")
            var list = createTemporaryObject(driveListComponent, root, { "drives": drives })
            var chosen = ""
            list.chosen.connect(function(path) { chosen = path })
            keyClick(Qt.Key_Tab)
            tryVerify(function() { return list.activeFocus }, 2000, "Tab reaches the drives")
            verify(rowRing(list) && rowRing(list).visible, "the current drive shows the focus")
            // The first drive that can be written to (a read-only one is
            // shown, not chosen).
            while (list.currentItem && !list.currentItem.enabled && list.currentIndex < list.count - 1)
                keyClick(Qt.Key_Down)
            if (!list.currentItem.enabled)
                skip("every mounted volume of this machine is read-only")
            keyClick(Qt.Key_Return)
            compare(chosen, list.currentItem.path)
        }

        function test_wizardButtonsAreLarge() {
            var scaffold = createTemporaryObject(scaffoldComponent, root)
            var next = findChild(scaffold.footer, "nextButton")
            var back = findChild(scaffold.footer, "backButton")
            verify(next.height >= 48 && next.width >= 48)
            verify(back.height >= 48 && back.width >= 48)
            var advanced = 0
            scaffold.nextClicked.connect(function() { advanced += 1 })
            mouseClick(next)
            compare(advanced, 1)
            scaffold.nextEnabled = false
            mouseClick(next)
            compare(advanced, 1)
        }
    }
}
