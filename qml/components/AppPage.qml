// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Resguarda.Backend

// What the window asks of the page on top of its stack: its title, the job
// it runs (never interrupted by closing or idling), and whether going Home
// now would lose what was chosen. Every page the window shows is one.
Page {
    id: page
    property string pageTitle
    // The job this page runs, if any.
    property JobController job: null
    // Running its job, and which one (JobController.Backup or Restore):
    // closing and idling never interrupt it.
    property bool busy: page.job !== null && page.job.running
    property int jobKind: page.job !== null ? page.job.kind : JobController.NoJob
    // Whether going Home now loses nothing: the window asks first when not,
    // and a kiosk left idle goes Home only when it does.
    property bool idleReturnAllowed: true
    // The page changed what it shows by itself (a new step, a job that
    // ended): a kiosk gives it the whole idle timeout again.
    signal shownChanged()
}
