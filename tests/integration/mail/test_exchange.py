"""Two accounts exchange messages through the real servers, both ways."""

from __future__ import annotations

import time

import pytest

from mssclient.mailstore import MailRepository
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.outbox import Outbox, append_to_sent
from tests.integration.mail.messages import build, crlf

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _sync_until(engine, folder: str, predicate, attempts: int = 40):  # type: ignore[no-untyped-def]
    """Delivery is asynchronous: sync again until the message is there (bounded)."""
    for _ in range(attempts):
        engine.sync_folder(folder)
        found = predicate()
        if found:
            return found
        time.sleep(0.25)
    return predicate()


def test_two_accounts_exchange_with_attachments_and_accents(mail_env, make_store, make_sync):
    store_a, store_b = make_store("a"), make_store("b")
    nurse, nurse_auth = mail_env.new_account(store_a, "infirmiere")
    doctor, doctor_auth = mail_env.new_account(store_b, "medecin", starttls=True)
    sync_a = make_sync(store_a, nurse, nurse_auth)
    sync_b = make_sync(store_b, doctor, doctor_auth)
    repo_a, repo_b = MailRepository(store_a), MailRepository(store_b)
    sync_a.sync_folder_list()
    sync_b.sync_folder_list()

    # Nurse -> doctor, through the outbox and SMTP submission, copy to Sent.
    outgoing = build(
        nurse.address,
        doctor.address,
        "Plaie du talon — évolution à J+3, «avis» souhaité",
        "Bonjour Docteur,\nla plaie évolue bien ; photos jointes.\nÉlodie",
        sender_name="Élodie Bérard",
        attachment=("compte-rendu éval.pdf", PDF),
    )
    outbox = Outbox(store_a)
    outbox.enqueue(nurse.id, crlf(outgoing), nurse.address, [doctor.address])

    def copy(raw: bytes) -> None:
        client = connect_imap(nurse, nurse_auth)
        try:
            append_to_sent(client, repo_a, nurse.id, raw)
        finally:
            client.logout()

    [item] = outbox.send_due(nurse, nurse_auth, copy_to_sent=copy)
    assert item.state == "sent", item.last_error
    assert outbox.item(item.id).sent_copy_saved

    inbox_b = repo_b.folder_by_role(doctor.id, "inbox")
    rows = _sync_until(sync_b, "INBOX", lambda: repo_b.page(inbox_b.id))
    assert len(rows) == 1
    received = rows[0]
    assert received.subject == "Plaie du talon — évolution à J+3, «avis» souhaité"
    assert received.from_name == "Élodie Bérard"
    assert received.has_attachments
    raw = repo_b.raw(received.id)
    assert raw is not None and PDF[:50] not in raw  # base64 on the wire, kept as sent
    assert str(outgoing["Message-ID"]).encode() in raw

    sent = repo_a.folder_by_role(nurse.id, "sent")
    sync_a.sync_folder(sent.name)
    assert [r.message_id for r in repo_a.page(sent.id)] == [str(outgoing["Message-ID"])]

    # Doctor -> nurse, a reply in the same conversation, sent by the doctor's outbox.
    reply = build(
        doctor.address,
        nurse.address,
        "Re: Plaie du talon — évolution à J+3",
        "Merci, poursuivez les soins. Dr Lefèvre",
        sender_name="Dr Jérôme Lefèvre",
        attachment=("ordonnance.pdf", PDF[:1000]),
        in_reply_to=str(outgoing["Message-ID"]),
    )
    outbox_b = Outbox(store_b)
    outbox_b.enqueue(doctor.id, crlf(reply), doctor.address, [nurse.address])
    [item_b] = outbox_b.send_due(doctor, doctor_auth)
    assert item_b.state == "sent", item_b.last_error

    inbox_a = repo_a.folder_by_role(nurse.id, "inbox")
    rows_a = _sync_until(sync_a, "INBOX", lambda: repo_a.page(inbox_a.id))
    assert [r.from_name for r in rows_a] == ["Dr Jérôme Lefèvre"]
    assert rows_a[0].has_attachments
    # The reply and the Sent copy form one conversation.
    thread = repo_a.thread(nurse.id, rows_a[0].thread_key)
    assert {r.message_id for r in thread} == {
        str(outgoing["Message-ID"]),
        str(reply["Message-ID"]),
    }
