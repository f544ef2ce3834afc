#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when qmllint warns about any QML file of the app (qml/, the module
# Resguarda.App), with the types of the build's modules (Resguarda.Backend's
# qmltypes, written by a build) and Qt's. Prints the warnings, per file.
#
#   check-qmllint.sh SOURCE_DIR QMLLINT IMPORT_DIR...
set -euo pipefail
source_dir=$1
qmllint=$2
shift 2
if [ $# -eq 0 ]; then
    echo "check-qmllint.sh: no import directory given" >&2
    exit 1
fi
imports=()
for dir in "$@"; do
    if [ ! -d "$dir" ]; then
        echo "check-qmllint.sh: import directory $dir is missing (build first)" >&2
        exit 1
    fi
    imports+=(-I "$dir")
done
cd "$source_dir"

# Every .qml below qml/, also one not (yet) listed in qml/CMakeLists.txt.
mapfile -d '' files < <(find qml -type f -name '*.qml' -print0 | sort -z)
if [ ${#files[@]} -eq 0 ]; then
    echo "check-qmllint.sh: no QML files found under $source_dir/qml" >&2
    exit 1
fi

# --bare: only the import directories given, never a module installed
# elsewhere on the machine.
status=0
output=$("$qmllint" --bare "${imports[@]}" "${files[@]}" 2>&1) || status=$?
warnings=$(grep -c '^Warning' <<<"$output" || true)

echo "${#files[@]} files checked, $warnings warnings (qmllint exit status $status)"
if [ "$warnings" -gt 0 ]; then
    grep '^Warning' <<<"$output" | sed -E 's/^Warning: ([^:]*):.*/\1/' | sort | uniq -c
    echo
    echo "$output"
fi
[ "$status" -eq 0 ] && [ "$warnings" -eq 0 ]
