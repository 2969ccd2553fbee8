"""The composer's drafts: its fields in and out of the store's drafts. Qt-free.

The fields travel as JSON; attachments are kept as the last built MIME message (``raw``),
never as loose files, and come back from it when the draft is opened again. Storage,
server copies and removals are ``mssclient.mailstore``'s.

A message of the server's Drafts folder with no local draft (written by another client)
is opened for editing through ``editable_draft``; its first save here makes it a local
draft that adopts that server copy. One that was S/MIME-encrypted there is saved
``local_only``: kept on this computer, its encrypted server copy left as it is until the
draft is sent or discarded (never replaced by a copy in clear).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from mssclient.errors import MssError
from mssclient.mail import Address, Attachment
from mssclient.mail.draft_from_message import EditableDraft, draft_from_message, is_encrypted
from mssclient.mail.filenames import sanitize_filename
from mssclient.mailstore.drafts import DraftRecord, ServerDraftCopy
from mssclient.mailstore.drafts import DraftStore as StoredDrafts
from mssclient.store import Store
from mssclient.transport.accounts import Account
from mssclient.transport.smime_receive import OpeningKeys, open_message

log = logging.getLogger(__name__)


def summary(fields: dict[str, Any]) -> tuple[str, str]:
    """Subject and recipients shown in the drafts menu."""
    recipients = ", ".join(str(fields[k]) for k in ("to", "cc", "bcc") if fields.get(k))
    return str(fields.get("subject", "")), recipients


class DraftStore:
    def __init__(self, store: Store) -> None:
        self._drafts = StoredDrafts(store)

    def save(
        self,
        account_id: int,
        fields: dict[str, Any],
        raw: bytes | None = None,
        draft_id: int | None = None,
        server_copy: ServerDraftCopy | None = None,
        *,
        local_only: bool = False,
    ) -> int:
        subject, recipients = summary(fields)
        return self._drafts.save(
            account_id,
            fields,
            subject=subject,
            recipients=recipients,
            raw=raw,
            draft_id=draft_id,
            server_copy=server_copy,
            local_only=local_only,
        )

    def load(self, draft_id: int) -> DraftRecord | None:
        return self._drafts.get(draft_id)

    def list(self, account_id: int | None = None) -> list[DraftRecord]:
        return self._drafts.list(account_id)

    def delete(self, draft_id: int) -> None:
        self._drafts.delete(draft_id)

    # -- the server's Drafts folder ------------------------------------------------------------
    def drafts_folder_copy(self, message_id: int) -> ServerDraftCopy | None:
        """Where the message sits when it is in its account's Drafts folder, else None."""
        return self._drafts.drafts_folder_copy(message_id)

    def for_server_copy(self, copy: ServerDraftCopy) -> DraftRecord | None:
        """The local draft this server copy belongs to (None: another client's)."""
        return self._drafts.for_server_copy(copy)

    def removal_pending(self, copy: ServerDraftCopy) -> bool:
        """This copy is being replaced or removed by a local draft (not to edit again)."""
        return self._drafts.removal_pending(copy)

    def queue_removal(self, copy: ServerDraftCopy) -> None:
        self._drafts.queue_removal(copy)


def editable_draft(raw: bytes, readable: bytes | None, keys: OpeningKeys | None) -> EditableDraft:
    """The draft to edit from a Drafts folder message (pool thread: no store here).

    ``readable`` is what the sync opened of an S/MIME message (decrypted, unwrapped);
    ``keys``, the user's keys when it could not be decrypted then (one imported since may
    open it now, as the reader does). Raises ``UneditableDraftError`` in French. An
    encrypted ``raw`` gives a draft marked ``was_encrypted`` (to be kept local only).
    """
    if keys is not None:
        reopened = open_message(raw, keys)[0].readable
        if reopened is not None:
            readable = reopened
    editable = draft_from_message(readable if readable is not None else raw)
    editable.was_encrypted = is_encrypted(raw)
    return editable


def identity_account(accounts: Sequence[Account], sender: Address, default: int) -> int:
    """The account whose address is the draft's From, else ``default`` (the account whose
    Drafts folder holds it)."""
    wanted = sender.addr.strip().lower()
    for account in accounts:
        if wanted and account.id is not None and account.address.lower() == wanted:
            return account.id
    return default


def saved_attachments(record: DraftRecord) -> tuple[list[Attachment], list[str]]:
    """The attachments of a saved draft, taken back from its last built message:
    (found, names listed in the fields but not in that message)."""
    names = [str(name) for name in record.content.get("attachments", []) if name]
    if not names:
        return [], []
    found: list[Attachment] = []
    if record.raw is not None:
        try:
            found = list(draft_from_message(record.raw).draft.attachments)
        except MssError as exc:
            log.info("attachments of draft %s not read back: %s", record.id, exc)
    kept: list[Attachment] = []
    missing: list[str] = []
    for name in names:
        wanted = {name, sanitize_filename(name, name)}
        index = next((i for i, a in enumerate(found) if a.filename in wanted), None)
        if index is None:
            missing.append(name)
        else:
            kept.append(found.pop(index))
    return kept, missing
