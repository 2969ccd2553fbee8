"""Teleexpertise GUI fixtures: a store with the nurse's and the department's accounts, the
demo hospital directory, and an area over them (no mail server: the outbox just fills).
The real Dovecot + Postfix pair of the integration suite is offered here too, for the
workstations of stations.py (started once, only when a test asks for it)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from mssclient.directory.bundle import parse_bundle
from mssclient.directory.models import HospitalDirectory
from mssclient.gui.mail.operations import wait_for_operations
from mssclient.gui.teleexpertise.area import TeleexpertiseArea
from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, NURSE
from mssclient.sandbox.sandbox import default_directory_file
from mssclient.security.tls import TrustAnchors
from mssclient.store import Store
from mssclient.teleexpertise.identities import save_identity
from mssclient.teleexpertise.model import Practitioner, Profession
from mssclient.transport.accounts import (
    Account,
    AccountKind,
    Security,
    ServerSettings,
    load_accounts,
    save_account,
)
from tests.integration.conftest import mail_servers, running_mail_servers

__all__ = ["mail_servers", "running_mail_servers"]  # fixtures, for stations.py's backend

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NURSE_ID = Practitioner("Claire Martin", Profession.NURSE, adeli="629912345", mailbox=NURSE.address)
DOCTOR_ID = Practitioner(
    "Dr Sophie Leroy", Profession.DOCTOR, rpps="10101234567", mailbox=DERMATOLOGIST.address
)


def add_account(store: Store, address: str, name: str, kind: AccountKind) -> Account:
    return save_account(
        store,
        Account(
            address=address,
            login=address,
            display_name=name,
            kind=kind,
            imap=ServerSettings("127.0.0.1", 1993, Security.TLS),
            smtp=ServerSettings("127.0.0.1", 1465, Security.TLS),
            trust_anchors=TrustAnchors.SYSTEM,
        ),
    )


@pytest.fixture
def directory() -> HospitalDirectory:
    return parse_bundle(default_directory_file().read_bytes())


@pytest.fixture
def te_store(temp_store: Store) -> Store:
    add_account(temp_store, NURSE.address, NURSE.display_name, AccountKind.PERSONAL)
    add_account(temp_store, DERMATOLOGIST.address, DERMATOLOGIST.display_name, AccountKind.PERSONAL)
    add_account(
        temp_store, DERMATOLOGY.address, DERMATOLOGY.display_name, AccountKind.ORGANISATIONAL
    )
    save_identity(temp_store, NURSE_ID)
    save_identity(temp_store, DOCTOR_ID)
    return temp_store


@pytest.fixture
def te_area(
    qtbot, te_store: Store, directory: HospitalDirectory, french
) -> Iterator[TeleexpertiseArea]:
    widget = TeleexpertiseArea(
        lambda: te_store, lambda: load_accounts(te_store), lambda: directory, clock=lambda: NOW
    )
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    widget.restore_sensitive()
    try:
        yield widget
    finally:
        if widget.wizard is not None:
            widget.wizard.close()
        wait_for_operations()


def jpeg_with_gps(width: int = 2400, height: int = 1800) -> bytes:
    """A photo whose EXIF holds a camera make and a GPS position, as phones write them."""
    image = Image.new("RGB", (width, height), (200, 120, 110))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (50.0, 26.0, 12.0)
    gps[3] = "E"
    gps[4] = (2.0, 49.0, 30.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def write_photo(folder: Path, name: str = "plaie-talon.jpg") -> Path:
    path = folder / name
    path.write_bytes(jpeg_with_gps())
    return path
