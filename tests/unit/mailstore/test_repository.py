"""The mail repository: idempotent inserts, flags, paging, counts, threads, pending ops."""

from __future__ import annotations

import pytest

from mssclient.errors import StoreError
from mssclient.mailstore.models import fields_from_summary, split_flags, thread_key_for
from tests.unit.mailstore.helpers import inbox, message


def test_inserting_the_same_uid_twice_keeps_one_message(temp_store):
    repo, _account, folder = inbox(temp_store)
    batch = [message(uid) for uid in range(1, 6)]
    assert len(repo.add_messages(folder, 7, batch)) == 5
    # A resumed sync fetches an overlapping range again: nothing is duplicated.
    assert len(repo.add_messages(folder, 7, [*batch[3:], message(6)])) == 1
    assert repo.count(folder) == 6
    assert temp_store.scalar("SELECT count(*) FROM mail_raw") == 6
    assert repo.local_uids(folder, 7) == {1, 2, 3, 4, 5, 6}


def test_a_failing_batch_stores_nothing(temp_store):
    repo, _account, folder = inbox(temp_store)
    good = message(1)
    bad = message(2, subject=None)  # NOT NULL violation in the middle of the batch
    with pytest.raises(StoreError):
        repo.add_messages(folder, 7, [good, bad])
    assert repo.count(folder) == 0
    assert temp_store.scalar("SELECT count(*) FROM mail_raw") == 0


def test_raw_bytes_are_kept_apart_and_intact(temp_store):
    repo, _account, folder = inbox(temp_store)
    raw = b"From: x\r\nSubject: \xff\xfe\r\n\r\n\x00\x01 binaire\r\n"
    [message_id] = repo.add_messages(folder, 1, [message(1, raw=raw, is_malformed=True)])
    assert repo.raw(message_id) == raw
    row = repo.message(message_id)
    assert row.is_malformed and row.size == len(raw)
    columns = {r[1] for r in temp_store.query("PRAGMA table_info(mail_messages)")}
    assert "raw" not in columns


def test_uidvalidity_change_drops_the_old_copy(temp_store):
    repo, _account, folder = inbox(temp_store)
    repo.add_messages(folder, 1, [message(1), message(2)])
    assert repo.reset_folder(folder, 2) == 2
    assert repo.count(folder) == 0
    assert repo.folder(folder).uidvalidity == 2


