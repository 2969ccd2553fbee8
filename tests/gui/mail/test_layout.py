"""The mail area at the main window's default size: the search hint is readable whole."""

from __future__ import annotations

from mssclient.gui.mail import MailArea
from tests.gui.mail.conftest import Mailbox

#: The main window's default width minus its navigation column and margins.
AREA_WIDTH = 1200 - 190 - 24


def test_search_hint_is_not_clipped(qtbot, mailbox: Mailbox, mail_french) -> None:
    area = MailArea(lambda: mailbox.store, None)
    qtbot.addWidget(area)
    area.restore_sensitive()
    area.resize(AREA_WIDTH, 700)
    area.show()
    qtbot.waitExposed(area)
    hint = area.search_box.placeholderText()
    assert hint.startswith("Rechercher")
    needed = area.search_box.fontMetrics().horizontalAdvance(hint)
    assert area.search_box.width() > needed + 8, (area.search_box.width(), needed)
    # Every toolbar button shows its whole label too.
    for button in (area.new_button, area.reply_all_button, area.account_button):
        assert button.width() >= button.sizeHint().width(), button.text()
