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
    Component { id: scaffoldComponent; WizardScaffold { width: 800; height: 480; steps: ["One", "Two", "Three"]; Item {} Item {} Item {} } }

    TestCase {
        name: "Components"
        when: windowShown

        function findChild(item, name) {
            if (!item)
                return null
            if (item.objectName === name)
                return item
            var children = item.children
            for (var i = 0; i < children.length; ++i) {
                var found = findChild(children[i], name)
                if (found)
                    return found
            }
            if (item.contentItem && item.contentItem !== item) {
                var inContent = findChild(item.contentItem, name)
                if (inContent)
                    return inContent
            }
            return null
        }

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
