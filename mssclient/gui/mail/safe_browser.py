"""A text browser that never fetches anything: no remote content, no local file.

QTextBrowser asks ``loadResource`` for every image, stylesheet or linked document. Only
``cid:`` references to parts of the message itself are answered (from bytes handed over
in advance); every other URL gets nothing and is recorded, so a test (or a "remote
content blocked" notice) can see what was refused. QTextBrowser runs no script. Links
open only on an explicit click, after the user confirms, in the system browser.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

#: Link schemes the user may open after confirming; others are refused outright.
OPENABLE_SCHEMES = ("http", "https", "mailto")


class SafeTextBrowser(QTextBrowser):
    link_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.setReadOnly(True)
        #: Every URL the document asked for (cid or not), in order.
        self.requested_urls: list[str] = []
        #: The ones that were refused.
        self.blocked_urls: list[str] = []
        self._inline: dict[str, bytes] = {}
        #: Asks the user; replaced in tests. Returns True to open the link.
        self.confirm_link: Callable[[QUrl], bool] = self._ask
        #: Opens a confirmed link; replaced in tests.
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.anchorClicked.connect(self._on_anchor)

    def set_inline_parts(self, parts: Mapping[str, bytes]) -> None:
        """Content-ID (without <>) -> bytes of the images the HTML may show."""
        self._inline = {k.strip("<>").lower(): v for k, v in parts.items()}

    def clear_content(self) -> None:
        self._inline = {}
        self.requested_urls.clear()
        self.blocked_urls.clear()
        self.document().clear()
        self.clear()

    # -- resources ------------------------------------------------------------------------------
    def loadResource(self, kind: int, url: QUrl | str) -> object:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        self.requested_urls.append(text)
        qurl = url if isinstance(url, QUrl) else QUrl(text)
        if qurl.scheme().lower() == "cid" and kind == QTextDocument.ResourceType.ImageResource:
            data = self._inline.get(qurl.path().strip("<>").lower())
            if data is not None:
                image = QImage.fromData(data)
                if not image.isNull():
                    return image
        self.blocked_urls.append(text)
        return None

    # -- links ------------------------------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme().lower() not in OPENABLE_SCHEMES:
            self.link_refused.emit(url.toString())
            return
        if self.confirm_link(url):
            self.open_url(url)

    def _ask(self, url: QUrl) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Open link"),
            self.tr(
                "This link leads outside the secure messaging:\n\n%1\n\n"
                "Open it in your web browser?"
            ).replace("%1", url.toDisplayString()),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open
