"""Open an authenticated IMAP connection with the account's security settings."""

from __future__ import annotations

import contextlib
import imaplib
import ssl
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from mssclient.security.tls import (
    client_context,
    explain_verification_failure,
    peer_certificate_for_diagnosis,
    refuse_plaintext_unless_loopback,
)
from mssclient.transport.accounts import Account, Authenticator, Security
from mssclient.transport.errors import (
    AuthenticationFailedError,
    ReadOnlyFolderError,
    ServerUnreachableError,
)

DEFAULT_TIMEOUT = 30.0


def tls_context_for(account: Account) -> ssl.SSLContext:
    return client_context(account.trust_anchors, account.ca_file or None)


def connect_imap(
    account: Account, auth: Authenticator, *, timeout: float = DEFAULT_TIMEOUT
) -> IMAPClient:
    """Connected, secured and logged in; CONDSTORE enabled when the server offers it."""
    settings = account.imap
    if settings.security is Security.PLAIN:
        refuse_plaintext_unless_loopback(settings.host)
    context = None if settings.security is Security.PLAIN else tls_context_for(account)
    try:
        client = IMAPClient(
            settings.host,
            port=settings.port,
            ssl=settings.security is Security.TLS,
            ssl_context=context,
            timeout=timeout,
        )
        if settings.security is Security.STARTTLS:
            client.starttls(context)
    except ssl.SSLCertVerificationError as exc:
        starttls = "imap" if settings.security is Security.STARTTLS else None
        peer = peer_certificate_for_diagnosis(settings.host, settings.port, starttls=starttls)
        raise explain_verification_failure(exc, settings.host, settings.port, peer) from None
    except (OSError, IMAPClientError) as exc:
        raise ServerUnreachableError(
            f"IMAP {settings.host}:{settings.port}: {exc}",
            user_message=(
                f"Le serveur IMAP {settings.host}:{settings.port} est injoignable ({exc}). "
                "Vos messages restent disponibles hors ligne."
            ),
        ) from exc
    try:
        auth.authenticate_imap(client)
    except LoginError as exc:
        _quiet_logout(client)
        words = exc.args[0] if exc.args else ""
        if isinstance(words, bytes):
            words = words.decode("utf-8", "replace")
        raise AuthenticationFailedError(
            f"IMAP login refused: {words}",
            user_message=(
                "Le serveur IMAP a refusé l'identifiant ou le mot de passe"
                + (f" (réponse du serveur : « {words} »)." if words else ".")
            ),
        ) from exc
    except (OSError, IMAPClientError) as exc:
        _quiet_logout(client)
        raise ServerUnreachableError(f"IMAP login: {exc}") from exc
    if client.has_capability("CONDSTORE") and client.has_capability("ENABLE"):
        # On refusal, CHANGEDSINCE still enables CONDSTORE implicitly (RFC 7162).
        with contextlib.suppress(IMAPClientError):
            client.enable("CONDSTORE")
    return client


def _quiet_logout(client: IMAPClient) -> None:
    try:
        client.logout()
    except (OSError, IMAPClientError):
        with contextlib.suppress(OSError):
            client.shutdown()


def open_folder(client: IMAPClient, name: str) -> tuple[dict[bytes, Any], bool]:
    """SELECT ``name``; if the server opens it read-only, EXAMINE it instead.

    Returns imapclient's SELECT answer and whether the folder is read-only. A server
    answers ``OK [READ-ONLY]`` to SELECT on a folder this login may read but not change
    (a shared mailbox with IMAP ACL rights "lr"). imaplib then raises ``IMAP4.readonly``
    (which imapclient exposes as ``IMAPClient.ReadOnlyError``), a subclass of
    ``IMAP4.abort``: it would pass for a lost connection. It is raised after the tagged
    OK, so the connection is fine and the folder selected, but imaplib refuses every
    later command until a new SELECT or EXAMINE clears its "READ-ONLY" state: the EXAMINE
    on the same connection does (checked against Dovecot 2.3).
    """
    try:
        return client.select_folder(name), False
    except imaplib.IMAP4.readonly:
        return client.select_folder(name, readonly=True), True


def select_writable(client: IMAPClient, name: str) -> dict[bytes, Any]:
    """SELECT a folder about to be changed; ``ReadOnlyFolderError`` (French) when the
    server opens it read-only. The folder is then left EXAMINEd: the connection stays
    usable."""
    selected, read_only = open_folder(client, name)
    if read_only:
        raise ReadOnlyFolderError(name)
    return selected
