#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Backup speed and memory of resguarda-cli beside zip -r -6 and 7z on the same
# data, in the same run. Not a test: run it by hand on an idle machine.
#
#   bench/backup-vs-zip.sh [SIZE_MB] [BUILD_DIR]
#
# Prints a Markdown table: wall time, peak resident memory, output size.
set -euo pipefail
size_mb=${1:-1000}
build=${2:-build}
cli=$(realpath "$build/app/cli/resguarda-cli")
work=$(mktemp -d -t resguarda-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

for tool in zip unzip 7z /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run packaging/install-deps.sh" >&2; exit 1; }
done

echo "Creating a ${size_mb} MB demo installation in $work ..." >&2
"$cli" demo --root "$work/inst" --companies 40 --years 5 --size-mb "$size_mb" --seed 2026 --quiet >/dev/null
data_bytes=$(du -sb "$work"/inst/*/empresas | awk '{s += $1} END {print s}')

# measure NAME COMMAND... : runs COMMAND under GNU time, prints a table row.
measure() {
    local name=$1 output=$2
    shift 2
    sync
    echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
        cat "$work/stderr" >&2
        return 1
    }
    read -r seconds kbytes < "$work/time"
    local out_bytes
    out_bytes=$(du -cb $output 2>/dev/null | tail -1 | cut -f1)
    awk -v n="$name" -v s="$seconds" -v k="$kbytes" -v o="$out_bytes" -v d="$data_bytes" 'BEGIN {
        printf "| %-38s | %7.2f | %8.1f | %9.1f | %6.1f | %7.1f |\n", n, s, k / 1024, o / 1048576, 100 * o / d, d / 1048576 / s }'
}

cd "$work/inst"
echo
echo "Data: $(awk -v d="$data_bytes" 'BEGIN {printf "%.1f MiB", d / 1048576}') in $(find ./*/empresas -type f | wc -l) files, 3 systems; $(nproc) cores"
echo
echo "| tool | seconds | peak RSS MiB | output MiB | ratio % | MiB/s |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
measure "resguarda-cli backup --all-systems" "$work/out-resguarda/*.zip" \
    bash -c "mkdir -p '$work/out-resguarda' && '$cli' backup --root . --all-systems --output '$work/out-resguarda' --quiet"
measure "zip -r -6 (no verification)" "$work/zip.zip" zip -q -r -6 "$work/zip.zip" AT/empresas CP/empresas LF/empresas
measure "7z a -tzip -mx=5 (all cores)" "$work/7z.zip" 7z a -bd -tzip -mx=5 "$work/7z.zip" AT/empresas CP/empresas LF/empresas
measure "7z a -tzip -mx=5 -mmt=1" "$work/7z1.zip" 7z a -bd -tzip -mx=5 -mmt=1 "$work/7z1.zip" AT/empresas CP/empresas LF/empresas
measure "resguarda-cli verify (one copy: AT)" "$work/out-resguarda/CopiaAT.zip" "$cli" verify "$work/out-resguarda/CopiaAT.zip" --quiet
measure "unzip -t (zip's archive)" "$work/zip.zip" unzip -tq "$work/zip.zip"
measure "resguarda-cli list (AT)" "$work/out-resguarda/CopiaAT.zip" "$cli" list "$work/out-resguarda/CopiaAT.zip"
echo
echo "resguarda-cli backup includes reading the whole copy back to verify it; zip and 7z do not verify."
