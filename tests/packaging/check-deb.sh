#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a finished build tree and checks it:
#   - dpkg-deb: the control fields, Depends computed from the binaries plus
#     the QML modules, and the files the package must hold;
#   - lintian: no errors (warnings and infos are listed);
#   - desktop-file-validate, appstreamcli, man --warnings, systemd-analyze
#     (when present) on the files as packaged;
#   - the unpacked resguarda-cli: --version, a demo installation, a backup
#     (also the exact command of the systemd unit) and verify.
# Needs no network. Exits 77 (ctest SKIP_RETURN_CODE) only when a required
# tool is missing; packaging/install-deps.sh installs them all.
#
# usage: check-deb.sh BUILD_DIR VERSION [CPACK]
set -euo pipefail

build_dir=${1:?usage: check-deb.sh BUILD_DIR VERSION [CPACK]}
version=${2:?usage: check-deb.sh BUILD_DIR VERSION [CPACK]}
cpack=${3:-cpack}

missing=()
for tool in "$cpack" dpkg-deb dpkg-shlibdeps dpkg lintian desktop-file-validate appstreamcli man gzip file; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "SKIP: missing tools: ${missing[*]} (bash packaging/install-deps.sh installs them)"
    exit 77
fi

# English messages, whatever the caller's locale.
export LANG=C.UTF-8 LC_ALL=C.UTF-8

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
ok() {
    echo "ok: $*"
}
section() {
    printf '\n== %s\n' "$*"
}

work=$(mktemp -d -t resguarda-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work/home" "$work/runtime"

section "cpack"
arch=$(dpkg --print-architecture)
deb=$work/out/resguarda_${version}_${arch}.deb
if ! "$cpack" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack could not make the package"
    exit 1
fi
if [ ! -f "$deb" ]; then
    cat "$work/cpack.log"
    ls -l "$work/out"
    echo "FAIL: cpack did not make $(basename "$deb")"
    exit 1
fi
ok "$(basename "$deb"), $(stat -c %s "$deb") bytes"

section "dpkg-deb --info"
info=$(dpkg-deb --info "$deb")
echo "$info"
field() {
    dpkg-deb --field "$deb" "$1"
}
[ "$(field Package)" = resguarda ] || fail "Package is not resguarda"
[ "$(field Version)" = "$version" ] || fail "Version is not $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is not $arch"
[ "$(field Section)" = utils ] || fail "Section is not utils"
[ "$(field Priority)" = optional ] || fail "Priority is not optional"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Homepage)" ] || fail "no Homepage"
depends=$(field Depends)
[ -n "$depends" ] || fail "no Depends"
# Libraries: present, and with the minimum versions only dpkg-shlibdeps
# computes from the symbols the binaries use.
depends_entries=$(echo "$depends" | tr ',' '\n' | sed -E 's/^ +//')
for lib in libc6 libqt6core6 libquazip1-qt6-1 libarchive13 libstdc++6; do
    if echo "$depends_entries" | grep -Fq "$lib (>= "; then
        ok "Depends has $lib with a computed version"
    else
        fail "Depends lacks $lib (>= ...): dpkg-shlibdeps did not compute it"
    fi
done
# Run-time modules the binaries cannot show.
for module in qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
    qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript \
    qml6-module-qt-labs-folderlistmodel fonts-dejavu-core; do
    grep -qx "$module" <<<"$(sed 's/ .*//' <<<"$depends_entries")" || fail "Depends lacks $module"
done
ok "Depends checked"

section "dpkg-deb --contents"
contents=$(dpkg-deb --contents "$deb")
echo "$contents"
expect_file() { # path mode
    local line
    line=$(echo "$contents" | awk -v p="./$1" '$6 == p')
    if [ -z "$line" ]; then
        fail "the package lacks /$1"
    elif ! grep -q "^$2 root/root " <<<"$line"; then
        fail "/$1 is not $2 root/root: $line"
    fi
}
expect_file usr/bin/resguarda -rwxr-xr-x
expect_file usr/bin/resguarda-cli -rwxr-xr-x
expect_file usr/share/applications/io.github.resguarda.Resguarda.desktop -rw-r--r--
expect_file usr/share/metainfo/io.github.resguarda.Resguarda.metainfo.xml -rw-r--r--
expect_file usr/share/icons/hicolor/scalable/apps/resguarda.svg -rw-r--r--
expect_file usr/share/man/man1/resguarda-cli.1.gz -rw-r--r--
expect_file usr/share/man/man1/resguarda.1.gz -rw-r--r--
expect_file usr/lib/systemd/system/resguarda-backup@.service -rw-r--r--
expect_file usr/lib/systemd/system/resguarda-backup@.timer -rw-r--r--
expect_file usr/share/doc/resguarda/copyright -rw-r--r--
expect_file usr/share/doc/resguarda/changelog.gz -rw-r--r--
ok "contents checked"

