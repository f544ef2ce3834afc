#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Resguarda at the scale of an accounting office, beside zip, unzip and 7z on
# the same data in the same run. Not a test: run it by hand on an idle machine.
#
#   bench/scale.sh [--shape office|tables|million] [--size-mb N] [--files N]
#                  [--companies N] [--runs N] [--build DIR] [--keep DIR] [--warm]
#
#   office   many 2-20 KB NF-e/CT-e/NFS-e XML documents beside a few large
#            tables per company (--size-mb in total, default 1000)
#   tables   a few large tables per company, no XML (--size-mb in total)
#   million  --files files (default 1000000), nearly all tiny XML: what
#            matters is the peak memory of Resguarda's backup, verify, list and
#            restore; 7z and the replacing restore are left out, and one run
#            is the default
#
# Every pair of commands runs back to back on the same data; the table shows
# the median of --runs runs (default 3) and ratios reference / Resguarda, so a
# ratio above 1 means Resguarda is faster. The page cache is dropped before
# every command when that is allowed (root) and --warm is not given; otherwise
# both sides run warm.
# Data goes to a temporary folder, removed at the end, unless --keep DIR is
# given: then it is kept there and reused by the next run with the same DIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
shape=office size_mb=1000 files=1000000 runs="" build=build keep="" companies="" warm=""
usage() { sed -n '6,7p' "$0" | sed 's/^#   //' >&2; exit 2; }
while (($#)); do
    case $1 in
    --shape) shape=$2; shift ;;
    --size-mb) size_mb=$2; shift ;;
    --files) files=$2; shift ;;
    --companies) companies=$2; shift ;;
    --runs) runs=$2; shift ;;
    --build) build=$2; shift ;;
    --keep) keep=$2; shift ;;
    --warm) warm=1 ;;
    -h | --help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
    esac
    shift
done
case $shape in office | tables | million) ;; *) usage ;; esac
[[ -n $runs ]] || { [[ $shape == million ]] && runs=1 || runs=3; }

missing=()
for tool in zip unzip 7z /usr/bin/time python3; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "missing: ${missing[*]}. On Debian: apt-get install zip unzip p7zip-full time python3" >&2
    exit 1
fi
cli=$(realpath "$build/app/cli/resguarda-cli")
[[ -x $cli ]] || { echo "no resguarda-cli in $build/app/cli: build it first" >&2; exit 1; }

if [[ -n $keep ]]; then
    mkdir -p "$keep"
    work=$(realpath "$keep")
