"""The embedded sandbox operator: IMAP + SMTP submission + HTTPS directory on loopback.

``Sandbox`` runs the mail servers in one background thread with its own asyncio loop and
the HTTPS file server in another; ``start()`` returns once every port listens, ``stop()``
closes listeners and open sessions and joins the threads. State (TLS material, Maildir
mailboxes, the "already seeded" mark) lives under the data directory given, so mail sent
between two app instances survives a restart.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime
import errno
import ipaddress
import logging
import socket
import threading
from collections.abc import Coroutine, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from mssclient.errors import MssError
from mssclient.paths import data_dir as app_data_dir
from mssclient.paths import resources_dir
from mssclient.sandbox.accounts_book import AccountsBook
from mssclient.sandbox.certificates import (
    CertificatePaths,
    client_ssl_context,
    ensure_certificates,
    server_ssl_context,
)
from mssclient.sandbox.demo_accounts import DEMO_ACCOUNTS, DemoAccount
from mssclient.sandbox.demo_messages import demo_messages
from mssclient.sandbox.https_server import DIRECTORY_URL_PATH, SandboxHttps
from mssclient.sandbox.imap_server import SandboxImap
from mssclient.sandbox.smtp_server import SandboxSmtp

_log = logging.getLogger(__name__)
_T = TypeVar("_T")

#: Fixed ports of ``mssclient sandbox serve`` (and of the app's embedded sandbox), so that a
#: second app instance finds the first one's operator.
DEFAULT_IMAP_PORT = 10993
DEFAULT_IMAP_STARTTLS_PORT = 10143
DEFAULT_SMTP_PORT = 10465
DEFAULT_SMTP_STARTTLS_PORT = 10587
DEFAULT_HTTPS_PORT = 10443

SANDBOX_DOMAIN = "sandbox.mssante.fr"

#: Bump when the demo conversations change, so an existing sandbox gets the new ones.
_SEED_MARK = "seed-v1.done"
_START_TIMEOUT = 30.0


class SandboxError(MssError):
    """The sandbox operator could not start (port taken, data folder unusable...)."""

    user_message = "Le bac à sable (opérateur de démonstration) n'a pas pu démarrer."


def default_data_dir() -> Path:
    return app_data_dir() / "sandbox"


def default_ca_path(data_dir: Path | None = None) -> Path:
    """The CA file a client must trust to talk to the sandbox kept in ``data_dir``."""
    return (data_dir or default_data_dir()) / "tls" / "ca.pem"


def sandbox_listening(host: str = "127.0.0.1", port: int = DEFAULT_IMAP_PORT) -> bool:
    """True when something accepts connections on the sandbox's IMAP port, e.g. another
    app instance's sandbox or ``mssclient sandbox serve``: connect to it instead of
    starting a second one."""
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        return False
    return True


def default_directory_file() -> Path:
    return resources_dir() / "demo" / "hospital-directory.fhir.json"


class Sandbox:
    """A local MSSanté-like operator. Ports 0 (the default) mean "any free port".

    ``imap_starttls_port`` / ``smtp_starttls_port`` set to None disable those listeners.
    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        host: str = "127.0.0.1",
        imap_port: int = 0,
        smtp_port: int = 0,
        https_port: int = 0,
        imap_starttls_port: int | None = 0,
        smtp_starttls_port: int | None = 0,
        directory_file: Path | None = None,
        seed: bool = True,
    ) -> None:
        _require_loopback(host)
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self._host = host
        self._wanted = {
            "imap": imap_port,
            "imap_starttls": imap_starttls_port,
            "smtp": smtp_port,
            "smtp_starttls": smtp_starttls_port,
            "https": https_port,
        }
        self._directory_file = directory_file or default_directory_file()
        self._seed = seed
        self._book = AccountsBook()
        self._certs: CertificatePaths | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._imap: SandboxImap | None = None
        self._smtp: SandboxSmtp | None = None
        self._https: SandboxHttps | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def start(self) -> Sandbox:
        if self._thread is not None:
            raise RuntimeError("sandbox already started")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._certs = ensure_certificates(self.data_dir / "tls")
        except OSError as exc:
            raise SandboxError(
                f"sandbox data directory unusable: {exc}",
                user_message=(
                    f"Le dossier du bac à sable ({self.data_dir}) n'est pas utilisable : "
                    f"{exc.strerror or exc}."
                ),
            ) from exc
        ssl_context = server_ssl_context(self._certs)
        self._imap = SandboxImap(self.data_dir / "mail", ssl_context)
        self._smtp = SandboxSmtp(self._book, self._imap.deliver, ssl_context)
        ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._run_loop, args=(ready,), name="sandbox-mail", daemon=True
        )
        self._thread.start()
        try:
            ready.result(timeout=_START_TIMEOUT)
        except OSError as exc:  # the loop thread has cleaned up and is ending
            self._forget_thread()
            raise _start_error(exc) from exc
        except concurrent.futures.TimeoutError:
            self.stop()
            raise
        except BaseException:
            self._forget_thread()
            raise
        try:
            self._https = SandboxHttps(self._directory_file, ssl_context)
            self._https.start(self._host, self._wanted["https"] or 0)
        except OSError as exc:
            self.stop()
            raise _start_error(exc) from exc
        # A later start() (after stop()) comes back on the same ports, as a real server would.
        self._wanted.update(
            imap=self.imap_port,
            smtp=self.smtp_port,
            https=self.https_port,
            imap_starttls=self.imap_starttls_port or None,
            smtp_starttls=self.smtp_starttls_port or None,
        )
        _log.info("sandbox listening: %s", self.describe())
        return self

    def stop(self) -> None:
        """Close listeners and sessions, join the threads. Safe to call twice."""
        if self._https is not None:
            self._https.stop()
            self._https = None
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            if loop.is_running():
                future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
                try:
                    future.result(timeout=10)
                except (concurrent.futures.TimeoutError, OSError, RuntimeError):
                    _log.warning("sandbox shutdown did not complete cleanly", exc_info=True)
                loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=10)
        self._loop = None
        self._thread = None

    def _forget_thread(self) -> None:
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._loop = None
        self._thread = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _run_loop(self, ready: concurrent.futures.Future[None]) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._startup())
        except BaseException as exc:
            ready.set_exception(exc)
            loop.run_until_complete(self._shutdown())
        else:
            ready.set_result(None)
            loop.run_forever()
        finally:
            try:
                loop.run_until_complete(_cancel_remaining_tasks())
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                asyncio.set_event_loop(None)
                loop.close()

    async def _startup(self) -> None:
        assert self._imap is not None and self._smtp is not None
        await self._imap.start(self._host, self._wanted["imap"] or 0, self._wanted["imap_starttls"])
        await self._smtp.start(self._host, self._wanted["smtp"] or 0, self._wanted["smtp_starttls"])
        for account in DEMO_ACCOUNTS:
            await self._add_user(account.address, account.password, account.members)
        if self._seed:
            await self._seed_demo_mail()

    async def _shutdown(self) -> None:
        if self._smtp is not None:
            await self._smtp.stop()
        if self._imap is not None:
            await self._imap.stop()

    async def _seed_demo_mail(self) -> None:
        mark = self.data_dir / _SEED_MARK
        if mark.exists():
            return
        assert self._imap is not None
        for message in demo_messages():
            for copy in message.placements:
                await self._imap.deliver(
                    copy.address,
                    message.raw,
                    folder=copy.folder,
                    flags=copy.flags,
                    when=message.when,
                )
        mark.write_text(datetime.datetime.now(datetime.UTC).isoformat() + "\n", "utf-8")

    # -- outages, for tests of the client's offline behaviour -----------------------------
    def stop_smtp(self) -> None:
        """Close the SMTP listeners and sessions; IMAP and HTTPS keep running."""
        assert self._smtp is not None
        self._call(self._smtp.stop())

    def start_smtp(self) -> None:
        """Listen again for SMTP, on the same ports as before."""
        assert self._smtp is not None
        smtp = self._smtp
        self._call(smtp.start(self._host, smtp.tls_port, smtp.starttls_port or None))

    def stop_imap(self) -> None:
        """Close the IMAP listeners and sessions (SMTP still accepts and delivers)."""
        assert self._imap is not None
        self._call(self._imap.stop())

    def start_imap(self) -> None:
        assert self._imap is not None
        imap = self._imap
        self._call(imap.start(self._host, imap.tls_port, imap.starttls_port or None))

    # -- accounts and mail (callable from any thread once started) ------------------------
    def add_user(self, address: str, password: str, members: Sequence[str] = ()) -> str:
        """Create a mailbox (or reset its password); returns the normalised address.

        A bare local part (no ``@``) gets :attr:`domain`, as with the real-server fixture.
        """
        if "@" not in address:
            address = f"{address}@{self.domain}"
        address = address.strip().lower()
        self._call(self._add_user(address, password, members))
        return address

    async def _add_user(self, address: str, password: str, members: Iterable[str]) -> None:
        assert self._imap is not None
        members = tuple(members)
        await self._imap.add_user(address, password, members)
        self._book.add(address, password, members)

    def deliver(
        self,
        address: str,
        raw: bytes,
        *,
        folder: str = "INBOX",
        flags: Iterable[bytes] = (),
    ) -> int:
        """Put ``raw`` straight into a mailbox folder (no SMTP); returns its UID."""
        assert self._imap is not None
        return self._call(self._imap.deliver(address, raw, folder=folder, flags=tuple(flags)))

    def _call(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        loop = self._loop
        if loop is None or not loop.is_running():
            coroutine.close()
            raise RuntimeError("sandbox not started")
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result(timeout=30)

    # -- where things are -----------------------------------------------------------------
    @property
    def host(self) -> str:
        return self._host

    @property
    def domain(self) -> str:
        """Domain given to mailboxes created with a bare local part."""
        return SANDBOX_DOMAIN

    @property
    def imap_port(self) -> int:
        return self._imap.tls_port if self._imap else 0

    @property
    def imap_starttls_port(self) -> int:
        return self._imap.starttls_port if self._imap else 0

    @property
    def smtp_port(self) -> int:
        return self._smtp.tls_port if self._smtp else 0

    @property
    def smtp_starttls_port(self) -> int:
        return self._smtp.starttls_port if self._smtp else 0

    @property
    def https_port(self) -> int:
        return self._https.port if self._https else 0

    @property
    def directory_url(self) -> str:
        return f"https://{self._host}:{self.https_port}{DIRECTORY_URL_PATH}"

    @property
    def ca_path(self) -> Path:
        if self._certs is None:
            return default_ca_path(self.data_dir)
        return self._certs.ca_path

    @property
    def accounts(self) -> tuple[DemoAccount, ...]:
        return DEMO_ACCOUNTS

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def client_ssl_context(self) -> Any:
        """A verifying TLS client context that trusts the sandbox CA only."""
        assert self._certs is not None
        return client_ssl_context(self._certs)

    def describe(self) -> dict[str, Any]:
        return {
            "host": self._host,
            "imap_port": self.imap_port,
            "imap_starttls_port": self.imap_starttls_port,
            "smtp_port": self.smtp_port,
            "smtp_starttls_port": self.smtp_starttls_port,
            "https_port": self.https_port,
            "ca_path": str(self.ca_path),
        }


async def _cancel_remaining_tasks() -> None:
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.gather(*tasks, return_exceptions=True)


def _require_loopback(host: str) -> None:
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise SandboxError(
            f"sandbox refuses non-loopback host {host!r}",
            user_message=(
                f"Le bac à sable n'écoute que sur ce poste (127.0.0.1), pas sur « {host} » : "
                "ses boîtes de démonstration ont des mots de passe publics."
            ),
        )


def _start_error(exc: OSError) -> SandboxError:
    if exc.errno == errno.EADDRINUSE:
        return SandboxError(
            f"sandbox port already in use: {exc}",
            user_message=(
                "Un port du bac à sable est déjà utilisé : un autre bac à sable tourne "
                "peut-être déjà sur ce poste (connectez-vous à celui-ci), ou un autre "
                "programme occupe le port."
            ),
        )
    return SandboxError(
        f"sandbox could not start: {exc}",
        user_message=f"Le bac à sable n'a pas pu démarrer : {exc.strerror or exc}.",
    )
