"""Drafts another client left in the server's Drafts folder open in the composer here
("Modifier le brouillon"), and the local draft made from one takes over its server copy.
No server: what the worker is asked to do is read from the store's queues."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.drafts_store import DraftStore
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mail import Address, Attachment, Draft, build_message, message_bytes
from mssclient.mailstore import FolderRecord, SmimeRecord
from mssclient.mailstore.drafts import DraftStore as StoredDrafts
from mssclient.mailstore.drafts import ServerDraftCopy
from mssclient.security.smime import SmimeStatus
from mssclient.transport.outbox import Outbox
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import ME, make_account, mime, store_raw

GP = "dr.paul.bernard@medecins.test.mssante.fr"
SECRETARY = "secretariat@ch-exemple.test.mssante.fr"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 16
SCREENSHOT = Path("/tmp/foreign_draft.png")  # the path asked for, to look at


def _b64(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


# A reply draft as Thunderbird leaves it in the Drafts folder (HTML and text, a PDF).
FOREIGN = (
    b"From: Claire Martin <" + ME.encode() + b">\r\n"
    b"X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=1; DSN=0; uuencode=0\r\n"
    b"Message-ID: <tb-draft-1@infirmiers.test.mssante.fr>\r\n"
    b"Date: Mon, 2 Nov 2026 09:30:00 +0100\r\n"
    b"MIME-Version: 1.0\r\n"
    b'To: "Bernard, Paul (Dr)" <' + GP.encode() + b">\r\n"
    b"Cc: " + SECRETARY.encode() + b"\r\n"
    b"Bcc: archives@infirmiers.test.mssante.fr\r\n"
    b"Subject: =?UTF-8?Q?Re=3A_Suivi_de_Mme_H=C3=A9l=C3=A8ne_Dupont?=\r\n"
    b"In-Reply-To: <root-1@medecins.test.mssante.fr>\r\n"
    b"References: <root-1@medecins.test.mssante.fr>\r\n"
    b"Disposition-Notification-To: Claire Martin <" + ME.encode() + b">\r\n"
    b'Content-Type: multipart/mixed; boundary="mixed"\r\n'
    b"\r\n"
    b"--mixed\r\n"
    b'Content-Type: multipart/alternative; boundary="alt"\r\n'
    b"\r\n"
    b"--alt\r\n"
    b"Content-Type: text/plain; charset=UTF-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"Bonjour Docteur,\r\n\r\nLa plaie \xc3\xa9volue bien, pansement \xc3\xa0 J+2.\r\n"
    b"--alt\r\n"
    b"Content-Type: text/html; charset=UTF-8\r\n"
    b"\r\n"
    b"<p>Bonjour Docteur,</p><p>La plaie <b>\xc3\xa9volue bien</b>.</p>\r\n"
    b"--alt--\r\n"
    b"--mixed\r\n"
    b'Content-Type: application/pdf; name="bilan.pdf"\r\n'
    b'Content-Disposition: attachment; filename="bilan.pdf"\r\n'
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n" + _b64(PDF) + b"\r\n--mixed--\r\n"
)

BROKEN = (
    b"From: " + ME.encode() + b"\r\nSubject: Brouillon tronqu\xc3\xa9\r\n"
    b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
    b"Content-Type: text/plain; charset=utf-8\r\n\r\nD\xc3\xa9but du texte\r\n"
)

ENCRYPTED = (
    b"From: " + ME.encode() + b"\r\nSubject: Brouillon chiffre\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name="smime.p7m"\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\r\n"
)


@dataclass
class Drafts:
    qtbot: object
    mailbox: Mailbox
    area: MailArea
    folder: FolderRecord

    def store(self, *raws: bytes, first_uid: int = 7) -> list[int]:
        ids = store_raw(self.mailbox.repo, self.folder.id, list(raws), first_uid=first_uid)
        self.area.folder_tree.select_folder(self.folder.id)
        self.area.show_folder(self.folder.id)
        return ids

    def select(self, message_id: int) -> None:
        self.area.list_view.selectRow(self.area.list_model.row_of(message_id))
        reader = self.area.reader
        self.qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: reader.current is not None and reader.current.message_id == message_id,
            timeout=10_000,
        )

    def copy(self, uid: int = 7) -> ServerDraftCopy:
        assert self.mailbox.account.id is not None
        return ServerDraftCopy(self.mailbox.account.id, "Drafts", 1, uid)

    def removals(self) -> list[tuple[str, int | None, int]]:
        assert self.mailbox.account.id is not None
        pending = StoredDrafts(self.mailbox.store).pending_removals(self.mailbox.account.id)
        return [(r.folder, r.uidvalidity, r.uid) for r in pending]


@pytest.fixture
def drafts(qtbot, mailbox: Mailbox, mail_french: None) -> Iterator[Drafts]:
    """A mail area without workers, built once French is installed, and a Drafts folder."""
    assert mailbox.account.id is not None
    folder = mailbox.repo.upsert_folder(mailbox.account.id, "Drafts", role="drafts")
    area = MailArea(lambda: mailbox.store, None)
    qtbot.addWidget(area)
    area.resize(1100, 700)
    area.show()
    area.restore_sensitive()
    try:
        yield Drafts(qtbot, mailbox, area, folder)
    finally:
        for composer in list(area.composers):
            composer.reject()
        area.shutdown()
        wait_for_operations()


def _edit(qtbot, drafts: Drafts, message_id: int) -> ComposerDialog:
    drafts.select(message_id)
    reader = drafts.area.reader
    assert reader.draft_banner.isVisibleTo(reader)
    assert reader.edit_draft_button.text() == "Modifier le brouillon"
    before = len(drafts.area.composers)
    reader.edit_draft_button.click()
    qtbot.waitUntil(lambda: len(drafts.area.composers) == before + 1, timeout=10_000)
    return drafts.area.composers[-1]


def test_a_foreign_draft_opens_prefilled_in_the_composer(qtbot, drafts: Drafts):
    [message_id] = drafts.store(FOREIGN)
    composer = _edit(qtbot, drafts, message_id)
    assert composer.current_account() == drafts.mailbox.account
    assert composer.to_edit.text() == f'"Bernard, Paul (Dr)" <{GP}>'
    assert composer.cc_edit.text() == SECRETARY
    assert composer.bcc_edit.text() == "archives@infirmiers.test.mssante.fr"
    assert composer.subject_edit.text() == "Re: Suivi de Mme Hélène Dupont"
    assert composer.body_edit.toPlainText() == (
        "Bonjour Docteur,\n\nLa plaie évolue bien, pansement à J+2."
    )
    assert composer.read_receipt.isChecked()
    draft = composer.draft()
    assert [a.addr for a in draft.to] == [GP] and draft.to[0].name == "Bernard, Paul (Dr)"
    assert draft.attachments == [Attachment("bilan.pdf", "application/pdf", PDF)]
    assert draft.in_reply_to == "<root-1@medecins.test.mssante.fr>", "a reply stays a reply"
    assert draft.references == ["<root-1@medecins.test.mssante.fr>"]
    assert composer.server_origin == drafts.copy()
    assert composer.draft_id is None, "nothing is stored before the first save"
    notice = composer.notice_label.text()
    assert composer.notice_label.isVisibleTo(composer)
    assert "dossier Brouillons du serveur" in notice and "mise en forme" in notice

    composer.resize(760, 600)
    composer.show()
    qtbot.waitExposed(composer)
    assert composer.grab().save(str(SCREENSHOT))


def test_saving_adopts_the_server_copy_so_the_upload_replaces_it(qtbot, drafts: Drafts):
    [message_id] = drafts.store(FOREIGN)
    composer = _edit(qtbot, drafts, message_id)
    composer.body_edit.setPlainText("Texte modifié ici.")
    composer.save_button.click()
    qtbot.waitUntil(lambda: not drafts.area.drafts.building, timeout=10_000)
    saved = DraftStore(drafts.mailbox.store).load(composer.draft_id or 0)
    assert saved is not None
    assert (saved.server_folder, saved.server_uidvalidity, saved.server_uid) == ("Drafts", 1, 7)
    assert not saved.on_server, "this version still has to go up"
    assert saved.raw is not None and "Texte modifié ici.".encode() in saved.raw.replace(
        b"=C3=A9", "é".encode()
    )
    assert b"bilan.pdf" in saved.raw, "the attachment goes up with it"
    account_id = drafts.mailbox.account.id
    assert account_id is not None
    stored = StoredDrafts(drafts.mailbox.store)
    assert [d.id for d in stored.needing_upload(account_id)] == [saved.id]
    assert drafts.removals() == [], "the old copy goes only once the new one is up"
    # Uploaded: the adopted copy is queued for removal, as for a draft written here.
    stored.record_server_copy(saved.id, account_id, "Drafts", 8, uidvalidity=1)
    assert drafts.removals() == [("Drafts", 1, 7)]
    composer.reject()

    # The new copy, once synced, opens the local draft again (attachment included).
    [new_copy] = store_raw(drafts.mailbox.repo, drafts.folder.id, [saved.raw], first_uid=8)
    drafts.area.show_folder(drafts.folder.id)
    again = _edit(qtbot, drafts, new_copy)
    assert again.draft_id == saved.id and again.server_origin is None
    assert again.body_edit.toPlainText() == "Texte modifié ici."
    assert [a.filename for a in again.draft().attachments] == ["bilan.pdf"]
    assert again.draft().attachments[0].data == PDF


def test_sending_it_unsaved_removes_the_server_copy(qtbot, drafts: Drafts):
    [message_id] = drafts.store(FOREIGN)
    composer = _edit(qtbot, drafts, message_id)
    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()
    assert drafts.removals() == [("Drafts", 1, 7)]
    assert DraftStore(drafts.mailbox.store).list() == []
    assert len(Outbox(drafts.mailbox.store).items()) == 1


def test_sending_it_after_saving_removes_the_adopted_copy(qtbot, drafts: Drafts):
    [message_id] = drafts.store(FOREIGN)
    composer = _edit(qtbot, drafts, message_id)
    composer.save_button.click()
    with qtbot.waitSignal(composer.finished, timeout=10_000):
        composer.send_button.click()
    wait_for_operations()
    assert drafts.removals() == [("Drafts", 1, 7)]
    assert DraftStore(drafts.mailbox.store).list() == []


def test_discarding_removes_it_and_cancelling_keeps_it(qtbot, drafts: Drafts):
    first, second = drafts.store(FOREIGN, FOREIGN.replace(b"tb-draft-1", b"tb-draft-2"))
    kept = _edit(qtbot, drafts, first)
    kept.cancel_button.click()
    assert drafts.removals() == [] and DraftStore(drafts.mailbox.store).list() == []
    discarded = _edit(qtbot, drafts, second)
    uid = drafts.mailbox.repo.message(second).uid
    discarded.discard_button.click()
    assert drafts.removals() == [("Drafts", 1, uid)]
    assert DraftStore(drafts.mailbox.store).list() == []


def test_opening_it_twice_shows_the_same_composer(qtbot, drafts: Drafts):
    [message_id] = drafts.store(FOREIGN)
    composer = _edit(qtbot, drafts, message_id)
    drafts.area.edit_draft(message_id)
    wait_for_operations()
    qtbot.wait(20)
    assert drafts.area.composers == [composer]


def test_a_double_click_in_the_drafts_folder_opens_it(qtbot, drafts: Drafts):
    [message_id] = drafts.store(FOREIGN)
    drafts.select(message_id)
    index = drafts.area.list_model.index(drafts.area.list_model.row_of(message_id), 0)
    drafts.area.list_view.doubleClicked.emit(index)
    qtbot.waitUntil(lambda: len(drafts.area.composers) == 1, timeout=10_000)


def test_a_malformed_draft_is_refused_in_french_without_a_composer(qtbot, drafts: Drafts):
    [message_id] = drafts.store(BROKEN)
    statuses: list[str] = []
    drafts.area.status_changed.connect(statuses.append)
    drafts.select(message_id)
    reader = drafts.area.reader
    reader.edit_draft_button.click()
    qtbot.waitUntil(lambda: not reader.edit_draft_button.isEnabled(), timeout=10_000)
    assert drafts.area.composers == []
    assert "mal formé" in reader.draft_label.text()
    assert "inchangé dans le dossier Brouillons du serveur" in reader.draft_label.text()
    assert statuses and "mal formé" in statuses[-1]
    assert drafts.mailbox.repo.raw(message_id) == BROKEN, "the original stays as it was"
    assert drafts.removals() == [] and DraftStore(drafts.mailbox.store).list() == []


def test_an_encrypted_draft_is_refused_without_a_key(qtbot, drafts: Drafts):
    [message_id] = drafts.store(ENCRYPTED)
    drafts.mailbox.repo.save_smime(
        message_id, SmimeRecord(SmimeStatus.DECRYPT_NO_KEY.value, encrypted=True)
    )
    drafts.select(message_id)
    drafts.area.reader.edit_draft_button.click()
    reader = drafts.area.reader
    qtbot.waitUntil(lambda: not reader.edit_draft_button.isEnabled(), timeout=10_000)
    assert "chiffré" in reader.draft_label.text()
    assert drafts.area.composers == []


def _encrypted_draft_decrypted_at_sync(drafts: Drafts) -> int:
    """An encrypted draft in the Drafts folder, with the readable form the sync stored."""
    [message_id] = drafts.store(ENCRYPTED)
    readable = (
        b"From: " + ME.encode() + b"\r\nTo: " + GP.encode() + b"\r\nSubject: Brouillon chiffre"
        b"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nTexte d\xc3\xa9chiffr\xc3\xa9\r\n"
    )
    drafts.mailbox.repo.save_smime(
        message_id,
        SmimeRecord(SmimeStatus.DECRYPTED_UNSIGNED.value, encrypted=True, readable=readable),
    )
    return message_id


def test_an_encrypted_draft_decrypted_at_sync_opens_from_its_readable_form(qtbot, drafts: Drafts):
    message_id = _encrypted_draft_decrypted_at_sync(drafts)
    composer = _edit(qtbot, drafts, message_id)
    assert composer.body_edit.toPlainText() == "Texte déchiffré"
    assert composer.to_edit.text() == GP


def test_the_identity_follows_the_from_address(qtbot, drafts: Drafts):
    secretariat = "secretariat@infirmiers.test.mssante.fr"
    other = make_account(drafts.mailbox.store, secretariat, "Secrétariat")
    drafts.area.restore_sensitive()
    raw = mime(
        "Pour le secrétariat",
        "Texte",
        sender=f"Secrétariat <{secretariat}>",
        to=GP,
    )
    [message_id] = drafts.store(raw)
    composer = _edit(qtbot, drafts, message_id)
    assert composer.current_account() == other
    # Saved under that account: the copy in the first account's folder is removed.
    composer.save_button.click()
    wait_for_operations()
    assert drafts.removals() == [("Drafts", 1, 7)]
    saved = DraftStore(drafts.mailbox.store).load(composer.draft_id or 0)
    assert saved is not None and saved.account_id == other.id and saved.server_uid is None


def test_other_folders_offer_no_draft_editing(qtbot, drafts: Drafts):
    [message_id] = store_raw(drafts.mailbox.repo, drafts.mailbox.inbox.id, [mime("Reçu", "x")])
    drafts.area.show_folder(drafts.mailbox.inbox.id)
    drafts.select(message_id)
    assert not drafts.area.reader.draft_banner.isVisibleTo(drafts.area.reader)
    drafts.area.edit_draft(message_id)
    wait_for_operations()
    assert drafts.area.composers == []


def test_a_draft_written_here_reads_back_into_the_same_fields(qtbot, drafts: Drafts):
    """What the composer uploads, opened back as another client's copy, is what was typed."""
    written = Draft(
        identity=Address("Claire Martin", ME),
        to=[Address("Martin, Anne", "anne.martin@medecin.mssante.fr")],
        subject="Ordonnance",
        text="Ligne 1\nLigne 2\n",
        attachments=[Attachment("ordonnance.pdf", "application/pdf", PDF)],
    )
    [message_id] = drafts.store(message_bytes(build_message(written)))
    composer = _edit(qtbot, drafts, message_id)
    assert composer.draft().to == written.to
    assert composer.draft().attachments == written.attachments
    assert composer.body_edit.toPlainText() == "Ligne 1\nLigne 2"
    assert composer.windowTitle() == "Ordonnance"
    assert composer.notice_label.text() == "Brouillon repris du dossier Brouillons du serveur."
    assert composer.notice_label.alignment() & Qt.AlignmentFlag.AlignLeft


