"""A private Dovecot (IMAP + LMTP + SASL for Postfix) on loopback, from its own config file.

Runs as root in the foreground (``dovecot -F -c FILE``) so that we hold its PID; never
touches /etc/dovecot or a system instance. Users come from the shared SQLite table
(:mod:`users_db`), mail lives in Maildirs under the work directory, owned by the
``dovecot`` system user. IMAP has IDLE and, Dovecot 2.3 being what it is, CONDSTORE/QRESYNC.

With ``acl=True`` the ACL plugin (and IMAP's ACL/MYRIGHTS commands) is on, with one global
ACL file that :meth:`Dovecot.set_acl` writes: a folder can then be made read-only for its
user, as a shared mailbox with only lookup + read rights is. Without ACL lines, every owner
keeps all rights, so the option changes nothing else.
"""

from __future__ import annotations

import os
import pwd
import shutil
import smtplib
import subprocess
import time
from pathlib import Path

from tests.integration.servers.network import free_port, wait_closed, wait_listening

_CONFIG = """\
base_dir = {run}
state_dir = {state}
log_path = {log}
info_log_path = {log}
protocols = imap lmtp
listen = 127.0.0.1
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = {uid}
last_valid_uid = {uid}

ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
auth_cache_size = 0
# Tests log in with wrong passwords on purpose: no failure delay (production default is 2 s).
auth_failure_delay = 0

mail_location = maildir:~/Maildir
mail_max_userip_connections = 100
{acl_settings}
passdb {{
  driver = sql
  args = {sql_conf}
}}
userdb {{
  driver = sql
  args = {sql_conf}
}}

namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
  mailbox Archive {{
    special_use = \\Archive
    auto = subscribe
  }}
}}

protocol imap {{
  imap_idle_notify_interval = 1 secs
{imap_acl}}}

service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_starttls}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps}
    ssl = yes
  }}
  chroot =
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {lmtp}
  }}
}}
protocol lmtp {{
  postmaster_address = postmaster@{domain}
}}
service auth {{
  inet_listener auth-postfix {{
    address = 127.0.0.1
    port = {auth}
  }}
}}
service anvil {{
  chroot =
  # No growing per-IP delay after failed logins: every test client is 127.0.0.1.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
"""

#: The ACL plugin with a global ACL file, read again at every access (no 30 s cache).
_ACL_SETTINGS = """\
mail_plugins = $mail_plugins acl
plugin {{
  acl = vfile:{acl_file}:cache_secs=0
}}
"""
_IMAP_ACL = "  mail_plugins = $mail_plugins imap_acl\n"

_SQL_CONF = """\
driver = sqlite
connect = {db}
password_query = SELECT address AS user, password FROM users WHERE address = '%Lu'
user_query = SELECT '{mail}/%Ld/%Ln' AS home, {uid} AS uid, {gid} AS gid \\
  FROM users WHERE address = '%Lu'
iterate_query = SELECT address AS user FROM users
"""


class Dovecot:
    """One Dovecot instance; ports are chosen once and kept across restarts."""

    def __init__(
        self,
        work: Path,
        cert: Path,
        key: Path,
        domain: str,
        users_db: Path,
        *,
        acl: bool = False,
    ) -> None:
        self.work = work
        self.config = work / "dovecot.conf"
        #: Global ACL file (only with ``acl=True``): "mailbox identifier rights" lines.
        self.acl_file = work / "dovecot-acl"
        self.mail = work / "mail"
        self.log = work / "dovecot.log"
        self.imaps_port = free_port()
        self.imap_starttls_port = free_port()
        self.lmtp_port = free_port()
        self.auth_port = free_port()
        self._process: subprocess.Popen[bytes] | None = None
        owner = pwd.getpwnam("dovecot")
        for directory in (work / "run", work / "state", self.mail):
            directory.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.mail, owner.pw_uid, owner.pw_gid)
        sql_conf = work / "dovecot-sql.conf.ext"
        sql_conf.write_text(
            _SQL_CONF.format(db=users_db, mail=self.mail, uid=owner.pw_uid, gid=owner.pw_gid)
        )
        if acl:
            self.acl_file.write_text("", "utf-8")
            self.acl_file.chmod(0o644)  # read by the mail processes (the dovecot user)
        self.config.write_text(
            _CONFIG.format(
                run=work / "run",
                state=work / "state",
                log=self.log,
                uid=owner.pw_uid,
                gid=owner.pw_gid,
                cert=cert,
                key=key,
                sql_conf=sql_conf,
                mail=self.mail,
                imap_starttls=self.imap_starttls_port,
                imaps=self.imaps_port,
                lmtp=self.lmtp_port,
                auth=self.auth_port,
                domain=domain,
                acl_settings=_ACL_SETTINGS.format(acl_file=self.acl_file) if acl else "",
                imap_acl=_IMAP_ACL if acl else "",
            ),
            "utf-8",
        )
        self.acl = acl
        self._acl_mtime = 0

    @property
    def ports(self) -> tuple[int, ...]:
        return (self.imaps_port, self.imap_starttls_port, self.lmtp_port, self.auth_port)

    def start(self) -> None:
        if self.running:
            return
        # Foreground, so the PID is ours; output goes to a file, never to a pipe (a full
        # pipe would block Dovecot).
        with open(self.work / "dovecot.stderr", "ab") as stderr:
            self._process = subprocess.Popen(
                ["dovecot", "-F", "-c", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
            )
        try:
            for port in self.ports:
                wait_listening(port, process=self._process, what="Dovecot", log=self.log)
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        for port in self.ports:
            wait_closed(port)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def deliver_lmtp(self, address: str, raw: bytes, sender: str) -> None:
        """Local delivery as the MTA does it (one recipient per LMTP transaction)."""
        with smtplib.LMTP("127.0.0.1", self.lmtp_port, timeout=30) as lmtp:
            refused = lmtp.sendmail(sender, [address], raw)
        if refused:
            raise RuntimeError(f"LMTP refused {address}: {refused}")

    def save(self, address: str, raw: bytes, folder: str) -> None:
        """Put a message straight into any folder with ``doveadm save``."""
        command = ["doveadm", "-c", str(self.config), "save", "-u", address.lower(), "-m", folder]
        subprocess.run(command, input=raw, check=True, capture_output=True, timeout=30)

    def set_acl(self, lines: list[str]) -> None:
        """Replace the global ACL lines (``acl=True`` only), e.g.
        ``["Partage owner lr"]``: that folder of every user is then lookup + read only.
        Taken into account at the next access, without a restart."""
        if not self.acl:
            raise RuntimeError("this Dovecot runs without the ACL plugin (acl=False)")
        self.acl_file.write_text("".join(f"{line}\n" for line in lines), "utf-8")
        # Dovecot sees a change by the file's mtime (whole seconds) and size: two writes of
        # the same length within a second would look unchanged. Each gets its own second.
        self._acl_mtime = max(int(time.time()), self._acl_mtime + 1)
        os.utime(self.acl_file, (self._acl_mtime, self._acl_mtime))
