# Shared by run.sh and test.sh: the project's own virtual environment, created once and
# refreshed only when pyproject.toml changes. Sourced, not executed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MSSCLIENT_VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"

as_root() { [ "$(id -u)" = "0" ]; }

# Install the Debian packages named in "$@" that are missing (as root), or say what to run.
ensure_debian_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "Paquets système manquants (à installer) : ${missing[*]}" >&2
        return 0
    fi
    if ! as_root; then
        echo "Paquets système manquants : ${missing[*]}" >&2
        echo "Installez-les avec : sudo apt-get install ${missing[*]}" >&2
        return 0
    fi
    echo "Installation des paquets système : ${missing[*]}"
    # Keep package scripts from starting system-wide daemons (Dovecot, Postfix) on install:
    # tests start their own instances on loopback.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && created_policy=1
    fi
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
    local apt_opts=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confold)
    if ! DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${missing[@]}" >/tmp/mssclient-apt.log 2>&1; then
        apt-get update -q >/tmp/mssclient-apt-update.log 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" "${missing[@]}" >/tmp/mssclient-apt.log 2>&1 \
            || { tail -20 /tmp/mssclient-apt.log >&2; [ "$created_policy" = 1 ] && rm -f "$policy"; return 1; }
    fi
    [ "$created_policy" = 1 ] && rm -f "$policy"
    return 0
}

# Create the venv if needed and install the project (extras in $1, e.g. "[test]").
ensure_venv() {
    local extras="${1:-}"
    if [ ! -x "$PY" ]; then
        echo "Création de l'environnement virtuel dans $VENV"
        if ! python3 -m venv "$VENV" 2>/dev/null; then
            # Debian's python3 leaves venv (ensurepip) to the python3-venv package.
            rm -rf "$VENV"
            ensure_debian_packages python3-venv
            python3 -m venv "$VENV" || {
                echo "python3 -m venv a échoué : installez le paquet python3-venv." >&2
                return 1
            }
        fi
        "$PY" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
    fi
    local stamp="$VENV/.stamp-install${extras//[^a-z]/-}"
    local want
    want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        echo "Installation des dépendances Python${extras:+ $extras}…"
        local log="$VENV/pip-install.log"
        if ! "$PY" -m pip install --disable-pip-version-check -e "$ROOT$extras" >"$log" 2>&1; then
            tail -30 "$log" >&2
            echo "L'installation des dépendances Python a échoué (journal : $log)." >&2
            return 1
        fi
        echo "$want" >"$stamp"
    fi
}

# Libraries Qt's xcb platform plugin needs on Debian (PySide6 wheels bring the rest).
QT_XCB_PACKAGES=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
    libxcb-xkb1 libxcb-render-util0 libxcb-image0 libxcb-shape0 libxcb-randr0
    libegl1 libgl1 libfontconfig1 libdbus-1-3)
