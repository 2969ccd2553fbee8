"""The parser meets malformed, hostile and huge messages: no exception, problems
recorded, raw bytes untouched, sane index text."""

from __future__ import annotations

import pickle

import pytest

from mssclient.mail import attachment_bytes, parse_full, parse_summary
from mssclient.mail.limits import INDEX_TEXT_LIMIT, SNIPPET_LENGTH
from mssclient.mail.problems import PROBLEM_DESCRIPTIONS
from tests.unit.mail.corpus import (
    CASES,
    Case,
    deep_nesting,
    huge_attachment,
    huge_html_part,
    huge_text_part,
)


def _assert_sane_text(text: str, limit: int) -> None:
    assert isinstance(text, str)
    assert len(text) <= limit
    assert "\x00" not in text


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_summary_survives_and_reports(case: Case) -> None:
    raw = case.make()
    pristine = bytes(raw)
    summary = parse_summary(raw)
    assert raw == pristine
    assert case.expected <= set(summary.parse_problems), summary.parse_problems
    assert summary.is_malformed == bool(summary.parse_problems)
    if case.expected:
        assert summary.is_malformed
    assert summary.size == len(raw)
    _assert_sane_text(summary.index_text, INDEX_TEXT_LIMIT)
    _assert_sane_text(summary.snippet, SNIPPET_LENGTH)
    assert "\n" not in summary.subject and "\r" not in summary.subject
    assert not any(p.startswith("parser-failure") for p in summary.parse_problems)
    assert pickle.loads(pickle.dumps(summary)) == summary  # noqa: S301 (our own bytes)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_full_survives_and_explains(case: Case) -> None:
    raw = case.make()
    pristine = bytes(raw)
    message = parse_full(raw)
    assert raw == pristine
    assert case.expected <= set(message.parse_problems)
    assert not any(p.startswith("parser-failure") for p in message.parse_problems)
    _assert_sane_text(message.text, 5_000_000)
    if message.parse_problems:
        assert message.problem_description.startswith("Ce message est mal formé")
    for code in message.parse_problems:
        assert code in PROBLEM_DESCRIPTIONS, code
    for info in message.attachments:
        assert "/" not in info.filename and "\\" not in info.filename
        assert isinstance(attachment_bytes(raw, info.part_index), bytes)


def test_broken_boundary_shows_the_body_as_is() -> None:
    case = next(c for c in CASES if c.name == "broken_boundary")
    message = parse_full(case.make())
    assert "Texte visible" in message.text
    assert "délimiteur" in message.problem_description


def test_encoded_line_breaks_do_not_create_headers() -> None:
    case = next(c for c in CASES if c.name == "header_injection")
    message = parse_full(case.make())
    assert [name for name, _ in message.headers] == ["From", "Subject", "To"]
    assert message.from_ is not None and message.from_.addr == "evil@example.org"
    assert "\n" not in message.subject and "X-Injected" in message.subject
    assert "encoded-line-break" in message.parse_problems


def test_rfc2047_garbage_keeps_the_undecodable_text() -> None:
    case = next(c for c in CASES if c.name == "rfc2047_garbage")
    summary = parse_summary(case.make())
    assert summary.subject.startswith("=ZZ")
    assert summary.from_name == "Dr X"  # unknown charset: still read as text
    assert summary.to[0].name == "é"  # base64 without padding


def test_latin1_headers_are_read_as_latin1() -> None:
    case = next(c for c in CASES if c.name == "latin1_headers")
    summary = parse_summary(case.make())
    assert summary.subject == "Résultat d'analyse"
    assert summary.from_name == "François Hébert"


def test_message_without_headers_is_indexed_as_text() -> None:
    case = next(c for c in CASES if c.name == "no_headers")
    summary = parse_summary(case.make())
    assert summary.subject == ""
    assert summary.index_text.startswith("Ceci est un texte sans en-tête.")


def test_ten_thousand_nested_parts_keep_the_top_level() -> None:
    summary = parse_summary(deep_nesting(10_000))
    assert summary.subject == "Test"
    assert summary.from_addr == "anne.martin@medecin.mssante.fr"
    assert "too-deep" in summary.parse_problems


def test_fifty_megabyte_attachment_is_listed_not_decoded() -> None:
    raw = huge_attachment()
    summary = parse_summary(raw)
    assert summary.parse_problems == []
    assert summary.attachment_names == ["imagerie.dcm"]
    assert summary.index_text.startswith("Voir la pièce jointe.")
    message = parse_full(raw)
    [info] = message.attachments
    data = attachment_bytes(raw, info.part_index)
    assert len(data) == info.size == 50 * 1024 * 1024 * 3 // 4


def test_non_bytes_garbage_input_is_reported_not_raised() -> None:
    summary = parse_summary("not bytes")  # type: ignore[arg-type]
    assert summary.is_malformed


def test_huge_text_parts_are_read_only_as_far_as_needed() -> None:
    for raw in (huge_text_part(), huge_html_part()):
        summary = parse_summary(raw)
        assert summary.index_text_truncated and summary.parse_problems == []
        assert 50_000 < len(summary.index_text) <= INDEX_TEXT_LIMIT
        message = parse_full(raw)
        assert message.text_truncated
    assert "x.example" not in (message.html or "x.example")
