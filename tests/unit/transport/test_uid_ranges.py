"""UID sets as QRESYNC's VANISHED answers carry them."""

from __future__ import annotations

from mssclient.transport.qresync import UidRanges, parse_vanished


def test_a_uid_set_is_kept_as_merged_ranges():
    ranges = UidRanges.parse("7,1:3,4,10:12,11")
    assert ranges.ranges == ((1, 4), (7, 7), (10, 12))
    assert [u for u in range(0, 14) if u in ranges] == [1, 2, 3, 4, 7, 10, 11, 12]
    assert UidRanges.parse("9:5").ranges == ((5, 9),)


def test_a_huge_range_is_never_expanded():
    ranges = UidRanges.parse("1:4294967295")
    assert ranges.members_of({5, 4_000_000_000}) == {5, 4_000_000_000}
    assert 0 not in ranges


def test_vanished_earlier_and_unsolicited_forms():
    assert parse_vanished(b"(EARLIER) 41,43:45").ranges == ((41, 41), (43, 45))
    assert parse_vanished(b"300:301").ranges == ((300, 301),)
    assert not parse_vanished(b"(EARLIER) pas-un-uid")
    union = parse_vanished(b"1:2").union(parse_vanished(b"(EARLIER) 3"))
    assert union.ranges == ((1, 3),)
