#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the ExecStart= line of resguarda-backup@.service, exactly as written
# in the unit, on a demo installation, with a temporary file in place of
# /etc/default/resguarda-backup-<instance>, expanded the way systemd expands
# it: %f is the installation's path, an unquoted $VARIABLE becomes the words
# of its value (none when it is unset or empty), ${VARIABLE} one word.
#   - no defaults file: plain copies;
#   - RESGUARDA_PROTECTION naming a password file of mode 600: protected
#     copies, which verify opens with that password and refuses without it;
#   - a password file of mode 644 or 640, a symbolic link, a missing file,
#     and (when run as root) a file of another user: refused with exit
#     status 2, a message naming the file, and no copy written;
#   - REMOTE= naming a folder of a real rclone WebDAV server on 127.0.0.1:
#     the copies land there byte for byte; a remote that is not configured
#     still makes the copies here, exits 7 and records the failure;
#   - the off-site drop-in (offsite.conf): systemd-analyze verify accepts
#     it, and its security report differs from the plain unit's only in
#     the network lines.
# The service runs as root; run as another user, this test plays root's
# part with its own files (the program accepts the files of the user who
# runs it), and the file of another user is left out.
#
# usage: check-scheduled-copy.sh RESGUARDA_CLI UNIT_FILE
set -euo pipefail

cli=${1:?usage: check-scheduled-copy.sh RESGUARDA_CLI UNIT_FILE}
unit=${2:?usage: check-scheduled-copy.sh RESGUARDA_CLI UNIT_FILE}
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

