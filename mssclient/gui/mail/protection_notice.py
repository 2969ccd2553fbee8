"""The composer's notice: how the message will leave (signed, encrypted, transit only) and why."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from mssclient.security.smime import MissingReason, Protection
from mssclient.transport.accounts import Account
from mssclient.transport.smime_context import SendingPlan

_STYLES = {
    "ok": "background: #dff6dd; color: #0e3b0c;",
    "warning": "background: #fff4ce; color: #3b2f00;",
    "error": "background: #fde7e9; color: #5c0a0f;",
    "neutral": "background: #eef0f2; color: #202428;",
}


class ProtectionNotice(QFrame):
    """Shows one ``SendingPlan`` in plain words. ``level`` says how it looks (for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectionNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.headline = QLabel()
        self.headline.setObjectName("protectionHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.reason = QLabel()
        self.reason.setObjectName("protectionReason")
        self.reason.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.reason)
        self.level = "neutral"
        self._style("neutral")

    def _style(self, level: str) -> None:
        self.level = level
        self.setStyleSheet(f"#protectionNotice {{ {_STYLES[level]} border-radius: 4px; }}")

    def _missing_text(self, sending: SendingPlan) -> str:
        reasons = {
            MissingReason.NO_CERTIFICATE: self.tr("no certificate known"),
            MissingReason.EXPIRED: self.tr("certificate expired"),
            MissingReason.UNUSABLE: self.tr("certificate not usable for encryption"),
        }
        return ", ".join(f"{m.address} ({reasons[m.reason]})" for m in sending.plan.missing)

    def show_no_recipient(self) -> None:
        self._style("neutral")
        self.headline.setText(self.tr("Add recipients to see how this message will be protected."))
        self.reason.clear()
        self.reason.hide()

    def show_plan(self, sending: SendingPlan, account: Account) -> None:
        plan = sending.plan
        protection = plan.protection
        reasons: list[str] = []
        if protection is Protection.SIGNED_AND_ENCRYPTED:
            self._style("ok")
            self.headline.setText(self.tr("Signed and encrypted end to end"))
            reasons.append(
                self.tr(
                    "Only the recipients and you can read it, and the signature proves it "
                    "comes from you and was not altered."
                )
            )
        elif protection is Protection.ENCRYPTED:
            self._style("ok")
            self.headline.setText(self.tr("Encrypted end to end, not signed"))
            reasons.append(self.tr("Only the recipients and you can read it."))
            reasons.append(self._why_unsigned(sending, account))
        elif protection is Protection.REFUSED:
            self._style("error")
            self.headline.setText(self.tr("Sending refused: this account requires encryption"))
            reasons.append(self._why_not_encrypted(sending))
            reasons.append(
                self.tr("Import the missing certificates (Settings, Certificates) or remove them.")
            )
        else:
            self._style("warning")
            if protection is Protection.SIGNED:
                self.headline.setText(self.tr("Signed, not encrypted"))
            else:
                self.headline.setText(self.tr("Protected in transit only"))
                reasons.append(self._why_unsigned(sending, account))
            reasons.append(self._why_not_encrypted(sending))
            reasons.append(
                self.tr("Its content is protected only while it travels between MSSanté servers.")
            )
        self.reason.setText(" ".join(r for r in reasons if r))
        self.reason.show()

    def _why_unsigned(self, sending: SendingPlan, account: Account) -> str:
        if not account.smime_sign:
            return self.tr("Signing is turned off for this account.")
        if sending.signer is None:
            return self.tr(
                "You have no valid certificate for %1: import yours (.p12 or .pfx file) in "
                "Settings, Certificates."
            ).replace("%1", account.address)
        return ""

    def _why_not_encrypted(self, sending: SendingPlan) -> str:
        if sending.plan.missing:
            return self.tr(
                "Not encrypted because some recipients have no certificate: %1."
            ).replace("%1", self._missing_text(sending))
        if sending.signer is None:
            return self.tr("Not encrypted because you have no certificate of your own.")
        return self.tr("Not encrypted because your certificate cannot be used for encryption.")
