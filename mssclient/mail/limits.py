"""Caps that keep parsing bounded on hostile input. Real mail stays far below them."""

from __future__ import annotations

#: Deepest MIME nesting we walk; deeper parts are kept as opaque leaves.
MAX_DEPTH = 20
#: Most MIME parts we index in one message.
MAX_PARTS = 500
#: Most header fields read in one header block.
MAX_HEADER_FIELDS = 500
#: Longest header value (characters) we decode; the rest is ignored.
MAX_HEADER_VALUE = 64 * 1024
#: Largest header block (bytes) we read; a bigger one is cut.
MAX_HEADER_BLOCK = 1024 * 1024
#: Delimiter look-alikes we skip in one multipart before giving up on it.
MAX_FALSE_DELIMITERS = 10_000
#: Characters of body text kept for the full-text index.
INDEX_TEXT_LIMIT = 200_000
#: Encoded bytes of one text part read to build the index text.
SUMMARY_PART_BYTES = 1024 * 1024
#: Characters of the snippet shown in the message list.
SNIPPET_LENGTH = 200
#: Characters of body text the reader shows.
READER_TEXT_LIMIT = 5_000_000
#: Encoded bytes of one text part read for the reader.
READER_PART_BYTES = 16 * 1024 * 1024
#: Encoded bytes of an HTML part converted to text for the index (HTML parsing is costly).
SUMMARY_HTML_BYTES = 300 * 1024
#: Encoded bytes of an HTML part the reader sanitises and shows.
READER_HTML_BYTES = 2 * 1024 * 1024
