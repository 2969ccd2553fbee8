"""HTML to plain text for the index and snippets, and HTML sanitising for the reader.

Both lean on nh3 (the Rust ``ammonia`` sanitiser): it parses HTML like a browser, drops
scripts and styles with their content, and is far faster than a Python HTML parser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

import nh3

_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "ul", "ol", "hr", "td", "th",
}  # fmt: skip
# Closing these ends a paragraph (a blank line follows); other block tags end a line.
_PARAGRAPH_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
    "pre",
}
_DROPPED_CONTENT = {"script", "style", "head", "title", "template", "noscript", "xml"}
_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*>")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

#: Tags the reader may show. No forms, frames, objects, media, links to stylesheets.
SAFE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "center", "cite", "code", "col",
    "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
#: Attributes the reader may keep: layout only, never style (CSS can load URLs).
SAFE_ATTRIBUTES = {
    "*": {"align", "dir", "lang", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "valign", "width"},
    "th": {"colspan", "rowspan", "valign", "width"},
    "table": {"border", "cellpadding", "cellspacing", "width"},
    "col": {"span", "width"},
    "font": {"color", "size"},
    "ol": {"start", "type"},
}
_LINK_SCHEMES = {"http", "https", "mailto", "tel", "cid"}

#: Deepest element nesting handed to nh3, whose parser slows down quadratically with depth.
MAX_HTML_DEPTH = 1000
_TAG_COUNT_WORTH_CHECKING = 4000
_OPEN_OR_CLOSE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})")
# Void elements never nest; these close themselves when a sibling opens.
_NOT_NESTING = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd"}
)  # fmt: skip
_ANY_TAG = re.compile(r"<[^>]*>")


def too_deep(markup: str) -> bool:
    """True when ``markup`` nests elements deeper than ``MAX_HTML_DEPTH``."""
    if markup.count("<") < _TAG_COUNT_WORTH_CHECKING:
        return False
    depth = 0
    for match in _OPEN_OR_CLOSE.finditer(markup):
        if match.group(2).lower() in _NOT_NESTING:
            continue
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                return True
    return False


def html_to_text(markup: str) -> str:
    """Readable plain text of an HTML document: block tags become line breaks."""
    if too_deep(markup):  # hostile nesting: strip tags bluntly rather than parse
        return _tidy(html.unescape(_ANY_TAG.sub(" ", markup)))
    cleaned = nh3.clean(
        markup, tags=_BLOCK_TAGS, attributes={}, clean_content_tags=_DROPPED_CONTENT
    )

    def replace(match: re.Match[str]) -> str:
        closing, tag = match.group(1), match.group(2)
        if tag in ("td", "th"):
            return " "
        if not closing or tag in _PARAGRAPH_TAGS:
            return "\n"
        return ""

    return _tidy(html.unescape(_TAG.sub(replace, cleaned)))


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def sanitize_html(markup: str, content_ids: Collection[str] = ()) -> str:
    """HTML safe to display: no script, no event handler, no remote resource.

    Images keep their ``src`` only when it is ``cid:`` naming one of ``content_ids``
    (parts of this very message); links keep http(s)/mailto/tel targets, which load
    nothing until the user clicks.
    """
    known = {cid.strip().strip("<>").lower() for cid in content_ids}

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            target = value.strip()
            if target.lower().startswith("cid:") and target[4:].strip("<>").lower() in known:
                return target
            return None
        if tag == "a" and attribute == "href" and value.strip().lower().startswith("cid:"):
            return None
        return value

    return nh3.clean(
        markup,
        tags=SAFE_TAGS,
        clean_content_tags=_DROPPED_CONTENT,
        attributes=SAFE_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes=_LINK_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer nofollow",
    )
