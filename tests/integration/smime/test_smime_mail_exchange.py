"""Two accounts exchange signed and encrypted mail through real servers, both ways.

Dovecot + Postfix (tests/integration/conftest.py) and the embedded sandbox operator. The
sender's outbox signs and encrypts, submission and delivery carry opaque bytes, the
recipient's sync decrypts, verifies, indexes and collects the sender's certificate, and
the reader (pytest-qt, offscreen, French) shows the banner.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mssclient.mail import Address, Draft, build_message, message_bytes
from mssclient.mailstore import MailRepository, MessageRow, search
from mssclient.security.smime import Identity, Protection, SmimeStatus
from mssclient.security.smime.repository import CertificateRepository
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import (
    Account,
    PasswordAuth,
    Security,
    ServerSettings,
    save_account,
)
from mssclient.transport.imap_connection import connect_imap
from mssclient.transport.imap_sync import MailSync
from mssclient.transport.outbox import Outbox, append_to_sent
from mssclient.transport.smime_context import plan_for
from tests.unit.smime.pki import TestPki, _key, make_user

pytestmark = pytest.mark.integration

_counter = itertools.count(1)
SECRET = "Bilan : HbA1c à 9,1 %, metformine 1000 mg ×2, revoir dans 15 jours"


@dataclass
class Party:
    store: Store
    account: Account
    auth: PasswordAuth
    identity: Identity
    sync: MailSync
    repo: MailRepository


@pytest.fixture(params=["dovecot", "sandbox"])
def servers(request: pytest.FixtureRequest) -> Any:
    """The real Dovecot/Postfix pair, or the embedded sandbox operator (same interface:
    host, ports, domain, CA file, add_user)."""
    return request.getfixturevalue(
        "mail_servers" if request.param == "dovecot" else "sandbox_server"
    )


@pytest.fixture
def make_party(servers: Any, pki: TestPki, tmp_path: Path) -> Iterator[Callable[[str, str], Party]]:
    made: list[Party] = []

    def make(who: str, name: str) -> Party:
        local = f"{who}{next(_counter)}s{os.getpid()}"
        address = servers.add_user(local, f"pw-{local}")
        key = _key(f"exchange-{who}")
        certificate = make_user(name, address, key, (pki.intermediate, _key("intermediate")))
        identity = Identity(certificate, key, (pki.intermediate,))
        store = Store.open(tmp_path / who / "store.db", bytes(range(32)), key_known_good=True)
        account = save_account(
            store,
            Account(
                address=address,
                login=address,
                display_name=name,
                imap=ServerSettings(servers.host, servers.imap_port, Security.TLS),
                smtp=ServerSettings(servers.host, servers.smtp_port, Security.TLS),
                trust_anchors=TrustAnchors.CA_FILE,
                ca_file=str(servers.ca_path),
                smime_anchors=TrustAnchors.CA_FILE,
                smime_ca_file=str(pki.path("root.pem")),
            ),
        )
        CertificateRepository(store).add_identity(identity)
        auth = PasswordAuth(address, f"pw-{local}")
        assert account.id is not None
        repo = MailRepository(store)
        sync = MailSync(account.id, repo, lambda: connect_imap(account, auth, timeout=20))
        sync.sync_folder_list()
        party = Party(store, account, auth, identity, sync, repo)
        made.append(party)
        return party

    yield make
    for party in made:
        party.sync.close()
        party.store.close()


def _send(sender: Party, to: Party, subject: str, text: str) -> str:
    """Through the outbox (which applies S/MIME), SMTP submission, and a copy to Sent."""
    assert sender.account.id is not None
    draft = Draft(
        identity=Address(sender.account.display_name, sender.account.address),
        to=[Address(to.account.display_name, to.account.address)],
        subject=subject,
        text=text,
    )
    outbox = Outbox(sender.store)
    outbox.enqueue(
        sender.account.id,
        message_bytes(build_message(draft)),
        sender.account.address,
        [to.account.address],
    )

    def copy(raw: bytes) -> None:
        append_to_sent(sender.sync.ensure_client(), sender.repo, sender.account.id, raw)  # type: ignore[arg-type]

    [item] = outbox.send_due(sender.account, sender.auth, copy_to_sent=copy)
    assert item.state == "sent", item.last_error
    assert item.sent_copy_saved
    return item.protection


def _arrived(party: Party, role: str, subject: str) -> MessageRow:
    assert party.account.id is not None
    folder = party.repo.folder_by_role(party.account.id, role)
    assert folder is not None
    for _ in range(60):  # delivery is asynchronous: sync again until it is there
        party.sync.sync_folder(folder.name)
        rows = [r for r in party.repo.page(folder.id) if r.subject == subject]
        if rows:
            return rows[0]
        time.sleep(0.25)
    raise AssertionError(f"{subject!r} never reached {role} of {party.account.address}")


def test_signed_and_encrypted_mail_between_two_accounts(
    make_party: Callable[[str, str], Party], qtbot: Any
) -> None:
    gp = make_party("generaliste", "Dr Paul Généraliste")
    nurse = make_party("infirmiere", "Claire Infirmière")
    # The GP knows the nurse's certificate (imported by hand); the nurse knows nothing yet.
    CertificateRepository(gp.store).add_certificate(nurse.identity.certificate)

    subject = "Mme D. — suivi diabète"
    assert _send(gp, nurse, subject, SECRET) == Protection.SIGNED_AND_ENCRYPTED.value

    row = _arrived(nurse, "inbox", subject)
    raw = nurse.repo.raw(row.id)
    assert raw is not None and b"application/pkcs7-mime" in raw and b"HbA1c" not in raw
    record = nurse.repo.smime_record(row.id)
    assert record is not None and record.status == SmimeStatus.SIGNED_VALID.value, record
    assert record.encrypted and gp.account.address in record.signer
    assert "HbA1c" in row.snippet
    assert [hit.row.id for hit in search(nurse.store, "metformine")] == [row.id]

    # The verified signature taught the nurse the GP's certificate: her answer is encrypted.
    plan = plan_for(nurse.store, nurse.account, [gp.account.address]).plan
    assert plan.protection is Protection.SIGNED_AND_ENCRYPTED
    answer = "Re: " + subject
    assert _send(nurse, gp, answer, "Bien reçu, je passe demain matin.") == plan.protection.value
    back = _arrived(gp, "inbox", answer)
    back_record = gp.repo.smime_record(back.id)
    assert back_record is not None and back_record.status == SmimeStatus.SIGNED_VALID.value

    # The GP's Sent copy was encrypted to the GP too: it opens like any received message.
    sent = _arrived(gp, "sent", subject)
    sent_record = gp.repo.smime_record(sent.id)
    assert sent_record is not None and sent_record.status == SmimeStatus.SIGNED_VALID.value
    assert "HbA1c" in sent.snippet

    _check_reader_banner(qtbot, nurse, row.id)


def _check_reader_banner(qtbot: Any, party: Party, message_id: int) -> None:
    from PySide6.QtWidgets import QApplication

    from mssclient.gui.i18n import install_translators, remove_translators
    from mssclient.gui.mail import MailArea
    from mssclient.gui.mail.operations import wait_for_operations

    app = QApplication.instance()
    translators = install_translators(app, "fr")
    area = MailArea(lambda: party.store, None)
    qtbot.addWidget(area)
    area.resize(1000, 700)
    area.show()
    try:
        area.open_message(message_id)
        qtbot.waitUntil(lambda: area.reader.current is not None)
        banner = area.reader.smime_banner
        assert banner.isVisibleTo(area.reader)
        text = banner.label.text()
        assert text.startswith("Signé par Dr Paul Généraliste"), text
        assert "signature valide" in text and "chiffré de bout en bout" in text
        assert area.reader.body.toPlainText().strip() == SECRET
    finally:
        area.shutdown()
        wait_for_operations()
        remove_translators(app, translators)
