#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What a protected copy costs: resguarda-cli backup with --password-file
# against the same backup without it, on the same installation, run in turn
# (plain, protected, plain, protected, ...) so that a machine whose speed
# drifts affects both alike; then verify of each copy, whose difference is
# the decryption pass; and, as a reference, 7z a -tzip with and without
# -mem=AES256 on the same tree. Not a test: run it by hand on an idle
# machine. The issue's budget: a protected backup takes at most 1.10 times
# the plain one.
#
#   bench/protected-vs-plain.sh [--root DIR] [--files N | --size-mb N]
#                               [--runs N] [--build DIR] [--no-7z]
#
# Without --root it generates an office installation (make-office-
# installation; --files N gives N files, nearly all tiny NF-e XML, the
# default 200000; --size-mb N the "office" shape of N MiB instead) in
# $TMPDIR and removes it at the end. Prints medians of wall seconds over
# --runs pairs (default 5, after one pair not counted) and the ratios,
# pair by pair, protected / plain.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root='' files=200000 size_mb='' runs=5 build=build with_7z=1
while [ $# -gt 0 ]; do
    case $1 in
    --root) root=$2; shift 2 ;;
    --files) files=$2; size_mb=''; shift 2 ;;
    --size-mb) size_mb=$2; files=''; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --no-7z) with_7z=0; shift ;;
    *) echo "usage: $0 [--root DIR] [--files N | --size-mb N] [--runs N] [--build DIR] [--no-7z]" >&2; exit 2 ;;
    esac
done
cli=$(realpath "$build/app/cli/resguarda-cli")
work=$(mktemp -d -t resguarda-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home
mkdir -p "$HOME" "$work/out"
tools=(python3)
[ $with_7z -eq 1 ] && tools+=(7z)
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run packaging/install-deps.sh" >&2; exit 1; }
done

if [ -z "$root" ]; then
    root=$work/inst
    if [ -n "$files" ]; then
        shape=(--files "$files" --companies 50)
    else
        shape=(--shape office --size-mb "$size_mb")
    fi
    echo "Generating the installation (${shape[*]}) ..." >&2
    python3 "$here/make-office-installation" --root "$root" "${shape[@]}" --seed 2026 --quiet
fi
password='Senha-Bench-2026'
(umask 077 && printf '%s\n' "$password" >"$work/senha")

# shellcheck source=bench/timing.sh
. "$here/timing.sh"

data=$(find "$root"/*/empresas -type f | wc -l)
bytes=$(du -sb "$root"/*/empresas | awk '{ s += $1 } END { printf "%.0f", s / 1048576 }')
echo
echo "Data: $data files, $bytes MiB; $(nproc) cores; page cache warm; medians of $runs pairs"
echo
echo "| operation | plain s | protected s | protected / plain (min to max) |"
echo "| --- | ---: | ---: | ---: |"
pair "resguarda-cli backup (writes, then reads the copy back)" \
    "'$cli' backup --root '$root' --system EF --output '$work/out/plain.zip' --quiet" \
    "'$cli' backup --root '$root' --system EF --output '$work/out/protected.zip' --password-file '$work/senha' --quiet"
pair "resguarda-cli verify" \
    "'$cli' verify --quiet '$work/out/plain.zip'" \
    "'$cli' verify --quiet --password-file '$work/senha' '$work/out/protected.zip'"
if [ $with_7z -eq 1 ]; then
    # The same tree as the backup: the system's companies.
    pair "7z a -tzip -mx=5 (reference; AES-256 with -mem=AES256 -p)" \
        "cd '$root' && rm -f '$work/out/7z.zip' && 7z a -bd -bso0 -tzip -mx=5 '$work/out/7z.zip' EF/empresas" \
        "cd '$root' && rm -f '$work/out/7z-aes.zip' && 7z a -bd -bso0 -tzip -mx=5 -mem=AES256 '-p$password' '$work/out/7z-aes.zip' EF/empresas"
fi
echo
echo "Sizes: plain copy $(stat -c %s "$work/out/plain.zip") bytes, protected copy $(stat -c %s "$work/out/protected.zip") bytes."
echo "The backup of a protected copy writes the plain copy to a nameless file in \$TMPDIR, encrypts it"
echo "into the destination (the seal pass), then decrypts it again into \$TMPDIR to read it back (the"
echo "decryption pass, about the verify difference above). zip -e is left out: it is ZipCrypto, not AES."