LOCAL_ONLY_NOTICE = (
    "Ce brouillon était chiffré\xa0: il est enregistré sur cet ordinateur seulement, pas sur le "
    "serveur."
)


def test_an_encrypted_draft_is_kept_here_and_never_uploaded_in_clear(qtbot, drafts: Drafts):
    """Saved, it stays on this computer: nothing to upload, its encrypted server copy left
    as it is (no removal queued) until the draft is sent, which then removes it."""
    message_id = _encrypted_draft_decrypted_at_sync(drafts)
    composer = _edit(qtbot, drafts, message_id)
    assert composer.local_only
    assert composer.notice_label.text() == (
        f"Brouillon repris du dossier Brouillons du serveur. {LOCAL_ONLY_NOTICE}"
    )

    composer.body_edit.setPlainText("Texte modifié ici, à garder pour moi.")
    composer.save_button.click()
    qtbot.waitUntil(lambda: not drafts.area.drafts.building, timeout=10_000)
    saved = DraftStore(drafts.mailbox.store).load(composer.draft_id or 0)
    assert saved is not None and saved.local_only and saved.raw is not None
    assert "Texte modifié ici".encode() in saved.raw.replace(b"=C3=A9", "é".encode())
    assert (saved.server_folder, saved.server_uidvalidity, saved.server_uid) == ("Drafts", 1, 7)
    account_id = drafts.mailbox.account.id
    assert account_id is not None
    assert StoredDrafts(drafts.mailbox.store).needing_upload(account_id) == []
    assert drafts.removals() == [], "the encrypted copy stays until the draft goes"
    # Saved again: still local only.
    composer.save_button.click()
    qtbot.waitUntil(lambda: not drafts.area.drafts.building, timeout=10_000)
    assert StoredDrafts(drafts.mailbox.store).needing_upload(account_id) == []
    composer.reject()

    # Opened again, from the drafts menu or from its old copy: the same local draft, said so.
    again = drafts.area.open_saved_draft(saved.id)
    assert again is not None and again.local_only
    assert again.notice_label.text() == LOCAL_ONLY_NOTICE
    assert again.body_edit.toPlainText() == "Texte modifié ici, à garder pour moi."
    drafts.area.edit_draft(message_id)  # the old copy leads to it too
    wait_for_operations()
    assert drafts.area.composers == [again]
    with qtbot.waitSignal(again.finished, timeout=10_000):
        again.send_button.click()
    wait_for_operations()
    assert drafts.removals() == [("Drafts", 1, 7)], "sent: its server copy goes"
    assert DraftStore(drafts.mailbox.store).list() == []


