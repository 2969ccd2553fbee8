from __future__ import annotations

import pytest

from mssclient.gui.first_run_dialog import MIN_PASSPHRASE_LENGTH, FirstRunDialog
from mssclient.profile import Profile
from mssclient.security import keyring_access
from tests.conftest import FAST_KDF
from tests.gui.conftest import PASSPHRASE


@pytest.fixture
def new_profile() -> Profile:
    profile = Profile.named("default")
    assert profile.is_new
    return profile


def _dialog(qtbot, profile: Profile) -> FirstRunDialog:
    dialog = FirstRunDialog(profile, kdf=FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_refuses_short_passphrase(qtbot, no_keyring, french, new_profile: Profile) -> None:
    dialog = _dialog(qtbot, new_profile)
    assert dialog.windowTitle() == "Protéger vos données"
    short = "x" * (MIN_PASSPHRASE_LENGTH - 1)
    dialog.passphrase.setText(short)
    dialog.confirmation.setText(short)
    dialog.create_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "La phrase de passe doit comporter au moins 10 caractères."
    assert new_profile.is_new and not new_profile.is_unlocked


def test_refuses_mismatched_passphrases(qtbot, no_keyring, french, new_profile: Profile) -> None:
    dialog = _dialog(qtbot, new_profile)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE + "!")
    dialog.create_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "Les deux phrases de passe sont différentes."
    assert dialog.confirmation.text() == ""
    assert new_profile.is_new


def test_without_keyring_the_passphrase_is_mandatory_and_said_why(
    qtbot, no_keyring, french, new_profile: Profile
) -> None:
    dialog = _dialog(qtbot, new_profile)
    assert not dialog.keyring_offered
    assert not dialog.keep_in_keyring.isEnabled()
    assert not dialog.keep_in_keyring.isChecked()
    assert dialog.keyring_note.text().startswith(
        "Aucun trousseau système n'est disponible sur ce poste"
    )
    assert "obligatoire" in dialog.keyring_note.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE)
    dialog.create_button.click()
    assert not dialog.isVisible()
    assert new_profile.is_unlocked
    settings = new_profile.keys.settings()
    assert settings.has_passphrase and not settings.in_keyring
    assert new_profile.needs_passphrase()
    new_profile.lock()


def test_with_keyring_the_key_is_also_kept_there(
    qtbot, memory_keyring, french, new_profile: Profile
) -> None:
    dialog = _dialog(qtbot, new_profile)
    assert dialog.keep_in_keyring.isEnabled() and dialog.keep_in_keyring.isChecked()
    assert dialog.keep_in_keyring.text() == "Conserver aussi la clé dans le trousseau du système"
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE)
    dialog.create_button.click()
    assert new_profile.is_unlocked
    settings = new_profile.keys.settings()
    assert settings.in_keyring and settings.has_passphrase
    assert keyring_access.get_secret(new_profile.keys.keyring_name)
    new_profile.lock()
    # The passphrase and the keyring each open the store.
    new_profile.unlock_with_passphrase(PASSPHRASE)
    new_profile.lock()
    new_profile.unlock_with_keyring()
    new_profile.lock()


def test_keyring_can_be_declined(qtbot, memory_keyring, new_profile: Profile) -> None:
    dialog = _dialog(qtbot, new_profile)
    dialog.keep_in_keyring.setChecked(False)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirmation.setText(PASSPHRASE)
    dialog.create_button.click()
    assert new_profile.is_unlocked
    assert not new_profile.keys.settings().in_keyring
    assert memory_keyring.secrets == {}
    new_profile.lock()
