"""Run a piece of store code in a child process whose files cannot grow past a limit.

The kernel's RLIMIT_FSIZE makes every write beyond ``limit`` bytes fail (EFBIG once
SIGXFSZ is ignored), exactly where a full disk makes them fail with ENOSPC: the real
write path, no patched function. The child prints one JSON object; its last line is
returned. Only Linux and macOS have the limit, and they are where the tests run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]

_PRELUDE = """
import json, resource, signal, sys
from pathlib import Path

def limit_file_size(limit):
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

def report(**values):
    print(json.dumps(values))
"""


def run_limited(body: str, **values: Any) -> dict[str, Any]:
    """Run ``body`` (Python, with ``limit_file_size(n)`` and ``report(**kw)`` defined and
    ``ARGS`` holding ``values``) in a fresh interpreter; return what it reported."""
    script = _PRELUDE + f"ARGS = json.loads({json.dumps(json.dumps(values))})\n"
    script += textwrap.dedent(body)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines, result.stderr
    reported: dict[str, Any] = json.loads(lines[-1])
    return reported
