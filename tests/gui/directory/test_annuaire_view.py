"""The Annuaire view: search as you type, filters at a fixed clock, the call button, refresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QTranslator, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mssclient.directory import call_log
from mssclient.directory.hours import PARIS
from mssclient.directory.refresh import Outcome, import_local_file
from mssclient.gui.directory import AnnuaireView
from mssclient.paths import resources_dir
from mssclient.store import Store
from tests.integration.directory.https_server import Reply, TestHttpsServer

DEMO = (resources_dir() / "demo" / "hospital-directory.fhir.json").read_bytes()
URL = "https://127.0.0.1:9/directory/hospital.json"
MONDAY_10H = datetime(2026, 11, 23, 10, 0, tzinfo=PARIS)
MONDAY_NIGHT = datetime(2026, 11, 23, 23, 30, tzinfo=PARIS)


class TelHandler(QObject):
    """Receives tel: links instead of the desktop (QDesktopServices.setUrlHandler)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def directory_french(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("mssclient_fr", str(resources_dir() / "translations"))
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def clock() -> dict[str, datetime]:
    return {"now": MONDAY_10H}


def make_view(
    qtbot: QtBot, store: Store, clock: dict[str, datetime], **settings: Any
) -> AnnuaireView:
    values: dict[str, Any] = {"hospital_directory_url": URL, "clock": lambda: clock["now"]}
    values.update(settings)
    view = AnnuaireView(lambda: store, values)
    qtbot.addWidget(view)
    return view


@pytest.fixture
def view(
    qtbot: QtBot, temp_store: Store, clock: dict[str, datetime], directory_french: None
) -> AnnuaireView:
    import_local_file(temp_store, URL, DEMO, MONDAY_10H)
    return make_view(qtbot, temp_store, clock)


def test_search_as_you_type(view: AnnuaireView, qtbot: QtBot) -> None:
    assert len(view.visible_specialty_ids()) == 21
    qtbot.keyClicks(view.search_edit, "escarre")
    assert set(view.visible_specialty_ids()) == {
        "dermatologie",
        "plaies-cicatrisation",
        "geriatrie",
    }
    assert view.results.count() == 3
    view.search_edit.setText("AVC")
    assert view.visible_specialty_ids() == ["neurologie"]
    assert view.card.title.text() == "Neurologie"
    assert view.card.dial.text() == "Composez le 03 21 00 00 00 puis tapez 5"
    view.search_edit.setText("Gériatrie")
    assert view.visible_specialty_ids() == ["geriatrie"]
    view.search_edit.setText("xyzzy")
    assert view.results.count() == 0
    assert view.empty_label.text() == "Aucune spécialité ne correspond à cette recherche."
    assert view.card.specialty_id == ""


def test_open_now_with_a_fixed_clock(view: AnnuaireView, clock: dict[str, datetime]) -> None:
    view.open_now.setChecked(True)
    assert "dermatologie" in view.visible_specialty_ids()
    clock["now"] = MONDAY_NIGHT
    view.update_results()
    assert set(view.visible_specialty_ids()) == {
        "cardiologie",
        "neurologie",
        "pediatrie",
        "gyneco-obstetrique",
        "chirurgie-orthopedique",
    }
    view.open_now.setChecked(False)
    view.search_edit.setText("dermato")
    assert "Fermé à cette heure" in view.card.status.text()
    clock["now"] = datetime(2026, 4, 6, 10, 0, tzinfo=PARIS)  # Easter Monday
    view.update_results()
    assert "Lundi de Pâques" in view.card.status.text()


def test_on_call_filter_and_card(view: AnnuaireView) -> None:
    view.search_edit.setText("dermatologie")
    assert view.card._labels["oncall"].text().startswith("Dr ")
    view.on_call.setChecked(True)
    assert "dermatologie" in view.visible_specialty_ids()


def test_favorites(view: AnnuaireView, temp_store: Store) -> None:
    view.search_edit.setText("pneumo")
    view.card.favorite_button.click()
    assert view.card.favorite_button.text() == "★ Favori"
    view.search_edit.clear()
    view.favorites_only.setChecked(True)
    assert view.visible_specialty_ids() == ["pneumologie"]
    assert temp_store.scalar("SELECT specialty_id FROM dir_favorites") == "pneumologie"


def test_call_button_opens_the_tel_uri_and_logs_the_call(
    view: AnnuaireView, qtbot: QtBot, temp_store: Store
) -> None:
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "handle")
    try:
        view.search_edit.setText("dermato")
        with qtbot.waitSignal(view.call_started) as started:
            qtbot.mouseClick(view.card.call_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert handler.opened == ["tel:+33321000000"]
    assert started.args == ["tel:+33321000000"]
    assert QGuiApplication.clipboard().text() == "03 21 00 00 00"
    assert "tapez 4" in view.message.text()
    calls = call_log.recent_calls(temp_store)
    assert [(c.specialty_id, c.dialled) for c in calls] == [("dermatologie", "tel:+33321000000")]
    # The panel offers to note the advice of that call.
    assert view.call_log.current_call_id() == calls[0].id
    assert view.call_log.prompt.text() == "Appel à Dermatologie\u00a0: notez l'avis reçu."


def test_nurses_line_dials_its_own_number(view: AnnuaireView) -> None:
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "handle")
    try:
        view.search_edit.setText("ligne infirmiere")
        view.card.call_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert handler.opened == ["tel:+33321000010"]


