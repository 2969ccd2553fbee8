"""Teleexpertise requests, their attachments' metadata and status history in the store."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mssclient.patients.repository import PatientRepository
from mssclient.teleexpertise.content import content_from_json, content_to_json
from mssclient.teleexpertise.errors import TeleexpertiseError
from mssclient.teleexpertise.model import (
    AttachmentRef,
    ExpertAnswer,
    Practitioner,
    RequestStatus,
    Role,
    Specialty,
    TeleexpertiseRequest,
)
from mssclient.teleexpertise.state import RULES, Action, apply_action

if TYPE_CHECKING:
    from mssclient.store import Store
    from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate

OUTGOING = "outgoing"  # I asked
INCOMING = "incoming"  # my department was asked

#: Flags a request may carry (space separated in the row).
FLAG_FHIR_PROBLEMS = "fhir-problems"
FLAG_OUT_OF_ORDER = "status-out-of-order"
FLAG_INS_NOT_QUALIFIED = "ins-not-qualified"
FLAG_CONTENT_DAMAGED = "content-damaged"
FLAG_UNDECRYPTABLE = "smime-undecryptable"  # a mail of it is encrypted for another key

_SELECT = (
    "SELECT id, request_uid, direction, patient_id, status, thread_message_id, content_json, "
    "latest_task_json, flags, created_at, sent_at, updated_at, answered_at, closed_at "
    "FROM te_requests "
)


@dataclass(frozen=True)
class StatusEvent:
    at: str
    actor_id: str
    actor_name: str
    action: str
    from_status: str
    to_status: str
    detail: str
    message_id: str


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class TeleexpertiseRepository:
    def __init__(self, store: Store, *, actor: str = "user") -> None:
        self._store = store
        self._actor = actor
        self.patients = PatientRepository(store, actor=actor)
        self._tx_depth = 0

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """One store transaction, shared by nested calls (a state and its event together)."""
        if self._tx_depth:
            yield
            return
        with self._store.transaction():
            self._tx_depth += 1
            try:
                yield
            finally:
                self._tx_depth -= 1

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """A transaction that this repository's own writes join (e.g. with an outbox write)."""
        return self._tx()

    # -- writing ---------------------------------------------------------------------------
    def save(
        self, request: TeleexpertiseRequest, direction: str = OUTGOING, *, task_json: str = ""
    ) -> TeleexpertiseRequest:
        """Insert (no id yet) or update the request; its patient must be stored already."""
        if request.patient.id is None:
            raise ValueError("store the patient before the request")
        if direction not in (OUTGOING, INCOMING):
            raise ValueError(f"bad direction {direction!r}")
        now = datetime.now(UTC)
        created = request.created_at or now
        values = {
            "request_uid": request.request_uid,
            "direction": direction,
            "patient_id": request.patient.id,
            "specialty_id": request.specialty.id,
            "specialty_label": request.specialty.label,
            "mailbox": request.specialty.mailbox,
            "status": request.status.value,
            "requester_id": request.requester.id_nat_ps,
            "requester_name": request.requester.display_name,
            "requester_profession": request.requester.profession.value,
            "assignee_id": request.assignee.id_nat_ps if request.assignee else "",
            "assignee_name": request.assignee.display_name if request.assignee else "",
            "thread_message_id": request.thread_message_id,
            "content_json": content_to_json(
                question=request.question,
                clinical=request.clinical,
                consent=request.consent,
                requester=request.requester,
                specialty=request.specialty,
                assignee=request.assignee,
                answer=request.answer,
            ),
            "flags": " ".join(sorted(request.flags)),
            "created_at": _iso(created),
            "sent_at": _iso(request.sent_at),
            "updated_at": _iso(request.updated_at or now),
            "answered_at": _iso(request.answered_at),
            "closed_at": _iso(request.closed_at),
        }
        if task_json:
            values["latest_task_json"] = task_json
        with self._tx():
            if request.id is None:
                columns = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                cursor = self._store.execute(
                    f"INSERT INTO te_requests({columns}) VALUES ({marks})",  # noqa: S608 (names are ours)
                    tuple(values.values()),
                )
                request_id = int(cursor.lastrowid or 0)
                self._store.audit.append(
                    self._actor, "teleexpertise.create", f"te:{request_id}", direction
                )
            else:
                request_id = request.id
                assignments = ", ".join(f"{name} = ?" for name in values)
                self._store.execute(
                    f"UPDATE te_requests SET {assignments} WHERE id = ?",  # noqa: S608
                    (*values.values(), request_id),
                )
            self._save_attachments(request_id, request.attachments, "")
        return replace(request, id=request_id, created_at=created)

    def _save_attachments(
        self, request_id: int, attachments: tuple[AttachmentRef, ...], message_id: str
    ) -> None:
        now = _iso(datetime.now(UTC))
        self._store.executemany(
            "INSERT OR IGNORE INTO te_attachments(request_id, content_id, filename, "
            "media_type, size, sha256, title, message_id, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    request_id,
                    a.content_id,
                    a.filename,
                    a.media_type,
                    a.size,
                    a.sha256,
                    a.title,
                    message_id,
                    now,
                )
                for a in attachments
            ],
        )

    def add_attachments(
        self, request_id: int, attachments: tuple[AttachmentRef, ...], message_id: str = ""
    ) -> None:
        with self._tx():
            self._save_attachments(request_id, attachments, message_id)

    def _event(
        self,
        request_id: int,
        at: datetime,
        actor: Practitioner | None,
        action: str,
        from_status: str,
        to_status: str,
        detail: str = "",
        message_id: str = "",
    ) -> None:
        self._store.execute(
            "INSERT INTO te_events(request_id, at, actor_id, actor_name, action, from_status, "
            "to_status, detail, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                request_id,
                _iso(at),
                actor.id_nat_ps if actor else "",
                actor.display_name if actor else "",
                action,
                from_status,
                to_status,
                detail,
                message_id,
            ),
        )

    def apply(
        self,
        request: TeleexpertiseRequest,
        action: Action,
        role: Role,
        at: datetime,
        *,
        actor: Practitioner | None = None,
        answer: ExpertAnswer | None = None,
        detail: str = "",
        message_id: str = "",
        task_json: str = "",
    ) -> TeleexpertiseRequest:
        """A local user's action: check it, store the new state and one history event.

        The check runs against the stored request, not the caller's copy, so an action
        decided on a stale screen (a colleague took it meanwhile) is judged on the truth.
        Save edits (``save``) before acting.
        """
        if request.id is None:
            raise ValueError("save the request before acting on it")
        request = self.get(request.id) or request
        after = apply_action(request, action, role, at, actor=actor, answer=answer)
        direction = self._direction(request.id or 0)
        with self._tx():
            saved = self.save(after, direction, task_json=task_json)
            self._event(
                request.id or 0,
                at,
                actor,
                action.value,
                request.status.value,
                after.status.value,
                detail,
                message_id,
            )
            self._store.audit.append(
                self._actor,
                f"teleexpertise.{action.value}",
                f"te:{request.id}",
                after.status.value,
            )
        return saved

    # -- receiving -------------------------------------------------------------------------
    def apply_received(
        self,
        parsed: ParsedTeleexpertiseUpdate,
        *,
        message_id: str = "",
        mailbox: str = "",
    ) -> TeleexpertiseRequest:
        """Record a received request or update; flags, never raises, on odd statuses.

        A new request is stored as incoming (its patient matched by INS or created); an
        update moves a known request to the status it carries, even when that status does
        not follow from ours (mail may arrive out of order): the request is then flagged.
        """
        if parsed.kind == "request":
            return self._receive_request(parsed, message_id, mailbox)
        current = self.get_by_uid(parsed.request_uid)
        update = parsed.update
        if current is None or current.id is None or update is None:
            raise TeleexpertiseError(
                f"update for unknown request {parsed.request_uid}",
                user_message="Mise à jour d'une demande de téléexpertise inconnue de ce poste.",
            )
        flags = set(current.flags)
        if parsed.problems:
            flags.add(FLAG_FHIR_PROBLEMS)
        rule = RULES[update.action]
        in_order = current.status in rule.sources and rule.target is parsed.status
        if not in_order and current.status is not parsed.status:
            flags.add(FLAG_OUT_OF_ORDER)
        changes: dict[str, Any] = {
            "status": parsed.status,
            "updated_at": update.at,
            "flags": frozenset(flags),
        }
        if update.assignee is not None:
            changes["assignee"] = update.assignee
        elif update.action is Action.ANSWER and current.assignee is None:
            changes["assignee"] = update.author
        if update.answer is not None:
            changes["answer"] = update.answer
        if parsed.status in (RequestStatus.ANSWERED, RequestStatus.DECLINED):
            changes["answered_at"] = current.answered_at or update.at
        if parsed.status is RequestStatus.CLOSED:
            changes["closed_at"] = update.at
        known = {a.content_id for a in current.attachments}
        added = tuple(a for a in update.attachments if a.content_id not in known)
        changes["attachments"] = current.attachments + added
        after = replace(current, **changes)
        detail = update.message or update.reason
        with self._tx():
            # First with the carrying mail's Message-ID; save() then finds them already there.
            self.add_attachments(current.id, added, message_id)
            saved = self.save(after, self._direction(current.id), task_json=parsed.task_json)
            self._event(
                current.id,
                update.at,
                update.author,
                update.action.value,
                current.status.value,
                parsed.status.value,
                detail[:2000],
                message_id,
            )
            self._store.audit.append(
                self._actor, "teleexpertise.received", f"te:{current.id}", parsed.status.value
            )
        return saved

    def _receive_request(
        self, parsed: ParsedTeleexpertiseUpdate, message_id: str, mailbox: str
    ) -> TeleexpertiseRequest:
        request = parsed.request
        if request is None:
            raise TeleexpertiseError(
                f"request {parsed.request_uid} without a usable patient",
                user_message="La demande reçue n'a pas d'identité patient exploitable : "
                "lisez le message et contactez le demandeur.",
            )
        existing = self.get_by_uid(parsed.request_uid)
        if existing is not None:  # the same mail seen twice (sync, shared mailbox)
            return existing
        patient = request.patient
        known = self.patients.find_by_ins(patient.ins) if patient.ins else None
        patient = known or self.patients.add(patient)
        flags = set(request.flags)
        if parsed.problems:
            flags.add(FLAG_FHIR_PROBLEMS)
        if not request.patient.is_qualified:
            flags.add(FLAG_INS_NOT_QUALIFIED)
        specialty = replace(request.specialty, mailbox=mailbox or request.specialty.mailbox)
        incoming = replace(
            request,
            patient=patient,
            specialty=specialty,
            thread_message_id=message_id or request.thread_message_id,
            flags=frozenset(flags),
        )
        with self._tx():
            saved = self.save(incoming, INCOMING, task_json=parsed.task_json)
            assert saved.id is not None
            self._event(
                saved.id,
                request.sent_at or datetime.now(UTC),
                request.requester,
                "receive",
                "",
                saved.status.value,
                "; ".join(parsed.problems)[:2000],
                message_id,
            )
        return saved

    def add_flags(self, request_id: int, *flags: str) -> None:
        current = self._store.scalar("SELECT flags FROM te_requests WHERE id = ?", (request_id,))
        merged = sorted(set(str(current or "").split()) | set(flags))
        self._store.execute(
            "UPDATE te_requests SET flags = ? WHERE id = ?", (" ".join(merged), request_id)
        )

    def remove_flags(self, request_id: int, *flags: str) -> None:
        current = self._store.scalar("SELECT flags FROM te_requests WHERE id = ?", (request_id,))
        kept = sorted(set(str(current or "").split()) - set(flags))
        self._store.execute(
            "UPDATE te_requests SET flags = ? WHERE id = ?", (" ".join(kept), request_id)
        )

    # -- reading ---------------------------------------------------------------------------
    def direction_of(self, request: TeleexpertiseRequest) -> str:
        """OUTGOING (I asked) or INCOMING (my department was asked)."""
        return self._direction(request.id or 0) if request.id is not None else OUTGOING

    def _direction(self, request_id: int) -> str:
        return str(
            self._store.scalar("SELECT direction FROM te_requests WHERE id = ?", (request_id,))
        )

    def get(self, request_id: int) -> TeleexpertiseRequest | None:
        rows = self._store.query(_SELECT + "WHERE id = ?", (request_id,))
        return self._from_row(rows[0]) if rows else None

    def get_by_uid(self, request_uid: str) -> TeleexpertiseRequest | None:
        rows = self._store.query(_SELECT + "WHERE request_uid = ?", (request_uid,))
        return self._from_row(rows[0]) if rows else None

    def list_requests(
        self, direction: str | None = None, statuses: tuple[RequestStatus, ...] = ()
    ) -> list[TeleexpertiseRequest]:
        """Newest first; filtered by direction and status when given."""
        clauses, params = ["1 = 1"], []
        if direction:
            clauses.append("direction = ?")
            params.append(direction)
        if statuses:
            clauses.append(f"status IN ({', '.join('?' for _ in statuses)})")
            params += [s.value for s in statuses]
        rows = self._store.query(
            _SELECT + "WHERE " + " AND ".join(clauses) + " ORDER BY created_at DESC, id DESC",
            params,
        )
        return [self._from_row(r) for r in rows]

    def events(self, request_id: int) -> list[StatusEvent]:
        rows = self._store.query(
            "SELECT at, actor_id, actor_name, action, from_status, to_status, detail, "
            "message_id FROM te_events WHERE request_id = ? ORDER BY id",
            (request_id,),
        )
        return [StatusEvent(*row) for row in rows]

    def latest_task_json(self, request_id: int) -> str:
        return str(
            self._store.scalar(
                "SELECT latest_task_json FROM te_requests WHERE id = ?", (request_id,)
            )
            or ""
        )

    def count_for_patient_year(
        self, patient_id: int, year: int, *, requester_id: str = "", exclude_uid: str = ""
    ) -> int:
        """Requests for this patient sent in ``year`` (not declined), for the yearly limit."""
        sql = (
            "SELECT count(*) FROM te_requests WHERE patient_id = ? AND sent_at IS NOT NULL "
            "AND substr(sent_at, 1, 4) = ? AND status != 'declined' AND request_uid != ?"
        )
        params: list[Any] = [patient_id, f"{year:04d}", exclude_uid]
        if requester_id:
            sql += " AND requester_id = ?"
            params.append(requester_id)
        return int(self._store.scalar(sql, params))

    def _content_from_columns(self, request_id: int) -> dict[str, Any]:
        row = self._store.query(
            "SELECT specialty_id, specialty_label, mailbox, requester_name, assignee_name "
            "FROM te_requests WHERE id = ?",
            (request_id,),
        )[0]
        content = content_from_json("{}")
        content["specialty"] = Specialty(row[0], row[1], row[2])
        content["requester"] = Practitioner(row[3])
        content["assignee"] = Practitioner(row[4]) if row[4] else None
        return content

    def _from_row(self, row: Any) -> TeleexpertiseRequest:
        patient = self.patients.get(int(row["patient_id"]))
        if patient is None:  # RESTRICT on delete makes this a damaged store
            raise TeleexpertiseError(f"request {row['id']} has no patient")
        attachments = tuple(
            AttachmentRef(r[0], r[1], r[2], int(r[3]), r[4], r[5])
            for r in self._store.query(
                "SELECT content_id, filename, media_type, size, sha256, title FROM te_attachments "
                "WHERE request_id = ? ORDER BY id",
                (row["id"],),
            )
        )
        flags = frozenset(row["flags"].split())
        try:
            content = content_from_json(row["content_json"])
        except (ValueError, TypeError, KeyError, AttributeError):
            # A damaged row must not hide the whole list: show what the columns hold.
            content = self._content_from_columns(int(row["id"]))
            flags |= {FLAG_CONTENT_DAMAGED}
        return TeleexpertiseRequest(
            request_uid=row["request_uid"],
            patient=patient,
            attachments=attachments,
            status=RequestStatus(row["status"]),
            created_at=_dt(row["created_at"]),
            sent_at=_dt(row["sent_at"]),
            updated_at=_dt(row["updated_at"]),
            answered_at=_dt(row["answered_at"]),
            closed_at=_dt(row["closed_at"]),
            thread_message_id=row["thread_message_id"],
            flags=flags,
            id=int(row["id"]),
            **content,
        )
