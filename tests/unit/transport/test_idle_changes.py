"""Which untagged answers during IDLE mean "the folder changed"."""

from __future__ import annotations

from mssclient.transport.idle import _is_change


def test_new_expunged_and_changed_messages_wake_the_sync():
    assert _is_change((4, b"EXISTS"))
    assert _is_change((3, b"EXPUNGE"))
    assert _is_change((2, b"FETCH", (b"FLAGS", (b"\\Seen",))))
    assert _is_change((b"VANISHED", b"5:7"))  # QRESYNC-enabled connection


def test_keepalives_do_not():
    assert not _is_change((b"OK", b"Still here"))
    assert not _is_change(b"+ idling")
