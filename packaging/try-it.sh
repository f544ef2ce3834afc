#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Resguarda and starts the app. With no
# installation given and none remembered, the app offers to create and open
# a demonstration installation. The README's run command.
#
# Without a display (a bare server, ssh), it shows the same on the command
# line instead: a demo installation in a temporary folder and a copy of it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset default
cmake --build --preset default

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/app/gui/resguarda --lang pt_BR "$@"
fi

echo "No display: trying resguarda-cli instead." >&2
cli=build/app/cli/resguarda-cli
demo=$(mktemp -d -t resguarda-demo.XXXXXX)
"$cli" demo --root "$demo/instalacao" --companies 8 --years 3 --size-mb 60
"$cli" backup --root "$demo/instalacao" --system AT --templates
"$cli" list "$demo/instalacao/Copias/CopiaAT.zip" --root "$demo/instalacao"
