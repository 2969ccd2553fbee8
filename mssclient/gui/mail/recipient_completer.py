"""Suggest recipients from the national directory while an address field is typed in.

The field holds several comma-separated addresses: only the one being typed (after the
last comma) is looked up, and choosing a suggestion replaces just that one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from email.utils import formataddr

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from mssclient.directory.autocomplete import Recipient

#: Letters typed before the directory is asked (its prefix index starts at two).
MIN_CHARS = 2
INSERT_ROLE = Qt.ItemDataRole.UserRole + 1

RecipientLookup = Callable[[str], Sequence[Recipient]]


def insert_text(recipient: Recipient) -> str:
    """``Name <mailbox>``, quoted when the name holds a comma or other specials."""
    return formataddr((recipient.display_name, recipient.mailbox))


class RecipientCompleter(QObject):
    def __init__(self, edit: QLineEdit, lookup: RecipientLookup) -> None:
        super().__init__(edit)
        self._edit = edit
        self._lookup = lookup
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        # The directory already ranked and filtered: show its answers as they are.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(edit)
        self.completer.activated[QModelIndex].connect(self._choose)
        edit.textEdited.connect(self.update_suggestions)

    def current_fragment(self) -> str:
        return self._edit.text().rsplit(",", 1)[-1].strip()

    def update_suggestions(self, *_: object) -> None:
        fragment = self.current_fragment()
        self.model.clear()
        if len(fragment) < MIN_CHARS:
            self.completer.popup().hide()
            return
        for recipient in self._lookup(fragment):
            item = QStandardItem(recipient.label())
            item.setData(insert_text(recipient), INSERT_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def choose_row(self, row: int) -> None:
        """Take suggestion ``row`` (what a click or Enter in the popup does)."""
        self._choose(self.model.index(row, 0))

    def _choose(self, index: QModelIndex) -> None:
        chosen = index.data(INSERT_ROLE)
        if not chosen:
            return
        head = self._edit.text().rsplit(",", 1)[0] if "," in self._edit.text() else ""
        kept = head.strip()
        self._edit.setText(f"{kept}, {chosen}, " if kept else f"{chosen}, ")
        self.completer.popup().hide()
