"""Starting, stopping, restarting the sandbox; its files; ``serve``."""

from __future__ import annotations

import imaplib
import smtplib
import socket
import ssl
import stat
import threading
from pathlib import Path

import pytest
from imapclient import IMAPClient

from mssclient.sandbox import (
    GP,
    NURSE,
    Sandbox,
    SandboxError,
    default_ca_path,
    sandbox_listening,
    serve,
)

pytestmark = pytest.mark.integration


def _ports(sandbox: Sandbox) -> list[int]:
    return [
        sandbox.imap_port,
        sandbox.imap_starttls_port,
        sandbox.smtp_port,
        sandbox.smtp_starttls_port,
        sandbox.https_port,
    ]


def _inbox_uids(sandbox: Sandbox, address: str, password: str) -> tuple[int, list[bytes]]:
    tls = ssl.create_default_context(cafile=str(sandbox.ca_path))
    client = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
    try:
        client.login(address, password)
        client.select("INBOX", readonly=True)
        validity = int(client.response("UIDVALIDITY")[1][0])
        return validity, client.uid("SEARCH", "ALL")[1][0].split()
    finally:
        client.logout()


def test_stop_leaves_no_listening_port_and_no_thread(fresh_dir: Path) -> None:
    before = set(threading.enumerate())
    sandbox = Sandbox(fresh_dir).start()
    ports = _ports(sandbox)
    assert all(ports) and len(set(ports)) == 5
    tls = ssl.create_default_context(cafile=str(sandbox.ca_path))
    # An IDLE session left open must not keep the server alive.
    idler = IMAPClient(sandbox.host, sandbox.imap_port, ssl_context=tls, timeout=10)
    idler.login(GP.address, GP.password)
    idler.select_folder("INBOX")
    idler.idle()
    sandbox.stop()
    sandbox.stop()  # twice is harmless
    for port in ports:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    assert set(threading.enumerate()) <= before
    idler.shutdown()


def test_state_survives_a_restart_without_reseeding(fresh_dir: Path) -> None:
    with Sandbox(fresh_dir) as first:
        validity, seeded = _inbox_uids(first, GP.address, GP.password)
        uid = first.deliver(GP.address, b"Subject: reste\r\n\r\ntoujours la\r\n")
        ca_pem = first.ca_path.read_bytes()
    with Sandbox(fresh_dir) as second:
        assert second.ca_path.read_bytes() == ca_pem  # clients configured once keep working
        validity_after, uids = _inbox_uids(second, GP.address, GP.password)
    assert validity_after == validity
    assert uids == [*seeded, str(uid).encode()]


def test_private_keys_are_readable_by_the_owner_only(fresh_dir: Path) -> None:
    with Sandbox(fresh_dir, seed=False) as sandbox:
        tls_dir = sandbox.ca_path.parent
    for name in ("ca.key", "server.key"):
        assert stat.S_IMODE((tls_dir / name).stat().st_mode) == 0o600
    assert b"PRIVATE KEY" not in (tls_dir / "ca.pem").read_bytes()


def test_only_loopback_hosts_are_accepted(fresh_dir: Path) -> None:
    with pytest.raises(SandboxError) as refused:
        Sandbox(fresh_dir, host="0.0.0.0")  # noqa: S104 - the point of the test
    assert "127.0.0.1" in refused.value.user_message


def test_a_taken_port_gives_a_french_explanation(fresh_dir: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        before = set(threading.enumerate())
        with pytest.raises(SandboxError) as failed:
            Sandbox(fresh_dir, smtp_port=taken).start()
        assert "déjà utilisé" in failed.value.user_message
        assert set(threading.enumerate()) <= before


def test_serve_prints_where_it_listens_and_stops_on_request(fresh_dir: Path) -> None:
    lines: list[str] = []
    stop = threading.Event()
    result: list[int] = []
    runner = threading.Thread(
        target=lambda: result.append(
            serve(
                fresh_dir,
                imap_port=0,
                smtp_port=0,
                https_port=0,
                imap_starttls_port=None,
                smtp_starttls_port=None,
                stop_event=stop,
                out=lines.append,
            )
        )
    )
    runner.start()
    try:
        for _ in range(200):
            if any("Ctrl+C" in line for line in lines):
                break
            stop.wait(0.05)
        text = "\n".join(lines)
        assert "IMAP" in text and "SMTP" in text and "Annuaire" in text
        assert NURSE.address in text and NURSE.password in text
    finally:
        stop.set()
        runner.join(timeout=20)
    assert result == [0]
    assert lines[-1] == "Bac à sable arrêté."


def test_a_second_app_finds_a_running_sandbox(fresh_dir: Path) -> None:
    with Sandbox(fresh_dir, seed=False) as sandbox:
        assert sandbox_listening(sandbox.host, sandbox.imap_port)
        assert default_ca_path(fresh_dir) == sandbox.ca_path
        port = sandbox.imap_port
    assert not sandbox_listening("127.0.0.1", port)


def test_outages_stop_one_service_and_come_back_on_the_same_port(fresh_dir: Path) -> None:
    with Sandbox(fresh_dir) as sandbox:
        tls = ssl.create_default_context(cafile=str(sandbox.ca_path))
        smtp_port, imap_port = sandbox.smtp_port, sandbox.imap_port
        sandbox.stop_smtp()
        with pytest.raises(ConnectionRefusedError):
            smtplib.SMTP_SSL(sandbox.host, smtp_port, context=tls, timeout=5)
        assert _inbox_uids(sandbox, GP.address, GP.password)[1]  # IMAP unaffected
        sandbox.start_smtp()
        with smtplib.SMTP_SSL(sandbox.host, smtp_port, context=tls, timeout=5) as smtp:
            smtp.login(NURSE.address, NURSE.password)
            sandbox.stop_imap()
            # Submission still accepts and delivers while IMAP is down.
            smtp.sendmail(NURSE.address, [GP.address], b"Subject: panne\r\n\r\nx\r\n")
        with pytest.raises(ConnectionRefusedError):
            imaplib.IMAP4_SSL(sandbox.host, imap_port, ssl_context=tls, timeout=5)
        sandbox.start_imap()
        assert sandbox.imap_port == imap_port
        assert len(_inbox_uids(sandbox, GP.address, GP.password)[1]) == 3

        sandbox.stop()
        sandbox.start()
        assert (sandbox.imap_port, sandbox.smtp_port) == (imap_port, smtp_port)


def test_bare_local_parts_get_the_sandbox_domain(fresh_dir: Path) -> None:
    with Sandbox(fresh_dir, seed=False) as sandbox:
        address = sandbox.add_user("Test.User", "pw")
        assert address == f"test.user@{sandbox.domain}"
        tls = ssl.create_default_context(cafile=str(sandbox.ca_path))
        client = imaplib.IMAP4_SSL(sandbox.host, sandbox.imap_port, ssl_context=tls)
        assert client.login(address, "pw")[0] == "OK"
        client.logout()
