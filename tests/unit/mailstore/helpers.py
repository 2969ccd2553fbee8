"""Build stored messages quickly for repository and search tests."""

from __future__ import annotations

from mssclient.mailstore import MailRepository, NewMessage
from mssclient.mailstore.models import MessageFields
from mssclient.store import Store


def add_account(store: Store, address: str = "moi@example.test") -> int:
    store.execute(
        "INSERT INTO mail_accounts(address, login, imap_host, imap_port, imap_security, "
        "smtp_host, smtp_port, smtp_security, created_at) "
        "VALUES (?, 'moi', 'imap.example.test', 993, 'tls', 'smtp.example.test', 465, 'tls', 'x')",
        (address,),
    )
    return int(store.scalar("SELECT id FROM mail_accounts WHERE address = ?", (address,)))


def message(uid: int, **fields: object) -> NewMessage:
    flags = fields.pop("flags", ())
    raw = fields.pop("raw", b"Subject: test\r\n\r\ncorps\r\n")
    defaults: dict[str, object] = {
        "message_id": f"<m{uid}@example.test>",
        "subject": f"Message {uid}",
        "from_name": "Dr Anne Durand",
        "from_addr": "anne.durand@chu.example.test",
        "to_addrs": "moi@example.test",
        "date_utc": 1_700_000_000 + uid * 60,
        "snippet": f"Texte du message {uid}",
        "index_text": f"Texte du message {uid}",
    }
    defaults.update(fields)
    if "thread_key" not in defaults:
        defaults["thread_key"] = defaults["message_id"]
    return NewMessage(uid=uid, raw=raw, flags=flags, fields=MessageFields(**defaults))  # type: ignore[arg-type]


def inbox(store: Store) -> tuple[MailRepository, int, int]:
    account_id = add_account(store)
    repo = MailRepository(store)
    folder = repo.upsert_folder(account_id, "INBOX", role="inbox")
    return repo, account_id, folder.id
