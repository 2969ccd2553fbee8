"""Suggest recipients from the national directory while an address field is typed in.

The field holds several comma-separated addresses: only the one being typed (after the
last comma) is looked up, and choosing a suggestion replaces just that one.

The local directory answers at once, on every keystroke. An optional slower lookup (the
live Annuaire Santé) is asked once typing pauses and runs on a pool thread; its answers
are added to the list only if the fragment is still the one being typed. Its failure is
announced (``live_failed``, French text) and never disturbs typing nor the local answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from email.utils import formataddr

from PySide6.QtCore import QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from mssclient.directory.autocomplete import Recipient
from mssclient.directory.suggestions import LIVE_MIN_CHARS
from mssclient.errors import MssError
from mssclient.gui.mail.operations import Op

log = logging.getLogger(__name__)

# Letters typed before the directory is asked (its prefix index starts at two).
MIN_CHARS = 2
# Pause in typing before the slower lookup is asked (one request per pause, not per key).
LIVE_DELAY_MS = 300
INSERT_ROLE = Qt.ItemDataRole.UserRole + 1
MAILBOX_ROLE = Qt.ItemDataRole.UserRole + 2

RecipientLookup = Callable[[str], Sequence[Recipient]]
# A slow lookup, ready to run on a pool thread (no widget, no GUI-thread store); raises
# ``MssError`` (French ``user_message``) when it failed.
LiveJob = Callable[[], Sequence[Recipient]]
# Called on the GUI thread with the fragment: the job to run, or None (lookup off).
LiveLookup = Callable[[str], LiveJob | None]


def insert_text(recipient: Recipient) -> str:
    """``Name <mailbox>``, quoted when the name holds a comma or other specials."""
    return formataddr((recipient.display_name, recipient.mailbox))


class RecipientCompleter(QObject):
    # The slow lookup failed (French text); the local answers stay.
    live_failed = Signal(str)
    # The slow lookup's answer was taken into account (how many entries it added).
    live_answered = Signal(int)

    def __init__(
        self,
        edit: QLineEdit,
        lookup: RecipientLookup,
        live_lookup: LiveLookup | None = None,
    ) -> None:
        super().__init__(edit)
        self._edit = edit
        self._lookup = lookup
        self._live_lookup = live_lookup
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        # The directory already ranked and filtered: show its answers as they are.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(edit)
        # Long labels end with the address: if one must be cut, cut its middle.
        self.completer.popup().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.completer.activated[QModelIndex].connect(self._choose)
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_DELAY_MS)
        self._live_timer.timeout.connect(self._ask_live)
        edit.textEdited.connect(self.update_suggestions)

    def current_fragment(self) -> str:
        return self._edit.text().rsplit(",", 1)[-1].strip()

    def update_suggestions(self, *_: object) -> None:
        fragment = self.current_fragment()
        self.model.clear()
        self._live_timer.stop()
        if len(fragment) < MIN_CHARS:
            self.completer.popup().hide()
            return
        for recipient in self._lookup(fragment):
            self._append(recipient)
        self._show_or_hide()
        if self._live_lookup is not None and len(fragment) >= LIVE_MIN_CHARS:
            self._live_timer.start()

    def ask_live_now(self) -> None:
        """Ask the slower lookup without waiting for the typing pause (tests, Enter)."""
        self._live_timer.stop()
        self._ask_live()

    def _ask_live(self) -> None:
        fragment = self.current_fragment()
        if self._live_lookup is None or len(fragment) < LIVE_MIN_CHARS:
            return
        job = self._live_lookup(fragment)
        if job is None:
            return
        # Parented to this completer: a composer closed meanwhile drops the answer quietly.
        Op(self, job).success(lambda found: self._live_done(fragment, found)).failure(
            self._live_error
        ).run()

    def _live_done(self, fragment: str, found: Sequence[Recipient]) -> None:
        self.live_answered.emit(self.add_suggestions(fragment, found))

    def _live_error(self, exc: BaseException) -> None:
        if isinstance(exc, MssError):
            self.live_failed.emit(exc.user_message)
        else:
            log.error("live recipient lookup failed", exc_info=exc)

    def add_suggestions(self, fragment: str, recipients: Sequence[Recipient]) -> int:
        """Add the recipients not listed yet, if ``fragment`` is still the one being typed;
        returns how many were added."""
        if fragment != self.current_fragment():
            return 0  # typed on meanwhile: these answers are for another question
        shown = {
            str(self.model.item(row).data(MAILBOX_ROLE)).lower()
            for row in range(self.model.rowCount())
        }
        added = 0
        for recipient in recipients:
            if recipient.mailbox.lower() not in shown:
                self._append(recipient)
                shown.add(recipient.mailbox.lower())
                added += 1
        if added:
            self._show_added()
        return added

    def _append(self, recipient: Recipient) -> None:
        label = recipient.label()
        if recipient.source != "local":
            label = self.tr("%1 (online directory)").replace("%1", label)
        item = QStandardItem(label)
        item.setData(insert_text(recipient), INSERT_ROLE)
        item.setData(recipient.mailbox, MAILBOX_ROLE)
        item.setEditable(False)
        self.model.appendRow(item)

    def _show_or_hide(self) -> None:
        if self.model.rowCount():
            self._pop_up()
        else:
            self.completer.popup().hide()

    def _show_added(self) -> None:
        # Late answers re-open the list only while the user is still in this field.
        if self.completer.popup().isVisible() or self._edit.hasFocus():
            self._pop_up()

    def _pop_up(self) -> None:
        """Show the list under the field, wide enough for its longest line (on screen)."""
        popup = self.completer.popup()
        wanted = popup.sizeHintForColumn(0) + 2 * popup.frameWidth()
        wanted += popup.verticalScrollBar().sizeHint().width()
        screen = self._edit.screen().availableGeometry().width()
        width = max(self._edit.width(), min(wanted, screen))
        self.completer.complete(QRect(0, 0, width, self._edit.height()))

    def choose_row(self, row: int) -> None:
        """Take suggestion ``row`` (what a click or Enter in the popup does)."""
        self._choose(self.model.index(row, 0))

    def _choose(self, index: QModelIndex) -> None:
        chosen = index.data(INSERT_ROLE)
        if not chosen:
            return
        self._live_timer.stop()
        head = self._edit.text().rsplit(",", 1)[0] if "," in self._edit.text() else ""
        kept = head.strip()
        self._edit.setText(f"{kept}, {chosen}, " if kept else f"{chosen}, ")
        self.completer.popup().hide()
