"""Requests and updates into the common mail outbox, from the right account. Qt-free.

The request leaves from the requester's personal mailbox; the department's answers and
status changes from the department's organisational mailbox, so that every colleague who
opens that mailbox sees them (in its Sent folder) and their client applies them too.
The Message-ID is chosen here and written in the request's history in the same transaction
as the outbox row, so the copy that comes back through a sync is recognised as ours.
When the outbox will encrypt the mail (S/MIME: every recipient has a certificate), its
subject, which S/MIME leaves in clear, names the request but not the patient.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import make_msgid

from mssclient.gui.mail.sending import build_wire, queue_wire
from mssclient.mail import Address
from mssclient.store import Store
from mssclient.teleexpertise.errors import TeleexpertiseError
from mssclient.teleexpertise.mail_draft import request_to_draft, update_to_draft
from mssclient.teleexpertise.mail_parts import OutgoingAttachment
from mssclient.teleexpertise.model import (
    ExpertAnswer,
    Practitioner,
    Role,
    TeleexpertiseRequest,
)
from mssclient.teleexpertise.repository import TeleexpertiseRepository
from mssclient.teleexpertise.state import RULES, Action, apply_action
from mssclient.teleexpertise.updates import update_for
from mssclient.transport.accounts import Account
from mssclient.transport.smime_context import plan_for


@dataclass(frozen=True)
class Queued:
    request: TeleexpertiseRequest
    outbox_id: int
    account_id: int
    message_id: str


def account_for(accounts: list[Account], address: str) -> Account | None:
    wanted = address.strip().lower()
    return next((a for a in accounts if a.address.lower() == wanted and a.id is not None), None)


def sending_account(accounts: list[Account], request: TeleexpertiseRequest, role: Role) -> Account:
    """The requester's mailbox for the requester, the department's for the expert."""
    address = request.specialty.mailbox if role is Role.EXPERT else request.requester.mailbox
    account = account_for(accounts, address)
    if account is None:
        raise TeleexpertiseError(
            f"no account for {address}",
            user_message=(
                f"Aucun compte de messagerie n'est configuré pour {address} : ajoutez-le dans "
                "la messagerie pour agir sur cette demande."
            ),
        )
    return account


def leaves_encrypted(store: Store, account: Account, recipient: str) -> bool:
    """Whether the outbox will encrypt a mail from ``account`` to ``recipient`` (as things
    stand now: the plan is made again when the mail leaves)."""
    return plan_for(store, account, [recipient]).plan.encrypt


def _message_id(account: Account) -> str:
    return make_msgid(domain=account.address.rpartition("@")[2] or "mssclient.local")


def queue_request(
    store: Store,
    repo: TeleexpertiseRepository,
    request: TeleexpertiseRequest,
    account: Account,
    files: tuple[OutgoingAttachment, ...],
    at: datetime,
) -> Queued:
    """Send a saved draft request: status "sent", mail in the outbox, one transaction."""
    if request.id is None or account.id is None:
        raise ValueError("save the request and the account first")
    sent = apply_action(request, Action.SEND, Role.REQUESTER, at, actor=request.requester)
    message_id = _message_id(account)
    sent = replace(sent, thread_message_id=message_id)
    hide = leaves_encrypted(store, account, sent.specialty.mailbox)
    identity = Address(account.display_name, account.address)
    draft = request_to_draft(sent, identity, files, hide_patient=hide)
    draft.message_id = message_id
    draft.product_nil = account.product_nil
    wire = build_wire(draft)  # before writing anything: an invalid mail changes nothing
    with repo.transaction():
        stored = repo.apply(
            request, Action.SEND, Role.REQUESTER, at, actor=request.requester, message_id=message_id
        )
        stored = repo.save(replace(stored, thread_message_id=message_id))
        outbox_id = queue_wire(store, account.id, wire)
    return Queued(stored, outbox_id, account.id, message_id)


def queue_update(
    store: Store,
    repo: TeleexpertiseRepository,
    request: TeleexpertiseRequest,
    action: Action,
    account: Account,
    actor: Practitioner,
    at: datetime,
    *,
    answer: ExpertAnswer | None = None,
    message: str = "",
    reason: str = "",
    redirect_to: str = "",
    files: tuple[OutgoingAttachment, ...] = (),
) -> Queued:
    """Apply ``action`` locally and mail it in the request's thread to the other side."""
    if request.id is None or account.id is None:
        raise ValueError("save the request and the account first")
    role = RULES[action].role
    current = repo.get(request.id) or request
    after = apply_action(current, action, role, at, actor=actor, answer=answer)
    refs = tuple(f.ref for f in files)
    update = update_for(
        after,
        action,
        actor,
        at,
        message=message,
        reason=reason,
        redirect_to=redirect_to,
        attachments=refs,
    )
    if role is Role.EXPERT:
        to = Address(current.requester.display_name, current.requester.mailbox)
    else:
        to = Address(current.specialty.label, current.specialty.mailbox)
    message_id = _message_id(account)
    identity = Address(account.display_name, account.address)
    hide = leaves_encrypted(store, account, to.addr)
    draft = update_to_draft(update, after, identity, to, files, hide_patient=hide)
    draft.message_id = message_id
    draft.product_nil = account.product_nil
    wire = build_wire(draft)
    with repo.transaction():
        stored = repo.apply(
            current,
            action,
            role,
            at,
            actor=actor,
            answer=answer,
            detail=(message or reason)[:2000],
            message_id=message_id,
        )
        if refs and stored.id is not None:
            repo.add_attachments(stored.id, refs, message_id)
            stored = repo.get(stored.id) or stored
        outbox_id = queue_wire(store, account.id, wire)
    return Queued(stored, outbox_id, account.id, message_id)
