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
    Component { id: smallWizardComponent; RestoreWizard { width: 800; height: 480 } }

    TestCase {
        name: "RestoreWizard"
        when: windowShown

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

        // The clouds a test set up are gone for the next.
        function cleanup() {
            for (var name of ["nuvemrestauracao", "nuvemteclado", "nuvemdanificada"])
                fixture.setRcloneAlias(name, "")
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
            // Planned and compared with the installation, on workers.
            tryCompare(wizard.settings, "valid", true, 60000)
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

        // A protected copy asks for its password before anything of it is
        // shown; a wrong one says so and lets the user try again; the right
        // one opens it and its companies are listed as for any copy.
        function test_protectedCopyAsksForItsPassword() {
            var copies = fixture.scratch + "/copias-protegidas"
            fixture.removeTree(copies)
            fixture.writeFile(copies + "/.keep", "")
            var copy = fixture.makeProtectedCopy("AT", copies + "/CopiaAT.zip", "Senha-Forte-2026")
            verify(fixture.isProtectedCopy(copy))
            var wizard = createTemporaryObject(smallWizardComponent, root)
            wizard.browser.folder = copies
            var view = findChild(wizard.browser, "fileView")
            tryCompare(view, "count", 1)
            waitForRendering(view)
            verify(findChild(view.itemAtIndex(0), "protectedMark").visible, "the list marks it as protected")
            var prompt = findChild(wizard, "passwordPrompt")
            verify(!prompt.visible)
            // By keyboard, as on a kiosk without a mouse: the list, then Return.
            view.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            tryCompare(wizard.settings, "copyNeedsPassword", true)
            tryCompare(prompt, "visible", true)
            compare(wizard.settings.copyOpen, false)
            compare(wizard.settings.companies.count, 0)
            var nextButton = findChild(wizard.footer, "nextButton")
            verify(!nextButton.enabled)
            compare(wizard.nextMissingText, "Type the password of the copy and choose Open to continue")

            var field = findChild(wizard, "copyPassword")
            verify(field.inputMethodHints & Qt.ImhSensitiveData)
            verify(field.inputMethodHints & Qt.ImhHiddenText)
            compare(field.echoMode, TextInput.Password)
            tryCompare(field, "activeFocus", true)
            var open = findChild(wizard, "openProtected")
            verify(!open.enabled, "nothing typed yet")
            field.text = "Senha-Errada-2026"
            verify(open.enabled)
            keyClick(Qt.Key_Return) // in the field: Open
            tryVerify(function() { return wizard.settings.passwordError.length > 0 }, 60000)
            verify(findChild(wizard, "passwordError").visible)
            verify(prompt.visible)
            compare(wizard.settings.copyOpen, false)
            compare(field.text, "", "typed afresh for the retry")

            field.text = "Senha-Forte-2026"
            verify(field.activeFocus, "the field keeps the focus for the retry")
            keyClick(Qt.Key_Return)
            tryCompare(wizard.settings, "copyOpen", true, 60000)
            verify(!prompt.visible)
            verify(wizard.settings.copyProtected)
            verify(findChild(wizard, "chosenCopy").text.indexOf("protected") >= 0)
            compare(wizard.settings.companies.count, fixture.companiesInInstallation("AT").length)
            next(wizard)
            compare(wizard.current, wizard.stepCompanies)
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

        function insideWizard(wizard, item) {
            verify(item.visible, item.objectName + " is visible")
            var topLeft = item.mapToItem(wizard, 0, 0)
            var bottomRight = item.mapToItem(wizard, item.width, item.height)
            return topLeft.x >= 0 && topLeft.y >= 0
                && bottomRight.x <= wizard.width && bottomRight.y <= wizard.height
        }

        // The confirmation of a restore of an office of 300 companies on an
        // 800×480 screen: the check box and Restore now are on screen with no
        // scrolling, the companies whose data here is newer than the copy
        // are named first, and a tap on the disabled button says what is
        // missing.
        function confirmationInReach(companies, newer) {
            verify(fixture.resetInstallationWith(companies))
            verify(fixture.dateTree(fixture.root + "/AT/empresas", 10))
            var copies = fixture.scratch + "/copias-" + companies
            fixture.removeTree(copies)
            var copy = fixture.makeCopyMadeDaysAgo("AT", copies, 9)
            verify(fixture.exists(copy))
            var codes = fixture.companiesInCopy(copy)
            // The demo leaves a few codes out of each system, as real offices have gaps.
            verify(codes.length > newer[newer.length - 1] && codes.length >= companies * 0.6,
                   codes.length + " companies in the copy")
            for (var i = 0; i < newer.length; ++i)
                verify(fixture.touchFileBelow(fixture.root + "/AT/empresas/" + codes[newer[i]], 3))

            var wizard = createTemporaryObject(smallWizardComponent, root)
            wizard.settings.openCopy(copy)
            tryCompare(wizard.settings, "copyOpen", true, 60000)
            tryCompare(wizard.settings, "checkingNewerData", false)
            next(wizard)

            // The preview marks the company whose data here is newer.
            compare(wizard.current, wizard.stepCompanies)
            var view = findChild(wizard, "companyView")
            waitForRendering(view)
            var marks = allChildren(view, "newerMark", []).filter(function(m) { return m.visible })
            verify(marks.length >= 1, "the newer company is marked in the preview")
            verify(marks[0].text.indexOf("newer than the copy") >= 0, marks[0].text)
            next(wizard)
            compare(wizard.current, wizard.stepOptions)
            mouseClick(findChild(wizard, "replaceAllOption"))
            wizard.settings.updatePlan()
            next(wizard)

            compare(wizard.current, wizard.stepSummary)
            tryCompare(wizard.settings, "planning", false, 60000)
            tryCompare(wizard.settings, "checkingNewerData", false, 60000)
            var confirmation = findChild(wizard, "confirmation")
            var restoreNow = findChild(wizard.footer, "nextButton")
            waitForRendering(wizard)
            verify(insideWizard(wizard, confirmation), "the confirmation is on screen")
            verify(insideWizard(wizard, restoreNow), "Restore now is on screen")
            compare(findChild(wizard, "summarySystem").text, "System AT – Ativo Imobilizado")

            // Groups: the newer data first, named company by company, in the danger tone.
            var groups = wizard.settings.plan.groups
            compare(groups[0].kind, "newer")
            compare(groups[0].tone, "danger")
            compare(groups[0].count, newer.length)
            for (var n = 0; n < newer.length; ++n)
                verify(groups[0].lines[n].indexOf(codes[newer[n]]) === 0, groups[0].lines[n])
            var first = findChild(findChild(wizard, "summaryGroups"), "summaryGroup_newer")
            verify(first)
            verify(insideWizard(wizard, first), "the newer data is the first thing shown")

            // Disabled, and tapping it says why.
            verify(!restoreNow.enabled)
            var hint = findChild(wizard.footer, "nextMissingHint")
            compare(hint.text, "Mark the confirmation to continue")
            verify(insideWizard(wizard, hint))
            mouseClick(restoreNow)
            verify(wizard.nextRefusedTap)
            verify(findChild(wizard, "confirmationBar").attention)
            compare(wizard.current, wizard.stepSummary)

            // By keyboard alone: Tab reaches each group's header (Space folds
            // or unfolds it) and the confirmation, both showing focus.
            var header = findChild(first, "summaryGroupHeader")
            var wasOpen = first.open
            for (var t = 0; t < 20 && !header.activeFocus; ++t)
                keyClick(Qt.Key_Tab)
            verify(header.activeFocus, "Tab reaches the first group")
            verify(findChild(header, "focusRing").visible)
            keyClick(Qt.Key_Space)
            compare(first.open, !wasOpen)
            keyClick(Qt.Key_Space)
            for (t = 0; t < 40 && !confirmation.activeFocus; ++t)
                keyClick(Qt.Key_Tab)
            verify(confirmation.activeFocus, "Tab reaches the confirmation")
            verify(findChild(confirmation, "focusRing").visible)

            mouseClick(confirmation)
            verify(restoreNow.enabled)
            compare(hint.text, "")
        }

        function test_confirmationInReachWith300Companies() {
            confirmationInReach(300, [1, 149])
        }

        function test_confirmationInReachWith3Companies() {
            confirmationInReach(3, [1])
        }

        // An unmarked company is not replaced, and the preview says so.
        function test_unmarkedCompanySaysItIsKept() {
            var copies = fixture.scratch + "/copias-desmarcadas"
            fixture.removeTree(copies)
            var copy = fixture.makeCopy("AT", copies)
            var wizard = createTemporaryObject(wizardComponent, root)
            wizard.settings.openCopy(copy)
            tryCompare(wizard.settings, "copyOpen", true, 60000)
            next(wizard)
            wizard.settings.companies.setSelected(0, false)
            var view = findChild(wizard, "companyView")
            waitForRendering(view)
            var marks = allChildren(view, "restoreMark", [])
            var texts = marks.map(function(m) { return m.parent.parent.code + ":" + m.text })
            verify(texts.indexOf(wizard.settings.companies.selectedCodes().length > 0
                                 ? fixture.companiesInCopy(copy)[0] + ":not restored: kept as it is" : "") >= 0,
                   texts.join(", "))
            verify(texts.indexOf(fixture.companiesInCopy(copy)[1] + ":will be replaced") >= 0, texts.join(", "))
        }

        // A copy on a cloud (an rclone remote that is a folder of the
        // test's): the remote is listed, choosing it shows the default
        // folder and its copies, and tapping one fetches and opens it, as
        // a copy on a drive would be. On the small screen.
        function test_copyFromTheCloud() {
            var remote = fixture.scratch + "/nuvem-restauracao"
            fixture.removeTree(remote)
            fixture.writeFile(remote + "/Resguarda/.keep", "")
            var copy = fixture.makeCopy("AT", remote + "/Resguarda")
            verify(fixture.exists(copy))
            fixture.setRcloneAlias("nuvemrestauracao", remote)

            var wizard = createTemporaryObject(smallWizardComponent, root)
            var cloud = findChild(wizard, "cloudBrowser")
            verify(!cloud.visible, "the drives come first")
            mouseClick(findChild(wizard, "sourceCloud"))
            verify(cloud.visible)
            verify(!wizard.browser.visible)
            var choice = null
            tryVerify(function() { choice = findChild(cloud, "remoteChoice"); return choice !== null }, 30000,
                      "the remote is listed")
            compare(choice.text, "\u2601 Cloud: nuvemrestauracao")
            verify(choice.height >= Theme.touchTarget)
            mouseClick(choice)
            compare(cloud.copies.remote, "nuvemrestauracao")
            compare(findChild(cloud, "remoteFolder").text, "Resguarda")
            var view = findChild(cloud, "remoteCopies")
            tryCompare(view, "count", 1, 30000)
            waitForRendering(view)
            var row = view.itemAtIndex(0)
            compare(row.name, "CopiaAT.zip")
            verify(row.height >= Theme.touchTarget)
            verify(row.y + row.height <= view.height, "the copy is in view on 800×480")
            mouseClick(row)
            tryCompare(wizard.settings, "copyOpen", true, 60000)
            compare(wizard.settings.copyPath, "nuvemrestauracao:Resguarda/CopiaAT.zip")
            compare(wizard.settings.copyOrigin, "nuvemrestauracao:Resguarda/CopiaAT.zip")
            verify(findChild(wizard, "chosenCopy").text.indexOf("nuvemrestauracao:Resguarda/CopiaAT.zip") >= 0)
            next(wizard)
            compare(wizard.current, wizard.stepCompanies)
            compare(wizard.settings.companies.selectedCount, fixture.companiesInCopy(copy).length)
        }

        // Whoever can write to the cloud names its files: a name that looks
        // like HTML is shown as written, never drawn as markup (nor does it
        // make the app fetch an image).
        function test_cloudCopyNamedLikeMarkupIsShownAsWritten() {
            var remote = fixture.scratch + "/nuvem-marcacao"
            var name = "Copia<font color=red size=7>LIGUE<img src=x.png>.zip"
            fixture.removeTree(remote)
            verify(fixture.writeFile(remote + "/Resguarda/" + name, "not a copy"))
            fixture.setRcloneAlias("nuvemmarcacao", remote)
            var wizard = createTemporaryObject(smallWizardComponent, root)
            mouseClick(findChild(wizard, "sourceCloud"))
            var cloud = findChild(wizard, "cloudBrowser")
            var view = findChild(cloud, "remoteCopies")
            tryCompare(view, "count", 1, 30000)
            waitForRendering(view)
            var label = findChild(view.itemAtIndex(0), "remoteCopyName")
            compare(label.text, name)
            compare(label.textFormat, Text.PlainText)
            // Drawn with its tags: much wider than the name without them.
            verify(label.implicitWidth > 3 * name.indexOf("<font"), label.implicitWidth)
            fixture.setRcloneAlias("nuvemmarcacao", "")
        }

        // The same with the keyboard alone: Tab to "Cloud", Space, Tab to
        // the copies, Enter; the focus is seen on each.
        function test_cloudCopyByKeyboardOnly() {
            var remote = fixture.scratch + "/nuvem-teclado"
            fixture.removeTree(remote)
            fixture.writeFile(remote + "/Resguarda/.keep", "")
            verify(fixture.exists(fixture.makeCopy("AT", remote + "/Resguarda")))
            fixture.setRcloneAlias("nuvemteclado", remote)

            var wizard = createTemporaryObject(wizardComponent, root)
            var source = findChild(wizard, "sourceCloud")
            for (var i = 0; i < 20 && !source.activeFocus; ++i)
                keyClick(Qt.Key_Tab)
            verify(source.activeFocus, "Tab reaches Cloud")
            verify(findChild(source, "focusRing").visible)
            keyClick(Qt.Key_Space)
            var cloud = findChild(wizard, "cloudBrowser")
            verify(cloud.visible)
            // The only remote is chosen already.
            tryCompare(cloud.copies, "remote", "nuvemteclado", 30000)
            var view = findChild(cloud, "remoteCopies")
            tryCompare(view, "count", 1, 30000)
            for (i = 0; i < 20 && !view.activeFocus; ++i)
                keyClick(Qt.Key_Tab)
            verify(view.activeFocus, "Tab reaches the copies")
            waitForRendering(view)
            verify(findChild(view.itemAtIndex(0), "focusRing").visible)
            keyClick(Qt.Key_Return)
            tryCompare(wizard.settings, "copyOpen", true, 60000)
            compare(wizard.settings.copyPath, "nuvemteclado:Resguarda/CopiaAT.zip")
        }

        // No cloud set up: the section says how to set one up instead of
        // being empty; a copy that is not a copy is refused as such.
        function test_cloudWithoutRemotesSaysHowToSetOneUp() {
            var wizard = createTemporaryObject(smallWizardComponent, root)
            mouseClick(findChild(wizard, "sourceCloud"))
            var cloud = findChild(wizard, "cloudBrowser")
            var hint = findChild(cloud, "remotesSetupHint")
            tryCompare(hint, "visible", true, 30000)
            verify(hint.text.indexOf("rclone config") >= 0, hint.text)
            verify(findChild(cloud, "remoteChoice") === null)
        }

        // Two clouds and none chosen yet: the page says to choose one, and
        // the choices stay at the top, under the title, not in mid-page.
        function test_twoCloudsAskWhichOne() {
            fixture.setRcloneAlias("nuvemum", fixture.scratch)
            fixture.setRcloneAlias("nuvemdois", fixture.scratch)
            var wizard = createTemporaryObject(smallWizardComponent, root)
            mouseClick(findChild(wizard, "sourceCloud"))
            var cloud = findChild(wizard, "cloudBrowser")
            tryVerify(function() { return findChild(cloud, "remoteChoice") !== null }, 30000)
            compare(cloud.copies.remote, "")
            var hint = findChild(cloud, "remoteChooseHint")
            verify(hint.visible)
            var source = findChild(wizard, "sourceCloud")
            var choices = findChild(cloud, "remoteChoices")
            var gap = choices.mapToItem(wizard, 0, 0).y
                      - (source.mapToItem(wizard, 0, 0).y + source.height)
            verify(gap < 3 * Theme.spacing, "the clouds sit under the title, " + gap + " px below")
            fixture.setRcloneAlias("nuvemum", "")
            fixture.setRcloneAlias("nuvemdois", "")
        }

        function test_damagedCloudCopyIsRefused() {
            var remote = fixture.scratch + "/nuvem-danificada"
            fixture.removeTree(remote)
            fixture.writeFile(remote + "/Resguarda/CopiaAT.zip", "not a copy at all")
            fixture.setRcloneAlias("nuvemdanificada", remote)
            var before = fixture.treeHashes("AT")
            var wizard = createTemporaryObject(smallWizardComponent, root)
            mouseClick(findChild(wizard, "sourceCloud"))
            var cloud = findChild(wizard, "cloudBrowser")
            var view = findChild(cloud, "remoteCopies")
            tryCompare(view, "count", 1, 30000)
            waitForRendering(view)
            mouseClick(view.itemAtIndex(0))
            var error = findChild(wizard, "copyError")
            tryCompare(error, "visible", true, 60000)
            verify(error.text.indexOf("nuvemdanificada:Resguarda/CopiaAT.zip") >= 0, error.text)
            verify(!wizard.settings.copyOpen)
            compare(fixture.treeHashes("AT"), before)
        }
    }
}
