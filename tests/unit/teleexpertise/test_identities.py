"""The professional identity remembered per personal mailbox."""

from __future__ import annotations

from dataclasses import replace

from mssclient.store import Store
from mssclient.teleexpertise.identities import identity_or_blank, load_identity, save_identity
from mssclient.teleexpertise.model import Profession
from tests.unit.teleexpertise.factories import NURSE


def test_saved_per_mailbox_and_replaced(temp_store: Store) -> None:
    assert load_identity(temp_store, NURSE.mailbox) is None
    blank = identity_or_blank(temp_store, NURSE.mailbox.upper(), "Claire Petit")
    assert blank.display_name == "Claire Petit" and blank.problems()
    save_identity(temp_store, NURSE)
    assert load_identity(temp_store, NURSE.mailbox.upper()) == NURSE
    moved = replace(NURSE, profession=Profession.MIDWIFE, adeli="", rpps="10001112223")
    save_identity(temp_store, moved)
    loaded = load_identity(temp_store, NURSE.mailbox)
    assert loaded is not None and loaded.rpps == "10001112223"
    assert loaded.profession is Profession.MIDWIFE and loaded.id_nat_ps == "810001112223"
