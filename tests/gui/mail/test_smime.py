"""S/MIME in the mail GUI: the composer's notice and refusal, the reader's banner, and the
certificates tab (PKCS#12 and certificate imports, expiry warnings). In French."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12

from mssclient.gui.certificates_view import CertificatesView
from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.mailstore import NewMessage, search
from mssclient.security.smime import (
    encrypt_message,
    sign_and_encrypt_message,
    sign_message,
)
from mssclient.security.smime.repository import CertificateRepository
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import Account, save_account
from mssclient.transport.parsing import parse_batch
from mssclient.transport.smime_receive import SmimeOpener
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import ME, mime
from tests.unit.smime.pki import DAY, NOW, TestPki, _key, build_pki, make_user, write_files

SECRET = "Plaie du talon : fibrine 40 %, pansement hydrocolloïde à changer"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> TestPki:
    built = build_pki()
    write_files(built, tmp_path_factory.mktemp("smime-gui-pki"))
    return built


def _as_nurse(mailbox: Mailbox, pki: TestPki, **changes: object) -> Account:
    """The mailbox's account turned into the test PKI's nurse, with her identity."""
    account = replace(
        mailbox.account,
        address=pki.email("nurse"),
        login=pki.email("nurse"),
        display_name="Claire Infirmière",
        smime_anchors=TrustAnchors.CA_FILE,
        smime_ca_file=str(pki.path("root.pem")),
        **changes,  # type: ignore[arg-type]
    )
    mailbox.store.execute(
        "UPDATE mail_accounts SET address = ? WHERE id = ?", (account.address, account.id)
    )
    saved = save_account(mailbox.store, account)
    CertificateRepository(mailbox.store).add_identity(pki["nurse"])
    return saved


# -- composer ----------------------------------------------------------------------------------
def _composer(qtbot, area: MailArea, account: Account) -> ComposerDialog:
    area.accounts = [account]
    composer = area.open_composer(account_id=account.id)
    qtbot.addWidget(composer)
    return composer


def test_composer_says_how_the_message_will_leave(
    qtbot, mail_french, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    account = _as_nurse(mailbox, pki)
    CertificateRepository(mailbox.store).add_certificate(pki["gp"].certificate)
    composer = _composer(qtbot, area, account)
    notice = composer.protection_notice
    assert "Ajoutez des destinataires" in notice.headline.text()

    composer.to_edit.setText(f"Dr Paul Généraliste <{pki.email('gp')}>")
    qtbot.waitUntil(lambda: notice.level == "ok")
    assert notice.headline.text() == "Signé et chiffré de bout en bout"
    assert notice.reason.text().startswith("Seuls vos destinataires et vous pourrez le lire")

    stranger = "secretariat.cardio@ch-exemple.test.mssante.fr"
    composer.cc_edit.setText(stranger)
    qtbot.waitUntil(lambda: notice.level == "warning")
    assert notice.headline.text() == "Signé, non chiffré"
    assert stranger in notice.reason.text()
    assert "aucun certificat connu" in notice.reason.text()
    assert pki.email("gp") not in notice.reason.text()

    composer.cc_edit.clear()
    qtbot.waitUntil(lambda: notice.level == "ok")


def test_composer_without_identity_says_transit_only(
    qtbot, mail_french, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    composer = _composer(qtbot, area, mailbox.account)
    composer.to_edit.setText(pki.email("gp"))
    composer.update_protection()
    assert composer.protection_notice.headline.text() == "Protégé pendant le transport seulement"
    reason = composer.protection_notice.reason.text()
    assert mailbox.account.address in reason and ".p12" in reason


def test_require_encryption_refuses_before_queueing(
    qtbot, mail_french, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    account = _as_nurse(mailbox, pki, smime_require_encryption=True)
    composer = _composer(qtbot, area, account)
    stranger = "inconnu@ch-exemple.test.mssante.fr"
    composer.to_edit.setText(stranger)
    composer.subject_edit.setText("Avis plaie")
    composer.body_edit.setPlainText(SECRET)
    emitted: list[object] = []
    composer.send_requested.connect(lambda *args: emitted.append(args))
    composer.send_button.click()
    assert emitted == []
    assert composer.error_label.isVisibleTo(composer)
    assert "exige le chiffrement" in composer.error_label.text()
    assert stranger in composer.error_label.text()
    assert composer.protection_notice.level == "error"
    assert composer.protection_notice.headline.text().startswith("Envoi refusé")
    assert mailbox.store.scalar("SELECT count(*) FROM mail_outbox") == 0

    # With the recipient's certificate imported, the same message goes to the outbox.
    CertificateRepository(mailbox.store).add_certificate(pki["gp"].certificate)
    composer.to_edit.setText(pki.email("gp"))
    composer.send_button.click()
    qtbot.waitUntil(lambda: mailbox.store.scalar("SELECT count(*) FROM mail_outbox") == 1)


# -- reader --------------------------------------------------------------------------------------
def _receive(mailbox: Mailbox, account: Account, raws: list[bytes]) -> list[int]:
    """Stored the way the sync engine stores: parsed, opened, then added."""
    assert account.id is not None
    fields = parse_batch(raws)
    batch = [
        NewMessage(uid=100 + i, raw=raw, fields=f)
        for i, (raw, f) in enumerate(zip(raws, fields, strict=True))
    ]
    opened = SmimeOpener(mailbox.store, account.id).apply(batch)
    return mailbox.repo.add_messages(mailbox.inbox.id, 1, opened)


def _from(pki: TestPki, role: str, subject: str) -> bytes:
    return mime(
        subject,
        SECRET,
        sender=f"Expéditeur <{pki.email(role)}>",
        to=f"Claire Infirmière <{pki.email('nurse')}>",
    )


def _banner_for(qtbot, area: MailArea, message_id: int) -> str:
    area.open_message(message_id)
    qtbot.waitUntil(
        lambda: area.reader.current is not None and area.reader.current.message_id == message_id
    )
    banner = area.reader.smime_banner
    assert banner.isVisibleTo(area.reader)
    return banner.label.text()


def test_reader_banner_for_each_outcome(
    qtbot, mail_french, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    account = _as_nurse(mailbox, pki)
    nurse_cert = pki["nurse"].certificate
    valid = sign_and_encrypt_message(_from(pki, "gp", "valide"), pki["gp"], [nurse_cert])
    tampered = sign_message(_from(pki, "gp", "modifié"), pki["gp"]).replace(b"fibrine", b"fibrose")
    untrusted = sign_message(_from(pki, "unknown_ca", "inconnu"), pki["unknown_ca"])
    expired = sign_message(_from(pki, "expired", "expiré"), pki["expired"])
    no_key = encrypt_message(_from(pki, "gp", "pas pour moi"), [pki["dermatologist"].certificate])
    ids = _receive(mailbox, account, [valid, tampered, untrusted, expired, no_key])

    text = _banner_for(qtbot, area, ids[0])
    assert text.startswith("Signé par Dr Paul Généraliste")
    assert "signature valide" in text and "chiffré de bout en bout" in text
    assert area.reader.body.toPlainText().strip() == SECRET
    assert area.reader.smime_banner.status is not None
    assert not area.reader.smime_banner.original_button.isVisibleTo(area.reader)

    assert "Signature invalide" in _banner_for(qtbot, area, ids[1])
    assert "contenu a été modifié" in _banner_for(qtbot, area, ids[1])
    assert "Signataire non approuvé" in _banner_for(qtbot, area, ids[2])
    assert "a expiré" in _banner_for(qtbot, area, ids[3])

    text = _banner_for(qtbot, area, ids[4])
    assert "Impossible de déchiffrer" in text and "aucune clé correspondante" in text
    assert "message d'origine reste disponible" in text
    button = area.reader.smime_banner.original_button
    assert button.isVisibleTo(area.reader)
    button.click()
    assert area.reader.pages.currentWidget() is area.reader.source
    assert "application/pkcs7-mime" in area.reader.source.toPlainText()


def test_plain_message_shows_no_banner(
    qtbot, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    [message_id] = _receive(mailbox, mailbox.account, [mime("Bonjour", "texte", to=ME)])
    area.open_message(message_id)
    qtbot.waitUntil(lambda: area.reader.current is not None)
    assert not area.reader.smime_banner.isVisibleTo(area.reader)


def test_reply_to_an_encrypted_message_quotes_the_decrypted_text(
    qtbot, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    account = _as_nurse(mailbox, pki)
    area.accounts = [account]
    raw = sign_and_encrypt_message(
        _from(pki, "gp", "à répondre"), pki["gp"], [pki["nurse"].certificate]
    )
    [message_id] = _receive(mailbox, account, [raw])
    area.list_model.set_folder(mailbox.inbox.id)
    area.list_view.selectRow(0)
    qtbot.waitUntil(lambda: area.reader.current is not None)
    composer = area.reply(reply_all=False)
    assert composer is not None
    qtbot.addWidget(composer)
    assert "fibrine 40 %" in composer.body_edit.toPlainText()
    assert message_id == area.current_message_id()


# -- certificates view --------------------------------------------------------------------------
def _p12(pki: TestPki, role: str, passphrase: bytes) -> bytes:
    identity = pki[role]
    return pkcs12.serialize_key_and_certificates(
        b"test",
        identity.private_key,
        identity.certificate,
        list(identity.chain),
        BestAvailableEncryption(passphrase),
    )


def test_certificates_view_imports_identity_and_explains_a_wrong_password(
    qtbot, french, temp_store: Store, pki: TestPki, tmp_path: Path
) -> None:
    path = tmp_path / "claire.p12"
    path.write_bytes(_p12(pki, "nurse", b"bon-mot-de-passe"))
    view = CertificatesView(lambda: temp_store)
    qtbot.addWidget(view)

    assert not view.import_identity_file(path, "mauvais")
    assert "Mot de passe incorrect" in view.status.text()
    assert view.identities.rowCount() == 0

    assert view.import_identity_file(path, "bon-mot-de-passe")
    assert view.identities.rowCount() == 1
    assert view.identities.item(0, 1).text() == pki.email("nurse")
    assert "importé" in view.status.text()
    [stored] = CertificateRepository(temp_store).identities()
    assert stored.fingerprint == pki["nurse"].fingerprint
    # Nothing but the original .p12 was written next to it.
    assert [p.name for p in tmp_path.iterdir() if p.name != "store"] == ["claire.p12"]


def test_certificates_view_imports_correspondents_and_warns_before_expiry(
    qtbot, french, temp_store: Store, pki: TestPki, tmp_path: Path
) -> None:
    view = CertificatesView(lambda: temp_store)
    qtbot.addWidget(view)
    assert view.import_certificate_file(pki.path("gp.cert.pem")) == 1
    assert view.correspondents.item(0, 1).text() == pki.email("gp")
    assert view.correspondents.item(0, 3).text() == "importé"

    issuer = (pki.intermediate, _key("intermediate"))
    soon = make_user(
        "Dr Bientôt Expiré",
        "bientot.expire@test.mssante.fr",
        _key("soon"),
        issuer,
        not_after=NOW + 10 * DAY,
    )
    der = tmp_path / "bientot.der"
    der.write_bytes(soon.public_bytes(Encoding.DER))
    assert view.import_certificate_file(der) == 1
    assert view.expiry_label.isVisibleTo(view)
    assert "Dr Bientôt Expiré" in view.expiry_label.text()
    assert (NOW + 10 * DAY).astimezone().strftime("%d/%m/%Y") in view.expiry_label.text()
    assert "Dr Paul Généraliste" not in view.expiry_label.text()

    assert view.import_certificate_file(pki.path("root.pem")) == 0
    assert "autorités de certification" in view.status.text()
    garbage = tmp_path / "pas-un-certificat.pem"
    garbage.write_bytes(b"bonjour")
    assert view.import_certificate_file(garbage) == 0
    assert "ne contient pas de certificat" in view.status.text()
    fingerprints = {e.fingerprint for e in CertificateRepository(temp_store).entries()}
    assert len(fingerprints) == 2
    assert soon.fingerprint(hashes.SHA256()).hex().upper() in fingerprints


def test_message_opens_once_the_missing_key_is_imported(
    qtbot, mail_french, mailbox: Mailbox, area: MailArea, pki: TestPki
) -> None:
    account = _as_nurse(mailbox, pki)
    area.accounts = [account]
    old_key = sign_and_encrypt_message(
        _from(pki, "gp", "ancienne clé"), pki["gp"], [pki["dermatologist"].certificate]
    )
    [message_id] = _receive(mailbox, account, [old_key])
    assert "Impossible de déchiffrer" in _banner_for(qtbot, area, message_id)
    assert search(mailbox.store, "hydrocolloide") == []

    # The user imports the certificate the message was encrypted for, then opens it again.
    CertificateRepository(mailbox.store).add_identity(pki["dermatologist"])
    text = _banner_for(qtbot, area, message_id)
    assert text.startswith("Signé par Dr Paul Généraliste") and "signature valide" in text
    assert area.reader.body.toPlainText().strip() == SECRET
    record = mailbox.repo.smime_record(message_id)
    assert record is not None and record.status == "signed_valid"
    assert [hit.row.id for hit in search(mailbox.store, "hydrocolloide")] == [message_id]
    assert mailbox.repo.raw(message_id) == old_key
