#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a user-visible string of the sources has no finished pt_BR
# translation: extracts the strings of the current sources into a copy of the
# catalogue (as `cmake --build build --target update_translations` would) and
# looks for anything new, unfinished or vanished.
#
#   check-translations.sh SOURCE_DIR LUPDATE
set -euo pipefail
source_dir=$1
lupdate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$source_dir/i18n/resguarda_pt_BR.ts" "$work/check.ts"
dirs=()
for d in backend app qml; do
    [ -d "$source_dir/$d" ] && dirs+=("$source_dir/$d")
done
"$lupdate" -silent -locations none "${dirs[@]}" -ts "$work/check.ts"

status=0
python3 - "$work/check.ts" <<'PY' || status=1
import sys
import xml.etree.ElementTree as ET
bad = []
for context in ET.parse(sys.argv[1]).getroot().iter("context"):
    name = context.find("name").text
    for message in context.iter("message"):
        translation = message.find("translation")
        kind = translation.get("type")
        text = "".join(translation.itertext()).strip()
        if kind in ("unfinished", "vanished", "obsolete") or not text:
            bad.append(f"{kind or 'empty'}: [{name}] {message.find('source').text!r}")
for line in bad:
    print(line)
print(f"{len(bad)} string(s) without a finished pt_BR translation" if bad else "pt_BR catalogue complete")
sys.exit(1 if bad else 0)
PY
exit $status
