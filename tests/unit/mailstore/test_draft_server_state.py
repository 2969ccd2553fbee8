"""Which drafts wait for the server, and which server copies wait to be removed."""

from __future__ import annotations

from mssclient.mailstore import DraftStore
from tests.unit.mailstore.helpers import add_account


def test_every_change_of_text_makes_a_new_version_to_upload(temp_store):
    account = add_account(temp_store)
    drafts = DraftStore(temp_store)
    draft_id = drafts.save(account, {"text": "a"}, raw=b"Subject: a\r\n\r\na\r\n")
    assert [d.id for d in drafts.needing_upload(account)] == [draft_id]
    assert drafts.record_server_copy(draft_id, account, "Drafts", 4, uidvalidity=9)
    assert drafts.get(draft_id).on_server
    assert drafts.needing_upload(account) == []
    # Any writer counts (the GUI keeps its own SQL): the version moves on by itself.
    temp_store.execute(
        "UPDATE mail_drafts SET content = ? WHERE id = ?", ('{"text": "b"}', draft_id)
    )
    record = drafts.get(draft_id)
    assert (record.version, record.server_version, record.on_server) == (2, 1, False)
    assert [d.id for d in drafts.needing_upload(account)] == [draft_id]
    # Bookkeeping of the server copy is not a change of text.
    drafts.record_server_copy(draft_id, account, "Drafts", 5, uidvalidity=9, version=2)
    assert drafts.get(draft_id).version == 2


def test_a_draft_without_built_message_is_not_uploaded(temp_store):
    account = add_account(temp_store)
    drafts = DraftStore(temp_store)
    drafts.save(account, {"text": "pas encore construit"})
    assert drafts.needing_upload(account) == []


def test_replaced_and_deleted_copies_are_queued_for_removal(temp_store):
    account = add_account(temp_store)
    drafts = DraftStore(temp_store)
    draft_id = drafts.save(account, {}, raw=b"x")
    drafts.record_server_copy(draft_id, account, "Drafts", 4, uidvalidity=9)
    assert drafts.pending_removals(account) == []
    drafts.save(account, {"v": 2}, raw=b"y", draft_id=draft_id)
    drafts.record_server_copy(draft_id, account, "Drafts", 6, uidvalidity=9)
    [replaced] = drafts.pending_removals(account)
    assert (replaced.folder, replaced.uidvalidity, replaced.uid) == ("Drafts", 9, 4)
    drafts.removal_done(replaced.id)
    drafts.delete(draft_id)  # sent or discarded, whoever deletes it
    [left] = drafts.pending_removals(account)
    assert (left.folder, left.uidvalidity, left.uid) == ("Drafts", 9, 6)


def test_a_copy_uploaded_for_a_draft_deleted_meanwhile_is_queued(temp_store):
    account = add_account(temp_store)
    drafts = DraftStore(temp_store)
    draft_id = drafts.save(account, {}, raw=b"x")
    drafts.delete(draft_id)
    assert drafts.pending_removals(account) == []  # never reached the server
    assert not drafts.record_server_copy(draft_id, account, "Brouillons", 12, uidvalidity=3)
    [orphan] = drafts.pending_removals(account)
    assert (orphan.folder, orphan.uid) == ("Brouillons", 12)


def test_deleting_an_account_with_drafts_on_the_server_works(temp_store):
    account = add_account(temp_store)
    drafts = DraftStore(temp_store)
    draft_id = drafts.save(account, {}, raw=b"x")
    drafts.record_server_copy(draft_id, account, "Drafts", 4, uidvalidity=9)
    temp_store.execute("DELETE FROM mail_accounts WHERE id = ?", (account,))
    assert drafts.get(draft_id) is None


def test_a_local_only_draft_keeps_its_encrypted_copy_until_it_goes(temp_store):
    """Made from a copy that was encrypted on the server: never uploaded (not in clear),
    that copy adopted untouched, and removed once the draft is sent or discarded."""
    from mssclient.mailstore.drafts import ServerDraftCopy

    account = add_account(temp_store)
    drafts = DraftStore(temp_store)
    copy = ServerDraftCopy(account, "Drafts", 9, 4)
    draft_id = drafts.save(
        account,
        {"text": "modifié"},
        raw=b"Subject: a\r\n\r\nmodifi\xc3\xa9\r\n",
        server_copy=copy,
        local_only=True,
    )
    record = drafts.get(draft_id)
    assert record.local_only and not record.on_server
    assert (record.server_folder, record.server_uidvalidity, record.server_uid) == ("Drafts", 9, 4)
    assert drafts.for_server_copy(copy) == record, "the old copy opens this draft"
    assert drafts.needing_upload(account) == [] and drafts.pending_removals(account) == []
    # Saved again without saying so (the composer's fields only): still local only.
    drafts.save(account, {"text": "encore"}, raw=b"y", draft_id=draft_id)
    record = drafts.get(draft_id)
    assert record.local_only and record.content["text"] == "encore"
    assert drafts.needing_upload(account) == [] and drafts.pending_removals(account) == []
    drafts.delete(draft_id)  # sent or discarded
    [removal] = drafts.pending_removals(account)
    assert (removal.folder, removal.uidvalidity, removal.uid) == ("Drafts", 9, 4)


def test_a_draft_the_server_refused_stays_local_until_it_changes_account(temp_store):
    account = add_account(temp_store)
    other = add_account(temp_store, "autre@example.test")
    drafts = DraftStore(temp_store)
    raw = b"Subject: a\r\n\r\na\r\n"
    draft_id = drafts.save(account, {"text": "a"}, raw=raw)
    drafts.keep_local(draft_id)
    record = drafts.get(draft_id)
    assert record.local_only and record.refused_by_server and record.raw == raw
    assert drafts.needing_upload(account) == []
    drafts.save(account, {"text": "b"}, raw=raw, draft_id=draft_id)
    assert drafts.get(draft_id).refused_by_server  # edited: still refused there
    # An encrypted server copy is another reason, kept as such.
    encrypted = drafts.save(account, {"text": "c"}, raw=raw, local_only=True)
    assert drafts.get(encrypted).local_only and not drafts.get(encrypted).refused_by_server
    # Under another account (whose Drafts folder may take it) it is offered again.
    moved = drafts.save(other, {"text": "b"}, raw=raw, draft_id=draft_id)
    assert not drafts.get(moved).local_only
    assert [d.id for d in drafts.needing_upload(other)] == [moved]
