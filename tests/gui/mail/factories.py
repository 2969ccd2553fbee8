"""Test data for the mail GUI: an account, folders, and messages stored the way sync does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

from mssclient.mailstore import MailRepository, NewMessage
from mssclient.mailstore.models import MessageFields
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import Account, Security, ServerSettings, save_account
from mssclient.transport.parsing import parse_batch

ME = "claire.martin@infirmiers.test.mssante.fr"
BASE_DATE = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def make_account(store: Store, address: str = ME, name: str = "Claire Martin") -> Account:
    return save_account(
        store,
        Account(
            address=address,
            login=address,
            display_name=name,
            imap=ServerSettings("127.0.0.1", 1993, Security.TLS),
            smtp=ServerSettings("127.0.0.1", 1465, Security.TLS),
            trust_anchors=TrustAnchors.SYSTEM,
        ),
    )


def mime(
    subject: str,
    body: str,
    *,
    sender: str = "Dr Sophie Leroy <dr.sophie.leroy@ch-exemple.test.mssante.fr>",
    to: str = f"Claire Martin <{ME}>",
    when: datetime = BASE_DATE,
    html: str | None = None,
    attachment: tuple[str, bytes] | None = None,
    headers: Sequence[tuple[str, str]] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = f"<{abs(hash((subject, when)))}@test.mssante.fr>"
    for name, value in headers:
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    if attachment is not None:
        message.add_attachment(
            attachment[1], maintype="application", subtype="pdf", filename=attachment[0]
        )
    return message.as_bytes()


def store_raw(
    repo: MailRepository, folder_id: int, raws: Sequence[bytes], first_uid: int = 1
) -> list[int]:
    """Parse and store like the sync engine does (same parser, same repository call)."""
    fields = parse_batch(list(raws))
    batch = [
        NewMessage(uid=first_uid + i, raw=raw, fields=f)
        for i, (raw, f) in enumerate(zip(raws, fields, strict=True))
    ]
    return repo.add_messages(folder_id, 1, batch)


def store_many(repo: MailRepository, folder_id: int, count: int) -> None:
    """``count`` small messages with ready-made fields (fast: no MIME parsing)."""
    batch = []
    for i in range(count):
        when = BASE_DATE - timedelta(minutes=i)
        batch.append(
            NewMessage(
                uid=i + 1,
                raw=f"Subject: Message {i}\r\n\r\ncorps {i}\r\n".encode(),
                flags=["\\Seen"] if i % 3 else [],
                fields=MessageFields(
                    message_id=f"<m{i}@test>",
                    thread_key=f"<m{i - i % 2}@test>",
                    subject=f"Message numéro {i}",
                    from_name="Dr Paul Bernard",
                    from_addr="dr.paul.bernard@medecins.test.mssante.fr",
                    date_utc=int(when.timestamp()),
                    has_attachments=i % 5 == 0,
                    snippet=f"corps {i}",
                    index_text=f"corps du message {i}",
                ),
            )
        )
    repo.add_messages(folder_id, 1, batch)
