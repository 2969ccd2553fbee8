"""A bounded MIME structure for pymap: hostile messages are served instead of killing a session.

pymap (0.36) answers every FETCH, even ``BODY[]``, by parsing the whole MIME tree of the
message (``MessageContent.parse``): recursively, once per level, rescanning every line of
the level below each time. A message nested 10,000 levels deep ends in ``RecursionError``
after about 30 s of work, and one with 100,000 parts keeps the loop busy for as long; the
IMAP session dies, or never answers. A real operator (Dovecot) bounds the structure it
builds instead, and serves the message.

The sandbox does the same, in our code (the installed pymap is untouched): this parser
builds the very objects pymap builds (so FETCH, SEARCH and BINARY work unchanged), but

* below :data:`MAX_DEPTH` levels, or once the message has :data:`MAX_PARTS` parts, a
  multipart or ``message/rfc822`` part is kept as one opaque ``application/octet-stream``
  leaf: its headers and raw bytes are served as they are, only its inside is not listed
  in BODYSTRUCTURE nor addressable as ``BODY[1.2.3...]``;
* boundaries are found with a regular expression over the bytes (C speed) rather than a
  Python loop over every line at every level, and no recursion goes deeper than the cap,
  so the 10,000-level message is answered in a fraction of a second, without touching the
  interpreter's recursion limit (the sandbox may run inside the GUI's process);
* the bytes of every part are cut from exact offsets: ``BODY[]`` / ``RFC822`` is always the
  stored message byte for byte (pymap drops the last byte of a message with no body, e.g.
  one without any header).

A multipart part without any part inside (no delimiter line) is an opaque leaf too: pymap
would describe it as a multipart with no parts, which is not valid BODYSTRUCTURE syntax.

It relies on pymap's parsing helpers (``_find_lines``, ``_find_folds``, ...), checked by
:func:`install` and by tests/integration/sandbox/test_sandbox_hostile_structure.py.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from email.headerregistry import ContentTypeHeader
from typing import Final

import pymap.backend.maildir.mailbox as pymap_maildir
from pymap.mime import MessageBody, MessageContent, MessageHeader

#: Levels of nesting listed below the message itself (Dovecot's default is 100).
MAX_DEPTH: Final = 64
#: Parts listed in one message, all levels together (Dovecot's default is 10,000).
MAX_PARTS: Final = 1_000

_Line = tuple[int, int, int]  # pymap's line: (start, end without CRLF/LF, next start)
_NOT_WHITESPACE: Final = re.compile(rb"[^ \t\n\r\x0b\x0c]")  # pymap's notion of a blank line
_OPAQUE: Final = "application/octet-stream"


class CappedMessageHeader(MessageHeader):
    """pymap's header, whose bytes are an exact span of the message."""

    __slots__ = ()

    def __init__(
        self, data: bytes, lines: list[_Line], span: tuple[int, int], view: memoryview
    ) -> None:
        folded = MessageHeader._find_folded(data, view, MessageHeader._find_folds(data, lines))
        super().__init__(data, lines, folded)
        self._raw = view[span[0] : span[1]]


class CappedMessageBody(MessageBody):
    """pymap's body, whose bytes are an exact span of the message."""

    __slots__ = ()

    def __init__(
        self,
        data: bytes,
        lines: list[_Line],
        content_type: ContentTypeHeader,
        nested: list[MessageContent],
        span: tuple[int, int],
        view: memoryview,
    ) -> None:
        super().__init__(data, lines, content_type, nested)
        self._raw = view[span[0] : span[1]]


class CappedMessageContent(MessageContent):
    """pymap's message content, built by a parser that bounds the MIME structure."""

    __slots__ = ()

    def __init__(
        self,
        data: bytes,
        header: MessageHeader,
        body: MessageBody,
        span: tuple[int, int],
        view: memoryview,
    ) -> None:
        super().__init__(data, header, body)
        self._raw = view[span[0] : span[1]]

    @property
    def is_rfc822(self) -> bool:
        # The structure, not the header: a capped message/rfc822 part has no inner message,
        # and pymap would index its (empty) list of parts for BODY[n.HEADER].
        return self.body.content_type.content_type == "message/rfc822"

    @classmethod
    def parse(cls, data: bytes) -> MessageContent:
        return _Parser(data).content(0, -1, depth=0)


