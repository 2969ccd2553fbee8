"""Decide which MIME parts are the body and which are attachments.

Plain text is preferred; HTML is kept beside it for the reader. Parts inside
``multipart/related`` with a Content-ID are inline resources of the HTML, not attachments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mssclient.mail.mime_tree import MimePart

_SIGNATURE_TYPES = frozenset({"application/pkcs7-signature", "application/x-pkcs7-signature"})
_ENCRYPTED_TYPES = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})


@dataclass(slots=True)
class Segment:
    """One piece of body: a plain part, an HTML part, or both alternatives of it."""

    plain: MimePart | None = None
    html: MimePart | None = None


@dataclass(slots=True)
class Layout:
    segments: list[Segment] = field(default_factory=list)
    attachments: list[MimePart] = field(default_factory=list)
    inline: list[MimePart] = field(default_factory=list)
    smime: str = ""


def _is_body_text(part: MimePart, subtype: str) -> bool:
    if part.children or part.content_type != f"text/{subtype}":
        return False
    disposition = part.disposition
    if disposition == "attachment":
        return False
    return disposition == "inline" or part.filename()[0] is None


def _find_text(part: MimePart, subtype: str, depth: int = 0) -> MimePart | None:
    """The first body-text part of ``subtype`` in ``part`` (itself, or a nested alternative)."""
    if _is_body_text(part, subtype):
        return part
    if (
        part.children
        and depth < 4
        and part.content_type in ("multipart/alternative", "multipart/related")
    ):
        for child in part.children:
            found = _find_text(child, subtype, depth + 1)
            if found is not None:
                return found
    return None


def body_layout(root: MimePart) -> Layout:
    layout = Layout()
    if root.content_type in _ENCRYPTED_TYPES:
        layout.smime = "encrypted"
    elif root.content_type == "multipart/signed":
        layout.smime = "signed"
    _visit(root, layout)
    return layout


def _visit(part: MimePart, layout: Layout) -> None:
    ctype = part.content_type
    if part.is_multipart and part.children:
        if ctype == "multipart/alternative":
            _visit_alternative(part, layout)
        elif ctype == "multipart/related":
            _visit_related(part, layout)
        elif ctype == "multipart/signed":
            _visit(part.children[0], layout)
            for child in part.children[1:]:
                if child.content_type not in _SIGNATURE_TYPES:
                    _visit(child, layout)
        else:
            for child in part.children:
                _visit(child, layout)
    elif part.is_multipart:
        return  # an empty multipart (only delimiters) has nothing to show
    elif _is_body_text(part, "plain"):
        layout.segments.append(Segment(plain=part))
    elif _is_body_text(part, "html"):
        layout.segments.append(Segment(html=part))
    else:
        layout.attachments.append(part)


def _visit_alternative(part: MimePart, layout: Layout) -> None:
    plain: MimePart | None = None
    html: MimePart | None = None
    html_holder: MimePart | None = None
    for child in part.children:
        if plain is None:
            plain = _find_text(child, "plain")
            if plain is not None:
                continue
        if html is None:
            html = _find_text(child, "html")
            if html is not None:
                html_holder = child
    if plain is None and html is None:
        # No readable alternative: show the richest (last) one whatever it is.
        _visit(part.children[-1], layout)
        return
    layout.segments.append(Segment(plain=plain, html=html))
    if html_holder is not None and html_holder.content_type == "multipart/related":
        _collect_resources(html_holder, html, layout)


def _visit_related(part: MimePart, layout: Layout) -> None:
    start = part.params.get("start", "").strip().strip("<>")
    root = next((c for c in part.children if start and c.content_id == start), part.children[0])
    _visit(root, layout)
    _collect_resources(part, root, layout)


def _collect_resources(related: MimePart, shown: MimePart | None, layout: Layout) -> None:
    for child in related.children:
        if child is shown or (child.children and shown in child.walk()):
            continue
        if child.content_id and child.disposition != "attachment" and not child.children:
            layout.inline.append(child)
        elif not child.children:
            layout.attachments.append(child)
        else:
            _visit(child, layout)
