#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the seed corpus in tests/fuzz/corpus from a build of the asan
# preset (docs/security-tooling.md):
#   - crafted copies, manifests and journals (fuzz_make_seeds), protected
#     copies among them;
#   - real copies made by resguarda-cli from a demo installation whose data
#     files are cut down to a few lines, so that each seed is a few KB, one
#     of them protected with the password fuzz_copyreader opens it with
#     (FuzzScratch::copyPassword in fuzzscratch.h);
#   - those copies packed by 7z and tar the way users pack them.
# Inputs the fuzzers found (regression-*) are kept.
#
#   tests/fuzz/make-corpus.sh [BUILD_DIR]    (default build-asan)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-asan}
corpus=tests/fuzz/corpus
cli=$build/app/cli/resguarda-cli
seeds=$build/tests/fuzz/fuzz_make_seeds
for tool in "$cli" "$seeds"; do
    [ -x "$tool" ] || { echo "make-corpus.sh: build $tool first" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The CLI must not see the real user's settings or history.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME"

for target in copyreader manifest journal container; do
    find "$corpus/$target" -type f ! -name 'regression-*' -delete 2>/dev/null || true
    mkdir -p "$corpus/$target"
done

"$seeds" "$work/seeds"
for target in copyreader manifest journal; do
    cp "$work/seeds/$target"/* "$corpus/$target/"
done

# A real installation, shrunk: two months per monthly folder, and every
# data file keeps only its first lines.
"$cli" demo --root "$work/inst" --companies 2 --years 1 --size-mb 1 --seed 7 --quiet >/dev/null
find "$work/inst" -type d -name mensal | while read -r monthly; do
    find "$monthly" -mindepth 1 -maxdepth 1 -type d | sort | tail -n +3 | xargs -r rm -rf
done
find "$work/inst" -type f -name '*.dat' -exec sh -c 'head -c 120 "$1" >"$1.cut" && mv "$1.cut" "$1"' _ {} \;
"$cli" backup --root "$work/inst" --system AT --output "$work/CopiaAT.zip" --templates --quiet >/dev/null
"$cli" backup --root "$work/inst" --system AT --output "$work/CopiaAT-0001.zip" --companies 0001 --quiet >/dev/null
for copy in CopiaAT CopiaAT-0001; do
    cp "$work/$copy.zip" "$corpus/copyreader/real-$copy.zip"
    unzip -p "$work/$copy.zip" resguarda-manifest.json >"$corpus/manifest/real-$copy.json"
done
password=$(sed -n 's/^constexpr char copyPassword\[\] = "\(.*\)";$/\1/p' tests/fuzz/fuzzscratch.h)
[ -n "$password" ] || { echo "make-corpus.sh: no copyPassword in tests/fuzz/fuzzscratch.h" >&2; exit 1; }
(umask 077 && printf '%s\n' "$password" >"$work/senha")
"$cli" backup --root "$work/inst" --system AT --output "$work/CopiaAT-protegida.zip" --companies 0001 \
    --password-file "$work/senha" --quiet >/dev/null
cp "$work/CopiaAT-protegida.zip" "$corpus/copyreader/real-CopiaAT-protegida.zip"

# Containers: the first byte picks the name fuzz_container gives the file
# (its table of names: 7z rar tar tar.gz tar.xz tar.zst tar.bz2 zip).
pack() { # INDEX NAME COMMAND...
    local index=$1 name=$2
    shift 2
    (cd "$work" && "$@")
    { printf "\\x$(printf %02x "$index")"; cat "$work/$name"; } >"$corpus/container/real-$name"
}
mkdir -p "$work/backup" && cp "$work/CopiaAT-0001.zip" "$work/backup/CopiaAT.zip"
pack 0 copia.7z 7z a -bd -bso0 copia.7z backup/CopiaAT.zip
pack 2 copia.tar tar -cf copia.tar backup
pack 3 copia.tar.gz tar -czf copia.tar.gz backup
pack 4 copia.tar.xz tar -cJf copia.tar.xz backup
pack 5 copia.tar.zst tar --zstd -cf copia.tar.zst backup
# Two copies in one container: refused, the user must say which.
cp "$work/CopiaAT.zip" "$work/backup/CopiaAT-todas.zip"
pack 2 duas-copias.tar tar -cf duas-copias.tar backup
# The copy itself, not packed: the opener hands it to the reader.
{ printf '\x07'; cat "$work/CopiaAT-0001.zip"; } >"$corpus/container/real-copia-sem-pacote.zip"

du -sh "$corpus"/*
