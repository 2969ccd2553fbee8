"""The sandbox submission server, driven by the standard library's smtplib."""

from __future__ import annotations

import email
import imaplib
import smtplib
import ssl
from email import policy
from email.message import EmailMessage

import pytest

from mssclient.sandbox import DERMATOLOGIST, DERMATOLOGY, GP, NURSE, Sandbox

pytestmark = pytest.mark.integration


def _message(sender: str, recipient: str, subject: str, message_id: str) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message.set_content("Bonjour,\nVoici la photo de contrôle à J15.\n")
    message.add_attachment(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        maintype="image",
        subtype="png",
        filename="contrôle-J15.png",
    )
    return message.as_bytes()


def _inbox_raw_by_message_id(
    sandbox: Sandbox, tls: ssl.SSLContext, address: str, password: str, message_id: str
) -> bytes | None:
    client = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    try:
        client.login(address, password)
        client.select("INBOX", readonly=True)
        typ, data = client.uid("SEARCH", "HEADER", "Message-ID", message_id)
        assert typ == "OK"
        uids = data[0].split()
        if not uids:
            return None
        typ, parts = client.uid("FETCH", uids[-1], "(BODY.PEEK[])")
        return bytes(parts[0][1])
    finally:
        client.logout()


def test_send_from_nurse_lands_in_the_gps_inbox(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    raw = _message(NURSE.address, GP.address, "Contrôle à J15 – Mme Dupont", "<smtp-1@test>")
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        refused = smtp.sendmail(NURSE.address, [GP.address], raw)
    assert refused == {}
    delivered = _inbox_raw_by_message_id(sandbox, tls, GP.address, GP.password, "<smtp-1@test>")
    assert delivered is not None
    # The server adds trace headers in front and keeps the submitted bytes as they were.
    assert delivered.endswith(raw)
    assert delivered.startswith(f"Return-Path: <{NURSE.address}>\r\n".encode())


def test_starttls_submission_offers_auth_only_after_tls(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    raw = _message(GP.address, NURSE.address, "Réponse", "<smtp-2@test>")
    with smtplib.SMTP(sandbox.host, sandbox.smtp_starttls_port) as smtp:
        smtp.ehlo()
        assert smtp.has_extn("starttls") and not smtp.has_extn("auth")
        code, _ = smtp.mail(GP.address)
        assert code == 530  # must STARTTLS first
        smtp.rset()
        smtp.starttls(context=tls)
        smtp.ehlo()
        assert "PLAIN" in smtp.esmtp_features["auth"]
        smtp.login(GP.address, GP.password)
        smtp.sendmail(GP.address, [NURSE.address], raw)
    assert _inbox_raw_by_message_id(sandbox, tls, NURSE.address, NURSE.password, "<smtp-2@test>")


def test_unknown_recipient_is_refused_in_french(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    raw = _message(NURSE.address, "inconnu@ch-exemple.sandbox.mssante.fr", "x", "<smtp-3@test>")
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            smtp.sendmail(NURSE.address, ["inconnu@ch-exemple.sandbox.mssante.fr"], raw)
    code, text = refused.value.recipients["inconnu@ch-exemple.sandbox.mssante.fr"]
    assert code == 550
    assert b"destinataire inconnu" in text


def test_one_unknown_recipient_does_not_block_the_others(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    raw = _message(NURSE.address, GP.address, "Copie", "<smtp-4@test>")
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        refused = smtp.sendmail(NURSE.address, [GP.address, "personne@exemple.fr"], raw)
    assert set(refused) == {"personne@exemple.fr"}
    assert _inbox_raw_by_message_id(sandbox, tls, GP.address, GP.password, "<smtp-4@test>")


def test_wrong_password_and_no_auth_are_refused(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        with pytest.raises(smtplib.SMTPAuthenticationError) as failed:
            smtp.login(NURSE.address, "mauvais")
        assert failed.value.smtp_code == 535
        code, _ = smtp.mail(NURSE.address)
        assert code == 530  # authentication required


def test_a_login_sends_only_as_itself_or_as_its_organisational_mailbox(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    raw = _message(DERMATOLOGY.address, GP.address, "Réponse du service", "<smtp-5@test>")
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(DERMATOLOGIST.address, DERMATOLOGIST.password)
        assert smtp.sendmail(DERMATOLOGY.address, [GP.address], raw) == {}
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        with pytest.raises(smtplib.SMTPSenderRefused) as refused:
            smtp.sendmail(DERMATOLOGY.address, [GP.address], raw)
    assert refused.value.smtp_code == 553


def test_malformed_message_is_delivered_byte_for_byte(
    sandbox: Sandbox, tls: ssl.SSLContext
) -> None:
    hostile = (
        b"From: =?utf-8?B?!!!not-base64?= <a@b.fr>\r\n"
        b"Subject: =?x-unknown?Q?=FF=FE?=\r\n"
        b"Message-ID: <smtp-6@test>\r\n"
        b'Content-Type: multipart/mixed; boundary="never-closed"\r\n'
        b"\r\n--never-closed\r\nContent-Type: text/plain; charset=made-up\r\n\r\n"
        b"\xff\xfe bytes \x00 with a NUL\r\n.leading dot\r\n"
    )
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        smtp.sendmail(NURSE.address, [GP.address], hostile)
    delivered = _inbox_raw_by_message_id(sandbox, tls, GP.address, GP.password, "<smtp-6@test>")
    assert delivered is not None and delivered.endswith(hostile)


def test_null_sender_is_allowed_for_notifications(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    mdn = (
        b"From: " + GP.address.encode() + b"\r\nTo: " + NURSE.address.encode() + b"\r\n"
        b"Subject: Accuse de lecture\r\nMessage-ID: <smtp-7@test>\r\n\r\nLu.\r\n"
    )
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(GP.address, GP.password)
        assert smtp.sendmail("<>", [NURSE.address], mdn) == {}
    delivered = _inbox_raw_by_message_id(
        sandbox, tls, NURSE.address, NURSE.password, "<smtp-7@test>"
    )
    assert delivered is not None and delivered.startswith(b"Return-Path: <>\r\n")


def test_oversized_message_is_refused_before_data(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        limit = int(smtp.esmtp_features["size"])
        code, _ = smtp.mail(NURSE.address, [f"SIZE={limit + 1}"])
    assert code == 552


def test_delivery_report_on_request(sandbox: Sandbox, tls: ssl.SSLContext) -> None:
    raw = _message(NURSE.address, GP.address, "Avec accusé de remise", "<smtp-dsn@test>")
    with smtplib.SMTP_SSL(sandbox.host, sandbox.smtp_port, context=tls) as smtp:
        smtp.login(NURSE.address, NURSE.password)
        assert smtp.has_extn("dsn")
        assert smtp.mail(NURSE.address)[0] == 250
        assert smtp.rcpt(GP.address, ["NOTIFY=NEVER,SUCCESS"])[0] == 501  # malformed
        smtp.rset()
        smtp.sendmail(
            NURSE.address,
            [GP.address],
            raw,
            mail_options=["RET=HDRS", "ENVID=QQ314159"],
            rcpt_options=["NOTIFY=SUCCESS,FAILURE", f"ORCPT=rfc822;{GP.address}"],
        )
    client = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    try:
        client.login(NURSE.address, NURSE.password)
        client.select("INBOX", readonly=True)
        uids = client.uid("SEARCH", "HEADER", "Content-Type", "delivery-status")[1][0].split()
        assert uids, "no delivery report in the sender's INBOX"
        report_raw = client.uid("FETCH", uids[-1], "(BODY.PEEK[])")[1][0][1]
    finally:
        client.logout()
    report = email.message_from_bytes(report_raw, policy=policy.default)
    assert report.get_content_type() == "multipart/report"
    assert report.get_param("report-type") == "delivery-status"
    text, status, headers = report.get_payload()
    assert "bien été remis" in text.get_content()
    fields = status.as_string()
    assert "Original-Envelope-Id: QQ314159" in fields
    assert f"Final-Recipient: rfc822; {GP.address}" in fields
    assert "Action: delivered" in fields and "Status: 2.0.0" in fields
    assert "<smtp-dsn@test>" in headers.get_content()
