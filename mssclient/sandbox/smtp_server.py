"""The sandbox SMTP submission server (aiosmtpd): authenticated, TLS-only, local delivery.

Like an MSSanté operator's submission service it requires TLS (implicit on one port,
STARTTLS on another) and AUTH PLAIN/LOGIN before MAIL, lets an account send only as itself
or as an organisational mailbox it belongs to, refuses unknown recipients at RCPT, and
delivers accepted mail straight into the recipients' INBOX on the sandbox IMAP server.
It offers DSN (RFC 3461): ``NOTIFY=SUCCESS`` brings a delivery report to the sender.
SMTP replies are ASCII (RFC 5321), so the French wording there carries no accents.
"""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import hmac
import logging
import ssl
import weakref
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from mssclient.sandbox.accounts_book import AccountsBook, normalise
from mssclient.sandbox.delivery_report import DsnRequest, parse_notify, success_report

_log = logging.getLogger(__name__)


class _QuietDeprecation(logging.Filter):
    """aiosmtpd logs a deprecation of its own internals at every AUTH; not ours to fix."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "login_data is deprecated" not in record.getMessage()


logging.getLogger("mail.log").addFilter(_QuietDeprecation())

#: Largest message accepted (the EHLO SIZE the client sees), as at many operators.
MAX_MESSAGE_BYTES = 32 * 1024 * 1024
SERVER_NAME = "smtp.sandbox.mssante.fr"

Deliver = Callable[[str, bytes], Awaitable[int]]


class _DeliveryHandler:
    def __init__(self, book: AccountsBook, deliver: Deliver) -> None:
        self._book = book
        self._deliver = deliver

    async def handle_EHLO(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname
        return [*responses[:-1], "250-DSN", responses[-1]]

    async def handle_MAIL(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        login = str(session.auth_data or "")
        if not self._book.may_send_as(login, address):
            return (
                f"553 5.7.1 <{address}>: expediteur non autorise pour le compte {login} "
                "(utilisez votre propre adresse ou une BAL dont vous etes membre)"
            )
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Expediteur accepte"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not self._book.exists(address):
            return (
                f"550 5.1.1 <{address}>: destinataire inconnu dans le bac a sable MSSante, "
                "verifiez l'adresse"
            )
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Destinataire accepte"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        arrival = datetime.datetime.now(datetime.UTC)
        sender = normalise(envelope.mail_from or "")
        dsn = server.dsn if isinstance(server, _SubmissionSMTP) else DsnRequest()
        for recipient in envelope.rcpt_tos:
            trace = _trace_headers(sender, recipient, str(session.auth_data))
            try:
                await self._deliver(recipient, trace + content)
            except Exception:
                _log.exception("livraison impossible vers %s", recipient)
                return "451 4.3.0 Livraison temporairement impossible, reessayez plus tard"
            if sender and dsn.wants_success(normalise(recipient)) and self._book.exists(sender):
                report = success_report(
                    reporting_mta=SERVER_NAME,
                    sender=sender,
                    recipient=normalise(recipient),
                    original=content,
                    request=dsn,
                    arrival=arrival,
                )
                await self._deliver(sender, b"Return-Path: <>\r\n" + report)
        return "250 2.0.0 Message accepte et livre"


def _trace_headers(sender: str, recipient: str, login: str) -> bytes:
    """Return-Path and Received, added at delivery as a real server does."""
    when = email.utils.format_datetime(datetime.datetime.now(datetime.UTC))
    sender = normalise(sender)
    return (
        f"Return-Path: <{sender}>\r\n"
        f"Received: from authenticated-user ({login}) by {SERVER_NAME}\r\n"
        f"\twith ESMTPSA for <{recipient}>; {when}\r\n"
    ).encode("ascii", "replace")


class _SubmissionSMTP(SMTP):
    """aiosmtpd's SMTP that knows a connection made over implicit TLS is already secure.

    aiosmtpd only counts STARTTLS as TLS; on the implicit-TLS port every byte is already
    encrypted, so AUTH is offered from the start there.
    """

    dsn: DsnRequest

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if transport.get_extra_info("ssl_object") is not None:
            self._auth_require_tls = False
        self.dsn = DsnRequest()
        super().connection_made(transport)

    # aiosmtpd refuses MAIL/RCPT parameters it does not know (555); the DSN ones (RFC 3461)
    # are taken out here, remembered, and the rest goes through aiosmtpd's own checks.
    async def smtp_MAIL(self, arg: str) -> None:
        rest, params = _take_params(arg or "", ("RET", "ENVID"))
        ret = params.get("RET", "").upper() or None
        if ret not in (None, "FULL", "HDRS"):
            await self.push("501 5.5.4 Parametre RET invalide (FULL ou HDRS)")
            return
        await super().smtp_MAIL(rest)
        if self.envelope is not None and self.envelope.mail_from is not None:
            self.dsn = DsnRequest(ret=ret, envid=params.get("ENVID"))

    async def smtp_RCPT(self, arg: str) -> None:
        rest, params = _take_params(arg or "", ("NOTIFY", "ORCPT"))
        notify = parse_notify(params["NOTIFY"]) if "NOTIFY" in params else None
        if "NOTIFY" in params and notify is None:
            await self.push("501 5.5.4 Parametre NOTIFY invalide")
            return
        before = len(self.envelope.rcpt_tos) if self.envelope is not None else 0
        await super().smtp_RCPT(rest)
        if self.envelope is not None and len(self.envelope.rcpt_tos) > before:
            recipient = normalise(self.envelope.rcpt_tos[-1])
            if notify is not None:
                self.dsn.notify[recipient] = notify
            if "ORCPT" in params:
                self.dsn.orcpt[recipient] = params["ORCPT"].split(";", 1)[-1]


def _take_params(arg: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """Split ``names`` (ESMTP keyword=value parameters) out of a MAIL/RCPT argument."""
    kept: list[str] = []
    taken: dict[str, str] = {}
    for index, token in enumerate(arg.split(" ")):
        key, eq, value = token.partition("=")
        if index > 0 and eq and key.upper() in names:
            taken[key.upper()] = value
        else:
            kept.append(token)
    return " ".join(kept), taken


class SandboxSmtp:
    """Submission on ``host``: implicit TLS on ``tls_port``, STARTTLS on ``starttls_port``."""

    def __init__(self, book: AccountsBook, deliver: Deliver, ssl_context: ssl.SSLContext):
        self._book = book
        self._handler = _DeliveryHandler(book, deliver)
        self._ssl_context = ssl_context
        self._servers: list[asyncio.Server] = []
        self._protocols: weakref.WeakSet[SMTP] = weakref.WeakSet()
        self.tls_port = 0
        self.starttls_port = 0

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = data.login.decode("utf-8", "replace").strip().lower()
        password = data.password.decode("utf-8", "replace")
        expected = self._book.password_of(login)
        ok = expected is not None and hmac.compare_digest(
            expected.encode("utf-8"), password.encode("utf-8")
        )
        if not ok:
            return AuthResult(
                success=False,
                handled=False,
                message="535 5.7.8 Identifiant ou mot de passe incorrect",
            )
        return AuthResult(success=True, auth_data=login)

    def _factory(self, *, implicit_tls: bool) -> Callable[[], SMTP]:
        def make() -> SMTP:
            protocol = _SubmissionSMTP(
                self._handler,
                hostname=SERVER_NAME,
                ident="Bac a sable MSSClient",
                data_size_limit=MAX_MESSAGE_BYTES,
                enable_SMTPUTF8=True,
                tls_context=None if implicit_tls else self._ssl_context,
                require_starttls=not implicit_tls,
                auth_required=True,
                auth_require_tls=True,
                authenticator=self._authenticate,
                timeout=120,
            )
            self._protocols.add(protocol)
            return protocol

        return make

    async def start(self, host: str, tls_port: int, starttls_port: int | None) -> None:
        loop = asyncio.get_running_loop()
        implicit = await loop.create_server(
            self._factory(implicit_tls=True), host=host, port=tls_port, ssl=self._ssl_context
        )
        self._servers.append(implicit)
        self.tls_port = int(implicit.sockets[0].getsockname()[1])
        if starttls_port is not None:
            plain = await loop.create_server(
                self._factory(implicit_tls=False), host=host, port=starttls_port
            )
            self._servers.append(plain)
            self.starttls_port = int(plain.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        for server in self._servers:
            server.close()
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()
        for protocol in list(self._protocols):
            transport = protocol.transport
            if isinstance(transport, asyncio.Transport):
                with suppress(Exception):
                    transport.abort()  # no TLS goodbye: the peer may never answer it
        self._protocols.clear()
        await asyncio.sleep(0.01)  # let the aborted transports release their sockets
