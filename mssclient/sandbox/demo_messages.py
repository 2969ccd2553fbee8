"""The demo conversations seeded into the sandbox mailboxes (fictional people and patients).

Built with the standard ``email`` package: UTF-8 text in quoted-printable, non-ASCII
headers as RFC 2047 encoded words, Message-ID / In-Reply-To / References threading, and two
small attachments (a PNG photo, a PDF letter). Each message lands in the recipients' INBOX
and in the sender's Sent folder, with the flags a real history would have.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from mssclient.sandbox.demo_accounts import DERMATOLOGIST, DERMATOLOGY, GP, NURSE, DemoAccount
from mssclient.sandbox.demo_attachments import letter_pdf, wound_photo_png

DEMO_MESSAGE_DOMAIN = "sandbox.mssante.fr"


@dataclass(frozen=True)
class Placement:
    """One copy of a demo message in one mailbox folder."""

    address: str
    folder: str
    flags: tuple[bytes, ...]


@dataclass(frozen=True)
class DemoMessage:
    message_id: str
    raw: bytes
    when: datetime.datetime
    placements: tuple[Placement, ...]


def _address(account: DemoAccount) -> Address:
    local, domain = account.address.split("@")
    return Address(account.display_name, local, domain)


def _message_id(n: int) -> str:
    return f"<demo-{n:02d}@{DEMO_MESSAGE_DOMAIN}>"


def _build(
    n: int,
    sender: DemoAccount,
    recipients: list[DemoAccount],
    subject: str,
    body: str,
    when: datetime.datetime,
    *,
    reply_to_ids: tuple[str, ...] = (),
    attachment: tuple[bytes, str, str, str] | None = None,
    read_receipt: bool = False,
) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _address(sender)
    message["To"] = [_address(r) for r in recipients]
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = _message_id(n)
    if reply_to_ids:
        message["In-Reply-To"] = reply_to_ids[-1]
        message["References"] = " ".join(reply_to_ids)
    if read_receipt:
        message["Disposition-Notification-To"] = str(_address(sender))
    message["X-Mailer"] = "MSSClient (bac à sable)"
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    if attachment is not None:
        data, maintype, subtype, filename = attachment
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def _placements(
    sender: DemoAccount, recipients: list[DemoAccount], *, read: bool, answered: bool = False
) -> tuple[Placement, ...]:
    inbox_flags: tuple[bytes, ...] = ()
    if read:
        inbox_flags += (b"\\Seen",)
    if answered:
        inbox_flags += (b"\\Answered",)
    copies = [Placement(sender.address, "Sent", (b"\\Seen",))]
    copies += [Placement(r.address, "INBOX", inbox_flags) for r in recipients]
    return tuple(copies)


def demo_messages(now: datetime.datetime | None = None) -> list[DemoMessage]:
    """The seeded conversations, dated in the days before ``now``."""
    now = (now or datetime.datetime.now(datetime.UTC)).replace(microsecond=0)

    def days_ago(days: float, hour: int, minute: int) -> datetime.datetime:
        day = now - datetime.timedelta(days=days)
        return day.replace(hour=hour, minute=minute, second=0)

    messages: list[DemoMessage] = []

    def add(
        n: int,
        sender: DemoAccount,
        recipients: list[DemoAccount],
        subject: str,
        body: str,
        when: datetime.datetime,
        *,
        read: bool,
        answered: bool = False,
        **extra: object,
    ) -> None:
        raw = _build(n, sender, recipients, subject, body, when, **extra)  # type: ignore[arg-type]
        placements = _placements(sender, recipients, read=read, answered=answered)
        messages.append(DemoMessage(_message_id(n), raw, when, placements))

    # 1-2. The nurse asks the dermatology department about a heel pressure ulcer.
    add(
        1,
        NURSE,
        [DERMATOLOGY],
        "Avis plaie : escarre talonnière droite – Mme Jeanne Dupont (née le 12/03/1941)",
        "Bonjour,\n\n"
        "Je prends en charge à domicile Mme Dupont, 84 ans, sortie de médecine gériatrique "
        "il y a dix jours. Elle présente une escarre du talon droit, stade 2 à 3, d'environ "
        "3 × 2 cm, avec un fond fibrineux à 70 % et un pourtour inflammatoire. Pas de fièvre.\n\n"
        "Soins actuels : nettoyage au sérum physiologique, hydrocolloïde changé tous les "
        "3 jours, décharge du talon par coussin.\n\n"
        "Pouvez-vous me conseiller un pansement plus adapté et me dire si une consultation "
        "est nécessaire ? Photo jointe, prise ce matin avec l'accord de la patiente.\n\n"
        "Merci d'avance,\nClaire Martin\nInfirmière libérale – cabinet de la Place, Exempleville",
        days_ago(3, 8, 42),
        read=True,
        answered=True,
        attachment=(wound_photo_png(), "image", "png", "talon-droit-jour-10.png"),
    )
    add(
        2,
        DERMATOLOGY,
        [NURSE],
        "Re: Avis plaie : escarre talonnière droite – Mme Jeanne Dupont (née le 12/03/1941)",
        "Bonjour Madame Martin,\n\n"
        "Merci pour la photo, de bonne qualité. Il s'agit d'une escarre de stade 3 "
        "débutante, fibrineuse, sans signe d'infection profonde.\n\n"
        "Proposition :\n"
        "- détersion mécanique douce de la fibrine à chaque soin ;\n"
        "- pansement hydrofibre à l'argent pendant 2 semaines, puis hydrocellulaire ;\n"
        "- changement tous les 2 jours, décharge stricte du talon (botte de décharge) ;\n"
        "- bilan nutritionnel (albumine) à voir avec son médecin traitant.\n\n"
        "Renvoyez-nous une photo dans 15 jours. Consultation au CH si aggravation, "
        "fièvre ou odeur.\n\n"
        "Bien cordialement,\n"
        "Dr Sophie Leroy, pour le service de dermatologie\nCentre hospitalier d'Exemple",
        days_ago(2, 14, 5),
        read=False,
        reply_to_ids=(_message_id(1),),
    )

    # 3. The GP asks the dermatologist about a suspicious mole (PDF letter attached).
    add(
        3,
        GP,
        [DERMATOLOGIST],
        "Demande d'avis : lésion pigmentée suspecte – M. Marcel Petit (né le 05/07/1958)",
        "Chère consœur,\n\n"
        "Je vous adresse M. Petit, 67 ans, pour une lésion pigmentée du dos apparue il y a "
        "environ six mois : asymétrique, bords irréguliers, deux couleurs, 7 mm, "
        "modification récente selon son épouse. Antécédent de coups de soleil répétés, "
        "pas d'antécédent familial de mélanome.\n\n"
        "Pouvez-vous le recevoir en consultation dans un délai raisonnable ? "
        "Vous trouverez mon courrier en pièce jointe.\n\n"
        "Bien confraternellement,\nDr Paul Bernard\nMédecin généraliste, Exempleville",
        days_ago(1, 18, 30),
        read=False,
        read_receipt=True,
        attachment=(
            letter_pdf(
                "Courrier d'adressage - Dr Paul Bernard",
                [
                    "Patient : M. Marcel Petit, né le 05/07/1958",
                    "Motif : lésion pigmentée du dos, ABCD positif, évolutive.",
                    "Traitements : amlodipine 5 mg/j.",
                    "Allergies : aucune connue.",
                    "Merci de votre avis et de votre prise en charge.",
                ],
            ),
            "application",
            "pdf",
            "courrier-adressage-petit.pdf",
        ),
    )

    # 4-5. The nurse reports an unusable prescription to the GP, who answers.
    add(
        4,
        NURSE,
        [GP],
        "Ordonnance de soins incomplète – Mme Jeanne Dupont",
        "Bonjour Docteur,\n\n"
        "L'ordonnance de soins infirmiers remise à la sortie de Mme Dupont ne précise ni la "
        "durée ni la fréquence des pansements, et n'est pas signée. Pourriez-vous m'en "
        "établir une nouvelle (pansement d'escarre tous les 2 jours, 1 mois, à domicile) ?\n\n"
        "Merci,\nClaire Martin",
        days_ago(2, 9, 15),
        read=True,
        answered=True,
    )
    add(
        5,
        GP,
        [NURSE],
        "Re: Ordonnance de soins incomplète – Mme Jeanne Dupont",
        "Bonjour Madame Martin,\n\n"
        "C'est fait : la nouvelle ordonnance est déposée au secrétariat du cabinet, vous "
        "pouvez la récupérer dès demain matin. Je verrai Mme Dupont jeudi pour le bilan "
        "nutritionnel.\n\nBien cordialement,\nDr Paul Bernard",
        days_ago(1, 12, 40),
        read=False,
        reply_to_ids=(_message_id(4),),
    )

    # 6. The department informs the GP about its teleexpertise organisation.
    add(
        6,
        DERMATOLOGY,
        [GP],
        "Télé-expertise en dermatologie : nouvelle organisation",
        "Madame, Monsieur,\n\n"
        "Le service de dermatologie du Centre hospitalier d'Exemple répond désormais aux "
        "demandes de télé-expertise sous 72 heures ouvrées. Adressez vos demandes à "
        "dermatologie@ch-exemple.sandbox.mssante.fr, avec une photo nette et le contexte "
        "clinique. Pour une urgence, appelez le numéro unique puis tapez 4.\n\n"
        "Le secrétariat de dermatologie",
        days_ago(5, 10, 0),
        read=True,
    )
    return messages