def test_an_encrypted_draft_discarded_unsaved_has_its_copy_removed(qtbot, drafts: Drafts):
    [message_id] = drafts.store(ENCRYPTED)
    readable = b"From: " + ME.encode() + b"\r\nSubject: x\r\n\r\nTexte\r\n"
    drafts.mailbox.repo.save_smime(
        message_id,
        SmimeRecord(SmimeStatus.DECRYPTED_UNSIGNED.value, encrypted=True, readable=readable),
    )
    composer = _edit(qtbot, drafts, message_id)
    assert composer.local_only
    composer.discard_button.click()
    assert drafts.removals() == [("Drafts", 1, 7)]
    assert DraftStore(drafts.mailbox.store).list() == []


def test_a_draft_refused_by_a_read_only_drafts_folder_says_why_when_reopened(qtbot, drafts: Drafts):
    account_id = drafts.mailbox.account.id
    assert account_id is not None
    stored = StoredDrafts(drafts.mailbox.store)
    draft_id = stored.save(account_id, {"subject": "Refusé", "body": "Texte"}, subject="Refusé")
    stored.keep_local(draft_id)  # what the upload does on NO [NOPERM]
    again = drafts.area.open_saved_draft(draft_id)
    assert again is not None and again.local_only
    assert again.notice_label.text() == (
        "Le dossier Brouillons du serveur est en lecture seule\xa0: ce brouillon est "
        "enregistré sur cet ordinateur seulement."
    )
    again.reject()
