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


class ReadOnlyFolderError(FolderUnavailableError):
    """The server opens the folder read-only (SELECT answered ``[READ-ONLY]``): it can be
    read, but nothing in it can be changed (shared mailbox with lookup and read rights)."""

    user_message = (
        "Ce dossier est en lecture seule sur le serveur : vous pouvez lire ses messages, "
        "mais pas les modifier, les déplacer ni les supprimer."
    )

    def __init__(self, folder: str, detail: str = "", *, user_message: str | None = None) -> None:
        super().__init__(
            detail or f"IMAP folder {folder!r} is read-only",
            user_message=user_message
            or (
                f"Le dossier « {folder} » est en lecture seule sur le serveur : vous pouvez "
                "lire ses messages, mais pas les modifier, les déplacer ni les supprimer."
            ),
        )
        self.folder = folder

    @classmethod
    def move_refused(cls, folder: str) -> ReadOnlyFolderError:
        """A move or deletion asked for, refused before anything changed."""
        return cls(
            folder,
            f"move/delete refused: folder {folder!r} is read-only",
            user_message=(
                f"Le dossier « {folder} » est en lecture seule sur le serveur : ses messages "
                "ne peuvent être ni déplacés ni supprimés. Rien n'a été modifié."
            ),
        )

    @classmethod
    def moves_dropped(cls, folder: str, count: int) -> ReadOnlyFolderError:
        """Moves or deletions already made here, which the server cannot follow."""
        return cls(
            folder,
            f"{count} move(s)/deletion(s) refused in read-only folder {folder!r}",
            user_message=(
                f"Le dossier « {folder} » est en lecture seule sur le serveur : "
                + (
                    "un message n'a pas pu être déplacé ni supprimé ; il y reste."
                    if count == 1
                    else f"{count} messages n'ont pas pu être déplacés ni supprimés ; "
                    "ils y restent."
                )
            ),
        )

    @classmethod
    def flags_kept_local(cls, folder: str) -> ReadOnlyFolderError:
        """Flag changes (read, flagged) kept on this computer only."""
        return cls(
            folder,
            f"flag changes kept local in read-only folder {folder!r}",
            user_message=(
                f"Le dossier « {folder} » est en lecture seule sur le serveur : ce que vous "
                "y marquez (lu, non lu, suivi) reste marqué sur cet ordinateur seulement, "
                "sans être envoyé au serveur."
            ),
        )
