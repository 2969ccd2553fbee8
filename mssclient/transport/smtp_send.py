"""SMTP submission (implicit TLS or STARTTLS) with delivery-status requests (RFC 3461)."""

from __future__ import annotations

import smtplib
import ssl
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from mssclient.errors import MssError
from mssclient.security.tls import (
    PlaintextRefusedError,
    TlsError,
    explain_verification_failure,
    peer_certificate_for_diagnosis,
    refuse_plaintext_unless_loopback,
)
from mssclient.transport.accounts import Account, Authenticator, Security
from mssclient.transport.imap_connection import tls_context_for

DEFAULT_TIMEOUT = 30.0


class SendFailure(MssError):
    """The message was not (fully) accepted. ``temporary`` says whether to retry;
    ``server_words`` keeps the server's own reply."""

    def __init__(
        self,
        *,
        server_words: str = "",
        temporary: bool = True,
        refused: dict[str, tuple[int, str]] | None = None,
        summary_fr: str = "L'envoi a échoué.",
    ) -> None:
        super().__init__(server_words or summary_fr, user_message=summary_fr)
        self.server_words = server_words
        self.temporary = temporary
        self.refused = refused or {}
        self.summary_fr = summary_fr


@dataclass(frozen=True)
class SendResult:
    accepted: tuple[str, ...]
    refused: dict[str, tuple[int, str]]
    dsn_requested: bool
    envelope_id: str


def _words(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {text}".strip()


def _open(account: Account, timeout: float) -> smtplib.SMTP:
    settings = account.smtp
    if settings.security is Security.PLAIN:
        refuse_plaintext_unless_loopback(settings.host)
    try:
        if settings.security is Security.TLS:
            return smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=timeout, context=tls_context_for(account)
            )
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
        if settings.security is Security.STARTTLS:
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise SendFailure(
                    server_words="STARTTLS not offered",
                    temporary=False,
                    summary_fr=(
                        "Le serveur d'envoi ne propose pas STARTTLS : envoi refusé pour ne pas "
                        "transmettre le message en clair."
                    ),
                )
            smtp.starttls(context=tls_context_for(account))
            smtp.ehlo()
        return smtp
    except ssl.SSLCertVerificationError as exc:
        starttls = "smtp" if settings.security is Security.STARTTLS else None
        peer = peer_certificate_for_diagnosis(settings.host, settings.port, starttls=starttls)
        raise explain_verification_failure(exc, settings.host, settings.port, peer) from None


def submit(
    account: Account,
    auth: Authenticator,
    raw: bytes,
    envelope_from: str,
    recipients: Sequence[str],
    *,
    request_dsn: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> SendResult:
    """Submit one message. Raises ``SendFailure`` (temporary or permanent) when nothing
    was accepted; a partial refusal is returned in ``SendResult.refused``."""
    envelope_id = uuid.uuid4().hex
    try:
        smtp = _open(account, timeout)
    except TlsError as exc:
        if isinstance(exc, PlaintextRefusedError):
            raise
        # A certificate that does not verify is not retried blindly: the user must act.
        raise SendFailure(
            server_words=str(exc), temporary=False, summary_fr=exc.user_message
        ) from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailure(
            server_words=str(exc),
            temporary=True,
            summary_fr=(
                f"Le serveur d'envoi {account.smtp.host}:{account.smtp.port} est injoignable : "
                "le message reste dans la boîte d'envoi et partira dès que possible."
            ),
        ) from exc
    try:
        try:
            auth.authenticate_smtp(smtp)
        except smtplib.SMTPAuthenticationError as exc:
            raise SendFailure(
                server_words=_words(exc.smtp_code, exc.smtp_error),
                temporary=False,
                summary_fr="Le serveur d'envoi a refusé l'identifiant ou le mot de passe.",
            ) from exc
        mail_options: list[str] = []
        rcpt_options: list[str] = []
        dsn = request_dsn and smtp.has_extn("dsn")
        if dsn:
            mail_options += ["RET=HDRS", f"ENVID={envelope_id}"]
            rcpt_options += ["NOTIFY=SUCCESS,FAILURE,DELAY"]
        if not all(a.isascii() for a in (envelope_from, *recipients)) and smtp.has_extn("smtputf8"):
            mail_options.append("SMTPUTF8")
        try:
            refused = smtp.sendmail(
                envelope_from, list(recipients), raw, mail_options, rcpt_options
            )
        except smtplib.SMTPRecipientsRefused as exc:
            details = {r: (c, _words(c, m)) for r, (c, m) in exc.recipients.items()}
            raise _refusal(details) from exc
        except smtplib.SMTPSenderRefused as exc:
            raise SendFailure(
                server_words=_words(exc.smtp_code, exc.smtp_error),
                temporary=400 <= exc.smtp_code < 500,
                summary_fr="Le serveur d'envoi a refusé l'adresse de l'expéditeur.",
            ) from exc
        except smtplib.SMTPDataError as exc:
            raise SendFailure(
                server_words=_words(exc.smtp_code, exc.smtp_error),
                temporary=400 <= exc.smtp_code < 500,
                summary_fr="Le serveur d'envoi a refusé le contenu du message.",
            ) from exc
        except smtplib.SMTPResponseException as exc:
            raise SendFailure(
                server_words=_words(exc.smtp_code, exc.smtp_error),
                temporary=400 <= exc.smtp_code < 500,
                summary_fr="Le serveur d'envoi a refusé le message.",
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise SendFailure(
                server_words=str(exc),
                temporary=True,
                summary_fr="La connexion au serveur d'envoi a été coupée pendant l'envoi.",
            ) from exc
        refused_detail = {r: (c, _words(c, m)) for r, (c, m) in refused.items()}
        accepted = tuple(r for r in recipients if r not in refused_detail)
        return SendResult(accepted, refused_detail, dsn, envelope_id)
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def _refusal(details: dict[str, tuple[int, str]]) -> SendFailure:
    temporary = all(400 <= code < 500 for code, _ in details.values())
    words = "; ".join(f"{r}: {w}" for r, (_, w) in details.items())
    names = ", ".join(details)
    summary = (
        f"Destinataire(s) temporairement refusé(s) ({names}) : nouvel essai plus tard."
        if temporary
        else f"Destinataire(s) refusé(s) par le serveur : {names}."
    )
    return SendFailure(server_words=words, temporary=temporary, refused=details, summary_fr=summary)
