// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Resguarda.App
import Resguarda.Backend

// The companies a copy or a restore includes: all checked by default, a
// search by code, name or CNPJ, select all / none, and each company's size.
// A ListView with fixed-height rows: smooth with thousands of companies.
ColumnLayout {
    id: list
    property CompanyModel companies
    property bool showExisting: false // restore: mark companies already in the installation
    readonly property alias filter: filterModel
    spacing: Theme.spacing

    CompanyFilterModel {
        id: filterModel
        companies: list.companies
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: search
            objectName: "companySearch"
            placeholderText: qsTr("Search by code, name or CNPJ")
            font.pixelSize: Theme.fontBody
            // Codes and names as typed: no prediction, no capital forced
            // on the first letter by the on-screen keyboard.
            inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget + 8
            onTextChanged: filterModel.filterText = text
        }
        Button {
            objectName: "selectAll"
            text: qsTr("All")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            Layout.minimumWidth: Theme.touchTarget * 2
            onClicked: filterModel.selectVisible(true)
            FocusRing {}
        }
        Button {
            objectName: "selectNone"
            text: qsTr("None")
            font.pixelSize: Theme.fontBody
            Layout.preferredHeight: Theme.touchTarget + 8
            Layout.minimumWidth: Theme.touchTarget * 2
            onClicked: filterModel.selectVisible(false)
            FocusRing {}
        }
    }

    Label {
        textFormat: Text.PlainText
        text: list.companies
              ? qsTr("%1 of %2 companies selected, %3").arg(AppController.formatNumber(list.companies.selectedCount))
                    .arg(AppController.formatNumber(list.companies.count))
                    .arg(AppController.formatSize(list.companies.selectedBytes))
              : ""
        font.pixelSize: Theme.fontBody
        color: list.companies && list.companies.selectedCount === 0 ? Theme.danger : Theme.mutedText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    ListView {
        id: view
        objectName: "companyView"
        model: filterModel
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        reuseItems: true
        // Tab stops on the list; the arrows move between rows (kept in
        // view), Space or Enter toggles the current one.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        // A model filled after the list was made leaves no current row.
        onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
        Layout.fillWidth: true
        Layout.fillHeight: true
        // With the on-screen keyboard open a row or two is all there is room for.
        Layout.minimumHeight: Theme.keyboardOpen ? Theme.touchTarget : Theme.touchTarget * 3
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded; minimumSize: 0.1 }

        delegate: ItemDelegate {
            id: row
            required property int index
            required property string code
            required property string name
            required property string cnpj
            required property string sizeText
            required property string yearsText
            required property bool selected
            required property bool existsInInstallation
            required property real leftOut // restore: items the copy left out of it
            required property string restoreText // restore: "will be replaced", "not restored: kept as it is"…
            required property string newerText // restore: its data here is newer than the copy
            required property bool newerWarning // …and it is marked: that work would be lost
            width: ListView.view.width
            height: Theme.compact ? 60 : 68
            onClicked: list.companies.toggle(filterModel.sourceRow(index))
            Accessible.role: Accessible.CheckBox
            Accessible.checked: selected
            Accessible.name: code + " " + name
            FocusRing { shown: row.ListView.isCurrentItem && view.activeFocus }

            contentItem: RowLayout {
                spacing: Theme.spacing
                CheckBox {
                    // The row is the keyboard's stop, not each box.
                    focusPolicy: Qt.NoFocus
                    checked: row.selected
                    onClicked: list.companies.toggle(filterModel.sourceRow(row.index))
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                }
                Label {
                    textFormat: Text.PlainText
                    text: row.code
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    Layout.preferredWidth: Theme.compact ? 52 : 64
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        textFormat: Text.PlainText
                        text: row.name
                        font.pixelSize: Theme.fontBody
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        // Newer data here matters more than the CNPJ.
                        objectName: list.showExisting && row.newerText.length > 0 ? "newerMark" : ""
                        text: list.showExisting && row.newerText.length > 0 ? row.newerText
                              : row.yearsText.length > 0 ? qsTr("CNPJ %1 · years %2").arg(row.cnpj).arg(row.yearsText)
                              : qsTr("CNPJ %1").arg(row.cnpj)
                        font.pixelSize: Theme.fontSmall
                        font.bold: list.showExisting && row.newerWarning
                        color: list.showExisting && row.newerWarning ? Theme.danger : Theme.mutedText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
                Label {
                    objectName: "incompleteMark"
                    textFormat: Text.PlainText
                    visible: row.leftOut > 0
                    text: qsTr("INCOMPLETE")
                    color: Theme.danger
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                }
                Label {
                    objectName: "restoreMark"
                    textFormat: Text.PlainText
                    // An added company needs no mark; an unmarked one says it is left alone.
                    visible: list.showExisting && (row.existsInInstallation || !row.selected)
                    text: row.restoreText
                    color: row.selected ? Theme.warning : Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                    font.bold: row.selected
                }
                Label {
                    textFormat: Text.PlainText
                    text: row.sizeText
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                    horizontalAlignment: Text.AlignRight
                    Layout.minimumWidth: 72
                }
            }
        }

        Label {
            textFormat: Text.PlainText
            anchors.centerIn: parent
            visible: view.count === 0
            text: list.companies && list.companies.count > 0 ? qsTr("No company matches the search.")
                                                             : qsTr("No companies.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
