#!/bin/sh
# Refresh the French catalog from the GUI sources, then compile it.
# English is the source language; after running, translate any new entry in
# resources/translations/mssclient_fr.ts (pyside6-linguist), then run this again.
set -eu
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
TS=resources/translations/mssclient_fr.ts
# Several people (or helpers) may refresh the catalog at once: one at a time.
exec 9>resources/translations/.lock
flock 9
SOURCES=$(find mssclient/gui ui -name '*.py' -o -name '*.ui' | sort)
# shellcheck disable=SC2086  # one argument per source file
"$BIN/pyside6-lupdate" -no-obsolete -source-language en -target-language fr $SOURCES -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm resources/translations/mssclient_fr.qm