else
    work=$(mktemp -d -t resguarda-scale.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
inst=$work/inst
sis=EF # the system bench/make-office-installation writes

# ---------------------------------------------------------------- data

generator=(python3 "$here/make-office-installation" --seed 2026 --quiet)
[[ -n $companies ]] && generator+=(--companies "$companies")
if [[ $shape == million ]]; then
    args=(--files "$files")
else
    args=(--shape "$shape" --size-mb "$size_mb")
fi
# inst.args is written once the installation is complete: an interrupted
# generation is started again, never measured.
if [[ -f $work/inst.args ]]; then
    echo "Reusing the installation in $inst, made with: $(cat "$work/inst.args")" >&2
    [[ $(cat "$work/inst.args") == "${args[*]} ${companies:+--companies $companies}" ]] ||
        echo "warning: it was made with other options than these; empty $work to make a new one" >&2
else
    rm -rf "$inst"
    echo "Generating the $shape installation in $inst ..." >&2
    start=$EPOCHREALTIME
    "${generator[@]}" --root "$inst" "${args[@]}"
    generation_s=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.0f", b - a}')
    echo "generated in $generation_s s" >&2
    echo "${args[*]} ${companies:+--companies $companies}" >"$work/inst.args"
fi
# A restore target: the system installed, no company.
if [[ ! -f $work/skeleton/sistemas.json ]]; then
    rm -rf "$work/skeleton"
    python3 "$here/make-office-installation" --root "$work/skeleton" --companies 0 --quiet
fi

data_files=$(find "$inst/$sis/empresas" -type f | wc -l)
xml_files=$(find "$inst/$sis/empresas" -type f -name '*.xml' | wc -l)
data_bytes=$(find "$inst/$sis/empresas" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
company_count=$(find "$inst/$sis/empresas" -mindepth 1 -maxdepth 1 -type d | wc -l)

if [[ -z $warm && $(id -u) == 0 ]] && sync && echo 3 2>/dev/null >/proc/sys/vm/drop_caches; then
    cache="cold: the page cache is dropped before every command"
    drop() { sync; echo 3 >/proc/sys/vm/drop_caches; }
else
    reason="not root, so the page cache cannot be dropped"
    [[ -n $warm ]] && reason="--warm was given"
    cache="warm ($reason): both sides run warm"
    drop() { :; }
fi

# ---------------------------------------------------------------- measuring

declare -A seconds kib
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }

# measure KEY COMMAND...: wall time (ms resolution) and peak RSS of COMMAND,
# appended to the lists of KEY. Its output goes to $work/log.
measure() {
    local key=$1
    shift
    drop
    local start=$EPOCHREALTIME
    if ! /usr/bin/time -f '%M' -o "$work/time" "$@" >"$work/log" 2>&1; then
        awk -v a="$start" -v b="$EPOCHREALTIME" -v k="$(tail -1 "$work/time")" -v c="$*" \
            'BEGIN {printf "FAILED after %.1f s, peak RSS %.1f MiB: %s\n", b - a, k / 1024, c}' >&2
        tail -20 "$work/log" >&2
        exit 1
    fi
    local end=$EPOCHREALTIME
    seconds[$key]+="$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}') "
    kib[$key]+="$(tail -1 "$work/time") "
}

median() {
    tr ' ' '\n' <<<"$1" | awk 'NF' | sort -g | awk '{v[NR] = $1}
        END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2];
             else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

fresh_target() { # fresh_target DIR: the skeleton, or an empty folder for unzip
    rm -rf "$1"
    if [[ ${2:-} == skeleton ]]; then cp -a "$work/skeleton" "$1"; else mkdir -p "$1"; fi
}

restore=("$cli" restore --yes --no-safety-copy --quiet)
million() { [[ $shape == million ]]; }
for ((run = 1; run <= runs; run++)); do
    echo "run $run of $runs ..." >&2
    rm -rf "$work/out" "$work/zip.zip" "$work/7z.zip"
    mkdir -p "$work/out"
    # Each Resguarda command is followed at once by its reference on the same data.
    measure backup "$cli" backup --root "$inst" --output "$work/out" --quiet
    copy=$(ls "$work"/out/Copia"$sis"*.zip)
    copy_bytes=$(stat -c %s "$copy")
    # zip stores the same folder the copy holds: the companies.
    measure zip bash -c 'cd "$1" && exec zip -q -r -6 "$2" "$3/empresas"' - \
        "$inst" "$work/zip.zip" "$sis"
    zip_bytes=$(stat -c %s "$work/zip.zip")
    if ! million; then
        measure 7z bash -c 'cd "$1" && exec 7z a -bd -bso0 -tzip -mmt=2 -mx=5 "$2" "$3/empresas"' - \
            "$inst" "$work/7z.zip" "$sis"
        sevenz_bytes=$(stat -c %s "$work/7z.zip")
    fi

    measure list "$cli" list "$copy" --json
    measure unzip_list unzip -l "$work/zip.zip"

    measure verify "$cli" verify "$copy" --quiet
    measure unzip_test unzip -tq "$work/zip.zip"

    fresh_target "$work/target" skeleton
    measure restore_empty "${restore[@]}" "$copy" --root "$work/target"
    fresh_target "$work/target"
    measure unzip_empty unzip -q "$work/zip.zip" -d "$work/target"
    rm -rf "$work/target"
    if ! million; then
        # Replacing: onto the installation the copy was made from, by both.
        measure restore_replace "${restore[@]}" "$copy" --root "$inst"
        measure unzip_replace unzip -oq "$work/zip.zip" -d "$inst"
    fi
done

# ---------------------------------------------------------------- report

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
echo
echo "Shape **$shape**: $data_files files ($xml_files XML) in $company_count companies," \
    "$(mib "$data_bytes") MiB of company data (system $sis)${generation_s:+; generated in $generation_s s}."
echo "Machine: $(nproc) cores, $cpu, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo)," \
    "$(df -T "$work" | awk 'NR == 2 {print $2}') file system. Page cache $cache."
echo "Medians of $runs run(s); ratio = reference time / Resguarda time (above 1: Resguarda is faster)."
echo "$("$cli" --version 2>/dev/null | head -1); $(zip -v | sed -n 2p | sed 's/^ *//;s/,.*//'); $(unzip -v | head -1 | cut -d' ' -f1-2); $(7z | sed -n 2p | cut -d: -f1)"
echo

row() { # row OPERATION KEY REFERENCE REFKEY SIZES
    local s r rs rr ratio
    s=$(median "${seconds[$2]}")
    r=$(median "${kib[$2]}")
    if [[ -n $4 ]]; then
        rs=$(median "${seconds[$4]}")
        rr=$(median "${kib[$4]}")
        ratio=$(awk -v a="$rs" -v b="$s" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')
        rr=$(awk -v k="$rr" 'BEGIN {printf "%.1f", k / 1024}')
    else
        rs="–" rr="–" ratio="–"
    fi
    printf '| %s | %s | %s | %s | %s | %.1f | %s | %s |\n' "$1" "$s" "$3" "$rs" "$ratio" \
        "$(awk -v k="$r" 'BEGIN {print k / 1024}')" "$rr" "$5"
}

echo "| operation | Resguarda s | reference | reference s | ratio | Resguarda peak RSS MiB | reference peak RSS MiB | sizes |"
echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |"
sizes="copy $(mib "$copy_bytes") MiB"
row "backup (with read-back verification)" backup "zip -r -6" zip "$sizes, zip $(mib "$zip_bytes") MiB"
million || row "backup (with read-back verification)" backup "7z a -tzip -mmt=2 -mx=5" 7z \
    "$sizes, 7z $(mib "$sevenz_bytes") MiB"
row "restore into an empty installation" restore_empty "unzip -q into an empty folder" unzip_empty ""
million || row "restore replacing the companies" restore_replace "unzip -oq over the same tree" \
    unzip_replace ""
row "verify" verify "unzip -tq" unzip_test ""
row "list --json (restore preview)" list "unzip -l" unzip_list ""
echo
echo "Company data $(mib "$data_bytes") MiB. Resguarda's backup reads the whole copy back to verify" \
    "it; zip and 7z do not."
if million; then
    echo "Goal: peak RSS below 150 MiB for backup, verify, list and restore; times are for" \
        "information (7z and the replacing restore are left out at this scale)."
else
    echo "Goals: list below 0.050 s and 20 MiB."
fi
