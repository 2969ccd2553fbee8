"""Teleexpertise over S/MIME, end to end on the real sandbox operator, two workstations.

Both have identities (certificate and private key) for their mailboxes and each other's
certificates: the request leaves signed and encrypted (the stored bytes hold no patient
identity), the department reads and applies it, answers the same way, and the nurse sees
"répondue"; each request's detail says who signed which mail and that it was encrypted.
Then an answer encrypted for a key the nurse's workstation does not have: the request is
flagged unreadable, and read once she imports that key.
"""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest

from mssclient.mailstore import MailRepository
from mssclient.sandbox import DERMATOLOGY, NURSE
from mssclient.security.smime import Protection, SmimeStatus
from mssclient.security.smime.repository import CertificateRepository
from mssclient.store import Store
from mssclient.teleexpertise.model import ExpertAnswer, RequestStatus, TeleexpertiseRequest, Urgency
from mssclient.teleexpertise.repository import (
    FLAG_UNDECRYPTABLE,
    INCOMING,
    OUTGOING,
    TeleexpertiseRepository,
)
from mssclient.teleexpertise.state import Action
from tests.gui.teleexpertise.conftest import write_photo
from tests.gui.teleexpertise.stations import Workstation, backend, nurse, sandbox, specialist
from tests.gui.teleexpertise.wizard_driver import send_wound_request
from tests.unit.patients.nir_helpers import NIR_WOMAN_1955
from tests.unit.teleexpertise.smime_keys import SandboxPki

pytestmark = pytest.mark.integration
__all__ = ["backend", "nurse", "sandbox", "specialist"]  # fixtures used below

#: What identifies the wizard's patient (Jeanne Marie MARTIN, born 14/03/1955); the nurse
#: is a Claire Martin, so the mixed-case name may appear in her address.
PATIENT_TRACES = (
    b"MARTIN",
    b"Jeanne",
    b"JEANNE",
    b"14/03/1955",
    b"1955-03-14",
    NIR_WOMAN_1955.encode(),
)
ANSWER = ExpertAnswer(
    "Ulcère de pression du talon.", "Décharge, hydrocolloïde.", Urgency.CONSULTATION, "15 j"
)


def _only(station: Workstation, direction: str) -> TeleexpertiseRequest:
    [request] = TeleexpertiseRepository(station.store).list_requests(direction)
    return request


def _stored_raw(store: Store, message_id: str) -> bytes:
    """The bytes the mail store keeps for the mail with this Message-ID (as received)."""
    bare = message_id.strip("<>")
    rows = store.query(
        "SELECT id FROM mail_messages WHERE message_id IN (?, ?) ORDER BY id",
        (bare, f"<{bare}>"),
    )
    assert rows, f"{message_id} is not in the mail store"
    raw = MailRepository(store).raw(int(rows[0][0]))
    assert raw is not None
    return raw


def _assert_opaque(raw: bytes) -> None:
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message.get_content_type() == "application/pkcs7-mime", message.get_content_type()
    assert b"application/fhir+json" not in raw and b"teleexpertise.fhir.json" not in raw
    for trace in PATIENT_TRACES:
        assert trace not in raw, trace
    subject = str(message["Subject"])
    assert subject.startswith("Téléexpertise Dermatologie [TE-") or subject.startswith(
        "Re: Téléexpertise Dermatologie [TE-"
    ), subject


def _send_request(qtbot, nurse: Workstation, tmp_path: Path) -> None:
    wizard = nurse.area.open_wizard("dermatologie")
    send_wound_request(qtbot, wizard, [write_photo(tmp_path)])
    assert not wizard.isVisible(), wizard.consent_page.message.text()
    [sent] = nurse.send_and_sync()
    assert sent.state == "sent", sent.last_error
    assert sent.protection == Protection.SIGNED_AND_ENCRYPTED.value


