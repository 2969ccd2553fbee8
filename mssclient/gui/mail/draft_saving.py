"""Composer drafts: kept locally (encrypted), and handed to the account worker for the
server's Drafts folder.

A save stores the fields at once (so the draft is safe even if the application stops the
next second), then builds the plain MIME copy on a pool thread, stores it beside the
fields and asks the account's worker to upload it (``sync_drafts``). Sending or
discarding deletes the draft; the store then queues its server copy for removal and the
worker is asked again. A copy built after the draft was saved anew, sent or discarded is
dropped.

A draft opened from another client's copy in the Drafts folder adopts that copy at its
first save (``server_copy``); sent or discarded before any save, the copy alone is queued
for removal (``forget_server_copy``). One that was encrypted there is saved ``local_only``:
its copy is built and kept here, never uploaded, and the encrypted server copy stays as it
is until the draft is sent or discarded.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from mssclient.errors import MssError
from mssclient.gui.mail.account_workers import AccountWorkers
from mssclient.gui.mail.draft_mime import draft_bytes
from mssclient.gui.mail.drafts_store import DraftStore
from mssclient.gui.mail.operations import Op
from mssclient.mail import Draft
from mssclient.mailstore.drafts import ServerDraftCopy
from mssclient.store import Store

log = logging.getLogger(__name__)


class DraftSaver(QObject):
    def __init__(
        self,
        store_provider: Callable[[], Store],
        workers: Callable[[], AccountWorkers | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_provider = store_provider
        self._workers = workers
        self._tokens = itertools.count(1)
        #: Draft id -> token of its latest save still being built.
        self._building: dict[int, int] = {}

    def save(
        self,
        account_id: int,
        fields: dict[str, Any],
        draft: Draft | None,
        draft_id: int | None = None,
        server_copy: ServerDraftCopy | None = None,
        *,
        local_only: bool = False,
    ) -> int:
        """Store ``fields`` now; the MIME copy of ``draft`` (None: not buildable yet, e.g.
        a half-typed address) follows from a pool thread. Returns the draft's id.

        ``server_copy``: the Drafts folder message a new draft was opened from;
        ``local_only``: never to be uploaded (that message was encrypted)."""
        saved_id = DraftStore(self._store_provider()).save(
            account_id, dict(fields), None, draft_id, server_copy, local_only=local_only
        )
        self._moved_away(account_id, server_copy)
        if draft is None:
            self._building.pop(saved_id, None)
            return saved_id
        token = next(self._tokens)
        self._building[saved_id] = token
        kept = dict(fields)
        Op(self, lambda: draft_bytes(draft)).success(
            lambda raw: self._built(saved_id, token, account_id, kept, raw)
        ).failure(lambda exc: self._not_built(saved_id, token, exc)).run()
        return saved_id

    def save_now(
        self,
        account_id: int,
        fields: dict[str, Any],
        draft: Draft | None,
        draft_id: int | None = None,
        server_copy: ServerDraftCopy | None = None,
        *,
        local_only: bool = False,
    ) -> int:
        """The same, built on this thread: for the moment of locking, when the store closes
        right after (the worker uploads it at the next unlock)."""
        raw: bytes | None = None
        if draft is not None:
            try:
                raw = draft_bytes(draft)
            except MssError as exc:
                log.info("draft kept without its MIME copy: %s", exc)
        saved_id = DraftStore(self._store_provider()).save(
            account_id, dict(fields), raw, draft_id, server_copy, local_only=local_only
        )
        self._building.pop(saved_id, None)
        return saved_id

    def forget(self, draft_id: int) -> None:
        """Sent or discarded: delete the local draft, then have its server copy removed."""
        self._building.pop(draft_id, None)
        drafts = DraftStore(self._store_provider())
        saved = drafts.load(draft_id)
        drafts.delete(draft_id)
        if saved is not None:
            self.upload(saved.account_id)

    def forget_server_copy(self, copy: ServerDraftCopy) -> None:
        """Sent or discarded before it was ever saved here: have the copy it was opened
        from removed from the server's Drafts folder."""
        DraftStore(self._store_provider()).queue_removal(copy)
        self.upload(copy.account_id)

    def _moved_away(self, account_id: int, copy: ServerDraftCopy | None) -> None:
        """Saved under another account than the copy's: that account's worker removes it."""
        if copy is not None and copy.account_id != account_id:
            self.upload(copy.account_id)

    def upload(self, account_id: int) -> bool:
        """Ask the account's worker to bring the server's Drafts folder up to date."""
        workers = self._workers()
        worker = workers.worker(account_id) if workers is not None else None
        if worker is None:
            return False
        worker.sync_drafts()
        return True

    @property
    def building(self) -> bool:
        """Some MIME copy is still being built (tests wait on it)."""
        return bool(self._building)

    def _built(
        self, draft_id: int, token: int, account_id: int, fields: dict[str, Any], raw: bytes
    ) -> None:
        if self._building.get(draft_id) != token:
            return  # saved anew (a newer copy follows), sent or discarded meanwhile
        del self._building[draft_id]
        try:
            drafts = DraftStore(self._store_provider())
            if drafts.load(draft_id) is None:
                return
            drafts.save(account_id, fields, raw, draft_id)
        except MssError:
            return  # locked meanwhile: the draft stays local until saved again
        self.upload(account_id)

    def _not_built(self, draft_id: int, token: int, exc: BaseException) -> None:
        if self._building.get(draft_id) == token:
            del self._building[draft_id]
        if isinstance(exc, MssError):
            log.info("draft %s kept on this computer only: %s", draft_id, exc)
        else:
            log.error("building the draft's copy failed", exc_info=exc)