def test_keyset_paging_walks_a_big_folder_once(temp_store):
    repo, _account, folder = inbox(temp_store)
    # Same date for many messages: the id breaks ties, so no row is skipped or repeated.
    batch = [message(uid, date_utc=1_700_000_000 + (uid // 7)) for uid in range(1, 3001)]
    repo.add_messages(folder, 1, batch)
    seen: list[int] = []
    cursor = None
    while True:
        page = repo.page(folder, after=cursor, limit=250)
        if not page:
            break
        seen.extend(r.uid for r in page)
        cursor = repo.cursor_after(page[-1])
    assert len(seen) == 3000 and len(set(seen)) == 3000
    dates = [repo.message_by_uid(folder, uid).date_utc for uid in seen[:50]]
    assert dates == sorted(dates, reverse=True)


def test_list_query_uses_the_paging_index(temp_store):
    _repo, _account, folder = inbox(temp_store)
    plan = temp_store.query(
        "EXPLAIN QUERY PLAN SELECT id FROM mail_messages WHERE folder_id = ? "
        "AND (date_utc, id) < (?, ?) ORDER BY date_utc DESC, id DESC LIMIT 100",
        (folder, 0, 0),
    )
    text = " ".join(str(r[3]) for r in plan)
    assert "mail_messages_list" in text and "TEMP B-TREE" not in text


def test_unread_counts_and_server_flags(temp_store):
    repo, account, folder = inbox(temp_store)
    repo.add_messages(
        folder,
        1,
        [message(1, flags=("\\Seen",)), message(2), message(3, flags=("\\Deleted",))],
    )
    assert repo.unread_counts(account) == {folder: 1}
    changed = repo.apply_server_flags(folder, 1, {2: (b"\\Seen", b"$Label1"), 1: ("\\Seen",)})
    assert changed == 1  # uid 1 was already seen
    assert repo.unread_counts(account) == {folder: 0}
    assert temp_store.scalar("SELECT keywords FROM mail_messages WHERE uid = 2") == "$Label1"


def test_local_flag_change_waits_for_the_server_and_wins_meanwhile(temp_store):
    repo, _account, folder = inbox(temp_store)
    [first] = repo.add_messages(folder, 1, [message(1)])
    repo.set_flag([first], "\\Flagged", True)
    assert repo.message(first).flagged
    ops = repo.pending_ops(folder)
    assert [(op[2], op[3], op[4]) for op in ops] == [(1, "add_flags", "\\Flagged")]
    # The server has not seen the change yet: its older flags must not undo it.
    repo.apply_server_flags(folder, 1, {1: ()})
    assert repo.message(first).flagged
    repo.ops_done([op[0] for op in ops])
    repo.apply_server_flags(folder, 1, {1: ()})
    assert not repo.message(first).flagged
    with pytest.raises(ValueError):
        repo.set_flag([first], "\\Recent", True)


def test_move_and_expunge_leave_the_folder_at_once(temp_store):
    repo, _account, folder = inbox(temp_store)
    a, b = repo.add_messages(folder, 1, [message(1), message(2)])
    assert repo.queue_move([a], "Archives") == 1
    assert repo.queue_expunge([b]) == 1
    assert repo.count(folder) == 0
    assert [(op[3], op[4]) for op in repo.pending_ops(folder)] == [
        ("move", "Archives"),
        ("expunge", ""),
    ]
    # Index rows go with the message.
    assert temp_store.scalar("SELECT count(*) FROM mail_fts WHERE mail_fts MATCH 'texte'") == 0


def test_threads_gather_replies_whatever_their_order(temp_store):
    repo, account, folder = inbox(temp_store)
    root = "<root@example.test>"
    repo.add_messages(
        folder,
        1,
        [
            # The reply arrives before the message it answers.
            message(
                1,
                message_id="<r2@x>",
                thread_key=thread_key_for("<r2@x>", "<r1@x>", [root, "<r1@x>"]),
            ),
            message(2, message_id=root, thread_key=thread_key_for(root, "", [])),
            message(3, message_id="<r1@x>", thread_key=thread_key_for("<r1@x>", root, [])),
            message(4, message_id="<other@x>", thread_key="<other@x>"),
            message(5, message_id="", thread_key=""),
        ],
    )
    thread = repo.thread(account, root)
    assert [r.message_id for r in thread] == [root, "<r1@x>", "<r2@x>"][::1] or len(thread) == 3
    assert {r.message_id for r in thread} == {root, "<r1@x>", "<r2@x>"}
    assert repo.thread_sizes(folder, [root, "<other@x>"]) == {root: 3, "<other@x>": 1}
    lonely = repo.message_by_uid(folder, 5)
    assert lonely.thread_key == f"local:{lonely.id}"


def test_folders_roles_and_forgetting(temp_store):
    repo, account, inbox_id = inbox(temp_store)
    repo.upsert_folder(account, "Envoyés", role="sent")
    repo.upsert_folder(account, "Ancien")
    assert next(f.name for f in repo.folders(account)) == "INBOX"
    assert repo.folder_by_role(account, "sent").name == "Envoyés"
    assert repo.forget_folders_except(account, ["INBOX", "Envoyés"]) == 1
    assert repo.folder_by_name(account, "Ancien") is None
    repo.set_folder_state(inbox_id, uidvalidity=5, uidnext=10, highestmodseq=99, synced=True)
    state = repo.folder(inbox_id)
    assert (state.uidvalidity, state.uidnext, state.highestmodseq) == (5, 10, 99)
    assert state.last_sync_at


def test_flags_split_into_columns_and_keywords():
    columns = split_flags([b"\\Seen", "\\ANSWERED", "\\Recent", "$Forwarded", "Important"])
    assert columns["seen"] == 1 and columns["answered"] == 1 and columns["flagged"] == 0
    assert columns["keywords"] == "$Forwarded Important"


def test_fields_from_the_parser_summary():
    from mssclient.mail import parse_summary

    raw = (
        b"From: =?utf-8?q?Dr_J=C3=A9r=C3=B4me_Lef=C3=A8vre?= <jl@chu.example.test>\r\n"
        b"To: A <a@example.test>, b@example.test\r\n"
        b"Subject: =?utf-8?q?Avis_dermatologique?=\r\n"
        b"Message-ID: <3@x>\r\nIn-Reply-To: <2@x>\r\nReferences: <1@x> <2@x>\r\n"
        b"Date: Tue, 05 Mar 2024 10:00:00 +0100\r\n\r\nBonjour, voici mon avis.\r\n"
    )
    fields = fields_from_summary(parse_summary(raw))
    assert fields.from_name == "Dr Jérôme Lefèvre"
    assert fields.thread_key == "<1@x>"
    assert fields.subject == "Avis dermatologique"
    assert "a@example.test" in fields.to_addrs and "b@example.test" in fields.to_addrs
    assert fields.date_utc == 1709629200
    assert "voici mon avis" in fields.index_text


def test_details_for_the_reader(temp_store):
    repo, _account, folder = inbox(temp_store)
    [message_id] = repo.add_messages(
        folder,
        1,
        [
            message(
                1,
                flags=("\\Draft", "$Forwarded"),
                cc_addrs="b@example.test",
                parse_problems="bad-charset\nbroken-boundary",
                mss_headers='{"X-MSS-NIL": "MSSClient/0.1"}',
                smime="signed",
                receipt_to="anne.durand@chu.example.test",
            )
        ],
    )
    details = repo.details(message_id)
    assert details.draft and details.keywords == "$Forwarded"
    assert details.parse_problems == ("bad-charset", "broken-boundary")
    assert details.mss_headers == {"X-MSS-NIL": "MSSClient/0.1"}
    assert (details.smime, details.receipt_to) == ("signed", "anne.durand@chu.example.test")
    assert details.cc_addrs == "b@example.test"
    assert repo.details(999) is None
