#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What Resguarda adds to an off-site copy: resguarda-cli send against
# "rclone copyto" alone, of the same copy to the same loopback WebDAV server
# (rclone serve webdav on 127.0.0.1), run in turn so that a drifting machine
# affects both alike. send verifies the copy here first (a full read; shown
# on its own as "resguarda-cli verify"), uploads it under a temporary name,
# lists it, asks the remote for its hashes, and renames it twice. rclone
# copyto is given --ignore-times so that it uploads every time, as send
# does. Not a test: run it by hand on an idle machine.
#
#   bench/offsite-upload.sh [--root DIR] [--files N | --size-mb N]
#                           [--runs N] [--build DIR]
#
# Without --root it generates an office installation (make-office-
# installation; --files N: N files, nearly all tiny NF-e XML, default
# 200000; --size-mb N: the "office" shape of N MiB) in $TMPDIR and removes it
# at the end. Prints medians of wall seconds over --runs pairs (default 5,
# after one pair not counted), and the ratios pair by pair.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root='' files=200000 size_mb='' runs=5 build=build
while [ $# -gt 0 ]; do
    case $1 in
    --root) root=$2; shift 2 ;;
    --files) files=$2; size_mb=''; shift 2 ;;
    --size-mb) size_mb=$2; files=''; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "usage: $0 [--root DIR] [--files N | --size-mb N] [--runs N] [--build DIR]" >&2; exit 2 ;;
    esac
done
cli=$(realpath "$build/app/cli/resguarda-cli")
for tool in python3 rclone; do
    command -v "$tool" >/dev/null || { echo "missing $tool: run packaging/install-deps.sh" >&2; exit 1; }
done
work=$(mktemp -d -t resguarda-bench.XXXXXX)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
export HOME=$work/home
mkdir -p "$HOME" "$work/out/a" "$work/out/b" "$work/served"

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
system=$(ls "$root" | grep -E '^[A-Z0-9]+$' | while read -r s; do [ -d "$root/$s/empresas" ] && echo "$s"; done | head -1)
"$cli" backup --root "$root" --system "$system" --output "$work/out" --quiet >/dev/null
copy=$work/out/Copia$system.zip

# The server, on a port the kernel picks; rclone reads only this config.
export RCLONE_CONFIG=$work/rclone.conf
: >"$RCLONE_CONFIG"
rclone serve webdav "$work/served" --addr 127.0.0.1:0 >"$work/serve.log" 2>&1 &
server=$!
url=
for _ in $(seq 300); do
    url=$(grep -oE 'started on http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | grep -oE 'http://.*' || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
export RCLONE_CONFIG_NUVEM_TYPE=webdav RCLONE_CONFIG_NUVEM_URL=$url RCLONE_CONFIG_NUVEM_VENDOR=other

# shellcheck source=bench/timing.sh
. "$here/timing.sh"

echo
echo "Copy: $(stat -c %s "$copy") bytes ($(unzip -Z1 "$copy" | wc -l) entries); loopback WebDAV; $(nproc) cores; medians of $runs pairs"
echo
echo "| command | rclone copyto s | Resguarda s | Resguarda / rclone (min to max) |"
echo "| --- | ---: | ---: | ---: |"
pair "resguarda-cli send (verify here, upload, check, rename)" \
    "rclone copyto --ignore-times '$copy' nuvem:A/CopiaX.zip" \
    "'$cli' send --quiet '$copy' --remote nuvem:B"
pair "resguarda-cli verify alone, beside the same upload" \
    "rclone copyto --ignore-times '$copy' nuvem:A/CopiaX.zip" \
    "'$cli' verify --quiet '$copy'"
pair "resguarda-cli backup --remote (the scheduled copy's way: no second verify)" \
    "'$cli' backup --root '$root' --system '$system' --output '$work/out/a' --quiet && rclone copyto --ignore-times '$work/out/a/Copia$system.zip' nuvem:C/Copia$system.zip" \
    "'$cli' backup --root '$root' --system '$system' --output '$work/out/b' --quiet --remote nuvem:D"
echo
echo "The last row's first column is the backup followed by rclone copyto by hand."
echo "send - verify - rclone copyto is what sending adds on the remote side: a listing, the"
echo "remote's hash types, a second listing of the upload, and two renames (rclone moveto)."
