# SPDX-License-Identifier: GPL-3.0-or-later
# Timing helpers shared by the benchmarks; source it. The caller sets
# $work (a scratch folder) and $runs (pairs counted) first.

# Wall seconds of one run of a command, its output thrown away.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# pair NAME 'COMMAND A' 'COMMAND B': A and B in turn, one pair not counted,
# then $runs pairs; prints a table row: medians of A, of B, of B/A.
pair() {
    local name=$1 a=$2 b=$3 i ta tb
    : >"$work/a" && : >"$work/b" && : >"$work/r"
    for ((i = 0; i <= runs; i++)); do
        ta=$(seconds bash -c "$a")
        tb=$(seconds bash -c "$b")
        [ $i -eq 0 ] && continue
        echo "$ta" >>"$work/a"
        echo "$tb" >>"$work/b"
        awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.4f\n", b / a }' >>"$work/r"
    done
    printf '| %s | %s | %s | %s (%s to %s) |\n' "$name" "$(median <"$work/a")" "$(median <"$work/b")" \
        "$(median <"$work/r")" "$(sort -g "$work/r" | head -1)" "$(sort -g "$work/r" | tail -1)"
}
