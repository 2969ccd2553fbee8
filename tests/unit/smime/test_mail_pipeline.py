"""S/MIME in the mail pipeline: the outbox signs and encrypts, sync decrypts and verifies.

The store, the outbox and the sync's opener are the real ones; only SMTP is replaced by a
function that keeps what it was given (the real servers are in tests/integration/smime).
"""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from mssclient.mail import Address, Draft, build_message, message_bytes, parse_full
from mssclient.mailstore import MailRepository, NewMessage, search
from mssclient.security.smime import (
    Protection,
    SmimeStatus,
    encrypt_message,
    is_smime,
    read_message,
    sign_message,
)
from mssclient.security.smime.repository import CertificateRepository
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import Account, Security, ServerSettings, save_account
from mssclient.transport.outbox import Outbox
from mssclient.transport.parsing import parse_batch
from mssclient.transport.smime_context import plan_for
from mssclient.transport.smime_receive import SmimeOpener
from mssclient.transport.smtp_send import SendResult
from tests.unit.smime.pki import TestPki

SECRET = "Glycémie à 3,2 g/L ce matin, insuline rapide augmentée"


def _account(store: Store, pki: TestPki, role: str, **changes: object) -> Account:
    address = pki.email(role)
    account = Account(
        address=address,
        login=address,
        display_name=pki[role].certificate.subject.rfc4514_string().split("CN=")[1].split(",")[0],
        imap=ServerSettings("127.0.0.1", 1993, Security.TLS),
        smtp=ServerSettings("127.0.0.1", 1465, Security.TLS),
        trust_anchors=TrustAnchors.SYSTEM,
        smime_anchors=TrustAnchors.CA_FILE,
        smime_ca_file=str(pki.path("root.pem")),
        **changes,  # type: ignore[arg-type]
    )
    return save_account(store, account)


@pytest.fixture
def gp_store(temp_store: Store, pki: TestPki) -> Store:
    CertificateRepository(temp_store).add_identity(pki["gp"])
    return temp_store


class _Server:
    """Stands in for SMTP submission: records each message it is given."""

    def __init__(self) -> None:
        self.sent: list[tuple[bytes, list[str]]] = []

    def __call__(
        self,
        account: Account,
        auth: object,
        raw: bytes,
        sender: str,
        rcpts: list[str],
        **kw: object,
    ) -> SendResult:
        self.sent.append((raw, rcpts))
        return SendResult(tuple(rcpts), {}, False, "")


def _wire(account: Account, to: list[str], text: str = SECRET) -> bytes:
    draft = Draft(
        identity=Address(account.display_name, account.address),
        to=list(to),
        subject="Mme D., suivi diabète",
        text=text,
    )
    return message_bytes(build_message(draft))


def _send(store: Store, account: Account, to: list[str]) -> tuple[_Server, Outbox, int]:
    assert account.id is not None
    outbox = Outbox(store)
    outbox_id = outbox.enqueue(account.id, _wire(account, to), account.address, to)
    server = _Server()
    copies: list[bytes] = []
    outbox.send_due(account, object(), copy_to_sent=copies.append, submit_fn=server)  # type: ignore[arg-type]
    assert copies == [server.sent[0][0]], "the Sent copy is the very message sent"
    return server, outbox, outbox_id


def test_outbox_signs_and_encrypts_when_every_recipient_has_a_certificate(
    gp_store: Store, pki: TestPki
) -> None:
    CertificateRepository(gp_store).add_certificate(pki["nurse"].certificate)
    gp = _account(gp_store, pki, "gp")
    server, outbox, outbox_id = _send(gp_store, gp, [pki.email("nurse")])
    wire = server.sent[0][0]
    assert b"application/pkcs7-mime" in wire and SECRET.encode() not in wire
    assert outbox.item(outbox_id).protection == Protection.SIGNED_AND_ENCRYPTED.value  # type: ignore[union-attr]

    for reader in ("nurse", "gp"):  # the recipient, and the sender's own Sent copy
        result = read_message(wire, identities=[pki[reader]], trust=pki.trust)
        assert result.status is SmimeStatus.SIGNED_VALID, (reader, result.detail)
        assert result.decrypted and result.signer is not None
        assert pki.email("gp") in result.signer.emails
        assert parse_full(result.readable_message()).text.strip() == SECRET


