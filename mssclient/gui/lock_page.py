"""What the main window shows while locked: no health data, only a way back in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mssclient.gui.lock_controller import LockController
from mssclient.gui.resources import icon
from mssclient.gui.unlock_panel import UnlockPanel


class LockPage(QWidget):
    def __init__(self, controller: LockController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        picture = QLabel(self)
        picture.setPixmap(icon("lock").pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("MSSClient is locked"), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.panel = UnlockPanel(controller, self)
        # A fixed width lets the wrapped labels of the panel compute their height.
        self.panel.setFixedWidth(440)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.panel)
        centred.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(picture)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addLayout(centred)
        layout.addStretch(2)
