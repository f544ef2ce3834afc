#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Extracts every user-visible string of the C++ and QML sources into the
# pt_BR catalogue. New strings appear as unfinished: translate them in Qt
# Linguist (or the .ts file) — the translations_complete test fails until then.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
"$lupdate" -no-obsolete -locations none backend app qml -ts i18n/resguarda_pt_BR.ts
