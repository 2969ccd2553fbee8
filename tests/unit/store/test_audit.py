from __future__ import annotations

import pytest

from mssclient.errors import AuditLogError
from mssclient.store import Store


def test_append_and_read_newest_first(temp_store: Store):
    temp_store.audit.append("inf.martin", "mail.send", "<a@b>")
    temp_store.audit.append("inf.martin", "mail.read", "<c@d>", "dossier Réception")
    entries = temp_store.audit.entries()
    assert [e.action for e in entries] == ["mail.read", "mail.send"]
    assert entries[0].detail == "dossier Réception"
    assert entries[0].at.endswith("+00:00")
    assert temp_store.audit.count("mail.") == 2
    assert temp_store.audit.count("mail.send") == 1


def test_prefix_filter_treats_wildcards_literally(temp_store: Store):
    temp_store.audit.append("a", "x_y", "")
    temp_store.audit.append("a", "xzy", "")
    assert [e.action for e in temp_store.audit.entries(action_prefix="x_")] == ["x_y"]


def test_entries_cannot_be_changed_or_deleted(temp_store: Store):
    temp_store.audit.append("a", "store.unlock", "default")
    with pytest.raises(AuditLogError):
        temp_store.execute("UPDATE audit_log SET actor = 'b'")
    with pytest.raises(AuditLogError):
        temp_store.execute("DELETE FROM audit_log")
    assert temp_store.audit.entries()[0].actor == "a"
