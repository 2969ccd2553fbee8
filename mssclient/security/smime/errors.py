"""Errors raised by the S/MIME core when the caller asked for something that cannot be done.

Reading a received message never raises: it returns a result with a status (see
``status.py``). These exceptions are for the user's own acts: importing a certificate,
exporting an identity, building a message to send. Each carries a French ``user_message``.
"""

from __future__ import annotations

from mssclient.errors import MssError


class SmimeError(MssError):
    """Base class for S/MIME problems the user can act on."""

    user_message = "Une erreur est survenue lors du traitement de la signature ou du chiffrement."


class CertificateImportError(SmimeError):
    """A certificate or identity file could not be read (not a certificate, damaged file)."""

    user_message = (
        "Ce fichier ne contient pas de certificat lisible. Formats acceptés : "
        ".pem, .cer, .crt, .der, .p7b (certificats) et .p12, .pfx (identité)."
    )


class WrongPkcs12PassphraseError(CertificateImportError):
    """The PKCS#12 file is well formed but the passphrase does not open it."""

    user_message = (
        "Mot de passe incorrect pour ce fichier de certificat (.p12 / .pfx). "
        "Vérifiez le mot de passe qui vous a été remis avec le certificat."
    )


class IncompleteIdentityError(CertificateImportError):
    """The PKCS#12 file lacks a private key or the certificate that matches it."""

    user_message = (
        "Ce fichier .p12 / .pfx ne contient pas à la fois votre certificat et sa clé privée. "
        "Demandez le fichier complet à votre autorité de certification."
    )


class UnsupportedKeyError(CertificateImportError):
    """The key type or algorithm is one this client cannot use for S/MIME."""

    user_message = (
        "Ce certificat utilise un type de clé non pris en charge pour la messagerie "
        "sécurisée (seules les clés RSA de 2048 bits ou plus sont acceptées)."
    )


class ExportPassphraseRequiredError(SmimeError):
    """Exporting a private key needs a new, non-empty passphrase."""

    user_message = (
        "Choisissez un mot de passe pour protéger le fichier exporté : "
        "une clé privée n'est jamais exportée sans mot de passe."
    )


class SmimeBuildError(SmimeError):
    """The message could not be signed or encrypted (bad certificate, nothing to encrypt to)."""

    user_message = (
        "Le message n'a pas pu être signé ou chiffré. Il n'a pas été envoyé. "
        "Vérifiez vos certificats et ceux de vos destinataires."
    )
