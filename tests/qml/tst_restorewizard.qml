// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Resguarda.App
import Resguarda.Backend

// End to end: the whole restore wizard driven with clicks, on a demo
// installation that lost a company and changed another since its copy.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: wizardComponent; RestoreWizard { width: 1280; height: 800 } }

    TestCase {
        name: "RestoreWizard"
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
        function next(wizard) {
            var button = findChild(wizard.footer, "nextButton")
            // Companies are measured and plans worked out in the background:
            // Next waits for them.
            tryVerify(function() { return button.enabled }, 30000, "Next is enabled on step " + wizard.current)
            mouseClick(button)
        }

        function init() {
            verify(fixture.resetInstallation())
        }

        function test_wholeRestore() {
            var copies = fixture.scratch + "/copias-externas"
            fixture.removeTree(copies)
            fixture.writeFile(copies + "/.keep", "")
            var copy = fixture.makeCopy("AT", copies)
            verify(fixture.exists(copy))
            var inCopy = fixture.companiesInCopy(copy)
            var before = fixture.treeHashes("AT/empresas")

            // Work lost since the copy: a company deleted, one changed, one new.
            fixture.removeTree(fixture.root + "/AT/empresas/" + inCopy[0])
            fixture.writeFile(fixture.root + "/AT/empresas/" + inCopy[1] + "/cadastro.dat", "damaged")
            fixture.writeFile(fixture.root + "/AT/empresas/0999/empresa.json",
                              '{"codigo": "0999", "razaoSocial": "Nova", "cnpj": "11.222.333/0001-81"}')

            var wizard = createTemporaryObject(wizardComponent, root)
            compare(wizard.current, wizard.stepCopy)
            var next0 = findChild(wizard.footer, "nextButton")
            verify(!next0.enabled, "no copy chosen yet")
            wizard.browser.folder = copies
            var view = findChild(wizard.browser, "fileView")
            tryCompare(view, "count", 1)
            waitForRendering(view)
            mouseClick(view.itemAtIndex(0))
            tryCompare(wizard.settings, "copyOpen", true)
            next(wizard)

            compare(wizard.current, wizard.stepCompanies)
            compare(wizard.settings.companies.selectedCount, inCopy.length)
            next(wizard)

            compare(wizard.current, wizard.stepOptions)
            mouseClick(findChild(wizard, "replaceAllOption"))
            verify(wizard.settings.replaceAll)
            tryCompare(findChild(wizard, "eliminationWarning"), "visible", true)
            next(wizard)

            compare(wizard.current, wizard.stepSummary)
            var restoreNow = findChild(wizard.footer, "nextButton")
            verify(!restoreNow.enabled, "the restore needs an explicit confirmation")
            mouseClick(findChild(wizard, "confirmation"))
            next(wizard)

            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Succeeded)
            verify(findChild(wizard, "successBanner").visible)
            verify(fixture.exists(wizard.job.safetyCopyPath))
            verify(fixture.verifyCopy(wizard.job.safetyCopyPath))
            compare(fixture.treeHashes("AT/empresas"), before)
            verify(!fixture.exists(fixture.root + "/AT/empresas/0999"))
        }

        // Cancel asks once, saying what it keeps; the end says that nothing
        // changed, and the step indicator crosses the restore out.
        function test_cancelledRestoreSaysNothingChanged() {
            var code = fixture.companiesInInstallation("AT")[0]
            verify(fixture.writeRandomFile(fixture.root + "/AT/empresas/" + code + "/grande.dat", 96))
            fixture.removeTree(fixture.scratch + "/cancelada")
            fixture.writeFile(fixture.scratch + "/cancelada/.keep", "")
            var copy = fixture.makeCopy("AT", fixture.scratch + "/cancelada")
            verify(fixture.exists(copy))
            fixture.writeFile(fixture.root + "/AT/empresas/" + code + "/depois.dat", "after the copy")
            var before = fixture.treeHashes("AT")

            var wizard = createTemporaryObject(wizardComponent, root)
            wizard.settings.openCopy(copy)
            tryCompare(wizard.settings, "copyOpen", true)
            // The step before is another test's; start as "Restore now" does.
            wizard.current = wizard.stepProgress
            verify(wizard.job.startRestore(wizard.settings))
            verify(!findChild(wizard.footer, "backButton").visible)
            var cancel = findChild(wizard, "cancelJobButton")
            tryCompare(cancel, "enabled", true)
            var dialog = findChild(wizard, "progressView").cancelDialog
            mouseClick(cancel)
            tryCompare(dialog, "opened", true)
            verify(wizard.job.running)
            verify(findChild(dialog.contentItem, "cancelQuestion").text.indexOf("nothing in the installation changes") >= 0)
            mouseClick(findChild(dialog.contentItem, "confirmCancelButton"))
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Cancelled)
            compare(fixture.treeHashes("AT"), before)

            var indicator = findChild(wizard.header, "stepIndicator")
            compare(findChild(indicator, "step" + wizard.stepProgress).mark, "\u2715")
            compare(findChild(indicator, "step" + wizard.stepResult).label, "Cancelled")
            var banner = findChild(wizard, "errorBanner")
            verify(banner.visible)
            verify(banner.title.indexOf("nothing was changed") >= 0, banner.title)
            verify(!findChild(wizard, "successBanner").visible)
        }

        // Keyboard only: Tab to the browser, Enter on the copy, Tab to Next.
        // The browser opens where the last copy went, not on a missing
        // Copias folder.
        function test_copyChosenByKeyboardOnly() {
            var copies = fixture.scratch + "/copias-teclado"
            fixture.removeTree(copies)
            fixture.writeFile(copies + "/.keep", "")
            var copy = fixture.makeCopy("AT", copies)
            verify(fixture.exists(copy))
            AppController.rememberDestination(copies)

            var wizard = createTemporaryObject(wizardComponent, root)
            compare(wizard.browser.folder, copies, "opens on the folder of the last copy")
            var view = findChild(wizard.browser, "fileView")
            compare(view.count, 1)
            for (var i = 0; i < 20 && !view.activeFocus; ++i)
                keyClick(Qt.Key_Tab)
            verify(view.activeFocus, "Tab reaches the copies")
            keyClick(Qt.Key_Return)
            tryCompare(wizard.settings, "copyOpen", true)
            compare(wizard.settings.copyPath, copy)
            var nextButton = findChild(wizard.footer, "nextButton")
            for (i = 0; i < 20 && !nextButton.activeFocus; ++i)
                keyClick(Qt.Key_Tab)
            verify(nextButton.activeFocus, "Tab reaches Next")
            verify(findChild(nextButton, "focusRing").visible)
            keyClick(Qt.Key_Return)
            compare(wizard.current, wizard.stepCompanies)
            var companies = findChild(wizard, "companyView")
            var selected = wizard.settings.companies.selectedCount
            for (i = 0; i < 20 && !companies.activeFocus; ++i)
                keyClick(Qt.Key_Tab)
            verify(companies.activeFocus, "Tab reaches the companies")
            keyClick(Qt.Key_Space)
            compare(wizard.settings.companies.selectedCount, selected - 1, "Space unmarks the current company")
        }

        function test_damagedCopyIsRefusedAtOnce() {
            var bad = fixture.scratch + "/ruim/CopiaAT.zip"
            fixture.writeFile(bad, "not a zip at all")
            var wizard = createTemporaryObject(wizardComponent, root)
            wizard.browser.folder = fixture.scratch + "/ruim"
            var view = findChild(wizard.browser, "fileView")
            tryCompare(view, "count", 1)
            waitForRendering(view)
            mouseClick(view.itemAtIndex(0))
            tryVerify(function() { return wizard.settings.copyError.length > 0 })
            verify(!findChild(wizard.footer, "nextButton").enabled)
        }

        function allChildren(item, name, found) {
            if (!item)
                return found
            if (item.objectName === name)
                found.push(item)
            for (var i = 0; i < item.children.length; ++i)
                allChildren(item.children[i], name, found)
            return found
        }

        // A copy made with files left out says so before anything else, and
        // the company that lacks them is marked in the list.
        function test_incompleteCopyIsShownAsIncomplete() {
            var codes = fixture.companiesInInstallation("AT")
            verify(fixture.makeFifo(fixture.root + "/AT/empresas/" + codes[1] + "/fila"))
            var copies = fixture.scratch + "/incompletas"
            fixture.removeTree(copies)
            fixture.writeFile(copies + "/.keep", "")
            var copy = fixture.makeIncompleteCopy("AT", copies)
            verify(fixture.copyIsIncomplete(copy))

            var wizard = createTemporaryObject(wizardComponent, root)
            wizard.settings.openCopy(copy)
            // Opened on a worker: the page says so and cannot go on meanwhile.
            var busy = findChild(wizard, "copyOpening")
            verify(busy.visible)
            verify(findChild(busy, "busyIndicator").running)
            verify(!findChild(wizard.footer, "nextButton").enabled)
            tryCompare(wizard.settings, "copyOpen", true, 30000)
            verify(!busy.visible)
            verify(wizard.settings.copyIncomplete)
            compare(wizard.settings.copyLeftOutCount, 1)
            var notice = findChild(wizard, "copyIncompleteNotice")
            tryCompare(notice, "visible", true)
            compare(notice.title, "This copy is INCOMPLETE: 1 item(s) were left out when it was made")
            next(wizard)

            compare(wizard.current, wizard.stepCompanies)
            var banner = findChild(wizard, "copyIncompleteBanner")
            tryCompare(banner, "visible", true)
            verify(banner.text.indexOf("fila") >= 0, banner.text)
            var view = findChild(wizard, "companyView")
            waitForRendering(view)
            var marks = allChildren(view, "incompleteMark", []).filter(function(m) { return m.visible })
            compare(marks.length, 1)
            compare(marks[0].parent.parent.code, codes[1])
        }
    }
}