def test_note_and_confirmation_draft(view: AnnuaireView, qtbot: QtBot, temp_store: Store) -> None:
    handler = TelHandler()
    QDesktopServices.setUrlHandler("tel", handler, "handle")
    try:
        view.search_edit.setText("dermato")
        view.card.call_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("tel")
    assert not view.call_log.confirm_button.isEnabled()
    assert "prochaine version" in view.call_log.confirm_button.toolTip()
    view.call_log.patient.setText("MARTIN Paul 12/03/1948")
    view.call_log.note.setPlainText("Hydrocolloïde, revoir à J7.")
    view.call_log.save_button.click()
    record = call_log.recent_calls(temp_store)[0]
    assert (
        record.note == "Hydrocolloïde, revoir à J7."
        and record.patient_ref == "MARTIN Paul 12/03/1948"
    )
    view.set_features(mail=True, teleexpertise=False)
    assert view.call_log.confirm_button.isEnabled()
    with qtbot.waitSignal(view.confirmation_draft_ready) as ready:
        view.call_log.confirm_button.click()
    draft = ready.args[0]
    assert draft["to"] == ["dermatologie@ch-exemple.sandbox.mssante.fr"]
    assert "Hydrocolloïde" in draft["body"] and "MARTIN Paul" in draft["body"]


def test_write_and_teleexpertise_wait_for_their_features(view: AnnuaireView, qtbot: QtBot) -> None:
    view.search_edit.setText("dermato")
    card = view.card
    assert not card.write_button.isEnabled() and not card.teleexpertise_button.isEnabled()
    assert (
        card.write_button.toolTip()
        == "La messagerie sécurisée sera disponible dans une prochaine version"
    )
    assert "télé-expertise" in card.teleexpertise_button.toolTip()
    view.set_features(mail=True, teleexpertise=True)
    with qtbot.waitSignal(view.write_requested) as written:
        card.write_button.click()
    assert written.args == ["dermatologie@ch-exemple.sandbox.mssante.fr"]
    with qtbot.waitSignal(view.teleexpertise_requested) as asked:
        card.teleexpertise_button.click()
    assert asked.args == ["dermatologie"]


def test_clear_sensitive_empties_the_call_log(view: AnnuaireView, temp_store: Store) -> None:
    derm = view._directory.specialty("dermatologie")  # type: ignore[union-attr]
    assert derm is not None
    call_log.start_call(temp_store, derm, "tel:+33321000000", MONDAY_10H, patient_ref="DUPONT")
    view.reload()
    assert view.call_log.calls.count() == 1
    view.clear_sensitive()
    assert view.call_log.calls.count() == 0
    assert view.call_log.patient.text() == "" and view.call_log.note.toPlainText() == ""
    view.restore_sensitive()
    assert "DUPONT" in view.call_log.calls.item(0).text()


def test_empty_store_invites_a_refresh(
    qtbot: QtBot, temp_store: Store, clock: dict[str, datetime], directory_french: None
) -> None:
    view = make_view(qtbot, temp_store, clock, hospital_directory_url="")
    assert view.results.count() == 0
    assert "Actualiser" in view.empty_label.text()
    assert view.updated_label.text() == "Dernière mise à jour\u00a0: jamais"
    assert not view.refresh_button.isEnabled()


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[TestHttpsServer]:
    server = TestHttpsServer(tmp_path).start()
    try:
        yield server
    finally:
        server.stop()


def test_refresh_runs_off_the_gui_thread(
    qtbot: QtBot,
    temp_store: Store,
    clock: dict[str, datetime],
    https_server: TestHttpsServer,
    directory_french: None,
) -> None:
    https_server.respond = lambda r: Reply(200, DEMO, {"ETag": '"v1"'}, stall=0.3)
    view = make_view(
        qtbot,
        temp_store,
        clock,
        hospital_directory_url=https_server.url("/directory/hospital.json"),
        hospital_directory_ca_file=str(https_server.ca_file),
    )
    assert view.results.count() == 0
    with qtbot.waitSignal(view.refresh_finished, timeout=10_000) as finished:
        view.refresh()
        # refresh() returned at once: the GUI is free while the server stalls.
        assert not view.refresh_button.isEnabled()
        assert view.updated_label.text() == "Actualisation…"
    assert finished.args[0].outcome is Outcome.UPDATED
    assert view.results.count() == 21
    assert view.updated_label.text() == "Dernière mise à jour\u00a0: 23/11/2026 10:00"
    assert view.refresh_button.isEnabled()
    # A failing refresh keeps the list and says so.
    https_server.respond = lambda r: Reply(500)
    with qtbot.waitSignal(view.refresh_finished, timeout=30_000) as failed:
        view.refresh()
    assert failed.args[0].outcome is Outcome.FAILED
    assert view.results.count() == 21
    assert "reste affichée" in view.message.text()
    assert "échec de la dernière actualisation" in view.updated_label.text()
    assert view.wait_for_refresh()
