"""Profiles: key in the keyring, wrapped by a passphrase, or both; failures are explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mssclient.errors import (
    KeyringEntryMissingError,
    KeyringUnavailableError,
    StoreCorruptError,
    WrongPassphraseError,
)
from mssclient.profile import Profile
from mssclient.security import keyring_access
from tests.conftest import FAST_KDF


def test_keyring_profile_reopens_without_passphrase(tmp_path: Path, memory_keyring):
    profile = Profile(tmp_path / "p")
    profile.create(passphrase=None, use_keyring=True)
    profile.store.set_meta("patient", "Mme Durand")
    profile.lock()
    assert not profile.is_unlocked
    assert not profile.needs_passphrase()
    again = Profile(tmp_path / "p")
    assert again.unlock_with_keyring().get_meta("patient") == "Mme Durand"
    actions = [e.action for e in again.store.audit.entries()]
    assert actions[:3] == ["store.unlock", "store.lock", "store.create"]
    again.lock()


def test_key_file_never_holds_the_key(tmp_path: Path, memory_keyring):
    profile = Profile(tmp_path / "p")
    profile.create(passphrase="une phrase assez longue", use_keyring=True, kdf=FAST_KDF)
    key_hex = next(iter(memory_keyring.secrets.values()))
    text = (tmp_path / "p" / "key.json").read_text()
    assert key_hex not in text
    assert (tmp_path / "p" / "key.json").stat().st_mode & 0o077 == 0
    json.loads(text)
    profile.lock()


def test_no_keyring_means_passphrase(tmp_path: Path, no_keyring):
    assert not keyring_access.keyring_available()
    profile = Profile(tmp_path / "p")
    with pytest.raises(KeyringUnavailableError) as caught:
        profile.create(passphrase=None, use_keyring=True)
    assert "phrase de passe" in caught.value.user_message
    assert profile.is_new
    profile.create(passphrase="une phrase assez longue", use_keyring=False, kdf=FAST_KDF)
    profile.store.set_meta("x", "1")
    profile.lock()
    assert profile.needs_passphrase()
    with pytest.raises(WrongPassphraseError):
        profile.unlock_with_passphrase("pas la bonne phrase")
    assert profile.unlock_with_passphrase("une phrase assez longue").get_meta("x") == "1"
    profile.lock()


def test_missing_keyring_entry_is_explained_and_passphrase_still_works(
    tmp_path: Path, memory_keyring
):
    profile = Profile(tmp_path / "p")
    profile.create(passphrase="une phrase assez longue", use_keyring=True, kdf=FAST_KDF)
    profile.store.set_meta("x", "conservé")
    profile.lock()
    before = profile.store_path.read_bytes()
    memory_keyring.secrets.clear()
    with pytest.raises(KeyringEntryMissingError) as caught:
        profile.unlock_with_keyring()
    assert "trousseau" in caught.value.user_message
    assert profile.store_path.read_bytes() == before
    assert profile.unlock_with_passphrase("une phrase assez longue").get_meta("x") == "conservé"
    profile.lock()


def test_foreign_keyring_entry_is_not_taken_for_the_key(tmp_path: Path, memory_keyring):
    profile = Profile(tmp_path / "p")
    profile.create(passphrase=None, use_keyring=True)
    profile.lock()
    keyring_access.set_secret(profile.keys.keyring_name, (bytes([9]) * 32).hex())
    with pytest.raises(KeyringEntryMissingError):
        profile.unlock_with_keyring()


def test_damaged_store_with_right_key_is_damage(tmp_path: Path, memory_keyring):
    profile = Profile(tmp_path / "p")
    profile.create(passphrase=None, use_keyring=True)
    profile.lock()
    data = bytearray(profile.store_path.read_bytes())
    data[0:64] = b"\x00" * 64
    profile.store_path.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError):
        profile.unlock_with_keyring()
    assert profile.store_path.read_bytes() == bytes(data)


def test_existing_profile_key_is_never_replaced(tmp_path: Path, memory_keyring):
    profile = Profile(tmp_path / "p")
    profile.create(passphrase=None, use_keyring=True)
    profile.lock()
    with pytest.raises(Exception, match="refusing"):
        Profile(tmp_path / "p").create(passphrase=None, use_keyring=True)


def test_plaintext_keyring_backends_are_not_acceptable():
    class FakePlaintext:
        pass

    FakePlaintext.__module__ = "keyrings.alt.file"
    assert not keyring_access._is_usable(FakePlaintext())


def test_worker_store_is_a_second_connection_only_while_unlocked(tmp_path: Path, memory_keyring):
    from mssclient.errors import StoreLockedError

    profile = Profile(tmp_path / "p")
    profile.create(passphrase=None, use_keyring=True)
    profile.store.set_meta("vu", "oui")
    worker = profile.open_worker_store()
    try:
        assert worker is not profile.store
        assert worker.get_meta("vu") == "oui"
    finally:
        worker.close()
    profile.lock()
    with pytest.raises(StoreLockedError):
        profile.open_worker_store()
