#!/usr/bin/env bash
# Make sure the Debian/Ubuntu packages that Qt (PySide6) needs are installed, and for the tests
# a PostgreSQL server.
#
#   scripts/ensure-system-libs.sh test   # offscreen Qt, PDF fonts, PostgreSQL: what `make test` needs
#   scripts/ensure-system-libs.sh run    # a real window on X11 as well: what `make run` needs
#
# Quick and silent when everything is present. When something is missing: as root, apt-get
# installs it; otherwise the exact `sudo apt-get install ...` line is printed and the script
# exits 1. Without dpkg (not Debian), the libraries are looked up with `ldconfig -p` instead and
# the missing ones are named.
#
# PostgreSQL (`test` only) is optional: scripts/with-postgres.sh runs the storage tests on a
# throwaway server of its own (its own port and socket directory, never the system cluster's
# 5432) when one is installed. As root the `postgresql` package is installed; otherwise its
# absence is one line of output, and the PostgreSQL tests are skipped.
#
# DIFFUSION_DESK_EXTRA_SYSTEM_PACKAGES="pkg ..." adds packages to the list (for packaging
# experiments and for testing this script's install path).
set -euo pipefail

usage() {
    echo "usage: $0 test|run" >&2
    exit 2
}
[[ $# -eq 1 ]] || usage
mode=$1

# Offscreen Qt: QtGui/QtWidgets load these even without a display. The printed documents
# embed TrueType fonts: WenQuanYi Micro Hei prints party names in Latin, Cyrillic, Greek,
# Chinese, Japanese and Korean, DejaVu Sans the headings, and the Noto Sans fonts of
# fonts-noto-core every other script customers write in (Thai, Devanagari, Khmer, Hebrew,
# Arabic, ...); the PDF tests need them too.
# faketime moves the machine's clock for one test run (the suite must pass on any date);
# poppler-utils, zbar-tools and qpdf check paper as people bring it back (pages rendered at
# fax resolution, their QR code decoded, encrypted copies).
test_packages=(libglib2.0-0 libegl1 libgl1 libdbus-1-3 libfontconfig1 libxkbcommon0 fonts-dejavu-core
    fonts-wqy-microhei fonts-noto-core faketime poppler-utils zbar-tools qpdf)
# The xcb platform plugin.
run_packages=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)

case $mode in
    test) packages=("${test_packages[@]}") ;;
    run) packages=("${test_packages[@]}" "${run_packages[@]}") ;;
    *) usage ;;
esac
# shellcheck disable=SC2206  # word splitting of the list is intended
packages+=(${DIFFUSION_DESK_EXTRA_SYSTEM_PACKAGES:-})

# What each package provides, for machines without dpkg: a soname for ldconfig -p, or a font
# file name (fonts are not libraries).
declare -A provides=(
    [libglib2.0-0]=libglib-2.0.so.0
    [libegl1]=libEGL.so.1
    [libgl1]=libGL.so.1
    [libdbus-1-3]=libdbus-1.so.3
    [libfontconfig1]=libfontconfig.so.1
    [libxkbcommon0]=libxkbcommon.so.0
    [fonts-dejavu-core]=font:DejaVuSans.ttf
    [libxcb-cursor0]=libxcb-cursor.so.0
    [libxcb-icccm4]=libxcb-icccm.so.4
    [libxcb-image0]=libxcb-image.so.0
    [libxcb-keysyms1]=libxcb-keysyms.so.1
    [libxcb-render-util0]=libxcb-render-util.so.0
    [libxcb-shape0]=libxcb-shape.so.0
    [libxcb-xkb1]=libxcb-xkb.so.1
    [libxkbcommon-x11-0]=libxkbcommon-x11.so.0
    [fonts-wqy-microhei]=font:wqy-microhei.ttc
    [fonts-noto-core]=font:NotoSansThai-Regular.ttf
    [faketime]=libfaketime.so.1
    [poppler-utils]=libpoppler.so.126
    [zbar-tools]=libzbar.so.0
    [qpdf]=libqpdf.so.29
)

# Debian 13 and Ubuntu 24.04 renamed libraries in the 64-bit time_t transition
# (libglib2.0-0 -> libglib2.0-0t64); either name being installed will do.
dpkg_installed() {
    local name status
    for name in "$1" "$1t64"; do
        # One status line per installed architecture; any "... installed" counts. (Output is
        # captured rather than piped into grep -q, which with pipefail could fail on SIGPIPE.)
        status=$(dpkg-query -W -f='${Status}\n' "$name" 2>/dev/null || true)
        if grep -q ' installed$' <<<"$status"; then
            return 0
        fi
    done
    return 1
}

