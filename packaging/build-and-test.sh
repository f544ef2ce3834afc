#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Resguarda and runs the whole test suite
# twice: the release build (default preset), then everything again built with
# AddressSanitizer, UBSan and LeakSanitizer plus the fuzzers (asan preset,
# docs/security-tooling.md). This is the README's test command and what
# .ci/run runs. Each phase's wall time is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh

timings=()
phase() { # NAME COMMAND...
    local name=$1 start=$SECONDS
    shift
    echo "==> $name"
    "$@"
    timings+=("$(printf '%-16s %4ds' "$name" $((SECONDS - start)))")
}
report() {
    echo "==> wall time per phase"
    printf '  %s\n' "${timings[@]}"
}
trap report EXIT

jobs=$(nproc)
# Tests run on the offscreen platform and never touch the user's data.
export QT_QPA_PLATFORM=offscreen

phase "configure" cmake --preset default
phase "build default" cmake --build --preset default
phase "ctest default" ctest --preset default --parallel "$jobs"

phase "configure asan" cmake --preset asan
phase "build asan" cmake --build --preset asan
phase "ctest asan" ctest --preset asan --parallel "$jobs"
# The fuzzers share the cores with nothing else: each runs for
# RESGUARDA_FUZZ_SECONDS after replaying its seed corpus.
phase "fuzz" ctest --preset asan-fuzz --parallel "$jobs"
