"""Sample messages for the S/MIME tests."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid


def clinical_message(
    sender: str,
    recipients: list[str],
    *,
    body: str = "Bonjour,\n\nVoici le compte rendu de la consultation.\nCordialement.\n",
    attachment: bytes | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = "Avis dermatologique – lésion pigmentée"
    message["Message-ID"] = make_msgid(domain="test.mssante.fr")
    message.set_content(body)
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename="compte-rendu.pdf"
        )
    return message
