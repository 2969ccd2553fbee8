"""Mail addresses: a small record, tolerant parsing of received headers, strict checks
for what we send."""

from __future__ import annotations

import re
from email.utils import getaddresses
from typing import NamedTuple

from mssclient.mail.encoded_words import ENCODED_WORD
from mssclient.mail.errors import HeaderInjectionError, InvalidAddressError
from mssclient.mail.headers import display_text

#: Most addresses read from one header (a hostile To: with 100,000 entries stays cheap).
MAX_ADDRESSES = 1000

_ADDR_SPEC = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)


# Fast path for the usual shapes: "addr", "Name <addr>", "=?utf-8?q?...?= <addr>".
_SIMPLE_ITEM = re.compile(r"\s*(?:([^<>,]*?)\s*<([^<>\s,]*)>|([^<>\s,]+@[^<>\s,]+))\s*")
_NEEDS_FULL_PARSER = re.compile(r'["()\\;:\[\]]')
_PARKED = re.compile("\ue000(\\d+)\ue001")


class Address(NamedTuple):
    """A display name (may be empty) and an address."""

    name: str
    addr: str

    def __str__(self) -> str:
        return f"{self.name} <{self.addr}>" if self.name else self.addr

    @property
    def label(self) -> str:
        """What to show a person: the name, else the address."""
        return self.name or self.addr


def parse_address_header(latin1_value: str | None) -> tuple[list[Address], list[str]]:
    """Addresses in a received header (Latin-1 view); returns (addresses, problems)."""
    if not latin1_value:
        return [], []
    problems: list[str] = []
    # Encoded words may hide ":" "@" "," or quotes: park them while the list is split.
    words: list[str] = []
    if "=?" in latin1_value:

        def park(match: re.Match[str]) -> str:
            words.append(match.group(0))
            return f"\ue000{len(words) - 1}\ue001"

        latin1_value = ENCODED_WORD.sub(park, latin1_value)
    pairs = _simple_pairs(latin1_value)
    try:
        if pairs is None:
            pairs = getaddresses([latin1_value])
    except Exception:  # the stdlib parser has raised on odd input in past releases
        return [], ["bad-address"]
    addresses: list[Address] = []
    for name, addr in pairs[:MAX_ADDRESSES]:
        if not name and not addr:
            continue
        if words:
            name, addr = _unpark(name, words), _unpark(addr, words)
        text_name, name_problems = display_text(name) if name else ("", [])
        text_addr, addr_problems = display_text(addr) if addr else ("", [])
        problems.extend(name_problems + addr_problems)
        addresses.append(Address(text_name.strip('"').strip(), text_addr.strip()))
    if len(pairs) > MAX_ADDRESSES:
        problems.append("too-many-addresses")
    return addresses, sorted(set(problems))


def _unpark(text: str, words: list[str]) -> str:
    return _PARKED.sub(lambda match: words[int(match.group(1))], text) if text else text


def _simple_pairs(value: str) -> list[tuple[str, str]] | None:
    """(name, addr) pairs for plain lists; None when the full RFC 5322 parser is needed."""
    if _NEEDS_FULL_PARSER.search(value):
        return None
    pairs: list[tuple[str, str]] = []
    for item in value.split(","):
        if not item.strip():
            continue
        match = _SIMPLE_ITEM.fullmatch(item)
        if match is None:
            return None
        if match.group(3) is not None:
            pairs.append(("", match.group(3)))
        else:
            pairs.append((match.group(1), match.group(2)))
    return pairs


def is_valid_address(addr: str) -> bool:
    return len(addr) <= 254 and _ADDR_SPEC.fullmatch(addr) is not None


def check_no_line_break(value: str, what: str) -> None:
    """Refuse CR, LF or NUL in a value that will become a header (header injection)."""
    if any(char in value for char in "\r\n\x00\u2028\u2029\x0b\x0c\x85"):
        raise HeaderInjectionError(f"line break in {what}: {value!r}")


def checked_address(value: Address | str) -> Address:
    """An outgoing recipient: a valid ASCII address and a clean display name."""
    if isinstance(value, str):
        check_no_line_break(value, "recipient")
        parsed, _ = parse_address_header(value)
        if len(parsed) != 1:
            raise InvalidAddressError(
                f"not a single address: {value!r}",
                user_message=f"L'adresse « {value} » n'est pas valide.",
            )
        value = parsed[0]
    name, addr = value.name.strip(), value.addr.strip()
    check_no_line_break(name, "display name")
    check_no_line_break(addr, "address")
    if not is_valid_address(addr):
        raise InvalidAddressError(
            f"invalid address: {addr!r}",
            user_message=f"L'adresse « {addr} » n'est pas une adresse de messagerie valide.",
        )
    return Address(name, addr)


def parse_recipient_list(text: str) -> list[Address]:
    """Recipients typed in the composer (comma or semicolon separated), validated."""
    check_no_line_break(text, "recipients")
    chunks = [chunk for chunk in re.split(r"[;,](?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", text)]
    return [checked_address(chunk.strip()) for chunk in chunks if chunk.strip()]
