"""The app as started: mail and directory mounted over the embedded sandbox, and linked."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mssclient.directory import call_log
from mssclient.directory.annuaire_sante import API_KEY_SECRET, AnnuaireSanteClient
from mssclient.directory.hours import system_clock
from mssclient.gui.app_settings import AppSettings
from mssclient.gui.areas import FeatureAreas, choose_and_import, install_feature_areas
from mssclient.gui.directory.annuaire_view import AnnuaireView
from mssclient.gui.embedded_sandbox import SANDBOX_ENV, sandbox_wanted, start_embedded_sandbox
from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.main_window import MainWindow
from mssclient.profile import Profile
from mssclient.sandbox import DEFAULT_IMAP_PORT, Sandbox
from mssclient.sandbox.attached import AttachedSandbox
from mssclient.security import keyring_access
from mssclient.security.tls import TrustAnchors
from mssclient.transport.accounts import (
    Account,
    Security,
    ServerSettings,
    load_accounts,
    save_account,
)
from tests.keyring_memory import MemoryKeyring
from tests.unit.directory.extraction_factory import many_rows, row, text_bytes, write_zip

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    started = start_embedded_sandbox(tmp_path)
    assert started is not None, "the embedded sandbox did not start"
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def areas(
    window: MainWindow, profile: Profile, app_settings: AppSettings, sandbox: Sandbox
) -> Iterator[FeatureAreas]:
    mounted = install_feature_areas(
        window, profile, app_settings, sandbox=sandbox, poll_seconds=3600
    )
    try:
        yield mounted
    finally:
        mounted.mail.shutdown()
        mounted.directory.wait_for_refresh()
        wait_for_operations(10_000)
        for composer in list(mounted.mail.composers):
            composer.reject()


def test_sandbox_is_wanted_only_without_a_real_account(profile: Profile, monkeypatch) -> None:
    assert sandbox_wanted(profile.store)
    monkeypatch.setenv(SANDBOX_ENV, "0")
    assert not sandbox_wanted(profile.store)
    monkeypatch.delenv(SANDBOX_ENV)
    save_account(
        profile.store,
        Account(
            address="claire.martin@ch-exemple.mssante.fr",
            login="claire.martin",
            display_name="Claire Martin",
            imap=ServerSettings("imap.ch-exemple.fr", 993, Security.TLS),
            smtp=ServerSettings("smtp.ch-exemple.fr", 465, Security.TLS),
            trust_anchors=TrustAnchors.SYSTEM,
        ),
    )
    assert not sandbox_wanted(profile.store)


def test_a_second_app_shares_the_running_sandbox(sandbox: Sandbox, tmp_path: Path) -> None:
    assert sandbox.imap_port == DEFAULT_IMAP_PORT, "the usual sandbox port was taken"
    shared = start_embedded_sandbox(tmp_path)  # the same data folder as ``sandbox``
    assert isinstance(shared, AttachedSandbox)
    assert (shared.imap_port, shared.smtp_port) == (sandbox.imap_port, sandbox.smtp_port)
    assert shared.directory_url == sandbox.directory_url
    assert shared.ca_path == sandbox.ca_path


def test_a_sandbox_of_other_data_starts_on_free_ports(sandbox: Sandbox, tmp_path: Path) -> None:
    # Its CA differs, so the running one (on the usual ports) is not taken for it.
    second = start_embedded_sandbox(tmp_path / "other")
    assert isinstance(second, Sandbox)
    try:
        assert second.imap_port != sandbox.imap_port
        socket.create_connection((second.host, second.imap_port), timeout=5).close()
    finally:
        second.stop()


def test_areas_mounted_over_the_sandbox(
    qtbot, window: MainWindow, profile: Profile, sandbox: Sandbox, areas: FeatureAreas
) -> None:
    assert isinstance(window.area_widget("mail"), MailArea)
    assert isinstance(window.area_widget("directory"), AnnuaireView)
    assert {a.address for a in load_accounts(profile.store)} == {
        d.address for d in sandbox.accounts
    }
    # The directory came from the sandbox's HTTPS server, not from a file.
    assert areas.directory.url == sandbox.directory_url
    qtbot.waitUntil(lambda: areas.directory.results.count() >= 15, timeout=30_000)
    assert "Dernière mise à jour" in areas.directory.updated_label.text()
    qtbot.waitUntil(lambda: areas.mail.list_model.rowCount() > 0, timeout=60_000)


def test_write_opens_the_composer_to_the_department(
    qtbot, window: MainWindow, areas: FeatureAreas
) -> None:
    areas.directory.write_requested.emit("dermatologie@ch-exemple.mssante.fr")
    composer = areas.mail.composers[-1]
    assert isinstance(composer, ComposerDialog)
    assert composer.to_edit.text() == "dermatologie@ch-exemple.mssante.fr"
    assert window.current_area() == "mail"


def test_phone_advice_confirmed_in_writing_is_marked_sent(
    qtbot, window: MainWindow, profile: Profile, areas: FeatureAreas
) -> None:
    directory = areas.directory
    qtbot.waitUntil(lambda: directory.results.count() >= 15, timeout=30_000)
    hospital = directory.hospital
    assert hospital is not None
    specialty = hospital.specialty(directory.visible_specialty_ids()[0])
    assert specialty is not None
    call_id = call_log.start_call(profile.store, specialty, "tel:+33321000000", system_clock())
    call_log.add_note(profile.store, call_id, "Avis : pansement hydrocolloïde.", system_clock())
    with qtbot.waitSignal(directory.confirmation_draft_ready):
        directory._confirm_note(call_id)
    composer = areas.mail.composers[-1]
    assert "pansement hydrocolloïde" in composer.body_edit.toPlainText()
    assert composer.subject_edit.text().startswith("Confirmation d'avis téléphonique")
    if not composer.to_edit.text():
        composer.to_edit.setText("dermatologie@sandbox.mssante.fr")
    with qtbot.waitSignal(composer.accepted, timeout=30_000):  # queued in the outbox
        composer.request_send()
    record = call_log.get_call(profile.store, call_id)
    assert record is not None and record.note_sent


def test_national_import_from_the_file_menu(
    qtbot, window: MainWindow, profile: Profile, areas: FeatureAreas, tmp_path: Path
) -> None:
    assert areas.import_action in window.file_menu.actions()
    assert areas.import_action.text() == "Importer l'annuaire national MSSanté…"
    path = write_zip(tmp_path / "extraction.zip", text_bytes(many_rows(120)))
    dialog = choose_and_import(window, profile, path)
    assert dialog is not None
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000) as done:
        pass
    assert done.args[0] is not None and done.args[0].imported == 120
    dialog.wait()
    assert profile.store.scalar("SELECT count(*) FROM national_entries") == 120
    dialog.close()
    QApplication.processEvents()


def test_composer_suggests_the_hospital_mailbox_first(
    qtbot, window: MainWindow, profile: Profile, areas: FeatureAreas, tmp_path: Path
) -> None:
    qtbot.waitUntil(lambda: areas.directory.hospital is not None, timeout=30_000)
    domain = areas.directory.hospital.organization_mailbox_domain  # type: ignore[union-attr]
    assert areas.mail.hospital_domain == domain == "ch-exemple.sandbox.mssante.fr"
    rows = [
        row(mailbox="derm.cabinet@medecin.mssante.fr", last="DERMOT", skill="Dermatologie"),
        row(
            "ORG",
            f"dermatologie@{domain}",
            first="",
            last="",
            organisation="CH Exemple",
            service="Dermatologie",
            profession="",
            skill="",
        ),
    ]
    path = write_zip(tmp_path / "extraction.zip", text_bytes(rows))
    dialog = choose_and_import(window, profile, path)
    assert dialog is not None
    with qtbot.waitSignal(dialog.import_finished, timeout=30_000):
        pass
    dialog.wait()
    dialog.close()

    areas.directory.write_requested.emit("jean.dupont@medecin.mssante.fr")
    composer = areas.mail.composers[-1]
    completer = composer.recipient_completers[0]
    composer.to_edit.setFocus()
    composer.to_edit.end(False)
    qtbot.keyClicks(composer.to_edit, ", derm")
    labels = [completer.model.item(i).text() for i in range(completer.model.rowCount())]
    assert len(labels) == 2
    assert labels[0].endswith(f"<dermatologie@{domain}>")  # the hospital's own mailbox first
    assert "DERMOT" in labels[1]
    completer.choose_row(0)
    assert composer.to_edit.text().endswith(", ")  # ready for the next address
    addresses = [a.strip() for a in composer.to_edit.text().split(",") if a.strip()]
    assert addresses[0] == "jean.dupont@medecin.mssante.fr"
    assert addresses[1].endswith(f"<dermatologie@{domain}>")


def test_directory_teleexpertise_button_opens_the_wizard_preset(
    qtbot, window: MainWindow, areas: FeatureAreas
) -> None:
    directory = areas.directory
    qtbot.waitUntil(lambda: directory.hospital is not None, timeout=30_000)
    assert window.area_widget("teleexpertise") is areas.teleexpertise
    directory.search_edit.setText("dermatologie")
    qtbot.waitUntil(lambda: directory.results.count() >= 1, timeout=10_000)
    directory.results.setCurrentRow(0)
    button = directory.card.teleexpertise_button
    assert button.isEnabled()
    button.click()
    wizard = areas.teleexpertise.wizard
    assert wizard is not None and wizard.isVisible()
    assert window.current_area() == "teleexpertise"
    choice = wizard.specialty_page.current()
    assert choice is not None and choice.specialty.id == "dermatologie"
    assert choice.specialty.mailbox == "dermatologie@ch-exemple.sandbox.mssante.fr"
    wizard.close()


def test_live_directory_lookup_follows_the_settings(
    areas: FeatureAreas, app_settings: AppSettings, memory_keyring: MemoryKeyring
) -> None:
    mail = areas.mail
    assert mail.live_client_factory is not None
    assert mail.live_client_factory() is None, "off unless the settings turn it on"
    assert mail.live_recipient_job("durand") is None
    app_settings.annuaire_sante_live = True
    assert mail.live_client_factory() is None, "no API key in the keyring yet"
    keyring_access.set_secret(API_KEY_SECRET, "cle-de-test")
    assert isinstance(mail.live_client_factory(), AnnuaireSanteClient)
    assert mail.live_recipient_job("durand") is not None
    app_settings.annuaire_sante_live = False  # turned off: applies at the next keystroke
    assert mail.live_client_factory() is None