class _Parser:
    """One message: its lines (pymap's) and the parts still allowed."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.view = memoryview(data)
        self.lines: list[_Line] = list(MessageContent._find_lines(data))
        self.parts_left = MAX_PARTS

    def offset(self, index: int) -> int:
        """Where line ``index`` starts (the end of the data past the last line)."""
        return self.lines[index][0] if index < len(self.lines) else len(self.data)

    def content(self, lo: int, hi: int, *, depth: int) -> CappedMessageContent:
        """The part made of lines ``lo`` to ``hi`` (excluded; -1 for all the lines)."""
        if hi < 0:
            hi = len(self.lines)
        split = lo  # the header ends with the first blank line; none: no header at all
        for index in range(lo, hi):
            start, end, _ = self.lines[index]
            if _NOT_WHITESPACE.search(self.data, start, end) is None:
                split = index + 1
                break
        header = CappedMessageHeader(
            self.data, self.lines[lo:split], (self.offset(lo), self.offset(split)), self.view
        )
        body = self.body(split, hi, header.parsed.content_type, depth=depth)
        span = (self.offset(lo), self.offset(hi))
        return CappedMessageContent(self.data, header, body, span, self.view)

    def body(
        self, lo: int, hi: int, content_type: ContentTypeHeader | None, *, depth: int
    ) -> CappedMessageBody:
        if content_type is None:
            content_type = MessageBody._parse_content_type("text/plain")
        nested: list[MessageContent] | None = []
        if content_type.maintype == "multipart":
            boundary = MessageBody._get_boundary(content_type)
            if boundary:
                nested = self.multipart(lo, hi, boundary, depth=depth)
        elif content_type.maintype == "message" and content_type.subtype == "rfc822":
            nested = self.rfc822(lo, hi, depth=depth)
        if nested is None:  # capped, or a multipart without parts: one opaque leaf
            nested = []
            content_type = MessageBody._parse_content_type(_OPAQUE)
        span = (self.offset(lo), self.offset(hi))
        return CappedMessageBody(
            self.data, self.lines[lo:hi], content_type, nested, span, self.view
        )

    def rfc822(self, lo: int, hi: int, *, depth: int) -> list[MessageContent] | None:
        if depth >= MAX_DEPTH or self.parts_left < 1:
            return None
        self.parts_left -= 1
        return [self.content(lo, hi, depth=depth + 1)]

    def multipart(
        self, lo: int, hi: int, boundary: bytes, *, depth: int
    ) -> list[MessageContent] | None:
        if depth >= MAX_DEPTH:
            return None
        spans = self.find_parts(lo, hi, boundary)
        if not spans:
            return None
        self.parts_left -= len(spans)
        return [self.content(start, end, depth=depth + 1) for start, end in spans]

    def find_parts(self, lo: int, hi: int, boundary: bytes) -> list[tuple[int, int]] | None:
        """The line ranges of the parts, as pymap cuts them; None past the parts left.

        pymap's rule: a delimiter is a line equal to ``--boundary`` (``--boundary--`` ends
        the parts), the line end being LF or CRLF; the preamble and the epilogue are dropped.
        The search starts with the LF before the line (a literal prefix lets ``re`` skip
        ahead quickly); the first line of the data has none and is checked apart.
        """
        delimiter = b"--" + re.escape(boundary) + rb"(--)?(?=\r?\n|\Z)"
        start, end = self.offset(lo), self.offset(hi)
        matches: list[tuple[int, bool]] = []  # (line start, closing delimiter)
        if start == 0:
            first = re.compile(delimiter).match(self.data, 0, end)
            if first is not None:
                matches.append((0, first.group(1) is not None))
        after_lf = re.compile(b"\n" + delimiter)
        starts: list[int] = []  # the line after each delimiter
        stop = hi
        lines_from = lo
        found = (
            (match.start() + 1, match.group(1) is not None)
            for match in after_lf.finditer(self.data, max(start - 1, 0), end)
        )
        for offset, closing in itertools.chain(matches, found):
            index = self._line_at(offset, lines_from, hi)
            if closing:
                stop = index
                break
            if len(starts) >= self.parts_left:
                return None
            starts.append(index + 1)
            lines_from = index + 1
        if not starts:
            return []
        ends = [start - 1 for start in starts[1:]] + [stop]
        return list(zip(starts, ends, strict=True))

    def _line_at(self, offset: int, lo: int, hi: int) -> int:
        """The index of the line starting at ``offset`` (line starts strictly increase)."""
        return bisect.bisect_left(self.lines, offset, lo, hi, key=operator.itemgetter(0))


def install() -> None:
    """Make pymap's Maildir backend parse message content with :class:`CappedMessageContent`.

    Loading a message (every FETCH, SEARCH on content) is the only place where that
    backend parses MIME: APPEND, COPY and our in-process delivery store bytes unparsed.
    Like :func:`mssclient.sandbox.raw_maildir.install`, this rebinds a module-level name
    of pymap's Maildir backend, which only the sandbox uses in this process.
    """
    helpers = {
        MessageContent: ("_find_lines",),
        MessageHeader: ("_find_folds", "_find_folded"),
        MessageBody: ("_get_boundary", "_parse_content_type"),
    }
    for owner, names in helpers.items():
        for name in names:
            if not hasattr(owner, name):  # a pymap upgrade moved the helpers: fail loudly
                raise RuntimeError(f"pymap.mime.{owner.__name__}.{name} introuvable")
    if getattr(pymap_maildir, "MessageContent", None) not in (MessageContent, CappedMessageContent):
        raise RuntimeError("pymap.backend.maildir.mailbox ne charge plus MessageContent")
    setattr(pymap_maildir, "MessageContent", CappedMessageContent)  # noqa: B010 - see above


__all__ = ["MAX_DEPTH", "MAX_PARTS", "CappedMessageContent", "install"]
