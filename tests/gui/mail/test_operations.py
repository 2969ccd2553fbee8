"""Op: the work runs on a pool thread, its callbacks on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from mssclient.gui.mail.operations import Op, wait_for_operations


def test_work_off_thread_and_result_on_gui_thread(qtbot):
    gui_thread = threading.get_ident()
    owner = QObject()
    seen: dict[str, int] = {}
    results: list[int] = []

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        results.append(value)

    Op(owner, work).success(done).run()
    qtbot.waitUntil(lambda: results == [42])
    assert seen["work"] != gui_thread
    assert seen["callback"] == gui_thread


def test_failure_reaches_the_failure_callback(qtbot):
    owner = QObject()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("message illisible")

    Op(owner, work).success(lambda _r: errors.append(AssertionError("no"))).failure(
        errors.append
    ).run()
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ValueError)


def test_result_for_a_destroyed_owner_is_dropped(qtbot):
    owner = QObject()
    release = threading.Event()
    called: list[object] = []
    Op(owner, lambda: release.wait(5)).success(called.append).run()
    owner.deleteLater()
    qtbot.wait(20)
    release.set()
    assert wait_for_operations()
    qtbot.wait(50)
    assert called == []
