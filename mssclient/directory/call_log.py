"""The call log: calls started from the directory, the advice noted after each call, and
the confirmation mail that makes a phone opinion traceable.

Sending is not done here: ``confirmation_draft`` returns a draft (a plain dict) that the
mail composer will take once the mail feature exposes it; ``mark_note_sent`` is then called
with the sent message's id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mssclient.directory.hours import local
from mssclient.directory.models import Specialty
from mssclient.store import Store

#: Longest note kept (a phone advice, not a report).
MAX_NOTE_CHARS = 20_000


@dataclass(frozen=True)
class CallRecord:
    id: int
    started_at: str
    specialty_id: str
    specialty_name: str
    dialled: str
    patient_ref: str
    note: str
    noted_at: str
    note_sent: bool
    note_sent_at: str


_COLUMNS = (
    "id, started_at, specialty_id, specialty_name, dialled, patient_ref, note, noted_at, "
    "note_sent, note_sent_at"
)


def _row(row: Any) -> CallRecord:
    values = list(row)
    values[8] = bool(values[8])
    return CallRecord(*values)


def start_call(
    store: Store, specialty: Specialty, dialled: str, now: datetime, patient_ref: str = ""
) -> int:
    """Record a call as it starts; returns its id. The audit log does not name the patient."""
    cursor = store.execute(
        "INSERT INTO dir_call_log(started_at, specialty_id, specialty_name, dialled, patient_ref) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            now.isoformat(timespec="seconds"),
            specialty.id,
            specialty.name,
            dialled,
            patient_ref.strip(),
        ),
    )
    call_id = int(cursor.lastrowid or 0)
    store.audit.append("user", "directory.call", f"call:{call_id}", specialty.id)
    return call_id


def get_call(store: Store, call_id: int) -> CallRecord | None:
    rows = store.query(f"SELECT {_COLUMNS} FROM dir_call_log WHERE id = ?", (call_id,))  # noqa: S608
    return _row(rows[0]) if rows else None


def recent_calls(store: Store, limit: int = 50) -> list[CallRecord]:
    rows = store.query(
        f"SELECT {_COLUMNS} FROM dir_call_log ORDER BY started_at DESC, id DESC LIMIT ?",  # noqa: S608
        (limit,),
    )
    return [_row(r) for r in rows]


def add_note(
    store: Store, call_id: int, note: str, now: datetime, patient_ref: str | None = None
) -> None:
    note = note.strip()[:MAX_NOTE_CHARS]
    if patient_ref is None:
        store.execute(
            "UPDATE dir_call_log SET note = ?, noted_at = ? WHERE id = ?",
            (note, now.isoformat(timespec="seconds"), call_id),
        )
    else:
        store.execute(
            "UPDATE dir_call_log SET note = ?, noted_at = ?, patient_ref = ? WHERE id = ?",
            (note, now.isoformat(timespec="seconds"), patient_ref.strip(), call_id),
        )
    store.audit.append("user", "directory.call.note", f"call:{call_id}")


def mark_note_sent(store: Store, call_id: int, now: datetime, message_id: str = "") -> None:
    store.execute(
        "UPDATE dir_call_log SET note_sent = 1, note_sent_at = ? WHERE id = ?",
        (now.isoformat(timespec="seconds"), call_id),
    )
    store.audit.append("user", "directory.call.note_sent", f"call:{call_id}", message_id)


def confirmation_draft(
    record: CallRecord, specialty: Specialty, sender: str = ""
) -> dict[str, Any]:
    """The mail that confirms a phone advice in writing, as a draft for the composer.

    Keys: ``to`` (list), ``subject``, ``body`` (text/plain), ``call_id``, ``specialty_id``.
    ``to`` is empty when the specialty has no MSSanté mailbox: the composer asks for one.
    """
    when = local(datetime.fromisoformat(record.started_at))
    date_text = when.strftime("%d/%m/%Y à %H:%M")
    patient = f" — patient : {record.patient_ref}" if record.patient_ref else ""
    subject = f"Confirmation d'avis téléphonique — {specialty.name} — {when:%d/%m/%Y}"
    lines = [
        "Bonjour,",
        "",
        f"Je vous confirme par écrit l'avis donné par téléphone le {date_text} "
        f"par le service {specialty.name}{patient}.",
        "",
        "Avis reçu, tel que je l'ai noté :",
        "",
        *(f"  {line}" for line in (record.note or "(aucune note saisie)").splitlines()),
        "",
        "Merci de me signaler toute différence avec ce que vous m'avez indiqué.",
        "",
        "Bien cordialement,",
    ]
    if sender:
        lines.append(sender)
    return {
        "to": [specialty.teleexpertise_mailbox] if specialty.teleexpertise_mailbox else [],
        "subject": subject,
        "body": "\n".join(lines) + "\n",
        "call_id": record.id,
        "specialty_id": specialty.id,
    }