def test_signed_and_encrypted_request_and_answer(
    qtbot, nurse: Workstation, specialist: Workstation, tmp_path: Path
) -> None:
    pki = SandboxPki(tmp_path / "pki")
    claire = pki.identity("Claire Martin", NURSE.address)
    service = pki.identity("Service de dermatologie", DERMATOLOGY.address)
    pki.equip(nurse.store, [claire], [service])
    pki.equip(specialist.store, [service], [claire])

    _send_request(qtbot, nurse, tmp_path)
    mine = _only(nurse, OUTGOING)
    _assert_opaque(_stored_raw(nurse.store, mine.thread_message_id))  # her Sent copy

    # The department's workstation decrypts at sync and applies the request.
    specialist.send_and_sync()
    incoming = _only(specialist, INCOMING)
    raw = _stored_raw(specialist.store, incoming.thread_message_id)
    _assert_opaque(raw)
    mail = MailRepository(specialist.store)
    [mail_id] = [
        int(r[0])
        for r in specialist.store.query(
            "SELECT mail_message_id FROM te_mail_seen WHERE request_uid = ? AND outcome = ?",
            (incoming.request_uid, "applied"),
        )
    ]
    assert mail.raw(mail_id) == raw  # the original stays as received
    record = mail.smime_record(mail_id)
    assert record is not None and record.status == SmimeStatus.SIGNED_VALID.value, record
    assert incoming.question.startswith("Plaie du talon")
    assert incoming.patient.traits.birth_name == "MARTIN" and incoming.flags == frozenset()
    assert [a.media_type for a in incoming.attachments] == ["image/jpeg"]
    queue = specialist.area.queue
    assert specialist.area.queue_model.rowCount() == 1
    queue.table.selectRow(0)
    text = queue.detail.browser.toPlainText()
    assert "Sécurité des messages (S/MIME)" in text
    assert f"signé par Claire Martin <{NURSE.address}> (signature valide), chiffré" in text

    # The answer leaves the department's mailbox signed and encrypted to the nurse.
    after = specialist.area.perform(incoming, Action.ANSWER, answer=ANSWER)
    assert after is not None and after.status is RequestStatus.ANSWERED
    [answer_mail] = specialist.send_and_sync()
    assert answer_mail.envelope_from == DERMATOLOGY.address
    assert answer_mail.protection == Protection.SIGNED_AND_ENCRYPTED.value

    nurse.send_and_sync()
    final = _only(nurse, OUTGOING)
    assert final.status is RequestStatus.ANSWERED and final.answer == ANSWER
    assert final.flags == frozenset()
    assert nurse.area.mine_model.index(0, 4).data() == "répondue"
    assert nurse.notifications[-1][1].endswith("répondue")
    [answer_event] = [
        e
        for e in TeleexpertiseRepository(nurse.store).events(final.id or 0)
        if e.action == "answer"
    ]
    _assert_opaque(_stored_raw(nurse.store, answer_event.message_id))
    nurse.area.mine.table.selectRow(0)
    text = nurse.area.mine.detail.browser.toPlainText()
    assert (
        f"Réponse ({answer_event.at.replace('T', ' ')[:16]}) signé par Service de "
        f"dermatologie <{DERMATOLOGY.address}> (signature valide), chiffré"
    ) in " ".join(text.split())
    assert f"signé par Claire Martin <{NURSE.address}>" in text  # her own request


def test_answer_for_another_key_is_flagged_then_read_after_import(
    qtbot, nurse: Workstation, specialist: Workstation, tmp_path: Path
) -> None:
    pki = SandboxPki(tmp_path / "pki")
    claire = pki.identity("Claire Martin", NURSE.address)
    # Another certificate of hers (her new card, say), lasting longer: the department
    # encrypts to it, but her workstation does not hold its key yet.
    new_card = pki.identity("Claire Martin", NURSE.address, key="te-nurse-new-card", days=900)
    service = pki.identity("Service de dermatologie", DERMATOLOGY.address)
    pki.equip(nurse.store, [claire], [service])
    pki.equip(specialist.store, [service], [new_card])

    _send_request(qtbot, nurse, tmp_path)
    specialist.send_and_sync()
    incoming = _only(specialist, INCOMING)
    specialist.area.perform(incoming, Action.ANSWER, answer=ANSWER)
    [answer_mail] = specialist.send_and_sync()
    assert answer_mail.protection == Protection.SIGNED_AND_ENCRYPTED.value

    # Her sync keeps it undecrypted: the request is flagged, not silently left as it was.
    nurse.send_and_sync()
    mine = _only(nurse, OUTGOING)
    assert mine.status is RequestStatus.RECEIVED
    assert FLAG_UNDECRYPTABLE in mine.flags
    nurse.area.mine.table.selectRow(0)
    flags = nurse.area.mine.detail.flags_label
    assert flags.isVisible() and flags.text().startswith(
        "Illisible (chiffré pour une autre clé)"
    ), flags.text()
    assert nurse.area.banner.isVisible() and "autre clé" in nurse.area.banner.text()
    # A scan with the same keys does not try again, and changes nothing.
    report = nurse.area.scan_mail()
    assert report is not None and report.changes == [] and report.undecryptable == []

    # She imports the key of her new card; the next scan (showing the area, Refresh...)
    # opens the mail and applies the answer.
    CertificateRepository(nurse.store).add_identity(new_card)
    nurse.area.refresh_button.click()
    final = _only(nurse, OUTGOING)
    assert final.status is RequestStatus.ANSWERED and final.answer == ANSWER
    assert final.flags == frozenset()
    assert nurse.area.mine_model.index(0, 4).data() == "répondue"
    assert not nurse.area.banner.isVisible()
    nurse.area.mine.table.selectRow(0)
    assert not nurse.area.mine.detail.flags_label.isVisible()
    text = " ".join(nurse.area.mine.detail.browser.toPlainText().split())
    assert f"signé par Service de dermatologie <{DERMATOLOGY.address}>" in text
    assert "autre clé" not in text
