"""A private Postfix for SMTP submission on loopback, from its own config directory.

``postfix -c DIR start|stop`` with its own queue and data directories; no chroot; no
system instance involved. Submission on two ports (implicit TLS, and STARTTLS with TLS
required), SASL through Dovecot's auth service, recipients checked at RCPT against the
shared SQLite table (read live, so users added during the session are known at once),
and delivery to Dovecot over LMTP.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import signal
import subprocess
import time
from pathlib import Path

from tests.integration.servers.network import free_port, wait_closed, wait_listening

_MAIN_CF = """\
compatibility_level = 3.6
queue_directory = {queue}
data_directory = {data}
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.{domain}
mydomain = {domain}
myorigin = $myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
maillog_file = {log}
maillog_file_prefixes = {work}
biff = no
disable_vrfy_command = yes
# Tests fail on purpose (bad password, unknown recipient): answer at once.
smtpd_error_sleep_time = 0
alias_maps =
alias_database =
local_recipient_maps =
smtputf8_enable = yes
message_size_limit = 73400320
# Deliver at once; retry quickly when Dovecot is down during an outage test.
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
lmtp_connect_timeout = 5s

virtual_mailbox_domains = sqlite:{config}/domains.cf
virtual_mailbox_maps = sqlite:{config}/users.cf
virtual_transport = lmtp:inet:127.0.0.1:{lmtp}
# Dovecot's LMTP stores the mail in the mailbox: a success report says "delivered", not
# "relayed" (as a site delivering to its own mail store over LMTP sets it up).
lmtp_assume_final = yes
smtpd_reject_unlisted_recipient = yes

smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:{auth}
smtpd_sasl_auth_enable = yes
smtpd_tls_auth_only = yes
smtpd_tls_cert_file = {cert}
smtpd_tls_key_file = {key}
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_protocols = >=TLSv1.2
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
smtpd_client_restrictions = permit_sasl_authenticated, reject
"""

_MASTER_CF = """\
127.0.0.1:{smtps} inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
127.0.0.1:{submission} inet n - n - - smtpd
  -o smtpd_tls_security_level=encrypt
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp      unix  - - n - - smtp
relay     unix  - - n - - smtp
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
lmtp      unix  - - n - - lmtp
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
"""

_SQLITE_CF = """\
dbpath = {db}
query = {query}
"""


class Postfix:
    """One Postfix instance; ports are chosen once and kept across restarts."""

    def __init__(
        self,
        work: Path,
        cert: Path,
        key: Path,
        domain: str,
        *,
        users_db: Path,
        lmtp_port: int,
        auth_port: int,
    ) -> None:
        self.work = work
        self.config_dir = work / "etc"
        self.queue = work / "queue"
        self.log = work / "postfix.log"
        self.smtps_port = free_port()
        self.submission_port = free_port()
        self.config_dir.mkdir(parents=True, exist_ok=True)
        self.queue.mkdir(exist_ok=True)
        data = work / "data"
        data.mkdir(exist_ok=True)
        os.chown(data, *_postfix_ids())
        values = {
            "queue": self.queue,
            "data": data,
            "domain": domain,
            "log": self.log,
            "work": work,
            "config": self.config_dir,
            "lmtp": lmtp_port,
            "auth": auth_port,
            "cert": cert,
            "key": key,
            "smtps": self.smtps_port,
            "submission": self.submission_port,
        }
        (self.config_dir / "main.cf").write_text(_MAIN_CF.format(**values), "utf-8")
        (self.config_dir / "master.cf").write_text(_MASTER_CF.format(**values), "utf-8")
        tables = {
            "users.cf": "SELECT 'OK' FROM users WHERE address = lower('%s')",
            "domains.cf": "SELECT 'OK' FROM domains WHERE domain = lower('%s')",
        }
        for name, query in tables.items():
            (self.config_dir / name).write_text(_SQLITE_CF.format(db=users_db, query=query))
        self._running = False

    @property
    def ports(self) -> tuple[int, ...]:
        return (self.smtps_port, self.submission_port)

    def _postfix(self, action: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["postfix", "-c", str(self.config_dir), action],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def start(self) -> None:
        if self._running:
            return
        if not (self.queue / "pid").is_dir():
            # The first "check" creates the queue directories (and complains that they
            # were missing); "start" refuses to run until they exist.
            self._postfix("check")
        result = self._postfix("start")
        if result.returncode != 0:
            raise RuntimeError(f"postfix start failed: {result.stdout}{result.stderr}")
        self._running = True
        try:
            for port in self.ports:
                wait_listening(port, what="Postfix", log=self.log)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """SIGTERM to our master process (what ``postfix stop`` does, minus its 1 s polls)."""
        if not self._running:
            return
        self._running = False
        pid = _read_pid(self.queue / "pid" / "master.pid")
        if pid is None:
            self._postfix("stop")
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            _wait_gone(pid)
        for port in self.ports:
            wait_closed(port)

    def flush(self) -> None:
        """Ask the queue manager to retry deferred mail now."""
        if self._running:
            self._postfix("flush")

    @property
    def running(self) -> bool:
        return self._running


def _postfix_ids() -> tuple[int, int]:
    entry = pwd.getpwnam("postfix")
    return entry.pw_uid, entry.pw_gid


def _read_pid(pid_file: Path) -> int | None:
    try:
        return int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None


def _wait_gone(pid: int, timeout: float = 15.0) -> None:
    """Wait until the process has exited (a zombie waiting for its reaper counts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.02)
