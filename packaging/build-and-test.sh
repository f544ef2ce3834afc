#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Resguarda and runs the whole test suite.
# This is the README's test command and what .ci/run runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset default
cmake --build --preset default
# Tests run on the offscreen platform and never touch the user's data.
export QT_QPA_PLATFORM=offscreen
ctest --preset default --parallel "$(nproc)"
