"""The reader: plain text first, HTML without any remote load, banners, attachments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from mssclient.gui.mail import MailArea
from mssclient.gui.mail.message_list_model import Role
from mssclient.gui.mail.safe_browser import SafeTextBrowser
from mssclient.transport.outbox import Outbox
from tests.gui.mail.conftest import Mailbox
from tests.gui.mail.factories import mime, store_raw
from tests.gui.mail.remote_server import counting_server

HOSTILE_HTML = (
    '<html><head><link rel="stylesheet" href="{base}/style.css">'
    "<style>body {{ background-image: url({base}/bg.png); }}</style></head>"
    '<body style="background: url({base}/body.png)">'
    '<p>Bonjour <img src="{base}/pixel.png" width="1" height="1"></p>'
    '<table background="{base}/table.png"><tr><td>Résultats</td></tr></table>'
    '<script>document.write("<img src={base}/script.png>")</script>'
    '<a href="{base}/page">lien</a></body></html>'
)


def _open(qtbot, area: MailArea, row: int = 0) -> None:
    area.list_view.selectRow(row)
    qtbot.waitUntil(lambda: area.reader.current is not None)


def test_browser_answers_no_url_but_cid(qtbot):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    with counting_server() as (base, requests):
        browser.setHtml(HOSTILE_HTML.format(base=base))
        browser.resize(600, 400)
        browser.show()
        qtbot.wait(200)
        image = int(QTextDocument.ResourceType.ImageResource)
        assert browser.loadResource(image, QUrl(f"{base}/direct.png")) is None
        assert browser.loadResource(image, QUrl("file:///etc/passwd")) is None
        assert browser.loadResource(image, QUrl("cid:unknown@part")) is None
    assert requests == [], "the network was reached"
    assert any("pixel.png" in url for url in browser.blocked_urls)
    assert set(browser.blocked_urls) == set(browser.requested_urls)
    assert "Résultats" in browser.toPlainText()
    assert "document.write" not in browser.toPlainText()


def test_cid_image_is_shown_from_the_message(qtbot):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.set_inline_parts({"<photo@part>": bytes(data.data())})
    loaded = browser.loadResource(
        int(QTextDocument.ResourceType.ImageResource), QUrl("cid:photo@part")
    )
    assert isinstance(loaded, QImage) and loaded.width() == 4
    assert browser.blocked_urls == []


def test_links_open_only_after_confirmation(qtbot):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    asked: list[str] = []
    opened: list[str] = []
    answer = {"value": False}

    def confirm(url: QUrl) -> bool:
        asked.append(url.toString())
        return answer["value"]

    browser.confirm_link = confirm
    browser.open_url = lambda url: opened.append(url.toString()) or True
    browser.anchorClicked.emit(QUrl("https://example.org/doc"))
    assert asked == ["https://example.org/doc"] and opened == []
    answer["value"] = True
    browser.anchorClicked.emit(QUrl("https://example.org/doc"))
    assert opened == ["https://example.org/doc"]
    with qtbot.waitSignal(browser.link_refused):
        browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert len(asked) == 2 and len(opened) == 1


def test_html_message_never_fetches_remote_content(qtbot, mailbox: Mailbox, area: MailArea):
    with counting_server() as (base, requests):
        raw = mime("Résultats", "", html=HOSTILE_HTML.format(base=base))
        # An HTML-only message: the reader has to show the HTML.
        raw = raw.replace(b"Content-Type: text/plain", b"Content-Type: text/x-ignored", 1)
        store_raw(mailbox.repo, mailbox.inbox.id, [raw])
        area.restore_sensitive()
        _open(qtbot, area)
        qtbot.wait(200)
        area.reader.html_button.setChecked(True)
        qtbot.wait(100)
    assert requests == []
    assert (
        "Résultats" in area.reader.body.toPlainText() or "Bonjour" in area.reader.body.toPlainText()
    )
    assert all(
        not u.startswith("http") or u in area.reader.body.blocked_urls
        for u in area.reader.body.requested_urls
    )


def test_plain_text_preferred_and_prefix_hidden(qtbot, mailbox: Mailbox, area: MailArea):
    raw = mime(
        "XDM/1.0/DDM+Compte rendu DUPONT Jeanne 12/03/1941",
        "Texte brut du compte rendu.",
        html="<p>Version <b>HTML</b></p>",
    )
    store_raw(mailbox.repo, mailbox.inbox.id, [raw])
    area.restore_sensitive()
    _open(qtbot, area)
    assert area.reader.subject_label.text() == "Compte rendu DUPONT Jeanne 12/03/1941"
    assert "Texte brut du compte rendu." in area.reader.body.toPlainText()
    assert area.reader.html_button.isVisibleTo(area.reader)
    area.reader.html_button.setChecked(True)
    assert "Version HTML" in area.reader.body.toPlainText()


def test_malformed_message_shows_banner_and_source(qtbot, mailbox: Mailbox, area: MailArea):
    raw = (
        b"From: =?utf-8?q?Dr_=C3=A9?= <broken@@example>\r\n"
        b"Subject: =?x-unknown?b?////?= Analyse\r\n"
        b'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
        b"--never-closed\r\nContent-Type: text/plain; charset=bogus-charset\r\n\r\n"
        b"R\xe9sultat partiel \xff\xfe\r\n--never-clo"
    )
    store_raw(mailbox.repo, mailbox.inbox.id, [raw])
    area.restore_sensitive()
    row = area.list_model.row_at(0)
    assert row is not None and row.is_malformed
    assert area.list_model.data(area.list_model.index(0, 0), Role.MALFORMED) is True
    _open(qtbot, area)
    reader = area.reader
    assert reader.problem_banner.isVisibleTo(reader)
    assert reader.problem_label.text()
    reader.source_button.click()
    assert reader.pages.currentWidget() is reader.source
    assert 'boundary="never-closed"' in reader.source.toPlainText()
    assert mailbox.repo.raw(row.id) == raw, "the raw bytes are kept unchanged"


def test_read_receipt_is_offered_then_queued(qtbot, mailbox: Mailbox, area: MailArea):
    raw = mime(
        "Demande d'avis",
        "Merci de confirmer la lecture.",
        headers=[("Disposition-Notification-To", "dr.sophie.leroy@ch-exemple.test.mssante.fr")],
    )
    store_raw(mailbox.repo, mailbox.inbox.id, [raw])
    area.restore_sensitive()
    _open(qtbot, area)
    reader = area.reader
    assert reader.receipt_banner.isVisibleTo(reader)
    assert "dr.sophie.leroy@ch-exemple.test.mssante.fr" in reader.receipt_label.text()
    assert Outbox(mailbox.store).items() == [], "never sent without asking"
    reader.receipt_button.click()
    qtbot.waitUntil(lambda: len(Outbox(mailbox.store).items()) == 1)
    item = Outbox(mailbox.store).items()[0]
    assert item.recipients == ("dr.sophie.leroy@ch-exemple.test.mssante.fr",)
    assert b"disposition-notification" in Outbox(mailbox.store).raw(item.id)


def test_attachments_listed_saved_and_opened_privately(
    qtbot, mailbox: Mailbox, area: MailArea, tmp_path: Path, monkeypatch
):
    pdf = b"%PDF-1.4 compte rendu\n"
    raw = mime("Compte rendu", "Ci-joint.", attachment=("compte-rendu.pdf", pdf))
    store_raw(mailbox.repo, mailbox.inbox.id, [raw])
    area.restore_sensitive()
    assert area.list_model.data(area.list_model.index(0, 0), Role.HAS_ATTACHMENTS) is True
    _open(qtbot, area)
    reader = area.reader
    assert reader.attachments.count() == 1
    assert "compte-rendu.pdf" in reader.attachments.item(0).text()
    info = reader.selected_attachment()
    assert info is not None

    target = tmp_path / "enregistre.pdf"
    area.save_attachment(reader.current.message_id, info, str(target))
    qtbot.waitUntil(target.exists)
    assert target.read_bytes() == pdf

    opened: list[str] = []
    monkeypatch.setattr(
        "mssclient.gui.mail.mail_area.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    reader.open_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1)
    opened_path = Path(opened[0])
    assert opened_path.read_bytes() == pdf
    assert oct(opened_path.parent.parent.stat().st_mode & 0o777) == "0o700"
    area.clear_sensitive()
    assert not opened_path.exists(), "opened copies are wiped at lock"


def test_conversation_across_folders_is_listed(qtbot, mailbox: Mailbox, area: MailArea):
    from datetime import timedelta

    from tests.gui.mail.factories import BASE_DATE

    question = mime("Avis plaie", "Photo jointe.", sender="Claire Martin <" + "c@i.test>")
    root_id = "<" + question.split(b"Message-ID: <")[1].split(b">")[0].decode() + ">"
    answer = mime(
        "Re: Avis plaie",
        "Hydrofibre.",
        when=BASE_DATE + timedelta(hours=2),
        headers=[("In-Reply-To", root_id), ("References", root_id)],
    )
    store_raw(mailbox.repo, mailbox.sent.id, [question])
    store_raw(mailbox.repo, mailbox.inbox.id, [answer], first_uid=10)
    area.restore_sensitive()
    _open(qtbot, area)
    reader = area.reader
    assert reader.conversation.isVisibleTo(reader)
    assert reader.conversation.count() == 2
    assert "Photo" not in reader.body.toPlainText()
    with qtbot.waitSignal(reader.conversation_message_chosen) as chosen:
        reader.conversation.itemClicked.emit(reader.conversation.item(0))
    qtbot.waitUntil(
        lambda: reader.current is not None and reader.current.message_id == chosen.args[0]
    )
    assert "Photo jointe." in reader.body.toPlainText()
