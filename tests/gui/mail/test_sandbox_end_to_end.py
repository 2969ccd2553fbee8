"""The mail area against the real embedded sandbox operator: sync, read, reply, send."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mssclient.gui.mail.operations import wait_for_operations
from mssclient.mailstore import MailRepository
from mssclient.sandbox import NURSE, Sandbox
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    Security,
    ServerSettings,
    save_account,
    set_password,
)
from mssclient.transport.events import OutboxChanged
from tests.gui.mail.live_area import live_mail_area

pytestmark = pytest.mark.integration


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(tmp_path / "sandbox") as running:
        yield running


def _nurse_account(store: Store, sandbox: Sandbox) -> Account:
    account = save_account(
        store,
        Account(
            address=NURSE.address,
            login=NURSE.login,
            display_name=NURSE.display_name,
            kind=AccountKind.PERSONAL,
            imap=ServerSettings(sandbox.host, sandbox.imap_port, Security.TLS),
            smtp=ServerSettings(sandbox.host, sandbox.smtp_port, Security.TLS),
            trust_anchors=TrustAnchors.CA_FILE,
            ca_file=str(sandbox.ca_path),
        ),
    )
    set_password(account, NURSE.password)
    return account


def test_seeded_conversation_synced_read_and_answered(
    qtbot, sandbox: Sandbox, temp_store: Store, store_key: bytes, memory_keyring
):
    account = _nurse_account(temp_store, sandbox)
    area = live_mail_area(qtbot, temp_store, store_key, idle=True)
    sent_events: list[OutboxChanged] = []
    area.workers.transport_event.connect(  # type: ignore[union-attr]
        lambda e: sent_events.append(e) if isinstance(e, OutboxChanged) else None
    )
    try:
        area.restore_sensitive()

        def inbox_shown() -> bool:
            inbox = MailRepository(temp_store).folder_by_role(account.id, "inbox")
            return (
                inbox is not None
                and area.list_model.folder_id == inbox.id
                and area.list_model.rowCount() > 0
            )

        qtbot.waitUntil(inbox_shown, timeout=60_000)
        subjects = [area.list_model.row_at(r).subject for r in range(area.list_model.rowCount())]
        wound = next(i for i, s in enumerate(subjects) if "escarre talonnière" in s)

        area.list_view.selectRow(wound)
        qtbot.waitUntil(lambda: area.reader.current is not None, timeout=10_000)
        assert "escarre talonnière droite" in area.reader.subject_label.text()
        assert "hydrofibre" in area.reader.body.toPlainText()
        assert "dermatologie@ch-exemple.sandbox.mssante.fr" in area.reader.header_label.text()

        composer = area.reply(reply_all=False)
        assert composer is not None
        assert composer.draft().to[0].addr.endswith("ch-exemple.sandbox.mssante.fr")
        composer.body_edit.setPlainText("Merci, je commence l'hydrofibre demain.\n")
        with qtbot.waitSignal(composer.finished, timeout=10_000):
            composer.send_button.click()
        qtbot.waitUntil(
            lambda: any(e.state in ("sent", "failed") for e in sent_events), timeout=60_000
        )
        assert next(e.state for e in sent_events if e.state in ("sent", "failed")) == "sent"
    finally:
        area.shutdown()
        wait_for_operations()
