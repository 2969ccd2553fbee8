"""Settings of the optional live Annuaire Santé lookup: the API key goes to the keyring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mssclient.directory.annuaire_sante import API_KEY_SECRET, AnnuaireSanteClient, live_client
from mssclient.errors import MssError
from mssclient.gui.app_settings import AppSettings
from mssclient.gui.lock_controller import LockController
from mssclient.gui.sensitive import SensitiveViews
from mssclient.gui.settings_dialog import SettingsDialog
from mssclient.profile import Profile
from mssclient.security import keyring_access
from tests.conftest import FAST_KDF
from tests.gui.conftest import PASSPHRASE
from tests.keyring_memory import MemoryKeyring

KEY = "0a1b2c3d-4e5f-6789-abcd-ef0123456789"


@pytest.fixture
def unlocked() -> Iterator[Profile]:
    profile = Profile.named("default")
    profile.create(passphrase=PASSPHRASE, use_keyring=False, kdf=FAST_KDF)
    try:
        yield profile
    finally:
        profile.lock()


def dialog_for(qtbot: QtBot, profile: Profile, settings: AppSettings) -> SettingsDialog:
    dialog = SettingsDialog(LockController(profile, SensitiveViews()), settings)
    qtbot.addWidget(dialog)
    return dialog


def test_key_goes_to_the_keyring_and_never_to_the_settings_file(
    qtbot: QtBot,
    memory_keyring: MemoryKeyring,
    unlocked: Profile,
    app_settings: AppSettings,
    french: None,
) -> None:
    dialog = dialog_for(qtbot, unlocked, app_settings)
    assert dialog.live_lookup.isEnabled() and not dialog.live_lookup.isChecked()
    assert dialog.live_lookup.text() == (
        "Chercher aussi dans l'Annuaire Santé en ligne pour adresser un message"
    )
    assert dialog.live_api_key.placeholderText() == "Votre ESANTE-API-KEY"
    # Turned on without a key: refused, nothing saved.
    dialog.live_lookup.setChecked(True)
    dialog.idle_minutes.setValue(4)
    with pytest.raises(MssError) as refused:
        dialog.save()
    assert refused.value.user_message == (
        "Saisissez votre clé d'accès à l'Annuaire Santé pour activer la recherche en ligne."
    )
    assert not app_settings.annuaire_sante_live and app_settings.idle_lock_minutes == 10
    assert live_client(app_settings.annuaire_sante_live) is None

    dialog.live_api_key.setText(f"  {KEY} ")
    dialog.save()
    assert keyring_access.get_secret(API_KEY_SECRET) == KEY
    assert app_settings.annuaire_sante_live
    assert dialog.live_api_key.text() == ""
    with open(app_settings.file_name, encoding="utf-8") as ini:
        assert KEY not in ini.read()
    audit = [(e.object, e.detail) for e in unlocked.store.audit.entries()]
    assert ("annuaire_sante_api_key", " -> replaced") in audit
    assert ("annuaire_sante_live", "False -> True") in audit
    assert all(KEY not in detail for _, detail in audit)
    assert isinstance(live_client(app_settings.annuaire_sante_live), AnnuaireSanteClient)

    again = dialog_for(qtbot, unlocked, app_settings)
    assert again.live_lookup.isChecked()
    assert again.live_api_key.placeholderText() == (
        "Une clé est enregistrée (saisissez-en une autre pour la remplacer)"
    )
    again.live_lookup.setChecked(False)
    again.save()  # turning it off needs no key
    assert not app_settings.annuaire_sante_live
    assert live_client(app_settings.annuaire_sante_live) is None


@pytest.mark.parametrize(
    "typed", ["abc\r\nX-Evil: 1", "court", "clé-accentuée-0123", "a b c d e f g h"]
)
def test_a_malformed_key_is_refused_before_anything_is_saved(
    qtbot: QtBot,
    memory_keyring: MemoryKeyring,
    unlocked: Profile,
    app_settings: AppSettings,
    french: None,
    typed: str,
) -> None:
    dialog = dialog_for(qtbot, unlocked, app_settings)
    dialog.live_lookup.setChecked(True)
    dialog.live_api_key.setText(typed)
    with pytest.raises(MssError) as refused:
        dialog.save()
    assert "n'est pas valide" in refused.value.user_message
    assert memory_keyring.secrets == {}
    assert not app_settings.annuaire_sante_live


def test_without_a_keyring_the_live_lookup_cannot_be_turned_on(
    qtbot: QtBot, no_keyring: None, unlocked: Profile, app_settings: AppSettings, french: None
) -> None:
    dialog = dialog_for(qtbot, unlocked, app_settings)
    assert not dialog.live_lookup.isEnabled() and not dialog.live_api_key.isEnabled()
    note = dialog.findChild(QLabel, "annuaireSanteNote")
    assert note is not None
    assert note.text() == (
        "Aucun trousseau système sur ce poste\u00a0: la recherche en ligne n'est pas disponible."
    )
    dialog.save()  # the rest of the settings still saves
    assert not app_settings.annuaire_sante_live
