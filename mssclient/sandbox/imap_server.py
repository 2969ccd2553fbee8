"""The sandbox IMAP server: pymap's on-disk Maildir backend, run inside our asyncio loop.

What pymap gives us (0.36): IMAP4rev1 with UIDPLUS, MOVE, IDLE, MULTIAPPEND, BINARY,
OBJECTID, STARTTLS, UIDVALIDITY/UIDNEXT, UID FETCH/STORE/COPY/MOVE/EXPUNGE, flags and
APPEND, with messages kept in Maildir folders (so the state survives restarts). What we add
around it: an implicit-TLS listener (pymap only does STARTTLS), RFC 6154 special-use
attributes on LIST for Sent/Drafts/Trash/Archive, organisational mailboxes opened by their
members (SASL authorization identity), an in-process delivery call for the SMTP side, and
a bounded MIME structure (structure_cap.py) so a hostile message cannot kill a session.
Not available: CONDSTORE/QRESYNC, SPECIAL-USE on CREATE, ENABLE, NAMESPACE, QUOTA.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import os
import uuid
from argparse import Namespace
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AsyncExitStack, closing, suppress
from pathlib import Path
from ssl import SSLContext
from typing import Any

from proxyprotocol.result import ProxyResultLocal
from proxyprotocol.sock import SocketInfo
from pymap.backend.maildir import Config, Identity, Login, Session
from pymap.backend.maildir.layout import MaildirLayout
from pymap.concurrent import Subsystem
from pymap.config import BackendCapability
from pymap.context import connection_exit
from pymap.exceptions import AuthorizationFailure, MailboxConflict
from pymap.imap import IMAPConnection
from pymap.imap.state import ConnectionState
from pymap.parsing.message import AppendMessage
from pymap.parsing.response import ResponseOk
from pymap.parsing.specials.flag import Flag
from pymap.user import Passwords, UserMetadata
from pysasl.creds.plain import PlainCredentials
from pysasl.hashing import BuiltinHash

from mssclient.sandbox import raw_maildir, structure_cap
from mssclient.sandbox.demo_accounts import SPECIAL_FOLDERS
from mssclient.sandbox.raw_maildir import RawMaildir

_log = logging.getLogger(__name__)
raw_maildir.install()
# pymap parses every MIME level on each FETCH: 10,000 nested levels end its session
# (RecursionError) and 100,000 parts stall it. Served capped instead, bytes unchanged.
structure_cap.install()

#: PBKDF2 rounds for the stored hashes of demo passwords: they are public, and a login must
#: stay quick in tests; the hash only keeps passwords out of the files in plain text.
_PASSWORD_HASH_ROUNDS = 10_000


class _SandboxConfig(Config):
    """Maildir config with the sandbox's capabilities and a greeting that needs no DNS."""

    @property
    def backend_capability(self) -> BackendCapability:
        return BackendCapability(
            idle=True, object_id=True, multi_append=True, custom=[b"SPECIAL-USE"]
        )

    @property
    def greeting(self) -> bytes:
        return b"Bac a sable MSSClient pret"


class _SandboxSession(Session):
    """Adds RFC 6154 attributes to LIST for the special folders."""

    async def list_mailboxes(
        self, ref_name: str, filter_: str, subscribed: bool = False, selected: Any = None
    ) -> tuple[Iterable[tuple[str, str | None, Sequence[bytes]]], Any]:
        entries, updated = await super().list_mailboxes(ref_name, filter_, subscribed, selected)
        marked = []
        for name, delimiter, attributes in entries:
            special = SPECIAL_FOLDERS.get(name)
            if special is not None:
                attributes = [*attributes, special.lstrip("\\").encode("ascii")]
            marked.append((name, delimiter, attributes))
        return marked, updated


class _TlsOnlyState(ConnectionState):
    """pymap offers password logins in clear to loopback clients; an operator never does.

    On the STARTTLS port, LOGIN/AUTHENTICATE stay disabled until STARTTLS succeeds.
    """

    async def do_greeting(self) -> ResponseOk:
        return ResponseOk(b"*", self.config.greeting, self.capability)