section "lintian"
set +e
lintian --tag-display-limit 0 --display-info "$deb" >"$work/lintian.log" 2>&1
lintian_status=$?
set -e
grep -v '^running with root privileges' "$work/lintian.log" || true
errors=$(grep -c '^E: ' "$work/lintian.log" || true)
warnings=$(grep -c '^W: ' "$work/lintian.log" || true)
infos=$(grep -c '^I: ' "$work/lintian.log" || true)
echo "lintian: $errors error(s), $warnings warning(s), $infos info(s)"
for kind in W I; do
    tags=$(grep "^$kind: " "$work/lintian.log" | awk '{print $3}' | sort | uniq -c | awk '{printf "%s (%s) ", $2, $1}' || true)
    [ -z "$tags" ] || echo "  $kind: $tags"
done
if [ "$errors" -gt 0 ]; then
    fail "lintian reports errors"
elif [ "$lintian_status" -ne 0 ]; then
    fail "lintian exited with $lintian_status"
else
    ok "lintian: no errors"
fi

section "unpack"
root=$work/root
dpkg-deb -x "$deb" "$root"
ok "unpacked into $root"
file "$root/usr/bin/resguarda" "$root/usr/bin/resguarda-cli"
for program in resguarda resguarda-cli; do
    grep -q ', stripped' <<<"$(file "$root/usr/bin/$program")" || fail "/usr/bin/$program is not stripped"
done

section "desktop-file-validate"
desktop=$root/usr/share/applications/io.github.resguarda.Resguarda.desktop
if out=$(desktop-file-validate "$desktop" 2>&1); then
    [ -z "$out" ] || echo "$out"
    if echo "$out" | grep -Eq ': (error|warning): '; then
        fail "desktop-file-validate reports problems"
    else
        ok "desktop file valid"
    fi
else
    echo "$out"
    fail "desktop-file-validate failed"
fi
grep -qx 'Exec=resguarda' "$desktop" || fail "the desktop file does not run resguarda"
grep -qx 'Icon=resguarda' "$desktop" || fail "the desktop file's icon is not resguarda"

section "appstreamcli validate"
metainfo=$root/usr/share/metainfo/io.github.resguarda.Resguarda.metainfo.xml
if appstreamcli validate --no-net "$metainfo"; then
    ok "metainfo valid"
else
    fail "appstreamcli validate reports errors"
fi
# The metainfo, the desktop file and the icon as one installed tree.
if appstreamcli validate-tree --no-net "$root"; then
    ok "installed tree valid"
else
    fail "appstreamcli validate-tree reports errors"
fi

section "man pages"
for page in resguarda-cli resguarda; do
    file=$root/usr/share/man/man1/$page.1.gz
    out=$(MANWIDTH=80 man --warnings -l "$file" 2>&1 >/dev/null || echo "man exited with $?")
    if [ -n "$out" ]; then
        echo "$out"
        fail "man --warnings on $page.1"
    else
        ok "$page.1 renders without warnings"
    fi
done
# Every command and option resguarda-cli knows is in its manual page.
cli=$root/usr/bin/resguarda-cli
page_text=$(gzip -dc "$root/usr/share/man/man1/resguarda-cli.1.gz" | sed 's/\\-/-/g')
commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | grep -oE '^  [a-z]+' | tr -d ' ' || true)
[ -n "$commands" ] || fail "no commands found in resguarda-cli --help"
for command in $commands; do
    # The command's own section: from ".SS command" to the next section.
    command_text=$(echo "$page_text" | awk -v ss=".SS $command" \
        '$0 == ss { on = 1; next } on && /^\.S[SH] / { exit } on { print }')
    if [ -z "$command_text" ]; then
        fail "resguarda-cli.1 has no section for the command $command"
        continue
    fi
    for option in $("$cli" "$command" --help | grep -oE '^ +(-[a-z], )?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+'); do
        [ "$option" = --help ] && continue
        grep -q -- "$option" <<<"$command_text" || fail "resguarda-cli.1 does not document $command $option"
    done