def test_outbox_only_signs_when_a_recipient_has_no_certificate(
    gp_store: Store, pki: TestPki
) -> None:
    gp = _account(gp_store, pki, "gp")
    server, outbox, outbox_id = _send(gp_store, gp, [pki.email("dermatologist")])
    wire = server.sent[0][0]
    assert b"multipart/signed" in wire and b"application/pkcs7-mime" not in wire
    assert outbox.item(outbox_id).protection == Protection.SIGNED.value  # type: ignore[union-attr]
    result = read_message(wire, trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID


def test_outbox_leaves_mail_alone_without_an_identity(temp_store: Store, pki: TestPki) -> None:
    nurse = _account(temp_store, pki, "nurse")
    server, outbox, outbox_id = _send(temp_store, nurse, [pki.email("gp")])
    assert server.sent[0][0] == outbox.raw(outbox_id)
    assert SECRET.encode() in server.sent[0][0].replace(b"=C3=A9", "é".encode()).replace(
        b"=C3=A0", "à".encode()
    )
    assert not is_smime(server.sent[0][0])
    assert outbox.item(outbox_id).protection == Protection.TRANSPORT_ONLY.value  # type: ignore[union-attr]


def test_outbox_respects_the_users_choice_not_to_sign(gp_store: Store, pki: TestPki) -> None:
    gp = _account(gp_store, pki, "gp", smime_sign=False)
    server, _, _ = _send(gp_store, gp, [pki.email("dermatologist")])
    assert not is_smime(server.sent[0][0])


def test_require_encryption_refuses_and_names_the_recipients(gp_store: Store, pki: TestPki) -> None:
    CertificateRepository(gp_store).add_certificate(pki["nurse"].certificate)
    gp = _account(gp_store, pki, "gp", smime_require_encryption=True)
    stranger = pki.email("dermatologist")
    outbox = Outbox(gp_store)
    assert gp.id is not None
    to = [pki.email("nurse"), stranger]
    outbox_id = outbox.enqueue(gp.id, _wire(gp, to), gp.address, to)
    server = _Server()
    [item] = outbox.send_due(gp, object(), submit_fn=server)  # type: ignore[arg-type]
    assert server.sent == []
    assert item.state == "failed"
    assert "exige le chiffrement" in item.last_error_fr
    assert stranger in item.last_error_fr and pki.email("nurse") not in item.last_error_fr
    # The plan the composer shows says the same before anything is queued.
    plan = plan_for(gp_store, gp, to).plan
    assert plan.protection is Protection.REFUSED
    assert [m.address for m in plan.missing] == [stranger]

    # Once the missing certificate is imported, "retry" sends it, encrypted.
    CertificateRepository(gp_store).add_certificate(pki["dermatologist"].certificate)
    outbox.retry_now(outbox_id)
    [item] = outbox.send_due(gp, object(), submit_fn=server)  # type: ignore[arg-type]
    assert item.state == "sent"
    assert item.protection == Protection.SIGNED_AND_ENCRYPTED.value
    result = read_message(server.sent[0][0], identities=[pki["dermatologist"]], trust=pki.trust)
    assert result.status is SmimeStatus.SIGNED_VALID


def test_accounts_keep_their_smime_settings(temp_store: Store, pki: TestPki) -> None:
    from mssclient.transport.accounts import load_account

    saved = _account(temp_store, pki, "gp", smime_require_encryption=True, smime_sign=False)
    assert saved.id is not None
    loaded = load_account(temp_store, saved.id)
    assert loaded is not None
    assert loaded.smime_require_encryption and not loaded.smime_sign
    assert loaded.smime_anchors is TrustAnchors.CA_FILE
    assert loaded.smime_ca_file == str(pki.path("root.pem"))


# -- receiving ---------------------------------------------------------------------------------
@pytest.fixture
def nurse_box(temp_store: Store, pki: TestPki) -> Iterator[tuple[Store, Account, int]]:
    CertificateRepository(temp_store).add_identity(pki["nurse"])
    account = _account(temp_store, pki, "nurse")
    assert account.id is not None
    folder = MailRepository(temp_store).upsert_folder(account.id, "INBOX", role="inbox")
    yield temp_store, account, folder.id


def _store_fetched(store: Store, account: Account, folder_id: int, raws: list[bytes]) -> list[int]:
    assert account.id is not None
    fields = parse_batch(raws)
    messages = [
        NewMessage(uid=uid, raw=raw, fields=f)
        for uid, (raw, f) in enumerate(zip(raws, fields, strict=True), start=1)
    ]
    opened = SmimeOpener(store, account.id).apply(messages)
    return MailRepository(store).add_messages(folder_id, 1, opened)


def _from_gp(pki: TestPki, text: str = SECRET) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Dr Paul Généraliste <{pki.email('gp')}>"
    message["To"] = pki.email("nurse")
    message["Subject"] = "Suivi Mme D."
    message["Message-ID"] = "<suivi-1@test.mssante.fr>"
    message.set_content(text)
    message.add_attachment(
        b"%PDF-1.4 ordonnance", maintype="application", subtype="pdf", filename="ordonnance.pdf"
    )
    return message


def test_sync_decrypts_verifies_indexes_and_collects(
    nurse_box: tuple[Store, Account, int], pki: TestPki
) -> None:
    store, account, folder_id = nurse_box
    from mssclient.security.smime import sign_and_encrypt_message

    wire = sign_and_encrypt_message(
        _from_gp(pki), pki["gp"], [pki["nurse"].certificate, pki["gp"].certificate]
    )
    [message_id] = _store_fetched(store, account, folder_id, [wire])
    repo = MailRepository(store)
    assert repo.raw(message_id) == wire  # the original, encrypted form is kept
    record = repo.smime_record(message_id)
    assert record is not None and record.status == SmimeStatus.SIGNED_VALID.value
    assert record.encrypted and pki.email("gp") in record.signer
    readable = repo.readable(message_id)
    assert readable is not None and b"ordonnance.pdf" in readable
    row = repo.message(message_id)
    assert row is not None and row.has_attachments and "Glycémie" in row.snippet
    # Decrypted words are searchable, accents folded.
    hits = search(store, "insuline glycemie")
    assert [hit.row.id for hit in hits] == [message_id]
    # The signer's certificate is now known: the next message to the GP can be encrypted.
    known = CertificateRepository(store).certificates_for(pki.email("gp"))
    assert [c.serial_number for c in known] == [pki["gp"].certificate.serial_number]


def test_sync_keeps_what_it_cannot_open(
    nurse_box: tuple[Store, Account, int], pki: TestPki
) -> None:
    store, account, folder_id = nurse_box
    for_someone_else = encrypt_message(_from_gp(pki), [pki["dermatologist"].certificate])
    tampered = sign_message(_from_gp(pki), pki["gp"]).replace(b"3,2 g/L", b"9,9 g/L")
    garbage = (
        b"From: x@test.mssante.fr\r\nSubject: casse\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: application/pkcs7-mime; smime-type=enveloped-data\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nAAAAbm90IGEgQ01T\r\n"
    )
    ids = _store_fetched(store, account, folder_id, [for_someone_else, tampered, garbage])
    repo = MailRepository(store)
    statuses = [repo.smime_record(i).status for i in ids]  # type: ignore[union-attr]
    assert statuses == [
        SmimeStatus.DECRYPT_NO_KEY.value,
        SmimeStatus.SIGNATURE_INVALID.value,
        SmimeStatus.MALFORMED.value,
    ]
    assert [repo.raw(i) for i in ids] == [for_someone_else, tampered, garbage]
    assert repo.readable(ids[0]) == for_someone_else  # nothing opened: the raw is shown
    assert CertificateRepository(store).certificates_for(pki.email("gp")) == []


def test_plain_mail_gets_no_smime_record(
    nurse_box: tuple[Store, Account, int], pki: TestPki
) -> None:
    store, account, folder_id = nurse_box
    [message_id] = _store_fetched(store, account, folder_id, [_from_gp(pki).as_bytes()])
    assert MailRepository(store).smime_record(message_id) is None
