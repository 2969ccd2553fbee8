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

    @classmethod
    def draft_copies_left(cls, folder: str, count: int) -> ReadOnlyFolderError:
        """Old copies of drafts (replaced, sent or discarded here) that the server keeps:
        their removal is dropped, not retried."""
        return cls(
            folder,
            f"{count} draft copy removal(s) dropped: folder {folder!r} is read-only",
            user_message=(
                f"Le dossier « {folder} » est en lecture seule sur le serveur : "
                + (
                    "l'ancienne copie d'un brouillon (remplacé, envoyé ou supprimé ici) n'a "
                    "pas pu y être effacée ; elle y reste."
                    if count == 1
                    else f"les anciennes copies de {count} brouillons (remplacés, envoyés ou "
                    "supprimés ici) n'ont pas pu y être effacées ; elles y restent."
                )
            ),
        )

    @classmethod
    def draft_kept_local(cls, folder: str, words: str) -> ReadOnlyFolderError:
        """The server refuses a draft's APPEND for lack of rights, or the Drafts folder is
        known read-only: the draft is kept on this computer only."""
        return cls(
            folder,
            f"APPEND to Drafts folder {folder!r} refused: {words}",
            user_message=(
                f"Le dossier « {folder} » est en lecture seule sur le serveur : ce brouillon "
                "est enregistré sur cet ordinateur seulement."
            ),
        )

    @classmethod
    def sent_copy_refused(cls, folder: str, words: str) -> ReadOnlyFolderError:
        """The server refuses the APPEND of a sent message's copy to its Sent folder for
        lack of rights (``NO [NOPERM]``), or the folder is known read-only."""
        return cls(
            folder,
            f"APPEND to Sent folder {folder!r} refused: {words}",
            user_message=sent_copies_dropped_message(folder, 1),
        )


def no_permission(exc: BaseException) -> bool:
    """The server refused for lack of rights (RFC 5530 response code ``NOPERM``)."""
    return "[NOPERM]" in str(exc).upper()


def sent_copies_dropped_message(folder: str, count: int) -> str:
    """The user's word when copies of sent messages could not be filed in Sent (French)."""
    if count == 1:
        return (
            "Le message a bien été envoyé, mais sa copie n'a pas pu être classée dans "
            f"« Envoyés » : le dossier « {folder} » est en lecture seule sur le serveur. "
            "Le message lui-même a bien été remis au serveur d'envoi."
        )
    return (
        f"Les {count} messages ont bien été envoyés, mais leurs copies n'ont pas pu être "
        f"classées dans « Envoyés » : le dossier « {folder} » est en lecture seule sur le "
        "serveur. Les messages eux-mêmes ont bien été remis au serveur d'envoi."
    )
