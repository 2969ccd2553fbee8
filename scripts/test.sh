#!/usr/bin/env bash
# Install everything the tests need (Python packages; Debian packages when run as root,
# otherwise the list to install is printed), then run lint, type checks and every test.
# Extra arguments go to pytest (e.g. tests/unit -k store).
source "$(dirname "${BASH_SOURCE[0]}")/_env.sh"
cd "$ROOT"

mapfile -t TEST_PACKAGES < <(grep -hv '^\s*#' scripts/debian-test-packages.txt 2>/dev/null | sed '/^\s*$/d')
ensure_debian_packages "${QT_XCB_PACKAGES[@]}" xvfb openssl gpgsm "${TEST_PACKAGES[@]}"
ensure_venv "[test]"

echo "== ruff (lint, format) =="
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
echo "== mypy (core, strict) =="
"$VENV/bin/mypy"
echo "== pytest =="
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
status=0
"$PY" -m pytest "$@" || status=$?
# Exit code 5 means "no tests collected": that is a failure for us, never a pass.
exit "$status"
