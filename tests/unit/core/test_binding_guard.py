"""The shield against PySide6 6.12's reference counting on CPython < 3.12 (no Qt here)."""

from __future__ import annotations

import sys

from mssclient.binding_guard import PADDING, binding_is_affected, protect_singletons


def test_which_bindings_need_it():
    assert binding_is_affected("6.12.0")
    assert binding_is_affected("6.13.1")
    assert not binding_is_affected("6.11.3")
    assert not binding_is_affected("6.8.2.1")
    assert not binding_is_affected("pas une version")


def test_an_unaffected_binding_is_left_alone():
    before = sys.getrefcount(None)
    assert protect_singletons("6.11.3") is False
    assert abs(sys.getrefcount(None) - before) < 100


def test_none_true_and_false_get_a_count_no_session_uses_up():
    padded = protect_singletons("6.12.0")
    assert padded is (sys.version_info < (3, 12))
    if padded:
        assert min(sys.getrefcount(x) for x in (None, True, False)) > PADDING
        protect_singletons("6.12.0")  # a second call does not pad twice
        assert max(sys.getrefcount(x) for x in (None, True, False)) < 2 * PADDING
