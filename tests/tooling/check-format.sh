#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ file of the project differs from what clang-format makes
# of it with the project's .clang-format; prints the first differences.
#
#   check-format.sh SOURCE_DIR CLANG_FORMAT
set -euo pipefail
source_dir=$1
clang_format=$2
cd "$source_dir"

mapfile -d '' files < <(find app backend bench qml tests -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if [ ${#files[@]} -eq 0 ]; then
    echo "check-format.sh: no C++ files found under $source_dir" >&2
    exit 1
fi

differing=()
for f in "${files[@]}"; do
    if ! "$clang_format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
        differing+=("$f")
    fi
done

echo "${#files[@]} files checked, ${#differing[@]} differ from .clang-format"
for f in "${differing[@]}"; do
    echo "--- $f"
    "$clang_format" --style=file "$f" | diff -u "$f" - | head -20 || true
done
[ ${#differing[@]} -eq 0 ]
