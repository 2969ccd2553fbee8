#!/usr/bin/env bash
# Install (first time) and start MSSClient. With no account set up, the app starts on the
# embedded sandbox operator. Arguments are passed to the app (e.g. --lang en).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
if [ "$(uname -s)" = "Linux" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    ensure_debian_packages "${QT_XCB_PACKAGES[@]}"
fi
ensure_venv ""
exec "$PY" -m mssclient "$@"
