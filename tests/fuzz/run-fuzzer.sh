#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one libFuzzer target for ctest, in a fresh work folder of the build
# tree, and fails when the target crashes, leaks, times out or leaves files
# in its temporary folder.
#
#   run-fuzzer.sh replay FUZZER WORKDIR CORPUS
#       runs every file of the committed corpus once (a regression test)
#   run-fuzzer.sh fuzz FUZZER WORKDIR CORPUS SECONDS [DICTIONARY]
#       fuzzes for SECONDS starting from the corpus; new inputs go to
#       WORKDIR/new, never into the repository's corpus
set -euo pipefail

mode=$1 fuzzer=$2 workdir=$3 corpus=$4
rm -rf "$workdir"
mkdir -p "$workdir/tmp" "$workdir/new" "$workdir/artifacts"
export TMPDIR="$workdir/tmp"

common=(-rss_limit_mb=2048 -timeout=10 "-artifact_prefix=$workdir/artifacts/")
status=0
case $mode in
replay)
    mapfile -t inputs < <(find "$corpus" -type f | sort)
    if [ ${#inputs[@]} -eq 0 ]; then
        echo "run-fuzzer.sh: no seed inputs in $corpus" >&2
        exit 1
    fi
    "$fuzzer" "${common[@]}" "${inputs[@]}" || status=$?
    ;;
fuzz)
    seconds=$5 dictionary=${6:-}
    extra=()
    [ -n "$dictionary" ] && extra+=("-dict=$dictionary")
    "$fuzzer" "${common[@]}" "${extra[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        "$workdir/new" "$corpus" || status=$?
    ;;
*)
    echo "run-fuzzer.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac

if [ "$status" -ne 0 ]; then
    echo "run-fuzzer.sh: $(basename "$fuzzer") failed ($status). Reproduce with:" >&2
    for artifact in "$workdir"/artifacts/*; do
        [ -e "$artifact" ] && echo "  $fuzzer $artifact" >&2
    done
    exit "$status"
fi

leftovers=$(find "$workdir/tmp" -mindepth 1)
if [ -n "$leftovers" ]; then
    echo "run-fuzzer.sh: $(basename "$fuzzer") left temporary files behind:" >&2
    echo "$leftovers" >&2
    exit 1
fi
