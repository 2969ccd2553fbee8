"""Looking through every widget on screen for a given text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    try:
        columns = model.columnCount(parent)
    except TypeError:  # list models keep columnCount private: one column
        columns = 1
    texts: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            texts.append(str(model.data(index) or ""))
            texts.extend(_model_texts(model, index))
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QLineEdit | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QTextEdit | QPlainTextEdit):
            texts.append(child.toPlainText())
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            texts.extend(_model_texts(child.model()))
    return texts


def text_anywhere(needle: str) -> bool:
    """True when any widget of any top-level window shows ``needle``."""
    return any(
        needle in text for top in QApplication.topLevelWidgets() for text in widget_texts(top)
    )
