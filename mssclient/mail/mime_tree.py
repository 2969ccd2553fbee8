"""Index the MIME structure of a raw message without copying or decoding bodies.

Each part records byte offsets into the raw message; bodies are decoded later, only when
and as far as a caller needs them. Delimiters are found with ``bytes.find`` (C speed), so
a 50 MB attachment costs one scan. Depth, part count and delimiter look-alikes are capped,
so 10,000 nested multiparts or a flood of fake boundaries stay quick.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mssclient.mail.headers import HeaderBlock, parse_header_block
from mssclient.mail.limits import MAX_DEPTH, MAX_FALSE_DELIMITERS, MAX_PARTS
from mssclient.mail.params import content_type, decoded_param, split_value


@dataclass(slots=True)
class MimePart:
    """One MIME part: its headers, where its body lies in the raw bytes, its children."""

    index: int
    depth: int
    headers: HeaderBlock
    body_start: int
    body_end: int
    content_type: str
    params: dict[str, str]
    children: list[MimePart] = field(default_factory=list)

    @property
    def maintype(self) -> str:
        return self.content_type.partition("/")[0]

    @property
    def is_multipart(self) -> bool:
        return self.maintype == "multipart"

    @property
    def charset(self) -> str | None:
        return self.params.get("charset")

    @property
    def transfer_encoding(self) -> str:
        value = self.headers.raw("Content-Transfer-Encoding")
        return value.strip().lower() if value else "7bit"

    @property
    def disposition(self) -> str:
        value = self.headers.raw("Content-Disposition")
        return split_value(value)[0] if value else ""

    @property
    def content_id(self) -> str:
        value = self.headers.raw("Content-ID")
        return value.strip().strip("<>").strip() if value else ""

    def filename(self) -> tuple[str | None, bool]:
        """The declared file name (disposition ``filename``, else type ``name``)."""
        value = self.headers.raw("Content-Disposition")
        if value:
            name, bad = decoded_param(split_value(value)[1], "filename")
            if name:
                return name, bad
        return decoded_param(self.params, "name")

    def walk(self) -> list[MimePart]:
        """This part and all its descendants, depth-first, in index order."""
        out: list[MimePart] = []
        stack = [self]
        while stack:
            part = stack.pop()
            out.append(part)
            stack.extend(reversed(part.children))
        return out


@dataclass(slots=True)
class MimeTree:
    root: MimePart
    problems: list[str]
    raw: bytes

    def part(self, index: int) -> MimePart | None:
        for candidate in self.root.walk():
            if candidate.index == index:
                return candidate
        return None


class _Builder:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.count = 0
        self.problems: list[str] = []

    def problem(self, code: str) -> None:
        if code not in self.problems:
            self.problems.append(code)

    def build(
        self, start: int, end: int, depth: int, default_type: str, top: bool = False
    ) -> MimePart:
        headers, body_start = parse_header_block(self.raw, start, end, 500 if top else 100)
        for code in headers.problems:
            if top or code != "no-headers":
                self.problem(code)
        ctype, params, invalid = content_type(headers.raw("Content-Type"), default_type)
        if invalid:
            self.problem("bad-content-type")
        part = MimePart(self.count, depth, headers, body_start, end, ctype, params)
        self.count += 1
        if ctype.startswith("multipart/"):
            self._split_multipart(part, depth)
        elif ctype == "message/rfc822" and depth >= MAX_DEPTH:
            self.problem("too-deep")
        elif (
            ctype == "message/rfc822"
            and depth < MAX_DEPTH
            and self.count < MAX_PARTS
            and part.transfer_encoding in ("7bit", "8bit", "binary")
        ):
            part.children.append(self.build(body_start, end, depth + 1, "text/plain"))
        return part

    def _split_multipart(self, part: MimePart, depth: int) -> None:
        boundary = part.params.get("boundary", "")
        if not boundary:
            self.problem("missing-boundary")
            part.content_type = "text/plain"
            return
        if depth >= MAX_DEPTH:
            self.problem("too-deep")
            part.content_type = "application/octet-stream"
            return
        spans, closed, found = self._delimited_spans(
            boundary.encode("latin-1", "replace"), part.body_start, part.body_end
        )
        if not found:
            self.problem("broken-boundary")
            part.content_type = "text/plain"
            return
        if not closed:
            self.problem("missing-end-boundary")
        child_default = (
            "message/rfc822" if part.content_type == "multipart/digest" else "text/plain"
        )
        for child_start, child_end in spans:
            if self.count >= MAX_PARTS:
                self.problem("too-many-parts")
                return
            part.children.append(self.build(child_start, child_end, depth + 1, child_default))

    def _delimited_spans(
        self, boundary: bytes, start: int, end: int
    ) -> tuple[list[tuple[int, int]], bool, bool]:
        """Body spans between ``--boundary`` lines; returns (spans, closed, any_found)."""
        raw = self.raw
        marker = b"--" + boundary
        spans: list[tuple[int, int]] = []
        part_start = -1
        false_hits = 0
        # The first delimiter may open the body; later ones follow a line break.
        position = start if raw.startswith(marker, start) and start < end else -1
        if position < 0:
            position = raw.find(b"\n" + marker, start, end)
            position = position + 1 if position >= 0 else -1
        while position >= 0:
            after = position + len(marker)
            closing = raw.startswith(b"--", after)
            cursor = after + 2 if closing else after
            line_end = raw.find(b"\n", cursor, end)
            rest = raw[cursor : (line_end if line_end >= 0 else end)]
            if rest.strip(b" \t\r") == b"":
                if part_start >= 0:
                    spans.append((part_start, _before_line_break(raw, position)))
                    if len(spans) >= MAX_PARTS:
                        self.problem("too-many-parts")
                        return spans, True, True
                if closing:
                    return spans, True, True
                part_start = line_end + 1 if line_end >= 0 else end
            else:
                false_hits += 1
                if false_hits > MAX_FALSE_DELIMITERS:
                    self.problem("too-many-parts")
                    break
            found = raw.find(b"\n" + marker, after, end)
            position = found + 1 if found >= 0 else -1
        if part_start >= 0:
            spans.append((part_start, end))
        return spans, False, part_start >= 0 or bool(spans)


def _before_line_break(raw: bytes, delimiter: int) -> int:
    """Where a part's body ends: the line break before a delimiter belongs to it."""
    end = delimiter
    if end > 0 and raw[end - 1 : end] == b"\n":
        end -= 1
        if end > 0 and raw[end - 1 : end] == b"\r":
            end -= 1
    return end


def build_tree(raw: bytes) -> MimeTree:
    """Index ``raw``; never raises and never reads a body.

    Old Mac line ends (CR alone) are read as LF on a copy; offsets then refer to the copy,
    which ``MimeTree.raw`` holds.
    """
    bare_cr = b"\n" not in raw and b"\r" in raw
    if bare_cr:
        raw = raw.replace(b"\r", b"\n")
    builder = _Builder(raw)
    if bare_cr:
        builder.problem("bare-cr-line-ends")
    root = builder.build(0, len(raw), 0, "text/plain", top=True)
    return MimeTree(root, builder.problems, raw)
