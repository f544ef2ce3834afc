#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders every page of the app in Brazilian Portuguese at 1920×1080,
# 1280×800 and 800×480 into docs/screenshots/, then the kiosk pages (full screen, the
# on-screen keyboard open, the quit confirmation) at the same sizes. Run
# after a build:
#   docs/make-screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
for size in 1920x1080 1280x800 800x480; do
    "$build/tests/screenshots/resguarda-screenshots" "$out" "$size" pt_BR "$build/tests/helpers/lockholder"
done
# A kiosk: the tool chooses Qt Virtual Keyboard and a screen of this size
# before Qt starts, as resguarda --kiosk does.
for size in 1920x1080 1280x800 800x480; do
    "$build/tests/screenshots/resguarda-screenshots" "$out" "$size" pt_BR "$build/tests/helpers/lockholder" --kiosk
done
