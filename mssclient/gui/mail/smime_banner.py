"""The reader's S/MIME banner: signed by whom and valid, altered, untrusted, unreadable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from mssclient.mailstore import SmimeRecord
from mssclient.security.smime import Severity, SmimeStatus

_STYLES = {
    Severity.OK: "background: #dff6dd; color: #0e3b0c;",
    Severity.WARNING: "background: #fff4ce; color: #3b2f00;",
    Severity.ERROR: "background: #fde7e9; color: #5c0a0f;",
}


class SmimeBanner(QFrame):
    """Hidden for a plain message; otherwise one sentence in the user's language."""

    show_original_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smimeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setObjectName("smimeBannerText")
        self.label.setWordWrap(True)
        self.original_button = QPushButton(self.tr("Show original"))
        self.original_button.setObjectName("smimeShowOriginal")
        self.original_button.clicked.connect(self.show_original_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.original_button)
        self.status: SmimeStatus | None = None
        self.hide()

    def clear(self) -> None:
        self.status = None
        self.label.clear()
        self.hide()

    def show_record(self, record: SmimeRecord | None, sender: str = "") -> None:
        if record is None:
            self.clear()
            return
        try:
            status = SmimeStatus(record.status)
        except ValueError:
            status = SmimeStatus.MALFORMED
        if status is SmimeStatus.NOT_SMIME:
            self.clear()
            return
        self.status = status
        text = self.text_for(status, record, sender)
        if (
            record.encrypted
            and status
            not in (
                SmimeStatus.DECRYPTED_UNSIGNED,
                SmimeStatus.DECRYPT_NO_KEY,
            )
            and not status.is_failure
        ):
            text += " " + self.tr("The message was encrypted end to end.")
        if status.is_failure:
            text += " " + self.tr("The original message stays available.")
        self.label.setText(text)
        self.label.setToolTip(record.detail)
        self.original_button.setVisible(status.is_failure)
        self.setStyleSheet(f"#smimeBanner {{ {_STYLES[status.severity]} border-radius: 4px; }}")
        self.show()

    def text_for(self, status: SmimeStatus, record: SmimeRecord, sender: str) -> str:
        signer = record.signer or self.tr("an unknown signer")
        texts = {
            SmimeStatus.SIGNED_VALID: self.tr(
                "Signed by %1: valid signature, the content has not been changed."
            ),
            SmimeStatus.DECRYPTED_UNSIGNED: self.tr(
                "Encrypted message, decrypted with your certificate. It is not signed: "
                "the sender's identity is not guaranteed."
            ),
            SmimeStatus.SIGNATURE_INVALID: self.tr(
                "Invalid signature: the content was changed after it was signed. "
                "Do not rely on this message."
            ),
            SmimeStatus.SIGNER_UNKNOWN: self.tr(
                "Unknown signer: the signing certificate is neither attached nor known, "
                "so the signature cannot be checked."
            ),
            SmimeStatus.SIGNER_UNTRUSTED: self.tr(
                "Signer not approved: the certificate of %1 was not issued by an authority "
                "this account trusts (for example IGC-Santé)."
            ),
            SmimeStatus.SIGNER_ADDRESS_MISMATCH: self.tr(
                "Warning: signed by %1, but the sender's address (%2) is not in that "
                "certificate. Do not rely on this message."
            ),
            SmimeStatus.CERT_USAGE_INVALID: self.tr(
                "The certificate of %1 is not meant for signing mail: the signature cannot "
                "be trusted."
            ),
            SmimeStatus.CERT_EXPIRED: self.tr(
                "The certificate of %1 has expired or is not valid yet: the signature can no "
                "longer be trusted."
            ),
            SmimeStatus.CERT_REVOKED: self.tr(
                "The certificate of %1 has been revoked: do not rely on this message."
            ),
            SmimeStatus.DECRYPT_NO_KEY: self.tr(
                "Cannot decrypt this message: none of your certificates matches (no "
                "matching key). It may have been encrypted for another certificate."
            ),
            SmimeStatus.MALFORMED: self.tr(
                "This secure message is damaged or malformed and cannot be read."
            ),
            SmimeStatus.UNSUPPORTED_ALGORITHM: self.tr(
                "This message uses a security algorithm that is not supported (%1)."
            ),
            SmimeStatus.TOO_LARGE: self.tr(
                "This secure message is larger than the largest size handled."
            ),
        }
        text = texts[status]
        if status is SmimeStatus.UNSUPPORTED_ALGORITHM:
            return text.replace("%1", record.algorithm or "?")
        return text.replace("%1", signer).replace("%2", sender or "?")
