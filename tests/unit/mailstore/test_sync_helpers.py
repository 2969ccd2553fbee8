"""Small pure helpers of the sync engine."""

from __future__ import annotations

import pytest

from mssclient.transport.imap_sync import _runs, batches_by_size, folder_role, uid_set


def test_uid_sets_are_compact():
    assert uid_set([7, 1, 2, 3, 9, 10, 3]) == "1:3,7,9:10"
    assert uid_set([]) == ""
    assert uid_set([5]) == "5"


def test_batches_respect_count_and_bytes():
    sizes = {uid: 1000 for uid in range(1, 11)}
    sizes[5] = 50_000_000  # a 50 MB message travels alone
    batches = list(batches_by_size(sizes, max_messages=3, max_bytes=10_000))
    assert batches == [[1, 2, 3], [4], [5], [6, 7, 8], [9, 10]]
    assert sorted(uid for b in batches for uid in b) == list(range(1, 11))


@pytest.mark.parametrize(
    ("name", "flags", "role"),
    [
        ("INBOX", (), "inbox"),
        ("inbox", (), "inbox"),
        ("Mes envois", (b"\\Sent",), "sent"),
        ("Éléments envoyés", (), "sent"),
        ("INBOX/Brouillons", (), "drafts"),
        ("INBOX.Corbeille", (), "trash"),
        ("Spam", (), "junk"),
        ("Archives", (b"\\HasNoChildren",), "archive"),
        ("Patients/Dupont", (), ""),
    ],
)
def test_folder_roles(name, flags, role):
    assert folder_role(name, flags) == role


def test_consecutive_operations_are_grouped_in_order():
    ops = [
        (1, 9, 10, "add_flags", "\\Seen"),
        (2, 9, 11, "add_flags", "\\Seen"),
        (3, 9, 10, "remove_flags", "\\Seen"),
        (4, 9, 12, "add_flags", "\\Seen"),
    ]
    groups = [(key, [op[2] for op in group]) for key, group in _runs(ops)]
    assert groups == [
        (("add_flags", "\\Seen"), [10, 11]),
        (("remove_flags", "\\Seen"), [10]),
        (("add_flags", "\\Seen"), [12]),
    ]
