"""Command line: `mssclient` starts the app; `mssclient sandbox serve` runs the local operator.

Qt is imported only when the GUI actually starts, so the sandbox and other commands run
on machines with no display.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from mssclient import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mssclient",
        description="Messagerie sécurisée de santé, télé-expertise et annuaire.",
    )
    parser.add_argument("--version", action="version", version=f"mssclient {__version__}")
    parser.add_argument("--lang", choices=["fr", "en"], default=None, help="langue de l'interface")
    parser.add_argument("--profile", default="default", help="nom du profil (défaut : default)")
    parser.add_argument("--data-dir", type=Path, default=None, help="dossier des données")
    parser.add_argument("--verbose", action="store_true", help="journal détaillé sur stderr")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="lancer l'application (par défaut)")
    sandbox = commands.add_parser("sandbox", help="opérateur de démonstration local")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve = sandbox_commands.add_parser("serve", help="lancer seulement l'opérateur local")
    serve.add_argument("--host", default="127.0.0.1")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.data_dir is not None:
        import os

        from mssclient.paths import DATA_DIR_ENV

        os.environ[DATA_DIR_ENV] = str(args.data_dir)
    if args.command == "sandbox":
        return _sandbox(args)
    from mssclient.binding_guard import protect_singletons

    protect_singletons()  # before any Qt call: PySide6 6.12 on CPython 3.11 (see the module)
    from mssclient.gui.app import run_gui

    return int(
        run_gui([sys.argv[0]], lang=args.lang, profile_name=args.profile, data_dir=args.data_dir)
    )


def _sandbox(args: argparse.Namespace) -> int:
    from mssclient.paths import data_dir
    from mssclient.sandbox import serve

    return int(serve(data_dir() / "sandbox", host=args.host))
