#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the dependencies, builds Resguarda, creates a demonstration
# installation in a temporary folder and makes a copy of it, printing where
# the copy went. The README's run command.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset default
cmake --build --preset default

cli=build/app/cli/resguarda-cli
demo=$(mktemp -d -t resguarda-demo.XXXXXX)
"$cli" demo --root "$demo/instalacao" --companies 8 --years 3 --size-mb 60
"$cli" backup --root "$demo/instalacao" --system AT --templates
"$cli" list "$demo/instalacao/Copias/CopiaAT.zip" --root "$demo/instalacao"
