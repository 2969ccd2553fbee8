"""Errors the user may see.

Every exception here carries a French message meant for the person at the screen
(``user_message``) and keeps English developer detail in ``str(exc)``. The GUI shows
``user_message``; logs get ``str(exc)``. No message ever contains key material.
"""

from __future__ import annotations


class MssError(Exception):
    """Base class: an error with a French message for the user."""

    user_message: str = "Une erreur inattendue est survenue."

    def __init__(self, detail: str = "", *, user_message: str | None = None) -> None:
        super().__init__(detail or self.user_message)
        if user_message is not None:
            self.user_message = user_message


class StoreError(MssError):
    """Base class for problems with the encrypted local store."""

    user_message = "La base de données locale chiffrée ne peut pas être utilisée."


class StoreKeyError(StoreError):
    """The key given does not open this store (wrong key or wrong passphrase)."""

    user_message = (
        "La clé ne permet pas d'ouvrir la base chiffrée. Vérifiez votre phrase de passe. "
        "Aucune donnée n'a été modifiée."
    )


class WrongPassphraseError(StoreKeyError):
    """The passphrase does not unwrap the store key."""

    user_message = "Phrase de passe incorrecte. Aucune donnée n'a été modifiée."


class KeyringEntryMissingError(StoreError):
    """The profile says its key is in the OS keyring, but the keyring has no such entry."""

    user_message = (
        "La clé de la base chiffrée est introuvable dans le trousseau du système. "
        "Si vous avez défini une phrase de passe, utilisez-la pour déverrouiller ; "
        "sinon restaurez le trousseau. La base n'a pas été modifiée ni recréée."
    )


class KeyringUnavailableError(StoreError):
    """No working OS keyring backend on this machine."""

    user_message = (
        "Aucun trousseau système n'est disponible sur ce poste : "
        "la base sera protégée par une phrase de passe."
    )


class StoreCorruptError(StoreError):
    """The store file is damaged or truncated (the key is known to be right)."""

    user_message = (
        "Le fichier de la base locale est endommagé ou incomplet. Il n'a pas été modifié : "
        "restaurez la dernière sauvegarde ou contactez le support."
    )


class StoreTooNewError(StoreError):
    """The store was written by a newer version of the application."""

    user_message = (
        "Cette base a été créée par une version plus récente de MSSClient. "
        "Mettez l'application à jour pour l'ouvrir ; la base n'a pas été modifiée."
    )


class StoreFullError(StoreError):
    """A write failed because the disk (or the database size limit) is full."""

    user_message = (
        "Le disque est plein : la dernière modification n'a pas pu être enregistrée. "
        "Les données déjà enregistrées sont intactes. Libérez de l'espace puis réessayez."
    )


class KeyFileWriteError(StoreError):
    """``key.json`` could not be written (disk full, read-only folder); the previous
    version of the file, if any, is left as it was."""

    user_message = (
        "Le fichier de protection de la clé n'a pas pu être enregistré (disque plein ou "
        "dossier en lecture seule). La version précédente est intacte ; libérez de "
        "l'espace puis réessayez."
    )


class BackupFailedError(StoreError):
    """The copy taken before a schema upgrade could not be written: nothing was migrated."""

    user_message = (
        "La sauvegarde qui précède la mise à jour de la base n'a pas pu être écrite "
        "(disque plein ?). La base n'a pas été modifiée ; libérez de l'espace puis "
        "relancez MSSClient."
    )


class StoreLockedError(StoreError):
    """The store is closed because the application is locked."""

    user_message = "L'application est verrouillée : déverrouillez-la pour continuer."


class AuditLogError(StoreError):
    """An attempt to modify or delete an audit log entry."""

    user_message = "Le journal d'audit ne peut pas être modifié."
