"""Benchmark: initial sync + indexing of N messages from Dovecot, beside mbsync and mu.

    .venv/bin/python bench/sync.py --count 2000 [--workers 2] [--keep DIR]

Generates N realistic French messages (deterministic seed, 20 % with a PDF attachment),
writes them into a Dovecot Maildir, starts Dovecot on loopback (IMAPS, throwaway CA), then
times on the same mailbox: our initial sync into the encrypted store (fetch, parse, index),
``mbsync`` into a Maildir, then ``mu index`` (and ``notmuch new``) on that Maildir when
installed. Prints messages per second, ratios and peak memory, and the time of a later
sync with nothing new, by QRESYNC and by the full UID comparison. Run as root (Dovecot).
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

WORDS = [
    "patient",
    "patiente",
    "plaie",
    "pansement",
    "cicatrisation",
    "ulcère",
    "jambe",
    "talon",
    "escarre",
    "infection",
    "antibiotique",
    "ordonnance",
    "consultation",
    "avis",
    "dermatologique",
    "dermatologue",
    "infirmière",
    "médecin",
    "traitant",
    "généraliste",
    "hôpital",
    "service",
    "urgence",
    "rendez-vous",
    "compte",
    "rendu",
    "bilan",
    "sanguin",
    "prélèvement",
    "résultat",
    "analyse",
    "glycémie",
    "diabète",
    "insuline",
    "tension",
    "artérielle",
    "traitement",
    "posologie",
    "matin",
    "soir",
    "semaine",
    "mois",
    "évolution",
    "favorable",
    "défavorable",
    "rougeur",
    "œdème",
    "douleur",
    "fièvre",
    "surveillance",
    "domicile",
    "visite",
    "passage",
    "soins",
    "quotidiens",
    "photo",
    "lésion",
    "biopsie",
    "histologie",
    "chirurgie",
    "suture",
    "ablation",
    "fils",
    "cabinet",
    "secrétariat",
    "garde",
    "astreinte",
    "planning",
    "équipe",
    "cadre",
    "santé",
    "dossier",
    "transmission",
    "courrier",
    "lettre",
    "sortie",
    "hospitalisation",
    "admission",
    "transfert",
    "ambulance",
    "kinésithérapie",
    "rééducation",
    "nutrition",
    "albumine",
    "protéines",
    "vitamine",
    "hydratation",
    "contention",
    "bas",
    "chaussettes",
    "compression",
    "allergie",
    "intolérance",
    "effet",
    "secondaire",
    "arrêt",
    "reprise",
    "contrôle",
    "radiographie",
    "échographie",
    "scanner",
    "IRM",
    "imagerie",
    "cardiologie",
    "pneumologie",
    "néphrologie",
    "gériatrie",
    "pédiatrie",
    "merci",
    "bonjour",
    "cordialement",
    "confrère",
    "consœur",
    "vous",
    "nous",
    "pour",
    "avec",
    "dans",
    "sur",
    "sans",
    "très",
    "bien",
    "déjà",
    "encore",
    "toujours",
    "demain",
    "hier",
    "aujourd'hui",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
]
FIRST = [
    "Élodie",
    "Jérôme",
    "Anne",
    "Benoît",
    "Chloé",
    "François",
    "Hélène",
    "Loïc",
    "Maëlle",
    "Noémie",
    "Rémi",
    "Zoé",
]
LAST = [
    "Bérard",
    "Lefèvre",
    "Durand",
    "Moreau",
    "Gaillard",
    "Léger",
    "Perrin",
    "Rousseau",
    "Fabre",
    "Mercier",
]
RARE = "zygomatique"


def message_bytes(n: int, rng: random.Random, base: dt.datetime) -> bytes:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    sender = f"{first.lower()}.{last.lower()}@hopital.test".encode("ascii", "ignore").decode()
    sender = sender.replace("é", "e")
    date = base + dt.timedelta(minutes=37 * n + rng.randint(0, 30))
    words = [rng.choice(WORDS) for _ in range(rng.randint(80, 600))]
    if n % 997 == 0:
        words.insert(rng.randint(0, len(words)), RARE)
    body = ""
    for i in range(0, len(words), 14):
        body += " ".join(words[i : i + 14]) + ".\n"
    subject = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8))).capitalize()
    headers = (
        f"From: =?utf-8?q?{_q(first + ' ' + last)}?= <{sender}>\r\n"
        f"To: Dr Martin <martin@hopital.test>\r\n"
        f"Subject: =?utf-8?q?{_q(subject)}?=\r\n"
        f"Date: {date.strftime('%a, %d %b %Y %H:%M:%S +0100')}\r\n"
        f"Message-ID: <bench{n}@hopital.test>\r\n"
    )
    if n > 10 and rng.random() < 0.3:
        parent = rng.randint(max(0, n - 50), n - 1)
        parent_id = f"<bench{parent}@hopital.test>"
        headers += f"In-Reply-To: {parent_id}\r\nReferences: {parent_id}\r\n"
    headers += "MIME-Version: 1.0\r\n"
    text = body.replace("\n", "\r\n").encode()
    if rng.random() < 0.2:
        attachment = rng.randbytes(rng.randint(40_000, 400_000))
        encoded = base64.encodebytes(attachment).replace(b"\n", b"\r\n")
        return (
            headers.encode()
            + b'Content-Type: multipart/mixed; boundary="=_b"\r\n\r\n--=_b\r\n'
            + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + text
            + b'\r\n--=_b\r\nContent-Type: application/pdf; name="cr.pdf"\r\n'
            + b'Content-Disposition: attachment; filename="compte-rendu.pdf"\r\n'
            + b"Content-Transfer-Encoding: base64\r\n\r\n"
            + encoded
            + b"--=_b--\r\n"
        )
    return (
        headers.encode()
        + b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + text
    )


def _q(text: str) -> str:
    out = []
    for ch in text:
        if ch == " ":
            out.append("_")
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.extend(f"={b:02X}" for b in ch.encode())
    return "".join(out)


# -- Dovecot on loopback -----------------------------------------------------------------------
DOVECOT_CONF = """
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{d}/server.pem
ssl_key = <{d}/server.key
ssl_min_protocol = TLSv1.2
auth_mechanisms = plain login
mail_location = maildir:{d}/mail/%n
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {d}/passwd
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={d}/mail/%n allow_all_users=yes
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
protocol imap {{
  mail_max_userip_connections = 20
}}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pki(d: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    import ipaddress

    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    (d / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (d / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (d / "server.key").write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


class Dovecot:
    def __init__(self, d: Path) -> None:
        self.d = d
        self.port = _free_port()
        _pki(d)
        (d / "passwd").write_text("bench:bench-password\n")
        (d / "dovecot.conf").write_text(DOVECOT_CONF.format(d=d, port=self.port))
        self.maildir = d / "mail" / "bench"

    def load(self, count: int, seed: int) -> int:
        """Write the messages straight into the Maildir (what LMTP would do, faster)."""
        rng = random.Random(seed)
        base = dt.datetime(2024, 1, 1, 8, 0)
        for sub in ("cur", "new", "tmp"):
            (self.maildir / sub).mkdir(parents=True, exist_ok=True)
        total = 0
        for n in range(count):
            raw = message_bytes(n, rng, base)
            total += len(raw)
            (
                self.maildir / "cur" / f"{1_700_000_000 + n}.M{n}P1.bench,S={len(raw)}:2,"
            ).write_bytes(raw)
        subprocess.run(["chown", "-R", "dovecot:dovecot", str(self.d / "mail")], check=True)
        return total

    def start(self) -> None:
        subprocess.run(
            ["dovecot", "-c", str(self.d / "dovecot.conf")], check=True, stderr=subprocess.DEVNULL
        )
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        # Let Dovecot build its index first, so that no client pays for it.
        subprocess.run(
            ["doveadm", "-c", str(self.d / "dovecot.conf"), "index", "-u", "bench", "INBOX"],
            check=False,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        subprocess.run(
            ["doveadm", "-c", str(self.d / "dovecot.conf"), "stop"],
            check=False,
            stderr=subprocess.DEVNULL,
        )


# -- measurements ------------------------------------------------------------------------------
class PeakRss:
    """Samples this process's resident memory plus its children's (the parse workers)."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _rss(self, pid: int) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            return 0
        return 0

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = self._rss(me)
            try:
                children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
            except OSError:
                children = []
            total += sum(self._rss(int(c)) for c in children)
            for c in children:  # the forkserver's own children (the workers)
                try:
                    grand = Path(f"/proc/{c}/task/{c}/children").read_text().split()
                except OSError:
                    grand = []
                total += sum(self._rss(int(g)) for g in grand)
            self.peak = max(self.peak, total)
            self._stop.wait(0.2)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def save_bench_account(store: Any, server: Dovecot) -> Any:
    """The one account on the bench Dovecot (login bench / bench-password, its own CA)."""
    from mssclient.security.tls import TrustAnchors
    from mssclient.transport.accounts import Account, Security, ServerSettings, save_account

    return save_account(
        store,
        Account(
            address="bench@hopital.test",
            login="bench",
            imap=ServerSettings("127.0.0.1", server.port, Security.TLS),
            smtp=ServerSettings("127.0.0.1", 1, Security.TLS),
            trust_anchors=TrustAnchors.CA_FILE,
            ca_file=str(server.d / "ca.pem"),
        ),
    )


def our_sync(server: Dovecot, work: Path, workers: int) -> tuple[float, int, int]:
    from mssclient.mailstore import MailRepository
    from mssclient.store import Store
    from mssclient.transport.accounts import (
        PasswordAuth,
    )
    from mssclient.transport.imap_connection import connect_imap
    from mssclient.transport.imap_sync import MailSync
    from mssclient.transport.parsing import ParsePool

    key = os.urandom(32)
    (work / "store.key").write_bytes(key)
    store = Store.open(work / "store.db", key)
    account = save_bench_account(store, server)
    auth = PasswordAuth("bench", "bench-password")
    assert account.id is not None
    with PeakRss() as rss, ParsePool(workers) as pool:
        started = time.perf_counter()
        engine = MailSync(
            account.id, MailRepository(store), lambda: connect_imap(account, auth), parse_pool=pool
        )
        result = engine.sync_folder("INBOX")
        engine.close()
        elapsed = time.perf_counter() - started
    count = MailRepository(store).count(
        MailRepository(store).folder_by_name(account.id, "INBOX").id
    )  # type: ignore[union-attr]
    assert result.added == count, (result, count)
    # A later sync with nothing new: QRESYNC against the full UID comparison (CONDSTORE).
    for qresync in (False, True, False, True):
        engine = MailSync(
            account.id,
            MailRepository(store),
            lambda: connect_imap(account, auth),
            qresync=qresync,
        )
        engine.ensure_client()
        took = []
        for _ in range(5):
            started = time.perf_counter()
            again = engine.sync_folder("INBOX")
            took.append(time.perf_counter() - started)
        engine.close()
        print(
            f"resync with no change ({again.method:9}): median of 5 "
            f"{statistics.median(took) * 1000:6.1f} ms (added {again.added})"
        )
    store.close()
    return elapsed, count, rss.peak


def mbsync(server: Dovecot, work: Path) -> float | None:
    if shutil.which("mbsync") is None:
        return None
    target = work / "mbsync-maildir"
    target.mkdir()
    conf = work / "mbsyncrc"
    conf.write_text(
        f"IMAPAccount bench\nHost 127.0.0.1\nPort {server.port}\nUser bench\n"
        f"Pass bench-password\nSSLType IMAPS\nCertificateFile {server.d / 'ca.pem'}\n\n"
        "IMAPStore remote\nAccount bench\n\n"
        f"MaildirStore local\nPath {target}/\nInbox {target}/INBOX\n\n"
        "Channel bench\nFar :remote:\nNear :local:\nPatterns INBOX\nCreate Near\n"
        f"SyncState *\n"
    )
    started = time.perf_counter()
    subprocess.run(["mbsync", "-q", "-c", str(conf), "bench"], check=True)
    return time.perf_counter() - started


def mu_index(work: Path) -> float | None:
    if shutil.which("mu") is None:
        return None
    home = work / "mu-home"
    subprocess.run(
        ["mu", "init", f"--muhome={home}", f"--maildir={work / 'mbsync-maildir'}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    started = time.perf_counter()
    subprocess.run(["mu", "index", f"--muhome={home}"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def notmuch_new(work: Path) -> float | None:
    if shutil.which("notmuch") is None:
        return None
    config = work / "notmuch-config"
    config.write_text(f"[database]\npath={work / 'mbsync-maildir'}\n[new]\ntags=\n")
    started = time.perf_counter()
    subprocess.run(
        ["notmuch", "--config", str(config), "new", "--quiet"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20240305)
    parser.add_argument("--workers", type=int, default=2, help="parse processes (0 = inline)")
    parser.add_argument("--keep", type=Path, help="keep the store and Maildirs here (for search)")
    parser.add_argument("--no-notmuch", action="store_true")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="mss-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    work.chmod(0o755)
    (work / "dovecot").mkdir(exist_ok=True)
    server = Dovecot(work / "dovecot")
    started = time.perf_counter()
    size = server.load(args.count, args.seed)
    print(
        f"corpus: {args.count} messages, {size / 1e6:.0f} MB, generated in "
        f"{time.perf_counter() - started:.1f} s"
    )
    server.start()
    try:
        ours, count, peak = our_sync(server, work, args.workers)
        if count != args.count:
            raise SystemExit(f"synced {count} messages, expected {args.count}")
        theirs = mbsync(server, work)
    finally:
        server.stop()
    mu = mu_index(work)
    nm = None if args.no_notmuch else notmuch_new(work)

    def rate(seconds: float | None) -> str:
        return "n/a" if seconds is None else f"{seconds:7.1f} s  {count / seconds:8.0f} msg/s"

    print(
        f"ours (sync + parse + index, {args.workers} workers): {rate(ours)}"
        f"   peak memory {peak / 1e6:.0f} MB"
    )
    print(f"mbsync (copy only)                        : {rate(theirs)}")
    if theirs is not None:
        print(f"  ratio ours / mbsync                     : {ours / theirs:.2f}x (target <= 2x)")
        if mu is not None:
            print(
                f"mbsync + mu index                         : {rate(theirs + mu)}"
                f"   ours / (mbsync+mu) = {ours / (theirs + mu):.2f}x"
            )
        if nm is not None:
            print(
                f"mbsync + notmuch new                      : {rate(theirs + nm)}"
                f"   ours / (mbsync+notmuch) = {ours / (theirs + nm):.2f}x"
            )
    print(f"work directory: {work}" + ("" if args.keep else " (delete when done)"))


if __name__ == "__main__":
    main()
