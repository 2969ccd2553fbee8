"""Recognise teleexpertise mails in the synced mail store and apply them to the requests.

A sync stores every mail raw (``mssclient.mailstore``); ``scan_mail_store`` then reads the
new ones that carry attachments, finds our structured part (``application/fhir+json``),
parses it defensively and records the request or its update. Each mail is looked at once
(table ``te_mail_seen``); an update whose request is not here yet is retried at the next
scan. A structured part that cannot be read leaves the mail as it is (readable in the mail
area) and flags the request of its thread, never raises.

Checks on received updates: an expert's action must come from the department's mailbox,
a requester's action from the requester's mailbox; anything else is refused and flagged.
Mails this workstation sent (their Message-ID is in the request's history) are skipped.

S/MIME (``secure_mail``): a signed or encrypted mail is read in the form the sync decrypted
and verified. One whose signature shows tampering is refused like an unreadable part. One
that could not be decrypted flags the request of its thread "unreadable" and is tried again
at each scan after the user's keys change (or once the mail area has opened it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from mssclient.errors import MssError
from mssclient.mail import attachment_bytes, parse_full
from mssclient.mail.models import FullMessage
from mssclient.security.smime import SmimeStatus
from mssclient.teleexpertise.delivery import (
    DeliveryReport,
    acknowledgement_problem,
    read_delivery_report,
)
from mssclient.teleexpertise.jsonguard import MAX_BYTES
from mssclient.teleexpertise.mail_parts import FHIR_FILENAME, mail_parts_to_update
from mssclient.teleexpertise.model import RequestStatus, Role, TeleexpertiseRequest
from mssclient.teleexpertise.protection import UNTRUSTWORTHY, MailProtection
from mssclient.teleexpertise.repository import (
    FLAG_FHIR_PROBLEMS,
    FLAG_UNDECRYPTABLE,
    OUTGOING,
    TeleexpertiseRepository,
)
from mssclient.teleexpertise.secure_mail import SecureMail, keys_version, stored_status
from mssclient.teleexpertise.state import RULES, Action
from mssclient.teleexpertise.updates import ParsedTeleexpertiseUpdate, PayloadRejected

if TYPE_CHECKING:
    from mssclient.store import Store

APPLIED = "applied"
IGNORED = "ignored"  # no structured part, or a mail this workstation sent
REJECTED = "rejected"  # the structured part could not be read, or was not acceptable
ORPHAN = "orphan"  # an update for a request not (yet) known here: retried
ENCRYPTED = "encrypted"  # S/MIME, no key here opens it: retried when the keys change

_FLAG_SENDER = "unexpected-sender"


@dataclass(frozen=True)
class Change:
    """One request that a scan created or moved."""

    request: TeleexpertiseRequest
    previous: RequestStatus | None  # None: the request is new here
    direction: str


@dataclass
class ScanReport:
    changes: list[Change] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (mail id, French reason)
    undecryptable: list[int] = field(default_factory=list)  # mail ids, newly found
    looked_at: int = 0

    def answers_for_me(self) -> list[TeleexpertiseRequest]:
        """My requests the department just answered, declined or asked a question about."""
        wanted = {RequestStatus.ANSWERED, RequestStatus.DECLINED, RequestStatus.INFO_REQUESTED}
        return [
            c.request
            for c in self.changes
            if c.direction == OUTGOING and c.request.status in wanted and c.previous is not None
        ]

    def new_requests(self) -> list[TeleexpertiseRequest]:
        return [c.request for c in self.changes if c.previous is None]


@dataclass(frozen=True)
class _Candidate:
    mail_id: int
    header_id: str
    mailbox: str  # address of the account whose folder holds it
    account_id: int
    outcome: str = ""  # of an earlier look (orphan, encrypted), else ""
    detail: str = ""


class _Undecryptable:
    """Marks a mail no key here decrypts."""


@dataclass(frozen=True)
class _Read:
    candidate: _Candidate
    sender: str
    thread_ids: tuple[str, ...]
    parsed: ParsedTeleexpertiseUpdate | PayloadRejected | DeliveryReport | _Undecryptable | None
    protection: MailProtection | None = None


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


def structured_part(
    full: FullMessage, raw: bytes
) -> ParsedTeleexpertiseUpdate | PayloadRejected | None:
    """Our structured part of a parsed mail, read; None when the mail has none."""
    for info in full.attachments:
        named = info.filename.strip().lower() == FHIR_FILENAME
        if info.content_type == "application/fhir+json" or (
            named and info.content_type in ("application/json", "application/octet-stream")
        ):
            if info.size > MAX_BYTES:
                return PayloadRejected(
                    f"partie structurée trop volumineuse ({info.size} octets, {MAX_BYTES} au plus)"
                )
            try:
                payload = attachment_bytes(raw, info.part_index)
            except MssError:
                return PayloadRejected("partie structurée introuvable dans le message")
            content_type = "application/fhir+json" if named else info.content_type
            return mail_parts_to_update(content_type, payload)
    return None


class MailScanner:
    """Reads new mails of ``store`` (the GUI thread's, or any one thread's) once each."""

    def __init__(
        self,
        store: Store,
        repository: TeleexpertiseRepository | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.repo = repository or TeleexpertiseRepository(store)
        self.secure = SecureMail(store)
        self.clock = clock
        self._keys: str | None = None  # keys_version, read once per scan

    # -- candidates -------------------------------------------------------------------------
    def _candidates(self) -> list[_Candidate]:
        rows = self.store.query(
            "SELECT m.id, m.message_id, a.address, a.id, s.outcome, s.detail "
            "FROM mail_messages m "
            "JOIN mail_folders f ON f.id = m.folder_id "
            "JOIN mail_accounts a ON a.id = f.account_id "
            "LEFT JOIN te_mail_seen s ON s.mail_message_id = m.id "
            "WHERE (m.has_attachments = 1 OR m.smime != '') AND m.deleted = 0 "
            "AND (s.mail_message_id IS NULL OR s.outcome IN (?, ?)) "
            "ORDER BY m.date_utc, m.id",
            (ORPHAN, ENCRYPTED),
        )
        return [
            _Candidate(int(r[0]), str(r[1]), str(r[2]).lower(), int(r[3]), r[4] or "", r[5] or "")
            for r in rows
        ]

    def _keys_version(self) -> str:
        if self._keys is None:
            self._keys = keys_version(self.store)
        return self._keys

    def _known_message_ids(self) -> set[str]:
        rows = self.store.query(
            "SELECT message_id FROM te_events WHERE message_id != '' "
            "UNION SELECT thread_message_id FROM te_requests WHERE thread_message_id != ''"
        )
        return {_bare(str(r[0])) for r in rows}

    def _record(
        self, mail_id: int, header_id: str, outcome: str, uid: str = "", detail: str = ""
    ) -> None:
        self.store.execute(
            "INSERT INTO te_mail_seen(mail_message_id, header_message_id, request_uid, outcome, "
            "detail, seen_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(mail_message_id) DO UPDATE "
            "SET outcome = excluded.outcome, request_uid = excluded.request_uid, "
            "detail = excluded.detail, seen_at = excluded.seen_at",
            (
                mail_id,
                header_id,
                uid,
                outcome,
                detail[:2000],
                self.clock().isoformat(timespec="seconds"),
            ),
        )

    # -- reading ----------------------------------------------------------------------------
    def _read(self, candidate: _Candidate) -> _Read | None:
        """The candidate's structured part; None (recorded) when there is nothing to read,
        or when a mail still undecryptable has nothing new to try."""
        retry = False
        if candidate.outcome == ENCRYPTED:
            retry = candidate.detail != self._keys_version()
            opened_meanwhile = stored_status(self.store, candidate.mail_id)
            if not retry and opened_meanwhile is SmimeStatus.DECRYPT_NO_KEY:
                return None
        opened = self.secure.open(candidate.mail_id, candidate.account_id, retry=retry)
        if opened is None:
            self._record(candidate.mail_id, candidate.header_id, IGNORED)
            return None
        raw, protection = opened.raw, opened.protection
        full = parse_full(raw)
        sender = full.from_.addr.lower() if full.from_ is not None else ""
        thread = tuple(_bare(i) for i in [full.in_reply_to, *full.references] if i)
        parsed: ParsedTeleexpertiseUpdate | PayloadRejected | DeliveryReport | None
        if protection is not None and protection.status is SmimeStatus.DECRYPT_NO_KEY:
            return _Read(candidate, sender, thread, _Undecryptable(), protection)
        if protection is not None and not protection.readable:
            parsed = PayloadRejected("message sécurisé illisible (" + protection.describe() + ")")
            return _Read(candidate, sender, thread, parsed, protection)
        parsed = structured_part(full, raw) or read_delivery_report(full, raw)
        if parsed is None:
            self._record(candidate.mail_id, candidate.header_id, IGNORED)
            return None
        if protection is not None and protection.status in UNTRUSTWORTHY:
            parsed = PayloadRejected("message refusé : " + protection.describe())
        return _Read(candidate, sender, thread, parsed, protection)

    def scan(self) -> ScanReport:
        """Read every new candidate mail; requests first, then updates oldest first."""
        report = ScanReport()
        self._keys = None
        known = self._known_message_ids()
        reads: list[_Read] = []
        for candidate in self._candidates():
            report.looked_at += 1
            if _bare(candidate.header_id) in known and candidate.header_id:
                self._record(candidate.mail_id, candidate.header_id, IGNORED, detail="ours")
                continue
            read = self._read(candidate)
            if read is not None:
                reads.append(read)

        def order(read: _Read) -> tuple[int, str]:
            parsed = read.parsed
            if isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.kind == "request":
                return (0, "")
            if isinstance(parsed, DeliveryReport):  # "received" comes before "taken"
                return (1, "")
            if isinstance(parsed, ParsedTeleexpertiseUpdate) and parsed.update is not None:
                return (2, parsed.update.at.isoformat())
            return (3, "")

        for read in sorted(reads, key=order):
            self._apply(read, report, known)
        return report

    # -- applying ---------------------------------------------------------------------------
    def _thread_request(self, thread_ids: Iterable[str]) -> TeleexpertiseRequest | None:
        for message_id in thread_ids:
            rows = self.store.query(
                "SELECT id FROM te_requests WHERE thread_message_id IN (?, ?) UNION "
                "SELECT request_id FROM te_events WHERE message_id IN (?, ?) LIMIT 1",
                (message_id, f"<{message_id}>", message_id, f"<{message_id}>"),
            )
            if rows:
                return self.repo.get(int(rows[0][0]))
        return None

    def _refuse(self, read: _Read, report: ScanReport, reason: str, uid: str = "") -> None:
        c = read.candidate
        self._record(c.mail_id, c.header_id, REJECTED, uid, reason)
        report.rejected.append((c.mail_id, reason))
        target = self.repo.get_by_uid(uid) if uid else None
        target = target or self._thread_request(read.thread_ids)
        if target is not None and target.id is not None:
            self.repo.add_flags(target.id, FLAG_FHIR_PROBLEMS)

    def _apply(self, read: _Read, report: ScanReport, known: set[str]) -> None:
        c, parsed = read.candidate, read.parsed
        if isinstance(parsed, _Undecryptable):
            self._undecryptable(read, report)
            return
        if isinstance(parsed, DeliveryReport):
            self._acknowledge(read, parsed, report, known)
            return
        if isinstance(parsed, PayloadRejected) or parsed is None:
            reason = parsed.user_message if parsed is not None else ""
            self._refuse(read, report, reason)
            return
        uid = parsed.request_uid
        if parsed.kind == "request":
            existing = self.repo.get_by_uid(uid)
            if existing is not None:
                self._record(c.mail_id, c.header_id, IGNORED, uid, "known")
                return
            if (
                parsed.request is not None
                and read.sender != parsed.request.requester.mailbox.lower()
            ):
                parsed = _with_problem(
                    parsed, "l'expéditeur du message n'est pas la messagerie du demandeur"
                )
            try:
                saved = self.repo.apply_received(parsed, message_id=c.header_id, mailbox=c.mailbox)
            except MssError as exc:
                self._refuse(read, report, exc.user_message, uid)
                return
            self._record(c.mail_id, c.header_id, APPLIED, uid)
            saved = self._after_applying(read, saved)
            known.add(_bare(c.header_id))
            report.changes.append(Change(saved, None, self.repo.direction_of(saved)))
            return
        current = self.repo.get_by_uid(uid)
        update = parsed.update
        if current is None or update is None:
            self._record(c.mail_id, c.header_id, ORPHAN, uid)
            return
        rule = RULES[update.action]
        expected = (
            current.specialty.mailbox if rule.role is Role.EXPERT else current.requester.mailbox
        )
        if expected and read.sender != expected.lower():
            self._refuse(
                read,
                report,
                f"mise à jour « {update.action.label_fr} » envoyée par {read.sender or '?'}, "
                f"attendue de {expected}",
                uid,
            )
            if current.id is not None:
                self.repo.add_flags(current.id, _FLAG_SENDER)
            return
        with self.repo.transaction():  # the new state and "this mail was read" together
            saved = self.repo.apply_received(parsed, message_id=c.header_id, mailbox=c.mailbox)
            self._record(c.mail_id, c.header_id, APPLIED, uid)
            saved = self._after_applying(read, saved)
        known.add(_bare(c.header_id))
        report.changes.append(Change(saved, current.status, self.repo.direction_of(saved)))

    def _undecryptable(self, read: _Read, report: ScanReport) -> None:
        """No key here decrypts the mail: flag the request of its thread (when known) and
        keep the mail for a later scan; the keys tried are remembered."""
        c = read.candidate
        target = self._thread_request(read.thread_ids)
        uid = target.request_uid if target is not None else ""
        self._record(c.mail_id, c.header_id, ENCRYPTED, uid, self._keys_version())
        if c.outcome != ENCRYPTED:
            report.undecryptable.append(c.mail_id)
        if target is not None and target.id is not None:
            self.repo.add_flags(target.id, FLAG_UNDECRYPTABLE)

    def _after_applying(self, read: _Read, saved: TeleexpertiseRequest) -> TeleexpertiseRequest:
        """Audit how the applied mail was protected; once no mail of the request is left
        undecrypted, its "unreadable" flag goes."""
        if saved.id is None:
            return saved
        if read.protection is not None:
            self.store.audit.append(
                "teleexpertise",
                "teleexpertise.smime",
                f"te:{saved.id}",
                f"{read.protection.status.value} encrypted={int(read.protection.encrypted)}",
            )
        if FLAG_UNDECRYPTABLE in saved.flags and not self._still_undecrypted(saved.request_uid):
            self.repo.remove_flags(saved.id, FLAG_UNDECRYPTABLE)
            return self.repo.get(saved.id) or saved
        return saved

    def _still_undecrypted(self, uid: str) -> bool:
        found = self.store.scalar(
            "SELECT 1 FROM te_mail_seen WHERE outcome = ? AND request_uid = ? LIMIT 1",
            (ENCRYPTED, uid),
        )
        return found is not None

    def _acknowledge(
        self, read: _Read, dsn: DeliveryReport, report: ScanReport, known: set[str]
    ) -> None:
        """A delivery report: "received by the department" when it fits exactly.

        Anything else (a report about another mail, a failure, a forged or odd one) changes
        nothing: the mail stays in the mail area as it is, recorded as looked at.
        """
        c = read.candidate
        ids = [i for i in (dsn.original_message_id, _bare(dsn.envelope_id)) if i]
        request = self._request_sent_as(ids)
        if request is None or request.id is None:
            self._record(c.mail_id, c.header_id, IGNORED, detail="delivery report: no request")
            return
        why = acknowledgement_problem(dsn, request, c.mailbox)
        if why:
            self._record(
                c.mail_id, c.header_id, IGNORED, request.request_uid, "delivery report: " + why
            )
            return
        now = self.clock()
        sent_at = request.sent_at or now
        at = dsn.date if dsn.date is not None and dsn.date.tzinfo is not None else now
        at = at if sent_at <= at <= now else now
        with self.repo.transaction():
            saved = self.repo.apply(
                request,
                Action.ACKNOWLEDGE,
                RULES[Action.ACKNOWLEDGE].role,
                at,
                detail="accusé de remise du serveur de messagerie",
                message_id=c.header_id,
            )
            self._record(c.mail_id, c.header_id, APPLIED, request.request_uid, "delivery report")
        known.add(_bare(c.header_id))
        report.changes.append(Change(saved, request.status, self.repo.direction_of(saved)))

    def _request_sent_as(self, message_ids: list[str]) -> TeleexpertiseRequest | None:
        """The request whose own mail (not an update) had one of these Message-IDs."""
        for message_id in message_ids:
            found = self.store.scalar(
                "SELECT id FROM te_requests WHERE thread_message_id IN (?, ?) LIMIT 1",
                (message_id, f"<{message_id}>"),
            )
            if found is not None:
                return self.repo.get(int(found))
        return None

    def undecrypted(self) -> list[int]:
        """Mails no key here decrypts that concern a known request or look like
        teleexpertise (the subject keeps the request's reference in clear)."""
        rows = self.store.query(
            "SELECT s.mail_message_id FROM te_mail_seen s "
            "JOIN mail_messages m ON m.id = s.mail_message_id "
            "WHERE s.outcome = ? AND (s.request_uid != '' OR m.subject LIKE '%[TE-%]%') "
            "ORDER BY s.mail_message_id",
            (ENCRYPTED,),
        )
        return [int(r[0]) for r in rows]

    def unreadable(self) -> list[tuple[int, str]]:
        """Mails whose structured part was refused: (mail id, French reason)."""
        rows = self.store.query(
            "SELECT mail_message_id, detail FROM te_mail_seen WHERE outcome = ? "
            "ORDER BY mail_message_id",
            (REJECTED,),
        )
        return [(int(r[0]), str(r[1])) for r in rows]


def _with_problem(parsed: ParsedTeleexpertiseUpdate, problem: str) -> ParsedTeleexpertiseUpdate:
    return replace(parsed, problems=(*parsed.problems, problem))
