"""Delivery reports (DSN): the sandbox's real reports and hand-written ones (Postfix's
layout, a full returned message) are read; malformed, hostile and huge ones give nothing
or a report that acknowledges nothing, never an exception."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from mssclient.mail import parse_full
from mssclient.sandbox.delivery_report import DsnRequest, success_report
from mssclient.teleexpertise.delivery import (
    MAX_RECIPIENTS,
    DeliveryReport,
    RecipientStatus,
    acknowledgement_problem,
    parse_status_fields,
    read_delivery_report,
    returned_message_id,
)
from mssclient.teleexpertise.model import RequestStatus, TeleexpertiseRequest
from tests.unit.teleexpertise.factories import DERMATOLOGY, NURSE, T0, wound_request

REQUEST_ID = "req-1.abc@infirmier.mssante.fr"
DEPT = DERMATOLOGY.mailbox
ORIGINAL = (
    f"From: Claire Petit <{NURSE.mailbox}>\r\nTo: <{DEPT}>\r\n"
    f"Subject: =?utf-8?q?T=C3=A9l=C3=A9expertise?=\r\nMessage-ID: <{REQUEST_ID}>\r\n\r\n"
    "Corps de la demande.\r\n"
).encode()


def _report(
    status: bytes,
    returned: bytes | None = ORIGINAL.split(b"\r\n\r\n")[0] + b"\r\n",
    *,
    report_type: str = "delivery-status",
    return_path: str | None = "<>",
    returned_type: str = "text/rfc822-headers",
) -> bytes:
    """A report laid out as MTAs write them, with parts the test chooses."""
    head = f"Return-Path: {return_path}\r\n" if return_path is not None else ""
    parts = [
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nVotre message a ete remis.\r\n",
        b"Content-Type: message/delivery-status\r\n\r\n" + status,
    ]
    if returned is not None:
        parts.append(f"Content-Type: {returned_type}\r\n\r\n".encode() + returned)
    body = b"".join(b"--b1\r\n" + part + b"\r\n" for part in parts) + b"--b1--\r\n"
    return (
        head
        + "From: MAILER-DAEMON@chu.mssante.fr (Mail Delivery System)\r\n"
        + f"To: {NURSE.mailbox}\r\nSubject: Successful Mail Delivery Report\r\n"
        + "Date: Mon, 02 Mar 2026 09:01:00 +0000\r\nMessage-ID: <dsn-1@chu.mssante.fr>\r\n"
        + "MIME-Version: 1.0\r\n"
        + f'Content-Type: multipart/report; report-type={report_type};\r\n\tboundary="b1"\r\n'
        + "\r\n"
    ).encode() + body


POSTFIX_STATUS = (
    b"Reporting-MTA: dns; mx1.chu.mssante.fr\r\nX-Postfix-Queue-ID: 4Xyz\r\n"
    b"X-Postfix-Sender: rfc822; " + NURSE.mailbox.encode() + b"\r\n"
    b"Arrival-Date: Mon,  2 Mar 2026 09:00:58 +0000 (UTC)\r\n\r\n"
    b"Final-Recipient: rfc822;\r\n " + DEPT.upper().encode() + b"\r\n"
    b"Original-Recipient: rfc822;" + DEPT.encode() + b"\r\n"
    b"Action: delivered\r\nStatus: 2.0.0\r\n"
    b"Diagnostic-Code: smtp; 250 2.0.0 <" + DEPT.encode() + b"> Saved\r\n"
)


def _read(raw: bytes) -> DeliveryReport | None:
    return read_delivery_report(parse_full(raw), raw)


def _sent() -> TeleexpertiseRequest:
    return wound_request(
        status=RequestStatus.SENT, sent_at=T0, thread_message_id=f"<{REQUEST_ID}>", id=7
    )


def test_the_sandbox_report_acknowledges_the_request() -> None:
    report = success_report(
        reporting_mta="sandbox.mssante.test",
        sender=NURSE.mailbox,
        recipient=DEPT,
        original=ORIGINAL,
        request=DsnRequest(ret="HDRS", envid="e1+2B", notify={DEPT: frozenset({"SUCCESS"})}),
        arrival=datetime(2026, 3, 2, 9, 1, tzinfo=UTC),
    )
    raw = b"Return-Path: <>\r\n" + report  # as the sandbox delivers it
    dsn = _read(raw)
    assert dsn is not None
    assert dsn.original_message_id == REQUEST_ID
    assert dsn.envelope_id == "e1+"
    assert dsn.recipients == (RecipientStatus(DEPT, "", "delivered", "2.0.0"),)
    assert dsn.null_sender and dsn.delivered_to(DEPT.upper())
    assert acknowledgement_problem(dsn, _sent(), NURSE.mailbox) == ""


def test_a_postfix_style_report_with_folded_fields() -> None:
    dsn = _read(_report(POSTFIX_STATUS))
    assert dsn is not None and dsn.original_message_id == REQUEST_ID
    [recipient] = dsn.recipients
    assert recipient.final_recipient == DEPT and recipient.original_recipient == DEPT
    assert recipient.delivered
    assert acknowledgement_problem(dsn, _sent(), NURSE.mailbox) == ""


def test_a_whole_returned_message_is_read_for_its_headers_only() -> None:
    returned = ORIGINAL.replace(b"Corps", b"Message-ID: <not-this-one@x>\r\nCorps")
    dsn = _read(_report(POSTFIX_STATUS, returned, returned_type="message/rfc822"))
    assert dsn is not None and dsn.original_message_id == REQUEST_ID


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (_report(POSTFIX_STATUS, report_type="disposition-notification"), "read receipt"),
        (_report(b"Final-Recipient: rfc822; " + DEPT.encode() + b"\r\n"), "one group only"),
        (_report(b"\x00\xff\xfe" * 5000), "binary garbage"),
        (_report(b"Reporting-MTA: dns; x\r\n\r\nFinal-Recipient: x400; C=fr\r\n"), "no rfc822"),
        (_report(POSTFIX_STATUS + b"\r\n" + b"X-Pad: " + b"a" * 70_000 + b"\r\n"), "too big"),
        (_report(POSTFIX_STATUS).replace(b"Content-Type: message/delivery-status", b""), "none"),
        (ORIGINAL, "an ordinary mail"),
        (b"", "empty"),
    ],
)
def test_what_is_not_a_usable_report_gives_nothing(raw: bytes, why: str) -> None:
    assert _read(raw) is None, why
    assert parse_full(raw) is not None  # the mail itself stays readable


def test_hostile_field_values_are_bounded_and_never_match() -> None:
    status = (
        b"Reporting-MTA: dns; x\r\n\r\n"
        b"Final-Recipient: rfc822; "
        + b"<" * 900
        + DEPT.encode()
        + b"\r\n"
        + b"Action: delivered\r\nStatus: 2.0.0\r\n\r\n"
        + b"Final-Recipient: rfc822; a@b, "
        + DEPT.encode()
        + b"\r\n"
        + b"Action: delivered\r\nStatus: 2.0.0\r\n\r\n"
        + b"Final-Recipient: rfc822; ok@chu.mssante.fr\r\n"
        + b"Action: delivered\r\n"
        + b" continued" * 5000
        + b"\r\nStatus: 2.0.0\r\n"
    )
    dsn = _read(_report(status))
    assert dsn is not None
    assert [r.final_recipient for r in dsn.recipients] == ["", "", "ok@chu.mssante.fr"]
    assert all(len(r.action) <= 1000 for r in dsn.recipients)
    assert not dsn.delivered_to(DEPT)


def test_many_recipient_groups_are_capped() -> None:
    group = b"Final-Recipient: rfc822; r@x.fr\r\nAction: delivered\r\nStatus: 2.0.0\r\n\r\n"
    status = b"Reporting-MTA: dns; x\r\n\r\n" + group * 900  # about 60 KB
    started = time.perf_counter()
    fields = parse_status_fields(status)
    assert time.perf_counter() - started < 2.0
    assert fields is not None and len(fields[1]) == MAX_RECIPIENTS


def test_repeated_fields_keep_the_first_and_statuses_are_checked() -> None:
    status = (
        b"Reporting-MTA: dns; x\r\n\r\n"
        b"Final-Recipient: rfc822; " + DEPT.encode() + b"\r\n"
        b"Action: failed\r\nAction: delivered\r\nStatus: 5.1.1\r\n\r\n"
        b"Final-Recipient: rfc822; " + DEPT.encode() + b"\r\n"
        b"Action: delivered\r\nStatus: 2.0.0.0.0\r\n"
    )
    fields = parse_status_fields(status)
    assert fields is not None
    assert [(r.action, r.status) for r in fields[1]] == [("failed", "5.1.1"), ("delivered", "")]
    assert not any(r.delivered for r in fields[1])


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (b"Message-ID: <a@b>\r\n", "a@b"),
        (b"message-id:\r\n <folded@b>\r\nSubject: x\r\n", "folded@b"),
        (b"Message-ID: no-brackets@b\r\n", ""),
        (b"Subject: x\r\n\r\nMessage-ID: <in-the-body@b>\r\n", ""),
        (b"Message-ID: <" + b"x" * 300 + b"@b>\r\n", ""),
        (b"X: " + b"y" * 200_000 + b"\r\nMessage-ID: <late@b>\r\n", ""),
    ],
)
def test_returned_message_id(headers: bytes, expected: str) -> None:
    assert returned_message_id(headers) == expected


def test_a_huge_returned_part_is_not_read() -> None:
    returned = b"Message-ID: <" + REQUEST_ID.encode() + b">\r\nX: " + b"z" * 1_200_000 + b"\r\n"
    dsn = _read(_report(POSTFIX_STATUS, returned))
    assert dsn is not None and dsn.original_message_id == ""
    assert acknowledgement_problem(dsn, _sent(), NURSE.mailbox) != ""


def test_only_an_exact_fit_acknowledges() -> None:
    good = _read(_report(POSTFIX_STATUS))
    assert good is not None
    request = _sent()
    cases = {
        "forged by a user": replace(good, null_sender=False),
        "another mail": replace(good, original_message_id="other@x"),
        "not delivered": replace(good, recipients=(RecipientStatus(DEPT, "", "delayed", "4.4.1"),)),
        "another recipient": replace(
            good, recipients=(RecipientStatus("x@chu.mssante.fr", "", "delivered", "2.0.0"),)
        ),
    }
    for name, dsn in cases.items():
        assert acknowledgement_problem(dsn, request, NURSE.mailbox) != "", name
    # In someone else's mailbox (a colleague's copy), or after "taken": nothing.
    assert acknowledgement_problem(good, request, DEPT) != ""
    for status in (RequestStatus.RECEIVED, RequestStatus.TAKEN, RequestStatus.ANSWERED):
        later = replace(request, status=status)
        assert acknowledgement_problem(good, later, NURSE.mailbox) == f"request already {status}"
    # The Original-Envelope-Id may name the request instead of the returned headers.
    by_envelope = replace(good, original_message_id="", envelope_id=f"<{REQUEST_ID}>")
    assert acknowledgement_problem(by_envelope, request, NURSE.mailbox) == ""
    no_return_path = _read(_report(POSTFIX_STATUS, return_path=None))
    assert no_return_path is not None and not no_return_path.null_sender
    forged = _read(_report(POSTFIX_STATUS, return_path=f"<{NURSE.mailbox}>"))
    assert forged is not None and not forged.null_sender