work=$(mktemp -d -t resguarda-scheduled.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Neither the program nor this test may touch the real user's settings.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export TMPDIR=$work/tmp
mkdir -m 700 "$HOME" "$TMPDIR"

exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
environment_file=$(sed -n 's/^EnvironmentFile=//p' "$unit")
echo "ExecStart=$exec_start"
echo "EnvironmentFile=$environment_file"
[ "$(grep -c '^ExecStart=' "$unit")" -eq 1 ] || fail "the unit has not exactly one ExecStart= line"
# The leading '-' lets the service run without a defaults file.
[ "$environment_file" = "-/etc/default/resguarda-backup-%i" ] \
    || fail "EnvironmentFile= is not -/etc/default/resguarda-backup-%i"
grep -q '\$RESGUARDA_PROTECTION' <<<"$exec_start" || fail "ExecStart= does not pass \$RESGUARDA_PROTECTION"

inst=$work/inst
"$cli" demo --root "$inst" --companies 2 --years 1 --size-mb 1 --seed 3 --quiet >/dev/null
systems=$(grep -oE '"codigo": *"[A-Za-z0-9]+"' "$inst/sistemas.json" | grep -oE '[A-Za-z0-9]+"$' | tr -d '"')
[ -n "$systems" ] || { echo "FAIL: no systems in $inst/sistemas.json"; exit 1; }

# Reads KEY=VALUE lines of an environment file into the array "environment"
# (VALUE may be in double or single quotes; # starts a comment line).
declare -A environment
read_environment() { # FILE
    environment=()
    [ -f "$1" ] || return 0
    local line key value
    while IFS= read -r line || [ -n "$line" ]; do
        [[ $line =~ ^[[:space:]]*(#|;|$) ]] && continue
        key=${line%%=*}
        value=${line#*=}
        if [[ $value =~ ^\"(.*)\"$ ]] || [[ $value =~ ^\'(.*)\'$ ]]; then
            value=${BASH_REMATCH[1]}
        fi
        environment[$key]=$value
    done <"$1"
}

# Runs the unit's command with the defaults file given (none when it does
# not exist); its exit status goes to $status, its messages to $messages.
run_service() { # DEFAULTS_FILE
    read_environment "$1"
    local word name command_line=()
    read -r -a words <<<"$exec_start"
    for word in "${words[@]}"; do
        case $word in
        /usr/bin/resguarda-cli) command_line+=("$cli") ;;
        %f) command_line+=("$inst") ;;
        \$\{*\})
            name=${word:2:-1}
            command_line+=("${environment[$name]:-}")
            ;;
        \$*)
            name=${word:1}
            # shellcheck disable=SC2206 # split at spaces, as systemd does
            command_line+=(${environment[$name]:-})
            ;;
        *%*)
            echo "FAIL: the test does not know the specifier in '$word'"
            exit 1
            ;;
        *) command_line+=("$word") ;;
        esac
    done
    echo "running: ${command_line[*]}"
    set +e
    messages=$("${command_line[@]}" 2>&1)
    status=$?
    set -e
    [ -z "$messages" ] || echo "$messages"
}

copies() {
    [ -d "$inst/Copias" ] || return 0
    find "$inst/Copias" -maxdepth 1 -name 'Copia*.zip' | sort
}

# Each system got exactly one weekday set; verify (with the extra
# arguments) exits with the status expected.
check_copies() { # WHAT EXPECTED_VERIFY_STATUS [VERIFY_ARGUMENTS...]
    local what=$1 expected=$2 system sets verify_status
    shift 2
    for system in $systems; do
        sets=("$inst/Copias/Copia$system"-*.zip)
        if [ ${#sets[@]} -ne 1 ] || [ ! -f "${sets[0]}" ] \
            || ! [[ $(basename "${sets[0]}") =~ ^Copia$system-(segunda|terca|quarta|quinta|sexta|sabado|domingo)\.zip$ ]]; then
            fail "$what: not one weekday set of $system: ${sets[*]}"
            continue
        fi
        set +e
        "$cli" verify --quiet "$@" "${sets[0]}" >/dev/null 2>&1
        verify_status=$?
        set -e
        if [ $verify_status -eq "$expected" ]; then
            ok "$what: $(basename "${sets[0]}"), verify ${*:-(no password)} exits $expected"
        else
            fail "$what: verify $* ${sets[0]} exited with $verify_status, not $expected"
        fi
    done
}

# A refused run: exit status 2, a message naming the password file, and no
# copy at all.
expect_refused() { # WHAT PASSWORD_FILE
    rm -rf "$inst/Copias"
    run_service "$defaults"
    [ $status -eq 2 ] && ok "$1: exit status 2" || fail "$1: exit status $status, not 2"
    grep -qF "$2" <<<"$messages" && ok "$1: the message names $2" \
        || fail "$1: no message naming $2"
    local made
    made=$(copies)
    [ -z "$made" ] && ok "$1: no copy written" || fail "$1: copies written: $made"
}

password='Senha-Forte-2026'
secrets=$work/etc-resguarda
mkdir -m 700 "$secrets"
password_file=$secrets/senha-inst
defaults=$work/resguarda-backup-inst
write_password() { # MODE
    rm -f "$password_file"
    (umask 077 && printf '%s\n' "$password" >"$password_file")
    chmod "$1" "$password_file"
}

section "no defaults file: plain copies"
rm -rf "$inst/Copias"
run_service "$work/no-such-defaults"
[ $status -eq 0 ] && ok "exit status 0" || fail "exit status $status"
check_copies "plain" 0

section "RESGUARDA_PROTECTION with a password file of mode 600"
printf '# written by check-scheduled-copy.sh\nRESGUARDA_PROTECTION="--password-file %s"\n' \
    "$password_file" >"$defaults"
write_password 600
rm -rf "$inst/Copias"
run_service "$defaults"
[ $status -eq 0 ] && ok "exit status 0" || fail "exit status $status"
check_copies "protected, with the password" 0 --password-file "$password_file"
check_copies "protected, without the password" 6
for copy in $(copies); do
    command -v unzip >/dev/null 2>&1 || break
    entries=$(unzip -Z1 "$copy" 2>/dev/null || true)
    if [[ $entries =~ ^Copia[A-Za-z0-9]+-sem-senha\.zip$ ]]; then
        ok "$(basename "$copy") holds only its encrypted plain copy, $entries"
    else
        fail "$(basename "$copy") does not hold just one Copia*-sem-senha.zip: $entries"
    fi
done

section "refused password files"
write_password 644
expect_refused "mode 644" "$password_file"
write_password 640
expect_refused "mode 640" "$password_file"
write_password 600
mv "$password_file" "$password_file.real"
ln -s "$password_file.real" "$password_file"
expect_refused "a symbolic link" "$password_file"
rm -f "$password_file" "$password_file.real"
expect_refused "a missing file" "$password_file"
if [ "$(id -u)" -eq 0 ]; then
    write_password 600
    chown 65534 "$password_file"
    expect_refused "a file of another user than root" "$password_file"
else
    echo "not run as root: the file of another user is not tried"
fi

section "REMOTE=: the copies also go off site (a real rclone WebDAV server on 127.0.0.1)"
if command -v rclone >/dev/null 2>&1; then
    served=$work/servidor
    mkdir -p "$served"
    export RCLONE_CONFIG=$work/rclone.conf
    : >"$RCLONE_CONFIG"
    rclone serve webdav "$served" --addr 127.0.0.1:0 --dir-cache-time=0s >"$work/serve.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
    url=
    for _ in $(seq 300); do
        url=$(grep -oE 'started on http://127\.0\.0\.1:[0-9]+' "$work/serve.log" | grep -oE 'http://.*' || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    if [ -z "$url" ]; then
        fail "rclone serve webdav did not start: $(cat "$work/serve.log")"
    else
        export RCLONE_CONFIG_NUVEM_TYPE=webdav RCLONE_CONFIG_NUVEM_URL=$url RCLONE_CONFIG_NUVEM_VENDOR=other
        printf 'REMOTE=nuvem:Copias/escritorio\n' >"$defaults"
        rm -rf "$inst/Copias"
        run_service "$defaults"
        [ $status -eq 0 ] && ok "exit status 0" || fail "exit status $status"
        for copy in $(copies); do
            if cmp -s "$copy" "$served/Copias/escritorio/$(basename "$copy")"; then
                ok "$(basename "$copy") is on the remote, byte for byte"
            else
                fail "$(basename "$copy") is not on the remote as made"
            fi
        done
        printf 'REMOTE=nevoa:Copias\n' >"$defaults"
        rm -rf "$inst/Copias"
        run_service "$defaults"
        [ $status -eq 7 ] && ok "a remote that is not configured: exit status 7" \
            || fail "a remote that is not configured: exit status $status, not 7"
        [ -n "$(copies)" ] && ok "the copies were still made here" || fail "no copies made here"
        grep -q '"operation":"offsite"' "$inst/Copias/historico.jsonl" \
            && grep -q 'offsite-failed' "$inst/Copias/historico.jsonl" \
            && ok "the failed sending is in the history" || fail "the failed sending is not in the history"
        grep -q '^RestartPreventExitStatus=.* 7' "$unit" && ok "exit status 7 is not restarted" \
            || fail "exit status 7 would restart the whole copy"
    fi
    kill $server 2>/dev/null || true
    wait $server 2>/dev/null || true
else
    fail "rclone is not installed (packaging/install-deps.sh installs it)"
fi

section "the off-site drop-in: network for that instance, the rest of the hardening kept"
dropin=$(dirname "$unit")/offsite.conf
if command -v systemd-analyze >/dev/null 2>&1; then
    units=$work/units
    instance=$(systemd-escape --path /srv/sistemas)
    mkdir -p "$units/resguarda-backup@$instance.service.d" "$work/plain-units"
    sed "s|/usr/bin/resguarda-cli|$(readlink -f "$cli")|g" "$unit" >"$units/resguarda-backup@.service"
    cp "$units/resguarda-backup@.service" "$work/plain-units/"
    cp "$dropin" "$units/resguarda-backup@$instance.service.d/"
    out=$(cd / && SYSTEMD_UNIT_PATH=$units: systemd-analyze verify --man=no \
        "$units/resguarda-backup@$instance.service" 2>&1) || out="$out (exit status $?)"
    [ -z "$out" ] && ok "systemd-analyze verify with the drop-in: no complaints" \
        || fail "systemd-analyze verify with the drop-in: $out"
    report() { # UNIT_DIR
        (cd / && SYSTEMD_UNIT_PATH=$1: systemd-analyze security --offline=true \
            "$1/resguarda-backup@$instance.service" 2>/dev/null | sed -n 's/^\([✓✗]\) \([^ ]*\).*/\1 \2/p')
    }
    with=$(report "$units")
    without=$(report "$work/plain-units")
    [ "$(wc -l <<<"$without")" -gt 40 ] || fail "systemd-analyze security gave no report: $without"
    grep -q '✗ RestrictAddressFamilies=~AF_(INET|INET6)' <<<"$with" \
        && ok "with the drop-in the instance may reach the network" \
        || fail "with the drop-in the instance still has no network"
    grep -q '✓ RestrictAddressFamilies=~AF_(INET|INET6)' <<<"$without" \
        && ok "without it the unit still has no network" || fail "the plain unit allows the network"
    changed=$(diff <(echo "$without") <(echo "$with") | grep '^[<>]' \
        | grep -vF -e 'RestrictAddressFamilies=~AF_(INET|INET6)' -e 'RestrictAddressFamilies=~AF_NETLINK' \
            -e 'RestrictAddressFamilies=~AF_UNIX' -e 'IPAddressDeny=' || true)
    [ -z "$changed" ] && ok "every other hardening line is the same with the drop-in" \
        || fail "the drop-in changes more than the network: $changed"
else
    echo "systemd-analyze not found: the drop-in is not verified here"
fi

echo
if [ $failures -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "the scheduled copy behaves"
