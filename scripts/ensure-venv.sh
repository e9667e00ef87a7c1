#!/usr/bin/env bash
# Create the virtual environment VENV with PYTHON (3.11 or newer) unless a working one is there.
#
#   scripts/ensure-venv.sh PYTHON VENV      # e.g. scripts/ensure-venv.sh python3 .venv
#
# Debian/Ubuntu ship `venv` separately (python3-venv); as root it is installed when missing.
set -euo pipefail

[[ $# -eq 2 ]] || {
    echo "usage: $0 PYTHON VENV" >&2
    exit 2
}
python=$1
venv=$2
min_version="3.11"
version_ok='import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'

if [[ -x $venv/bin/python ]] && "$venv/bin/python" -c "$version_ok" 2>/dev/null; then
    exit 0
fi

if ! command -v "$python" >/dev/null 2>&1; then
    echo "ensure-venv: '$python' not found; Diffusion Desk needs Python $min_version or newer." >&2
    echo "Install it (Debian/Ubuntu: apt-get install python3 python3-venv) or pass PYTHON=/path/to/python3.x." >&2
    exit 1
fi
if ! "$python" -c "$version_ok"; then
    found=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null || echo "?")
    echo "ensure-venv: $python is Python $found; Diffusion Desk needs Python $min_version or newer." >&2
    echo "Install a newer Python and run e.g. 'make run PYTHON=python3.12'." >&2
    exit 1
fi

# Debian's python3 has the venv module but not ensurepip until python3-venv is installed.
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        minor=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
        apt-get update -qq
        # python3-venv follows the distribution's default python3; the versioned package
        # covers a python3.X that is not the default.
        policy=$(apt-cache policy "python$minor-venv" 2>/dev/null || true)
        if grep -q 'Candidate: [^(]' <<<"$policy"; then
            pkg="python$minor-venv"
        else
            pkg=python3-venv
        fi
        echo "ensure-venv: installing $pkg so that $python can create virtual environments" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg"
    else
        echo "ensure-venv: $python cannot create virtual environments (no ensurepip/venv)." >&2
        echo "Install it, then run make again:" >&2
        echo "    sudo apt-get install -y python3-venv" >&2
        exit 1
    fi
fi

rm -rf "$venv"
if ! "$python" -m venv "$venv"; then
    rm -rf "$venv"
    echo "ensure-venv: '$python -m venv $venv' failed." >&2
    exit 1
fi
