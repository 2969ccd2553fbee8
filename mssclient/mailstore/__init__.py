"""Mail in the encrypted store: folders, message metadata, raw bytes, search. Qt-free."""

from mssclient.mailstore.drafts import DraftRecord, DraftStore
from mssclient.mailstore.models import (
    FolderRecord,
    MessageDetails,
    MessageRow,
    NewMessage,
    PageCursor,
    SmimeRecord,
    SummaryLike,
)
from mssclient.mailstore.repository import MailRepository
from mssclient.mailstore.search import SearchHit, SearchQuery, parse_query, search

__all__ = [
    "DraftRecord",
    "DraftStore",
    "FolderRecord",
    "MailRepository",
    "MessageDetails",
    "MessageRow",
    "NewMessage",
    "PageCursor",
    "SearchHit",
    "SearchQuery",
    "SmimeRecord",
    "SummaryLike",
    "parse_query",
    "search",
]
