"""The core never imports Qt: importing every module outside mssclient/gui must not load
PySide6. Run in a fresh interpreter so that no other test's imports can hide a leak."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import mssclient

PACKAGE_DIR = Path(mssclient.__file__).parent


def _core_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
        parts = relative.parts
        if "gui" in parts or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules.append(".".join(parts))
    return modules


def test_there_are_core_modules_to_check():
    modules = _core_modules()
    assert "mssclient.store.database" in modules
    assert "mssclient.cli" in modules
    assert not any(".gui" in name for name in modules)


def test_importing_every_core_module_does_not_load_pyside6():
    script = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
