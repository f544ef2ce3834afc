// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import QtTest
import Resguarda.App
import Resguarda.Backend

// Kiosk mode on a real window of the app (Main.qml) on an 800×480 touch
// screen: text typed with taps on the on-screen keyboard's own keys, the
// field never under the keyboard, quitting confirmed (and refused while a
// job runs), and the way back Home when left idle. ctest runs it with
// QT_IM_MODULE=qtvirtualkeyboard and an offscreen screen of 800×480.
Item {
    id: root
    width: 320
    height: 200

    Component { id: mainComponent; Main {} }
    // A page whose job runs (what a wizard is while copying): the rules for
    // closing and idling read only `busy` and `job` from the page on top.
    Component {
        id: busyPageComponent
        AppPage {
            pageTitle: "busy"
            busy: true
            jobKind: JobController.Restore
        }
    }
    Component { id: pageComponent; AppPage {} }
    Component { id: watcherComponent; IdleWatcher { timeoutSeconds: 1 } }

    TestCase {
        id: test
        name: "Kiosk"
        when: windowShown

        // A key of the on-screen keyboard: an item with the key's `key`
        // code and `displayText`, shown, whose character is `character`.
        function findKey(item, character, keyCode) {
            if (!item || !item.visible)
                return null
            if (item.key !== undefined && item.displayText !== undefined && item.width > 0
                    && (keyCode !== undefined ? item.key === keyCode
                                              : String(item.text).toLowerCase() === character))
                return item
            for (var i = 0; i < item.children.length; ++i) {
                var found = findKey(item.children[i], character, keyCode)
                if (found)
                    return found
            }
            return null
        }
        function tapKey(panel, character) {
            var key = findKey(panel, character)
            verify(key, "the keyboard has a key for " + character)
            verify(key.width >= 48 && key.height >= 48, "key " + character + " is " + key.width + "×" + key.height)
            mouseClick(key)
        }
        function tapKeyCode(panel, keyCode) {
            var key = findKey(panel, "", keyCode)
            verify(key, "the keyboard has the key " + keyCode)
            mouseClick(key)
        }
        function sceneTop(item) { return item.mapToItem(null, 0, 0).y }
        function sceneBottom(item) { return item.mapToItem(null, 0, item.height).y }

        function openMain() {
            var window = createTemporaryObject(mainComponent, root)
            verify(window)
            window.requestActivate()
            tryCompare(window, "active", true)
            tryCompare(window, "width", Screen.width)
            return window
        }
        function showWizard(window, backup) {
            // A StackView in a transition ignores a push: on a loaded
            // machine Home may still be sliding in.
            tryCompare(window.pageStack, "busy", false)
            if (backup)
                window.showBackup()
            else
                window.showRestore()
            tryCompare(window.pageStack, "depth", 2)
            // Taps reach a page only once it has slid in.
            tryCompare(window.pageStack, "busy", false)
            return window.currentPage
        }
        function openKeyboardOn(window, field) {
            mouseClick(field)
            verify(field.activeFocus, field.objectName + " has the focus")
            tryVerify(function() { return window.keyboard.open }, 5000, "the keyboard opens")
            var panel = window.keyboard.panel
            // The layout is loaded asynchronously the first time.
            tryVerify(function() { return findKey(panel, "ç") !== null }, 5000, "the pt_BR layout, with its ç key")
            // The pages end above it once the layout has settled.
            tryVerify(function() { return sceneBottom(field) <= sceneTop(panel) }, 3000,
                      "the field is above the keyboard")
            return panel
        }

        function initTestCase() {
            fixture.setKiosk(true)
            fixture.setIdleTimeoutSeconds(600)
        }
        function cleanupTestCase() {
            fixture.setKiosk(false)
            fixture.setIdleTimeoutSeconds(0)
        }
        function init() {
            verify(fixture.resetInstallation())
            fixture.setIdleTimeoutSeconds(600)
        }

        function test_fullScreenWithoutChrome() {
            var window = openMain()
            compare(window.visibility, Window.FullScreen)
            verify(window.flags & Qt.FramelessWindowHint)
            compare(window.width, 800)
            compare(window.height, 480)
            // The keyboard takes no room until a field wants it.
            compare(window.keyboard.open, false)
            compare(window.keyboard.height, 0)
        }

        function test_typingTheSearchOnTheKeyboard() {
            var window = openMain()
            var wizard = showWizard(window, true)
            wizard.current = wizard.stepCompanies
            tryCompare(wizard.companies, "loading", false, 30000) // the list shows once measured
            var field = findChild(wizard, "companySearch")
            verify(field)
            tryCompare(field, "visible", true)
            var panel = openKeyboardOn(window, field)

            // "açu", one backspace, "ou": ç from its own key.
            tapKey(panel, "a")
            tapKey(panel, "ç")
            tapKey(panel, "u")
            compare(field.text, "açu")
            tapKeyCode(panel, Qt.Key_Backspace)
            compare(field.text, "aç")
            tapKey(panel, "o")
            tapKey(panel, "u")
            compare(field.text, "açou")
            compare(field.preeditText, "")
            // It really searched: the list is filtered by what was typed.
            compare(findChild(wizard, "companyView").model.filterText, "açou")

            // Not covered, and not pushed off the top either.
            verify(sceneBottom(field) <= sceneTop(panel), "field bottom " + sceneBottom(field) + " vs keyboard top " + sceneTop(panel))
            verify(sceneTop(field) >= 0)
            // The pages end where the keyboard starts.
            compare(sceneBottom(window.pageStack), sceneTop(window.keyboard))

            // Enter ends typing: the keyboard closes and Back/Next return.
            tapKeyCode(panel, Qt.Key_Return)
            tryCompare(window.keyboard, "open", false)
            verify(!field.activeFocus)
            tryCompare(findChild(wizard.footer, "nextButton"), "visible", true)
            compare(sceneBottom(window.pageStack), window.height)
        }

        function test_labelFieldIsScrolledAboveTheKeyboard() {
            var window = openMain()
            var wizard = showWizard(window, true)
            wizard.settings.mode = BackupSettings.Extra
            wizard.current = wizard.stepOptions
            var field = findChild(wizard, "extraLabel")
            tryCompare(field, "visible", true)
            var step = findChild(wizard, "optionsStep")
            waitForRendering(window.contentItem) // the field's place, once laid out
            // Flicked so the field is at the bottom of the page, where the
            // keyboard will come up, and tapped there.
            step.contentItem.contentY = Math.max(0, field.mapToItem(step.contentItem.contentItem, 0, field.height).y
                                                    - step.contentItem.height)
            waitForRendering(window.contentItem)
            verify(sceneBottom(field) <= sceneBottom(step),
                   "the field can be tapped: " + sceneBottom(field) + " " + sceneBottom(step) + " " + step.contentItem.contentY)
            var panel = openKeyboardOn(window, field)
            // Scrolled into the part of the page that is left.
            tryVerify(function() { return sceneTop(field) >= sceneTop(step) }, 3000, "the field is not scrolled off the top")

            tapKey(panel, "b")
            tapKey(panel, "a")
            tapKey(panel, "l")
            tapKey(panel, "a")
            tapKey(panel, "n")
            tapKey(panel, "ç")
            tapKey(panel, "o")
            // The keyboard capitalises the first letter of a label.
            compare(field.text, "Balanço")
            compare(wizard.settings.extraLabel, "Balanço")
            verify(sceneBottom(field) <= sceneTop(panel))
        }

        function test_closingAsksFirst() {
            var window = openMain()
            var dialog = window.quitDialog
            window.close()
            tryCompare(dialog, "opened", true)
            verify(window.visible, "closing only asks")
            var keep = findChild(dialog.contentItem, "keepRunning")
            var quit = findChild(dialog.contentItem, "confirmQuit")
            verify(keep.visible && quit.visible)
            verify(keep.height >= 64 && quit.height >= 64)
            mouseClick(keep)
            tryCompare(dialog, "visible", false)
            verify(window.visible)

            window.close()
            tryCompare(dialog, "opened", true)
            mouseClick(quit)
            tryCompare(window, "visible", false)
        }

        function test_closingNeverStopsAJob() {
            var window = openMain()
            var dialog = window.quitDialog
            // Asked once with nothing running, then during a job.
            window.close()
            tryCompare(dialog, "opened", true)
            dialog.close()
            tryCompare(dialog, "visible", false)
            window.pageStack.push(busyPageComponent)
            compare(window.runningJob, JobController.Restore)
            window.close()
            tryCompare(dialog, "opened", true)
            verify(window.visible)
            compare(findChild(dialog.contentItem, "confirmQuit").visible, false)
            var keep = findChild(dialog.contentItem, "keepRunning")
            verify(keep.visible && keep.height >= 64)
            verify(keep.width > dialog.availableWidth * 0.9, "the one button takes the whole row")
            // Closing again changes nothing either.
            window.close()
            verify(window.visible)
            mouseClick(keep)
            tryCompare(dialog, "visible", false)
            verify(window.visible)
        }

        function test_idleReturnsHomeFromAnUntouchedWizard() {
            fixture.setIdleTimeoutSeconds(1)
            var window = openMain()
            window.showBackup()
            compare(window.pageStack.depth, 2)
            verify(window.currentPage.idleReturnAllowed)
            tryCompare(window.pageStack, "depth", 1, 5000)
            verify(window.currentPage.backupRequested !== undefined, "Home is shown")

            window.showRestore()
            compare(window.pageStack.depth, 2)
            tryCompare(window.pageStack, "depth", 1, 5000)
        }

        function test_idleReturnsHomeFromAFinishedWizard() {
            fixture.setIdleTimeoutSeconds(1)
            var window = openMain()
            var wizard = showWizard(window, true)
            wizard.current = wizard.stepCompanies
            wizard.current = wizard.stepResult
            verify(wizard.idleReturnAllowed)
            tryCompare(window.pageStack, "depth", 1, 5000)
        }

        function test_idleKeepsAnsweredSteps() {
            fixture.setIdleTimeoutSeconds(1)
            var window = openMain()
            var wizard = showWizard(window, true)
            wizard.current = wizard.stepOptions
            verify(!wizard.idleReturnAllowed)
            wait(2500)
            compare(window.pageStack.depth, 2)
            compare(window.currentPage, wizard)
            // Back on the first step the answers are still there.
            wizard.current = wizard.stepDestination
            verify(!wizard.idleReturnAllowed)
            wait(2500)
            compare(window.currentPage, wizard)
        }

        function test_idleNeverInterruptsAJob() {
            fixture.setIdleTimeoutSeconds(1)
            var window = openMain()
            // The rule itself: a page whose job runs is never left.
            var page = createTemporaryObject(pageComponent, test, { busy: true, idleReturnAllowed: true })
            verify(!window.mayReturnHomeWhenIdle(page, 2))
            page.busy = false
            verify(window.mayReturnHomeWhenIdle(page, 2))
            page.idleReturnAllowed = false
            verify(!window.mayReturnHomeWhenIdle(page, 2))
            page.idleReturnAllowed = true
            verify(!window.mayReturnHomeWhenIdle(page, 1), "Home is Home")
            // And in the window: the page stays, and so does the dialog
            // that says the job cannot be stopped.
            window.pageStack.push(busyPageComponent)
            window.close()
            tryCompare(window.quitDialog, "opened", true)
            wait(2500)
            compare(window.pageStack.depth, 2)
            verify(window.quitDialog.opened)
        }

        function test_inputPostponesIdle() {
            fixture.setIdleTimeoutSeconds(1)
            var window = openMain()
            window.showBackup()
            // A finger on the screen every few tenths of a second.
            for (var i = 0; i < 8; ++i) {
                mouseMove(window.contentItem, 10 + i, 300)
                wait(300)
                compare(window.pageStack.depth, 2, "input keeps the wizard open")
            }
            tryCompare(window.pageStack, "depth", 1, 5000)
        }

        function test_idleWatcherCountsInput() {
            var watcher = createTemporaryObject(watcherComponent, root)
            var spy = createTemporaryObject(signalSpyComponent, root, { target: watcher, signalName: "idle" })
            spy.wait(3000)
            compare(spy.count, 1)
            wait(1500)
            compare(spy.count, 1, "once until there is input again")
            verify(watcher.idleSeconds >= 1)
            mouseClick(root)
            compare(watcher.idleSeconds, 0)
            spy.wait(3000)
            compare(spy.count, 2)
            watcher.enabled = false
            wait(1500)
            compare(spy.count, 2)
        }

        function test_commandLine() {
            var options = fixture.parseStartupOptions(["resguarda", "--kiosk", "--idle-timeout", "30"])
            compare(options.error, "")
            verify(options.kiosk && options.kioskGiven)
            compare(options.idleTimeoutSeconds, 30)
            options = fixture.parseStartupOptions(["resguarda", "--no-kiosk"])
            verify(!options.kiosk && options.kioskGiven)
            verify(fixture.parseStartupOptions(["resguarda", "--kiosk", "--no-kiosk"]).error.length > 0)
            verify(fixture.parseStartupOptions(["resguarda", "--idle-timeout", "0"]).error.length > 0)
            verify(fixture.parseStartupOptions(["resguarda", "--idle-timeout", "soon"]).error.length > 0)

            // Remembered: a kiosk stays a kiosk without --kiosk.
            fixture.rememberKiosk(false)
            verify(!fixture.kioskWanted(["resguarda"]))
            verify(!fixture.parseStartupOptions(["resguarda"]).kiosk)
            fixture.rememberKiosk(true)
            verify(fixture.rememberedKiosk())
            verify(fixture.kioskWanted(["resguarda", "--root", "/x"]))
            verify(fixture.parseStartupOptions(["resguarda"]).kiosk)
            verify(!fixture.kioskWanted(["resguarda", "--no-kiosk"]))
            fixture.rememberKiosk(false)
            verify(fixture.kioskWanted(["resguarda", "--kiosk"]))
        }
    }

    Component { id: signalSpyComponent; SignalSpy {} }
}
