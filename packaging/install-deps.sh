#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every build, test and run dependency of Resguarda from Debian 12
# packages. Idempotent: packages already present are skipped by apt-get.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config file
    # the asan preset and the fuzzers: clang, its sanitizer and libFuzzer
    # runtimes, and llvm-symbolizer for readable reports
    clang-14 libclang-rt-14-dev llvm-14
    # the format check (tests/tooling/check-format.sh)
    clang-format-14
    # Qt 6.4 (Debian 12)
    qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-virtualkeyboard-dev qt6-qpa-plugins libgl-dev libxkbcommon-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
    qml6-module-qtquick-dialogs qml6-module-qtqml-models qml6-module-qtquick-virtualkeyboard
    qt6-virtualkeyboard-plugin
    qml6-module-qttest qml6-module-qt-labs-folderlistmodel qml6-module-qtqml
    # archives and compression
    libquazip1-qt6-dev libarchive-dev zlib1g-dev libdeflate-dev
    # the ciphers, MAC and key derivation of password-protected copies
    nettle-dev
    # off-site copies: resguarda runs rclone; the tests serve WebDAV with it
    rclone
    # tools the tests and benchmarks compare with
    zip unzip 7zip p7zip-full zstd xz-utils time python3
    # a real X server of 800x480 and a kiosk's window manager, for the test
    # that starts the app as a kiosk (tst_kioskscreen), which reads it with xcb
    xvfb matchbox-window-manager libxcb1-dev
    # fonts for the offscreen renders and a bare desktop
    fonts-dejavu-core
    # building and checking the Debian package (tests/packaging)
    dpkg-dev lintian desktop-file-utils appstream man-db gzip
)

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "install-deps.sh: run as root or install sudo" >&2
    exit 1
fi

missing=()
for p in "${packages[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = 'install ok installed' ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps.sh: all dependencies present"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
