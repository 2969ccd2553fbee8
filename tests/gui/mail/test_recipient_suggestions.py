"""Recipient suggestions in the composer: the local national directory on each keystroke,
then the live Annuaire Santé (a real HTTPS server on loopback answering as the FHIR API),
asked off the GUI thread and added to the list when it answers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.composer import ComposerDialog
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.mail.recipient_completer import RecipientCompleter
from mssclient.store import Store
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.live_directory import (
    API_KEY,
    HOSPITAL,
    LOCAL_DOCTOR,
    ORG_MAILBOX,
    REMOTE_DOCTOR,
    client_factory,
    fhir_bundle,
    import_directory,
)
from tests.integration.directory.https_server import Reply, TestHttpsServer


@pytest.fixture
def directory(mailbox: Mailbox, tmp_path: Path) -> Mailbox:
    """The test store with a national directory: a doctor and the hospital's own mailbox."""
    import_directory(mailbox.store, tmp_path)
    return mailbox


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestHttpsServer]:
    (tmp_path / "api").mkdir()
    server = TestHttpsServer(tmp_path / "api").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def live_area(qtbot, directory: Mailbox, store_key: bytes) -> Iterator[MailArea]:
    """A mail area with a worker-store opener (for the live lookup) but no account worker
    started: no mail server is needed here."""
    path = directory.store.path
    widget = MailArea(
        lambda: directory.store, lambda: Store.open(path, store_key, key_known_good=True)
    )
    widget.accounts = [directory.account]
    widget.hospital_domain = HOSPITAL
    qtbot.addWidget(widget)
    widget.show()
    try:
        yield widget
    finally:
        for composer in list(widget.composers):
            composer.reject()
        widget.shutdown()
        wait_for_operations()


def _labels(completer: RecipientCompleter) -> list[str]:
    return [completer.model.item(i).text() for i in range(completer.model.rowCount())]


def _type_in_to(qtbot, composer: ComposerDialog, text: str) -> RecipientCompleter:
    composer.activateWindow()
    composer.to_edit.setFocus()
    qtbot.keyClicks(composer.to_edit, text)
    return composer.recipient_completers[0]


def test_local_suggestions_put_the_hospital_mailbox_first(
    qtbot, directory: Mailbox, area: MailArea
) -> None:
    area.restore_sensitive()
    area.hospital_domain = HOSPITAL
    found = area.find_recipients("durand")
    assert [r.mailbox for r in found] == [ORG_MAILBOX, LOCAL_DOCTOR]
    assert area.live_recipient_job("durand") is None, "no live lookup configured"

    composer = area.open_composer()
    completer = _type_in_to(qtbot, composer, "durand")
    labels = _labels(completer)
    assert len(labels) == 2
    assert labels[0].endswith(f"<{ORG_MAILBOX}>") and "DURAND" in labels[1]
    assert completer.completer.popup().isVisible()
    completer.choose_row(1)
    assert composer.to_edit.text() == f"Claire DURAND <{LOCAL_DOCTOR}>, "
    composer.reject()


def test_live_answers_are_added_to_the_open_list(
    qtbot, live_area: MailArea, api: TestHttpsServer, mail_french: None
) -> None:
    api.respond = lambda request: (
        Reply(200, fhir_bundle())
        if request.headers.get("esante-api-key") == API_KEY
        else Reply(401, b"{}")
    )
    live_area.live_client_factory = client_factory(api)
    composer = live_area.open_composer()
    completer = _type_in_to(qtbot, composer, "durand")
    assert len(_labels(completer)) == 2, "the local answers come at once"
    with qtbot.waitSignal(completer.live_answered, timeout=10_000) as answered:
        pass  # asked once typing pauses
    assert answered.args == [1], "the doctor known locally is not listed twice"
    labels = _labels(completer)
    assert labels[0].endswith(f"<{ORG_MAILBOX}>"), "local answers stay on top"
    assert labels[1].endswith(f"<{LOCAL_DOCTOR}>")
    assert labels[2] == (f"Claire DURAND-ROUX <{REMOTE_DOCTOR}> (Annuaire Santé en ligne)")
    assert completer.completer.popup().isVisible()
    assert len(api.requests) == 1 and "durand" in api.requests[0].path
    completer.choose_row(2)
    assert composer.to_edit.text() == f"Claire DURAND-ROUX <{REMOTE_DOCTOR}>, "


def test_a_late_answer_for_an_older_fragment_is_dropped(
    qtbot, live_area: MailArea, api: TestHttpsServer
) -> None:
    api.respond = lambda request: Reply(200, fhir_bundle(), stall=0.5)
    live_area.live_client_factory = client_factory(api)
    composer = live_area.open_composer()
    completer = _type_in_to(qtbot, composer, "durand")
    with qtbot.waitSignal(completer.live_answered, timeout=10_000) as answered:
        completer.ask_live_now()
        # Typed on while the server thinks (no new lookup: the text is set, not typed).
        composer.to_edit.setText("durand-c")
    assert answered.args == [0]
    assert len(_labels(completer)) == 2


def test_a_failing_live_directory_leaves_the_local_answers_and_says_so(
    qtbot, live_area: MailArea, api: TestHttpsServer, mail_french: None
) -> None:
    api.respond = lambda request: Reply(200, b"{}", stall=5.0)
    live_area.live_client_factory = client_factory(api, timeout=1.0)
    statuses: list[str] = []
    live_area.status_changed.connect(statuses.append)
    composer = live_area.open_composer()
    completer = _type_in_to(qtbot, composer, "durand")
    started = time.monotonic()
    completer.ask_live_now()
    qtbot.keyClicks(composer.to_edit, "-")
    assert time.monotonic() - started < 0.8, "typing never waits for the live directory"
    qtbot.keyClick(composer.to_edit, "\b")
    qtbot.waitUntil(lambda: bool(statuses), timeout=10_000)
    assert statuses[0] == (
        "L'Annuaire Santé n'a pas répondu à temps. "
        "Les suggestions viennent de l'annuaire local seulement."
    )
    labels = _labels(completer)
    assert len(labels) == 2 and labels[0].endswith(f"<{ORG_MAILBOX}>")


def test_the_live_lookup_uses_its_own_store_connection(
    qtbot, live_area: MailArea, api: TestHttpsServer, directory: Mailbox
) -> None:
    api.respond = lambda request: Reply(200, fhir_bundle())
    live_area.live_client_factory = client_factory(api)
    job = live_area.live_recipient_job("durand")
    assert job is not None
    found = job()  # as a pool thread runs it: another connection to the same store
    assert [(r.mailbox, r.source) for r in found] == [
        (ORG_MAILBOX, "local"),
        (LOCAL_DOCTOR, "local"),
        (REMOTE_DOCTOR, "annuaire-sante"),
    ]
    live_area.live_client_factory = lambda: None  # switched off in the settings
    assert live_area.live_recipient_job("durand") is None
