"""The application's own preferences (QSettings): not health data, so not in the store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULT_IDLE_LOCK_MINUTES = 10
MIN_IDLE_LOCK_MINUTES = 1
MAX_IDLE_LOCK_MINUTES = 240

_IDLE_KEY = "security/idle_lock_minutes"
_LANGUAGE_KEY = "ui/language"
_DIRECTORY_URL_KEY = "directory/hospital_url"
_DIRECTORY_CA_KEY = "directory/hospital_ca_file"
_LIVE_ENABLED_KEY = "directory/annuaire_sante_live"
_LIVE_URL_KEY = "directory/annuaire_sante_url"


class AppSettings:
    """Typed access to the preferences; values read back are checked, never trusted."""

    FILE_NAME = "settings.ini"

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings

    @classmethod
    def for_data_dir(cls, data_dir: Path | None) -> AppSettings:
        """An explicit data directory (portable use, tests) keeps its settings beside it;
        otherwise the platform's place for the organisation/application names is used."""
        if data_dir is not None:
            data_dir.mkdir(parents=True, exist_ok=True)
            return cls(QSettings(str(data_dir / cls.FILE_NAME), QSettings.Format.IniFormat))
        return cls(QSettings())

    @property
    def idle_lock_minutes(self) -> int:
        raw = self._qs.value(_IDLE_KEY, DEFAULT_IDLE_LOCK_MINUTES)
        try:
            minutes = int(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DEFAULT_IDLE_LOCK_MINUTES
        return max(MIN_IDLE_LOCK_MINUTES, min(MAX_IDLE_LOCK_MINUTES, minutes))

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._qs.setValue(
            _IDLE_KEY, max(MIN_IDLE_LOCK_MINUTES, min(MAX_IDLE_LOCK_MINUTES, minutes))
        )
        self._qs.sync()

    @property
    def language(self) -> str | None:
        """ "fr", "en", or None (follow the system)."""
        raw = self._qs.value(_LANGUAGE_KEY, "")
        return raw if raw in ("fr", "en") else None

    @language.setter
    def language(self, language: str | None) -> None:
        self._qs.setValue(_LANGUAGE_KEY, language or "")
        self._qs.sync()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    @property
    def hospital_directory_url(self) -> str:
        """The https address of the hospital's directory bundle ('' when not set)."""
        raw = self._qs.value(_DIRECTORY_URL_KEY, "")
        return raw.strip() if isinstance(raw, str) and raw.strip().startswith("https://") else ""

    @hospital_directory_url.setter
    def hospital_directory_url(self, url: str) -> None:
        self._qs.setValue(_DIRECTORY_URL_KEY, url.strip())
        self._qs.sync()

    @property
    def hospital_directory_ca_file(self) -> str:
        """A CA file for that server; '' means the system's trust store."""
        raw = self._qs.value(_DIRECTORY_CA_KEY, "")
        return raw if isinstance(raw, str) else ""

    @hospital_directory_ca_file.setter
    def hospital_directory_ca_file(self, path: str) -> None:
        self._qs.setValue(_DIRECTORY_CA_KEY, path.strip())
        self._qs.sync()

    @property
    def annuaire_sante_live(self) -> bool:
        """Also ask the online Annuaire Santé for recipients (its API key is in the
        keyring, never here)."""
        raw = self._qs.value(_LIVE_ENABLED_KEY, False)
        return raw is True or (isinstance(raw, str) and raw.lower() == "true")

    @annuaire_sante_live.setter
    def annuaire_sante_live(self, enabled: bool) -> None:
        self._qs.setValue(_LIVE_ENABLED_KEY, bool(enabled))
        self._qs.sync()

    @property
    def annuaire_sante_url(self) -> str:
        """The FHIR API's base address ('' = the national one); https only."""
        raw = self._qs.value(_LIVE_URL_KEY, "")
        return raw.strip() if isinstance(raw, str) and raw.strip().startswith("https://") else ""