class _SandboxIdentity(Identity):
    def new_session(self) -> Any:  # an async context manager yielding our session
        return _SessionContext(self)

    def _load_maildir(self, mailbox_path: str) -> tuple[Any, Any]:
        full_path = os.path.join(self.config.base_dir, mailbox_path)
        layout = MaildirLayout.get(full_path, self.config.layout, RawMaildir)
        return RawMaildir(full_path, create=not os.path.exists(full_path)), layout


class _SessionContext:
    def __init__(self, identity: Identity) -> None:
        self._identity = identity
        self._inner: Any = None

    async def __aenter__(self) -> _SandboxSession:
        self._inner = Identity.new_session(self._identity)
        base: Session = await self._inner.__aenter__()
        return _SandboxSession(base.owner, base.config, base.mailbox_set, base.filter_set)

    async def __aexit__(self, *exc: object) -> None:
        await self._inner.__aexit__(*exc)


class _LowercaseCredentials(PlainCredentials):
    """The same password check, with the login and authorization names in lower case."""

    def __init__(self, original: PlainCredentials) -> None:
        super().__init__(original.authcid.lower(), "", original.authzid.lower())
        self._original = original

    def verify(self, identity: Any) -> bool:
        return bool(
            identity is not None
            and identity.compare_authcid(self.authcid)
            and self._original.verify(_AuthcidAs(identity, self._original.authcid))
        )


class _AuthcidAs:
    """An identity seen under the login the client typed, for pysasl's own comparison."""

    def __init__(self, identity: Any, authcid: str) -> None:
        self._identity = identity
        self.authcid = authcid

    def compare_authcid(self, authcid: str) -> bool:
        return authcid == self.authcid

    def compare_secret(self, value: str) -> bool:
        return bool(self._identity.compare_secret(value))

    def get_clear_secret(self) -> str | None:
        secret = self._identity.get_clear_secret()
        return str(secret) if secret is not None else None


class _SandboxLogin(Login):
    """Lets the members of an organisational mailbox open it with their own password."""

    def __init__(self, config: Config, members: Mapping[str, frozenset[str]]) -> None:
        super().__init__(config)
        self.members = members

    async def authenticate(self, credentials: Any) -> Identity:
        # Addresses are case-insensitive for people: "Claire.Martin@..." opens the mailbox
        # stored as "claire.martin@...", as it does at the SMTP side.
        if isinstance(credentials, PlainCredentials):
            credentials = _LowercaseCredentials(credentials)
        identity: Identity = await super().authenticate(credentials)
        return identity

    async def authorize(self, authenticated: Any, authzid: str) -> Identity:
        authcid = authenticated.name
        authzid = (authzid or authcid).lower()
        if authzid != authcid and authcid not in self.members.get(authzid, frozenset()):
            raise AuthorizationFailure()
        return _SandboxIdentity(self.config, self.tokens, authzid, None, frozenset())


