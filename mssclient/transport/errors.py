"""Transport errors, each with a French message for the user."""

from __future__ import annotations

from mssclient.errors import MssError


class TransportError(MssError):
    """Base class for problems talking to a mail server."""

    user_message = "Le serveur de messagerie n'a pas pu être joint."


class ServerUnreachableError(TransportError):
    """No connection (network down, server stopped, timeout)."""

    user_message = (
        "Le serveur de messagerie est injoignable pour le moment. Vos messages restent "
        "disponibles hors ligne ; la synchronisation reprendra automatiquement."
    )


class AuthenticationFailedError(TransportError):
    """The server refused the login or password."""

    user_message = "Le serveur a refusé l'identifiant ou le mot de passe de ce compte."


class PasswordMissingError(TransportError):
    """No password for this account in the keyring."""

    user_message = "Aucun mot de passe n'est enregistré pour ce compte : saisissez-le."


class SyncCancelledError(TransportError):
    """The user (or the application closing) stopped the sync."""

    user_message = "Synchronisation interrompue."


class AutoconfigError(TransportError):
    """Autoconfiguration found nothing usable."""

    user_message = (
        "La configuration automatique n'a rien trouvé pour ce domaine : saisissez les "
        "serveurs à la main."
    )


class FolderUnavailableError(TransportError):
    """The server refused a command on a folder (deleted, renamed, no permission)."""

    user_message = "Le dossier n'est plus disponible sur le serveur."
