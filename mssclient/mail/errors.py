"""Errors raised while composing or extracting mail (parsing itself never raises)."""

from __future__ import annotations

from mssclient.errors import MssError


class MailError(MssError):
    """Base class for problems with a message the user is writing or extracting."""

    user_message = "Le message ne peut pas être préparé."


class HeaderInjectionError(MailError):
    """A header value (subject, name, address) contains a line break."""

    user_message = (
        "Un champ du message (objet, nom ou adresse) contient un retour à la ligne, "
        "ce qui n'est pas autorisé. Corrigez-le puis réessayez."
    )


class InvalidAddressError(MailError):
    """An address is not a valid ASCII mailbox address."""

    user_message = "Une adresse de messagerie n'est pas valide. Vérifiez les destinataires."


class MissingSenderNameError(MailError):
    """The sender identity has no meaningful display name (MSSanté ECO.2.2.7)."""

    user_message = (
        "Le nom de l'expéditeur est obligatoire : indiquez un nom lisible "
        "(par exemple « Dr Marie Dupont ») dans les paramètres du compte."
    )


class NoRecipientError(MailError):
    """The draft has no recipient at all."""

    user_message = "Ajoutez au moins un destinataire avant d'envoyer le message."


class AttachmentsTooLargeError(MailError):
    """The attachments exceed the total size limit."""

    user_message = "Les pièces jointes dépassent la taille maximale autorisée."


class AttachmentNotFoundError(MailError):
    """The requested MIME part does not exist or is not an attachment."""

    user_message = "Cette pièce jointe est introuvable dans le message."


class NoReadReceiptRequestedError(MailError):
    """An MDN was asked for a message that does not request one."""

    user_message = "Ce message ne demande pas d'accusé de lecture."
