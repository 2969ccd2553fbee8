"""Errors reach the user as their French ``user_message``, never as a traceback."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mssclient.errors import MssError

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str:
    if isinstance(exc, MssError):
        return exc.user_message
    return MssError.user_message


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    log.error("shown to the user: %s: %s", type(exc).__name__, exc)
    QMessageBox.critical(
        parent, QCoreApplication.translate("ErrorDialogs", "MSSClient"), user_message(exc)
    )


def install_excepthook() -> object:
    """Any exception escaping a slot is logged and shown as a French message.

    Returns the previous hook, for the caller to put back.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        if QApplication.instance() is not None and not isinstance(exc, KeyboardInterrupt):
            show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
    return previous