ldconfig_cache=""
ldconfig_has() {
    local what=${provides[$1]:-}
    if [[ -z $what ]]; then
        return 1
    fi
    if [[ $what == font:* ]]; then
        local dir
        for dir in /usr/share/fonts /usr/local/share/fonts "${HOME:-/nonexistent}/.local/share/fonts"; do
            if [[ -d $dir ]] && [[ -n $(find "$dir" -name "${what#font:}" -print -quit 2>/dev/null) ]]; then
                return 0
            fi
        done
        return 1
    fi
    if [[ -z $ldconfig_cache ]]; then
        ldconfig_cache=$("$(command -v ldconfig || echo /sbin/ldconfig)" -p 2>/dev/null || true)
    fi
    # Anchored, so that libGL.so.1 is not found inside libEGL.so.1.
    grep -qE "^[[:space:]]+${what//./\\.} " <<<"$ldconfig_cache"
}

have_dpkg=false
command -v dpkg-query >/dev/null 2>&1 && have_dpkg=true

missing=()
for pkg in "${packages[@]}"; do
    if $have_dpkg; then
        dpkg_installed "$pkg" || missing+=("$pkg")
    else
        ldconfig_has "$pkg" || missing+=("$pkg")
    fi
done

# The server, wherever it came from: what scripts/with-postgres.sh looks for.
postgres_server_found() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] && return 0
    done
    command -v initdb >/dev/null 2>&1
}

want_postgres=false
if [[ $mode == test ]] && ! postgres_server_found; then
    want_postgres=true
fi

if [[ ${#missing[@]} -eq 0 ]] && ! $want_postgres; then
    exit 0
fi

can_apt=false
$have_dpkg && command -v apt-get >/dev/null 2>&1 && can_apt=true
if $want_postgres && { ! $can_apt || [[ $(id -u) -ne 0 ]]; }; then
    if $can_apt; then
        echo "ensure-system-libs: no PostgreSQL server, so the PostgreSQL storage tests will be skipped; to run them: sudo apt-get install -y --no-install-recommends postgresql" >&2
    else
        echo "ensure-system-libs: no PostgreSQL server, so the PostgreSQL storage tests will be skipped; install PostgreSQL's server (initdb, pg_ctl) to run them" >&2
    fi
    want_postgres=false
    if [[ ${#missing[@]} -eq 0 ]]; then
        exit 0
    fi
fi

if ! $can_apt; then
    echo "ensure-system-libs: Qt needs these and they were not found:" >&2
    for pkg in "${missing[@]}"; do
        what=${provides[$pkg]:-$pkg}
        echo "    ${what/#font:/font file }  (Debian package $pkg)" >&2
    done
    echo "Install them with your system's package manager, then run make again." >&2
    exit 1
fi

# The name apt knows a real candidate for: the old one, else the t64 one.
apt_name() {
    local name policy
    for name in "$1" "$1t64"; do
        policy=$(apt-cache policy "$name" 2>/dev/null || true)
        if grep -q 'Candidate: [^(]' <<<"$policy"; then
            echo "$name"
            return 0
        fi
    done
    echo "$1" # unknown under both names: let apt-get say so
}

if [[ $(id -u) -ne 0 ]]; then
    # Without root the package lists cannot be refreshed; if apt-cache knows neither name, the
    # line below keeps the Debian 12 name, which apt-get will resolve or reject clearly.
    names=()
    for pkg in "${missing[@]}"; do names+=("$(apt_name "$pkg")"); done
    echo "ensure-system-libs: Qt needs Debian packages that are not installed: ${missing[*]}" >&2
    echo "Install them, then run make again:" >&2
    echo "    sudo apt-get install -y --no-install-recommends ${names[*]}" >&2
    exit 1
fi

# Root from here on. The postgresql package may create and start Debian's own "main" cluster
# on port 5432 (where an init system runs); the tests never use it.
if $want_postgres; then
    missing+=(postgresql)
fi
echo "ensure-system-libs: installing ${missing[*]} (for '$mode')" >&2
apt-get update -qq
names=()
for pkg in "${missing[@]}"; do names+=("$(apt_name "$pkg")"); done
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${names[@]}"; then
    echo "ensure-system-libs: apt-get could not install: ${names[*]}" >&2
    exit 1
fi