done
ok "every command and option of resguarda-cli is in resguarda-cli.1: $(echo "$commands" | tr '\n' ' ')"

section "systemd units"
units=$root/usr/lib/systemd/system
if command -v systemd-analyze >/dev/null 2>&1; then
    # Verified as instances for /srv/sistemas, with ExecStart pointing at the
    # unpacked program (the package is not installed here).
    mkdir "$work/units"
    for unit in "$units"/*; do
        sed "s|/usr/bin/resguarda-cli|$cli|g" "$unit" >"$work/units/$(basename "$unit")"
    done
    instance=$(systemd-escape --path /srv/sistemas)
    out=$(cd / && systemd-analyze verify --man=no \
        "$work/units/resguarda-backup@$instance.service" \
        "$work/units/resguarda-backup@$instance.timer" 2>&1) || out="$out (exit status $?)"
    if [ -n "$out" ]; then
        echo "$out"
        fail "systemd-analyze verify"
    else
        ok "systemd-analyze verify: no complaints"
    fi
else
    echo "systemd-analyze not found: the units are not verified here"
fi
grep -q '^OnCalendar=Mon..Fri 19:00$' "$units/resguarda-backup@.timer" || fail "the timer is not on working days at 19:00"

section "the unpacked resguarda-cli"
out=$("$cli" --version)
echo "$out"
[ "$out" = "resguarda-cli $version" ] || fail "--version printed '$out', not 'resguarda-cli $version'"
inst=$work/inst
"$cli" demo --root "$inst" --size-mb 2 || fail "demo"
set +e
"$cli" backup --root "$inst" --system AT
status=$?
set -e
[ $status -eq 0 ] || fail "backup exited with $status"
copy=$inst/Copias/CopiaAT.zip
if [ -f "$copy" ]; then
    ok "copy made: $(stat -c %s "$copy") bytes"
    if "$cli" verify "$copy"; then
        ok "verify exits 0"
    else
        fail "verify exited with $?"
    fi
else
    fail "no copy at $copy"
fi

# The unpacked app starts and loads its QML (it is still running after a few
# seconds; a QML error would end it with status 1 at once).
set +e
HOME=$work/home XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=offscreen \
    timeout 5 "$root/usr/bin/resguarda" --root "$inst" >"$work/app.log" 2>&1
status=$?
set -e
if [ $status -eq 124 ]; then
    ok "the unpacked resguarda starts"
else
    cat "$work/app.log"
    fail "the unpacked resguarda ended with $status on start"
fi

# The command of the systemd service, exactly as written there, for this
# installation: %f is the installation's path, RESGUARDA_OUTPUT,
# RESGUARDA_PROTECTION and REMOTE are unset (tests/packaging/check-scheduled-copy.sh
# runs it with a password file).
exec_start=$(sed -n 's/^ExecStart=//p' "$units/resguarda-backup@.service")
echo "ExecStart=$exec_start"
read -r -a words <<<"$exec_start"
command_line=()
for word in "${words[@]}"; do
    case $word in
    /usr/bin/resguarda-cli) command_line+=("$cli") ;;
    %f) command_line+=("$inst") ;;
    \$RESGUARDA_OUTPUT | \$RESGUARDA_PROTECTION) ;;
    \$\{REMOTE\}) command_line+=("") ;; # unset: one empty word, no off-site copy
    *) command_line+=("$word") ;;
    esac
done
set +e
"${command_line[@]}"
status=$?
set -e
if [ $status -ne 0 ]; then
    fail "the service's command exited with $status"
else
    # One set of today's weekday per system of the installation.
    systems=$(grep -oE '"codigo": *"[A-Za-z0-9]+"' "$inst/sistemas.json" | grep -oE '[A-Za-z0-9]+"$' | tr -d '"')
    [ -n "$systems" ] || fail "no systems in $inst/sistemas.json"
    for system in $systems; do
        sets=("$inst/Copias/Copia$system"-*.zip)
        if [ ${#sets[@]} -eq 1 ] && [ -f "${sets[0]}" ] \
            && [[ $(basename "${sets[0]}") =~ ^Copia$system-(segunda|terca|quarta|quinta|sexta|sabado|domingo)\.zip$ ]] \
            && "$cli" verify --quiet "${sets[0]}" >/dev/null; then
            ok "the service's command made $(basename "${sets[0]}")"
        else
            fail "the service's command did not make one valid weekday set of $system: ${sets[*]}"
        fi
    done
fi

echo
if [ $failures -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "the package is good"
