"""The one way the core starts helper processes (mail parsing, directory import)."""

from __future__ import annotations

import multiprocessing
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fork server context does not exist on Windows
    from multiprocessing.context import ForkServerContext, SpawnContext


def worker_context() -> ForkServerContext | SpawnContext:
    """Never fork a process that may run Qt or other threads: on Linux a fork server
    (started once, then cheap forks of a clean process), elsewhere a fresh interpreter."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")
