// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Resguarda.App
import Resguarda.Backend

// End to end: the whole backup wizard driven with clicks on a real demo
// installation, and the copy it writes checked on disk.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: wizardComponent; BackupWizard { width: 1280; height: 800 } }
    Component { id: mainComponent; Main {} }

    TestCase {
        name: "BackupWizard"
        when: windowShown

        function next(wizard) {
            var button = findChild(wizard.footer, "nextButton")
            // Companies are measured and plans worked out in the background:
            // Next waits for them.
            tryVerify(function() { return button.enabled }, 30000, "Next is enabled on step " + wizard.current)
            mouseClick(button)
        }

        function init() {
            fixture.setRcloneRemote("nuvemqml", "")
            verify(fixture.resetInstallation())
            fixture.disconnectClient()
        }

        // The ⌂ button: reached by Tab with a ring that shows on the title
        // bar, and it never drops a wizard holding choices without asking
        // (Stay is the default).
        function test_homeAsksBeforeDroppingChoices() {
            var window = createTemporaryObject(mainComponent, root)
            verify(window)
            window.requestActivate()
            tryCompare(window, "active", true)
            window.showBackup()
            tryCompare(window.pageStack, "busy", false)
            var home = findChild(window.header, "homeButton")
            verify(home.visible)

            // Untouched: leaving loses nothing, so it does not ask.
            home.forceActiveFocus(Qt.TabFocusReason)
            verify(findChild(home, "focusRing").visible, "the focused ⌂ shows a ring")
            keyClick(Qt.Key_Space)
            tryCompare(window.pageStack, "depth", 1)
            verify(!window.leaveDialog.visible)

            window.showBackup()
            tryCompare(window.pageStack, "busy", false)
            var wizard = window.currentPage
            wizard.current = wizard.current + 1
            verify(!wizard.idleReturnAllowed)
            home.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            tryCompare(window.leaveDialog, "opened", true)
            compare(window.pageStack.depth, 2, "nothing dropped yet")
            keyClick(Qt.Key_Return) // the default: Stay
            tryCompare(window.leaveDialog, "visible", false)
            compare(window.pageStack.depth, 2)
            compare(window.currentPage, wizard)

            home.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            tryCompare(window.leaveDialog, "opened", true)
            keyClick(Qt.Key_Tab)
            keyClick(Qt.Key_Return) // Leave
            tryCompare(window.pageStack, "depth", 1)

            // Home by keyboard leaves the keyboard usable there: Tab reaches
            // a visible control of Home.
            for (var t = 0; t < 3; ++t)
                keyClick(Qt.Key_Tab)
            verify(window.activeFocusItem && window.activeFocusItem.visible
                   && window.activeFocusItem !== window.contentItem,
                   "Tab reaches a control after going Home: " + window.activeFocusItem)
            var homeFocus = window.activeFocusItem
            var inHome = false
            for (var it = homeFocus; it; it = it.parent)
                if (it === window.currentPage)
                    inHome = true
            verify(inHome, "…on Home")

            // Back on the first step after choosing: the wizard's own
            // "Home" asks too.
            window.showBackup()
            tryCompare(window.pageStack, "busy", false)
            wizard = window.currentPage
            wizard.current = wizard.current + 1
            wizard.current = wizard.stepDestination
            var back = findChild(wizard.footer, "backButton")
            back.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            tryCompare(window.leaveDialog, "opened", true)
            compare(window.pageStack.depth, 2, "nothing dropped yet")
            keyClick(Qt.Key_Return) // Stay
            tryCompare(window.leaveDialog, "visible", false)
            compare(window.currentPage, wizard)
        }

        // An extra copy without a label: the error sits right under the
        // field, and the disabled Next says the same beside it.
        function test_invalidLabelErrorNextToTheField() {
            var wizard = createTemporaryObject(wizardComponent, root, { width: 800, height: 480 })
            wizard.current = wizard.stepOptions
            wizard.settings.mode = BackupSettings.Extra
            var field = findChild(wizard, "extraLabel")
            tryCompare(field, "visible", true)
            var page = findChild(wizard, "optionsStep")
            waitForRendering(wizard)
            // As a user does: scroll to the field, tap it, type a blank label.
            field.forceActiveFocus(Qt.TabFocusReason)
            tryCompare(field, "activeFocus", true)
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Space)
            compare(wizard.settings.extraLabel, "  ")
            var error = findChild(wizard, "optionsError")
            tryCompare(error, "visible", true)
            verify(!findChild(wizard.footer, "nextButton").enabled)
            waitForRendering(wizard)
            var fieldBottom = field.mapToItem(wizard, 0, field.height).y
            var errorTop = error.mapToItem(wizard, 0, 0).y
            verify(errorTop >= fieldBottom && errorTop - fieldBottom < 40,
                   "the error follows the field (" + fieldBottom + ", " + errorTop + ")")
            var pageBottom = page.mapToItem(wizard, 0, page.height).y
            tryVerify(function() { return error.mapToItem(wizard, 0, error.height).y <= pageBottom }, 5000,
                      "the error is on screen, not below the fold: " + error.mapToItem(wizard, 0, error.height).y
                      + " > " + pageBottom)
            compare(wizard.nextMissingText, wizard.settings.validationError)
            verify(findChild(wizard.footer, "nextMissingHint").visible)
        }

        // "Other folder…" by keyboard on a small screen: the browser comes
        // into view with the keyboard in its list.
        function test_otherFolderBrowserComesIntoView() {
            var wizard = createTemporaryObject(wizardComponent, root, { width: 800, height: 480 })
            var button = findChild(wizard, "otherFolderButton")
            button.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Return)
            var browser = findChild(wizard, "destinationBrowser")
            tryCompare(browser, "visible", true)
            var list = findChild(browser, "fileView")
            tryCompare(list, "activeFocus", true)
            var page = findChild(wizard, "destinationStep")
            var pageTop = page.mapToItem(wizard, 0, 0).y
            var pageBottom = page.mapToItem(wizard, 0, page.height).y
            tryVerify(function() {
                var top = list.mapToItem(wizard, 0, 0).y
                return top >= pageTop && top + list.height <= pageBottom
            }, 5000, "the browser's list is in view: list " + list.mapToItem(wizard, 0, 0).y + "+" + list.height
                      + ", page " + pageTop + "-" + pageBottom + ", browser " + browser.height
                      + ", contentY " + page.contentItem.contentY)
        }

        // The rclone remotes are listed below the drives as clouds, shown as
        // information (the app does not send yet, and says so); with none,
        // how to set one up.
        // A cloud set up with rclone (a "local" remote: a folder, so the
        // sending is real and checked on disk) is a choice in the
        // destination step, chosen by touch and by keyboard; the summary
        // says where the copy goes, the result lists what was sent, and the
        // file is there byte for byte. Without a cloud, how to set one up.
        function test_destinationSendsToACloud() {
            fixture.setRcloneRemote("nuvemqml", "local")
            var pendrive = fixture.scratch + "/pendrive-nuvem"
            var cloud = fixture.scratch + "/nuvem-local"
            fixture.removeTree(pendrive)
            fixture.removeTree(cloud)
            fixture.writeFile(pendrive + "/LEIAME.txt", "pen drive")
            var wizard = createTemporaryObject(wizardComponent, root, { width: 800, height: 480 })
            var list = findChild(wizard, "remoteList")
            tryVerify(function() { return findChild(list, "remote") !== null }, 20000, "the remotes were listed")
            var remote = findChild(list, "remote")
            var none = findChild(list, "noRemote")
            var folder = findChild(list, "remoteFolder")
            compare(remote.text, "Cloud: nuvemqml  ·  local")
            verify(none.checked, "nothing is sent unless chosen")
            verify(!remote.checked)
            verify(!folder.visible)
            verify(remote.height >= Theme.touchTarget)

            // By touch: the cloud, then its folder, typed.
            var page = findChild(wizard, "destinationStep")
            page.ensureVisible(remote)
            waitForRendering(wizard)
            mouseClick(remote)
            compare(wizard.settings.remoteName, "nuvemqml")
            verify(remote.checked)
            verify(!none.checked)
            tryCompare(folder, "visible", true)
            compare(folder.text, "Resguarda")
            var note = findChild(list, "remotesNote")
            verify(note.text.indexOf("nuvemqml:Resguarda") >= 0, note.text)
            folder.forceActiveFocus(Qt.TabFocusReason)
            folder.selectAll()
            keyClick(Qt.Key_Delete)
            typeInto(folder, "Loja")
            compare(wizard.settings.remoteFolder, "Loja")
            compare(wizard.settings.remoteSpec, "nuvemqml:Loja")
            // A folder that climbs out holds Next with the reason.
            typeInto(folder, "/..")
            var nextButton = findChild(wizard.footer, "nextButton")
            verify(!nextButton.enabled)
            verify(wizard.nextMissingText.indexOf("cloud folder") >= 0, wizard.nextMissingText)

            // By keyboard: Space on "Do not send" takes the choice back.
            none.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            compare(wizard.settings.remoteName, "")
            verify(none.checked)
            verify(!remote.checked)
            remote.forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            compare(wizard.settings.remoteName, "nuvemqml")

            // A local remote takes an absolute folder: the test's "cloud".
            wizard.settings.remoteFolder = cloud
            wizard.settings.destinationFolder = pendrive
            tryCompare(nextButton, "enabled", true)
            next(wizard)
            next(wizard)
            next(wizard)
            compare(wizard.current, wizard.stepSummary)
            var where = findChild(wizard, "summaryRemote")
            verify(where.visible)
            verify(where.text.indexOf("nuvemqml:" + cloud) >= 0, where.text)
            tryCompare(wizard.settings.summary, "busy", false, 60000)
            next(wizard) // "Make the copy"
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Succeeded, wizard.job.errorText)
            compare(wizard.job.sentLines.length, 1)
            verify(findChild(wizard, "sentList").visible)
            verify(fixture.exists(cloud + "/CopiaAT.zip"))
            verify(fixture.verifyCopy(cloud + "/CopiaAT.zip"))
            compare(fixture.fileHash(cloud + "/CopiaAT.zip"), fixture.fileHash(pendrive + "/CopiaAT.zip"))

            // None set up: the step says how, and offers nothing to choose.
            fixture.setRcloneRemote("nuvemqml", "")
            wizard = createTemporaryObject(wizardComponent, root, { width: 800, height: 480 })
            list = findChild(wizard, "remoteList")
            note = findChild(list, "remotesNote")
            tryVerify(function() { return note.visible }, 20000, "the remotes were listed")
            verify(!findChild(list, "remote"), "no remote row")
            verify(!findChild(list, "noRemote").visible)
            verify(note.text.indexOf("\"rclone config\"") >= 0, note.text)
        }

        // A cloud that cannot be reached: the copy is made here, and the
        // result says loudly that it was not sent, with the step crossed out.
        function test_cloudNotReachedIsNotASuccess() {
            fixture.setRcloneRemote("nuvemqml", "local")
            var pendrive = fixture.scratch + "/pendrive-sem-nuvem"
            fixture.removeTree(pendrive)
            fixture.writeFile(pendrive + "/LEIAME.txt", "pen drive")
            // The "cloud" folder is a file: rclone cannot make it.
            var blocked = fixture.scratch + "/nuvem-bloqueada"
            fixture.removeTree(blocked)
            fixture.writeFile(blocked, "not a folder")
            var wizard = createTemporaryObject(wizardComponent, root, { width: 800, height: 480 })
            wizard.settings.remoteName = "nuvemqml"
            wizard.settings.remoteFolder = blocked + "/dentro"
            wizard.settings.destinationFolder = pendrive
            next(wizard)
            next(wizard)
            next(wizard)
            tryCompare(wizard.settings.summary, "busy", false, 60000)
            next(wizard)
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            fixture.setRcloneRemote("nuvemqml", "")
            compare(wizard.job.state, JobController.NotSent)
            var banner = findChild(wizard, "notSentBanner")
            verify(banner.visible)
            verify(!findChild(wizard, "successBanner").visible)
            verify(wizard.job.errorText.length > 0)
            verify(banner.text.indexOf(wizard.job.errorText) === 0)
            var indicator = findChild(wizard.header, "stepIndicator")
            compare(findChild(indicator, "step" + wizard.stepResult).label, "Not sent")
            verify(fixture.verifyCopy(pendrive + "/CopiaAT.zip"))
        }

        // Protection on: two password fields, a strength, and Next held
        // with the reason (BackupSettings' rule) until both agree; the
        // summary and the result say the copy is protected, and it is.
        function test_protectedCopy() {
            var pendrive = fixture.scratch + "/pendrive-senha"
            fixture.removeTree(pendrive)
            fixture.writeFile(pendrive + "/LEIAME.txt", "pen drive")
            var wizard = createTemporaryObject(wizardComponent, root, { width: 800, height: 480 })
            wizard.settings.destinationFolder = pendrive
            next(wizard)
            compare(wizard.current, wizard.stepOptions)
            var page = findChild(wizard, "optionsStep")
            var option = findChild(wizard, "protectOption")
            var box = findChild(wizard, "passwordBox")
            verify(!box.visible)
            // Scrolled to as the focus would, once the page has its height.
            var pageBottom = page.mapToItem(wizard, 0, page.height).y
            tryVerify(function() {
                page.ensureVisible(option)
                var top = option.mapToItem(wizard, 0, 0).y
                return top >= 0 && top + option.height <= pageBottom
            }, 5000, "the option comes into view")
            waitForRendering(wizard)
            // By keyboard: the option takes the focus and Space turns it on.
            option.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryCompare(wizard.settings, "protect", true)
            tryCompare(box, "visible", true)
            var nextButton = findChild(wizard.footer, "nextButton")
            verify(!nextButton.enabled, "protection without a password")

            var field = findChild(wizard, "passwordField")
            var repeat = findChild(wizard, "passwordRepeatField")
            compare(field.echoMode, TextInput.Password)
            verify(field.inputMethodHints & Qt.ImhHiddenText)
            verify(field.inputMethodHints & Qt.ImhSensitiveData)
            verify(field.inputMethodHints & Qt.ImhNoPredictiveText)
            verify(field.inputMethodHints & Qt.ImhNoAutoUppercase)
            field.forceActiveFocus(Qt.TabFocusReason)
            tryCompare(field, "activeFocus", true)
            keyClick(Qt.Key_C); keyClick(Qt.Key_U); keyClick(Qt.Key_R); keyClick(Qt.Key_T); keyClick(Qt.Key_A)
            compare(wizard.settings.password, "curta")
            // Weak: refused, with the policy's reason beside Next and under the field.
            verify(!nextButton.enabled)
            compare(wizard.nextMissingText, wizard.settings.passwordProblem)
            verify(wizard.settings.passwordProblem.length > 0)
            tryCompare(findChild(wizard, "passwordProblem"), "visible", true)
            compare(findChild(wizard, "passwordStrengthText").text, wizard.settings.passwordStrengthText)

            // Strong, but the two differ.
            field.selectAll()
            keyClick(Qt.Key_Delete)
            typeInto(field, "Senha-Forte-2026")
            compare(wizard.settings.password, "Senha-Forte-2026")
            verify(wizard.settings.passwordStrength >= 1)
            verify(findChild(wizard, "passwordStrength").visible)
            keyClick(Qt.Key_Tab) // to the second field
            tryCompare(repeat, "activeFocus", true)
            typeInto(repeat, "Senha-Forte-2062")
            verify(!nextButton.enabled)
            compare(wizard.nextMissingText, "The two passwords differ. Type the same password in both fields.")
            verify(findChild(wizard.footer, "nextMissingHint").visible)

            // Shown in clear on request.
            var show = findChild(wizard, "showPassword")
            keyClick(Qt.Key_Tab)
            tryCompare(show, "activeFocus", true)
            keyClick(Qt.Key_Space)
            compare(field.echoMode, TextInput.Normal)
            compare(repeat.echoMode, TextInput.Normal)

            repeat.forceActiveFocus(Qt.TabFocusReason)
            repeat.selectAll()
            keyClick(Qt.Key_Delete)
            typeInto(repeat, "Senha-Forte-2026")
            tryCompare(nextButton, "enabled", true)
            next(wizard)
            compare(wizard.current, wizard.stepCompanies)
            next(wizard)
            compare(wizard.current, wizard.stepSummary)
            verify(findChild(wizard, "summaryProtected").visible)
            tryCompare(wizard.settings.summary, "busy", false, 60000)
            next(wizard)
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Succeeded)
            verify(findChild(wizard, "resultProtected").visible)
            var copy = pendrive + "/CopiaAT.zip"
            verify(fixture.isProtectedCopy(copy))
        }

        function typeInto(field, text) {
            for (var i = 0; i < text.length; ++i) {
                var c = text[i]
                if (c === "-")
                    keyClick(Qt.Key_Minus)
                else if (c >= "0" && c <= "9")
                    keyClick(Qt.Key_0 + (c.charCodeAt(0) - 48))
                else if (c === c.toUpperCase())
                    keyClick(c, Qt.ShiftModifier)
                else
                    keyClick(c)
            }
        }

        function test_wholeBackup() {
            var pendrive = fixture.scratch + "/pendrive"
            fixture.removeTree(pendrive)
            fixture.writeFile(pendrive + "/LEIAME.txt", "pen drive")
            var wizard = createTemporaryObject(wizardComponent, root)
            compare(wizard.current, wizard.stepDestination)
            // The default destination is inside the installation: the procedure's warning shows.
            tryCompare(findChild(wizard, "sameDiskWarning"), "visible", true)
            wizard.settings.destinationFolder = pendrive
            next(wizard)

            compare(wizard.current, wizard.stepOptions)
            mouseClick(findChild(wizard, "templatesOption"))
            verify(wizard.settings.templates)
            next(wizard)

            compare(wizard.current, wizard.stepCompanies)
            var codes = fixture.companiesInInstallation("AT")
            verify(codes.length >= 2)
            tryCompare(wizard.companies, "selectedCount", codes.length, 30000)
            wizard.companies.setSelected(0, false)
            next(wizard)

            compare(wizard.current, wizard.stepSummary)
            // Shown, the summary works out what the one copy will hold.
            tryCompare(wizard.settings.summary, "busy", false, 60000)
            compare(wizard.settings.summary.count, 1)
            compare(wizard.settings.summary.errorText, "")
            verify(findChild(wizard, "summaryCopies").visible)
            next(wizard) // "Make the copy"
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Succeeded)
            verify(findChild(wizard, "successBanner").visible)
            var indicator = findChild(wizard.header, "stepIndicator")
            compare(findChild(indicator, "step" + wizard.stepProgress).mark, "\u2713")
            compare(findChild(indicator, "step" + wizard.stepResult).label, "Done")

            var copy = pendrive + "/CopiaAT.zip"
            verify(fixture.exists(copy))
            verify(fixture.verifyCopy(copy))
            compare(fixture.companiesInCopy(copy), codes.slice(1))
        }

        function test_inUseNamesTheClientAndRetries() {
            verify(fixture.connectClient("joana", "CAIXA-02", "CP"))
            var wizard = createTemporaryObject(wizardComponent, root)
            wizard.current = wizard.stepSummary
            next(wizard)
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.InUse)
            // Nothing was copied: the indicator and the page say so.
            var indicator = findChild(wizard.header, "stepIndicator")
            compare(findChild(indicator, "step" + wizard.stepProgress).mark, "\u2715")
            compare(findChild(indicator, "step" + wizard.stepResult).label, "In use")
            verify(findChild(wizard, "inUsePanel").title.indexOf("Nothing was done") >= 0)
            var retry = findChild(wizard, "retryButton")
            verify(retry.visible)
            fixture.disconnectClient()
            mouseClick(retry)
            tryCompare(wizard.job, "state", JobController.Succeeded, 60000)
            verify(fixture.verifyCopy(fixture.root + "/Copias/CopiaAT.zip"))
        }

        // Cancel is a button of its own on the progress page, asks once,
        // and the end says what happened: no tick, no "Done".
        function test_cancelAsksOnceAndTheEndSaysCancelled() {
            var previous = fixture.makeCopy("AT", "")
            var code = fixture.companiesInInstallation("AT")[0]
            verify(fixture.writeRandomFile(fixture.root + "/AT/empresas/" + code + "/grande.dat", 96))
            var before = fixture.treeHashes("Copias")
            var wizard = createTemporaryObject(wizardComponent, root)
            wizard.current = wizard.stepSummary
            next(wizard)
            compare(wizard.current, wizard.stepProgress)
            verify(!findChild(wizard.footer, "backButton").visible)
            var cancel = findChild(wizard, "cancelJobButton")
            verify(cancel.visible)
            tryCompare(cancel, "enabled", true)
            verify(cancel.height >= 48)
            var dialog = findChild(wizard, "progressView").cancelDialog

            // The first tap only asks; "keep copying" changes nothing.
            mouseClick(cancel)
            tryCompare(dialog, "opened", true)
            verify(wizard.job.running)
            verify(!wizard.job.cancelling)
            verify(findChild(dialog.contentItem, "cancelQuestion").text.indexOf("previous copy") >= 0)
            mouseClick(findChild(dialog.contentItem, "keepGoingButton"))
            tryCompare(dialog, "visible", false)
            verify(wizard.job.running)
            verify(!wizard.job.cancelling)

            mouseClick(cancel)
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.contentItem, "confirmCancelButton"))
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Cancelled)
            compare(fixture.treeHashes("Copias"), before)
            verify(fixture.verifyCopy(previous))

            var indicator = findChild(wizard.header, "stepIndicator")
            compare(findChild(indicator, "step" + wizard.stepProgress).mark, "\u2715")
            compare(findChild(indicator, "step" + wizard.stepResult).label, "Cancelled")
            var banner = findChild(wizard, "errorBanner")
            verify(banner.visible)
            verify(banner.title.indexOf("No copy was made") >= 0, banner.title)
            verify(!findChild(wizard, "successBanner").visible)
        }

        // A file no backup can copy (a FIFO in a company's folder): the copy
        // fails naming it; only with the switch turned on for this copy is
        // one written, shown as incomplete, and the switch is off again.
        function test_unreadableFileFailsUnlessAnIncompleteCopyIsAllowed() {
            var code = fixture.companiesInInstallation("AT")[0]
            var fifo = fixture.root + "/AT/empresas/" + code + "/fila-do-caixa"
            verify(fixture.makeFifo(fifo))
            var copy = fixture.root + "/Copias/CopiaAT.zip"

            var wizard = createTemporaryObject(wizardComponent, root)
            compare(wizard.settings.allowIncomplete, false)
            wizard.current = wizard.stepSummary
            verify(!findChild(wizard, "summaryIncompleteWarning").visible)
            next(wizard)
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Failed)
            var error = findChild(wizard, "errorBanner")
            verify(error.visible)
            verify(error.text.indexOf("fila-do-caixa") >= 0, error.text)
            verify(!findChild(wizard, "incompleteBanner").visible)
            verify(!fixture.exists(copy))

            wizard = createTemporaryObject(wizardComponent, root)
            compare(wizard.settings.allowIncomplete, false)
            wizard.current = wizard.stepOptions
            var option = findChild(wizard, "allowIncompleteOption")
            verify(option.visible)
            verify(!findChild(wizard, "allowIncompleteWarning").visible)
            // By keyboard: the option takes the focus and Space turns it on.
            option.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(wizard.settings.allowIncomplete, true)
            tryCompare(findChild(wizard, "allowIncompleteWarning"), "visible", true)
            // By touch: off and on again.
            mouseClick(option)
            compare(wizard.settings.allowIncomplete, false)
            mouseClick(option)
            compare(wizard.settings.allowIncomplete, true)
            next(wizard)
            next(wizard)
            compare(wizard.current, wizard.stepSummary)
            verify(findChild(wizard, "summaryIncompleteWarning").visible)
            next(wizard)
            tryCompare(wizard, "current", wizard.stepResult, 60000)
            compare(wizard.job.state, JobController.Incomplete)
            var banner = findChild(wizard, "incompleteBanner")
            verify(banner.visible)
            compare(banner.title, "Incomplete copy: 1 file(s) left out")
            verify(!findChild(wizard, "successBanner").visible)
            verify(!findChild(wizard, "errorBanner").visible)
            var list = findChild(wizard, "leftOutList")
            verify(list.visible)
            compare(wizard.job.leftOutLines.length, 1)
            verify(wizard.job.leftOutLines[0].indexOf("fila-do-caixa") >= 0, wizard.job.leftOutLines[0])
            compare(wizard.job.resultPaths, [copy])
            verify(fixture.exists(copy))
            verify(fixture.verifyCopy(copy))
            verify(fixture.copyIsIncomplete(copy))
            // Chosen for that copy only.
            compare(wizard.settings.allowIncomplete, false)
        }
    }
}