class SandboxImap:
    """pymap on ``host``: implicit TLS on ``tls_port``, STARTTLS on ``starttls_port``.

    Every coroutine must run on the loop that called :meth:`start`.
    """

    def __init__(self, mail_dir: Path, ssl_context: SSLContext) -> None:
        self.mail_dir = mail_dir
        self._ssl_context = ssl_context
        self._members: dict[str, frozenset[str]] = {}
        self._servers: list[asyncio.Server] = []
        self._connections: dict[asyncio.Task[Any], asyncio.StreamWriter] = {}
        self.tls_port = 0
        self.starttls_port = 0
        self._config = self._make_config(tls_enabled=True)
        self._login = _SandboxLogin(self._config, self._members)

    def _make_config(self, *, tls_enabled: bool) -> _SandboxConfig:
        args = Namespace(debug=False, passlib_cfg=None, proxy_protocol=None)
        inline = Subsystem.for_asyncio()  # no worker threads: nothing to leak at stop
        return _SandboxConfig(
            args,
            host="127.0.0.1",
            port=0,
            base_dir=str(self.mail_dir),
            layout="++",
            colon=None,
            subsystem=inline,
            cpu_subsystem=inline,
            ssl_context=self._ssl_context,
            tls_enabled=tls_enabled,
            reject_dnsbl=False,
            invalid_user_sleep=0.2,
            hash_context=BuiltinHash(rounds=_PASSWORD_HASH_ROUNDS),
        )

    async def start(self, host: str, tls_port: int, starttls_port: int | None) -> None:
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        self._config.apply_context()
        implicit = self._make_config(tls_enabled=False)  # TLS from the first byte
        listeners: list[tuple[_SandboxConfig, int, SSLContext | None]] = [
            (implicit, tls_port, self._ssl_context)
        ]
        if starttls_port is not None:
            listeners.append((self._config, starttls_port, None))
        for config, port, ssl in listeners:
            server = await asyncio.start_server(
                self._tracked(config), host=host, port=port, ssl=ssl
            )
            self._servers.append(server)
        self.tls_port = _port_of(self._servers[0])
        if starttls_port is not None:
            self.starttls_port = _port_of(self._servers[1])

    def _tracked(self, config: _SandboxConfig) -> Any:
        """A connection callback running one pymap session in a task that stop() can end.

        pymap's own entry point reads a PROXY protocol header first; we never sit behind a
        proxy, so the connection is described as local right away.
        """

        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._connections[task] = writer
            socket_info = SocketInfo.get(writer, ProxyResultLocal(), unique_id=uuid.uuid4().bytes)
            connection = IMAPConnection(config.commands, config, reader, writer, socket_info)
            try:
                async with AsyncExitStack() as stack:
                    connection_exit.set(stack)
                    stack.enter_context(closing(connection))
                    await connection.run(_TlsOnlyState(self._login, config))
            except Exception:  # one broken session must not take the server down
                _log.exception("session IMAP du bac à sable interrompue")
            finally:
                self._connections.pop(task, None)

        return on_connect

    async def stop(self) -> None:
        """Stop listening, then close open sessions (IDLE ones included)."""
        for server in self._servers:
            server.close()
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()
        tasks = list(self._connections)
        for task, writer in list(self._connections.items()):
            writer.transport.abort()  # no TLS goodbye: the peer may never answer it
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=2.0)
        await asyncio.sleep(0.01)  # let the aborted transports release their sockets

    # -- accounts and mail ------------------------------------------------------------------
    async def add_user(self, address: str, password: str, members: Sequence[str] = ()) -> None:
        """Create the mailbox (or reset its password) with the special folders."""
        name = address.lower()
        hashed = await Passwords(self._config).hash_password(password)
        metadata = UserMetadata(
            self._config, name, password=hashed, params=_frozen({"mailbox_path": name})
        )
        await Identity(self._config, self._login.tokens, name, None, frozenset()).set(metadata)
        self._members[name] = frozenset(m.lower() for m in members)
        async with self._identity(name).new_session() as session:
            existing = {entry.name for entry in (await session.mailbox_set.list_mailboxes()).list()}
            for folder in SPECIAL_FOLDERS:
                if folder not in existing:
                    with suppress(MailboxConflict):
                        await session.create_mailbox(folder)

    def set_members(self, address: str, members: Sequence[str]) -> None:
        self._members[address.lower()] = frozenset(m.lower() for m in members)

    async def has_user(self, address: str) -> bool:
        from pymap.exceptions import UserNotFound

        try:
            await self._identity(address.lower()).get()
        except UserNotFound:
            return False
        return True

    async def deliver(
        self,
        address: str,
        raw: bytes,
        *,
        folder: str = "INBOX",
        flags: Iterable[bytes] = (),
        when: datetime.datetime | None = None,
    ) -> int:
        """Append ``raw`` to a mailbox folder as the server would; returns the new UID."""
        message = AppendMessage(
            raw,
            when=when or datetime.datetime.now(datetime.UTC),
            flag_set=frozenset(Flag(f) for f in flags),
        )
        async with self._identity(address.lower()).new_session() as session:
            append_uid, _ = await session.append_messages(folder, [message])
        return int(next(iter(append_uid.uids)))

    def _identity(self, name: str) -> Identity:
        return _SandboxIdentity(self._config, self._login.tokens, name, None, frozenset())


def _frozen(params: dict[str, str]) -> Any:
    from pymap.frozen import frozendict

    return frozendict(params)


def _port_of(server: asyncio.Server) -> int:
    return int(server.sockets[0].getsockname()[1])
