"""Benchmark the mail parser on a deterministic corpus of realistic French messages.

    .venv/bin/python bench/parse.py [--count 5000] [--seed 7]

Prints parse_summary throughput in one process and with a 2-process pool, parse_full's
median time per message, and, for reference, a naive ``email`` (policy.default) parse.
No thresholds: figures only.
"""

from __future__ import annotations

import argparse
import base64
import email
import quopri
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from email import policy
from email.header import Header
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mssclient.mail import parse_full, parse_summary

FIRST_NAMES = ["Anne", "Élodie", "François", "Hélène", "Jérôme", "Léa", "Noël", "Zoé", "Paul"]
LAST_NAMES = ["Martin", "Lefèvre", "Dubois", "Géraud", "Moreau", "Bréval", "Caron", "Roché"]
DOMAINS = ["medecin.mssante.fr", "infirmier.mssante.fr", "chu-exemple.mssante.fr"]
SUBJECTS = [
    "Compte rendu de consultation",
    "Résultats biologiques",
    "Demande d'avis dermatologique",
    "Sortie d'hospitalisation",
    "Ordonnance renouvelée",
    "Suivi de plaie à domicile",
    "Question sur le traitement anticoagulant",
]
WORDS = [
    "patient",
    "patiente",
    "traitement",
    "consultation",
    "examen",
    "résultat",
    "biologie",
    "plaie",
    "pansement",
    "cicatrisation",
    "douleur",
    "fièvre",
    "tension",
    "ordonnance",
    "posologie",
    "comprimé",
    "matin",
    "soir",
    "hospitalisation",
    "sortie",
    "domicile",
    "infirmière",
    "médecin",
    "avis",
    "dermatologue",
    "lésion",
    "photo",
    "évolution",
    "favorable",
    "surveillance",
    "rendez-vous",
    "semaine",
    "prochaine",
    "merci",
    "cordialement",
    "bonjour",
    "confrère",
    "consœur",
    "antécédents",
    "allergie",
    "pénicilline",
    "créatinine",
    "hémoglobine",
]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    address = f"{first.lower()}.{last.lower()}@{rng.choice(DOMAINS)}"
    address = address.encode("ascii", "ignore").decode()
    return f"Dr {first} {last}", address


def _mailbox(rng: random.Random) -> str:
    name, address = _person(rng)
    return f"{Header(name, 'utf-8').encode()} <{address}>"


def _paragraphs(rng: random.Random, size: int) -> str:
    lines: list[str] = []
    total = 0
    while total < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."
        lines.append(line)
        total += len(line) + 1
        if rng.random() < 0.2:
            lines.append("")
    return "Bonjour,\n\n" + "\n".join(lines) + "\n\nCordialement,\n"


def _qp(text: str) -> bytes:
    return quopri.encodestring(text.replace("\n", "\r\n").encode("utf-8"))


def make_message(rng: random.Random, number: int) -> bytes:
    subject = rng.choice(SUBJECTS)
    headers = [
        f"Return-Path: <{_person(rng)[1]}>",
        *(
            f"Received: from mx{i}.operateur.example (mx{i}.operateur.example [10.0.0.{i}])"
            f"\r\n\tby imap.operateur.example with ESMTPS id {rng.getrandbits(40):x};"
            f"\r\n\tThu, 12 Nov 2026 14:0{i}:00 +0100"
            for i in range(3)
        ),
        f"From: {_mailbox(rng)}",
        f"To: {_mailbox(rng)}",
        f"Subject: {Header(subject, 'utf-8').encode()}",
        f"Date: Thu, {rng.randint(1, 28)} Nov 2026 "
        f"{rng.randint(7, 19):02d}:{rng.randint(0, 59):02d}:00 +0100",
        f"Message-ID: <{number}.{rng.getrandbits(48):x}@medecin.mssante.fr>",
        "X-MSS-NIL: NIL-BENCH-0001",
        "MIME-Version: 1.0",
    ]
    if rng.random() < 0.3:
        headers.append(f"Cc: {_mailbox(rng)}, {_mailbox(rng)}")
    if rng.random() < 0.4:
        parent = f"<{rng.getrandbits(48):x}@infirmier.mssante.fr>"
        headers += [f"In-Reply-To: {parent}", f"References: <root@x.fr> {parent}"]
    text = _paragraphs(rng, rng.randint(500, 4000))
    plain = (
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + _qp(text)
    )
    body = plain
    if rng.random() < 0.4:
        html = (
            "<html><body>"
            + "".join(f"<p>{p}</p>" for p in text.split("\n") if p)
            + "</body></html>"
        )
        body = (
            b'Content-Type: multipart/alternative; boundary="alt"\r\n\r\n--alt\r\n'
            + plain
            + b"\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n"
            + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + _qp(html)
            + b"\r\n--alt--\r\n"
        )
    if rng.random() < 0.2:
        data = rng.randbytes(rng.randint(50_000, 500_000))
        encoded = base64.encodebytes(data).replace(b"\n", b"\r\n")
        body = (
            b'Content-Type: multipart/mixed; boundary="mix"\r\n\r\n--mix\r\n'
            + body
            + b'\r\n--mix\r\nContent-Type: application/pdf; name="compte-rendu.pdf"\r\n'
            + b'Content-Disposition: attachment; filename="compte-rendu.pdf"\r\n'
            + b"Content-Transfer-Encoding: base64\r\n\r\n"
            + encoded
            + b"--mix--\r\n"
        )
    return "\r\n".join(headers).encode("ascii") + b"\r\n" + body


def make_corpus(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [make_message(rng, number) for number in range(count)]


def _summarise_chunk(raws: Sequence[bytes]) -> int:
    return sum(1 for raw in raws if parse_summary(raw) is not None)


def _naive(raw: bytes) -> None:
    message = email.message_from_bytes(raw, policy=policy.default)
    body = message.get_body(("plain", "html"))  # type: ignore[attr-defined]
    if body is not None:
        body.get_content()
    for _part in message.iter_attachments():  # type: ignore[attr-defined]
        pass


def _rate(label: str, count: int, run: Callable[[], object]) -> None:
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {count / elapsed:10.0f} msg/s  ({elapsed:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive email parse")
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = make_corpus(args.count, args.seed)
    size = sum(len(raw) for raw in corpus)
    print(
        f"corpus: {len(corpus)} messages, {size / 1e6:.1f} MB "
        f"(generated in {time.perf_counter() - started:.1f} s)"
    )

    _rate("parse_summary, 1 process", len(corpus), lambda: [parse_summary(r) for r in corpus])
    chunks = [corpus[i : i + 200] for i in range(0, len(corpus), 200)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_summarise_chunk, [corpus[:2], corpus[2:4]]))  # start the workers
        _rate(
            "parse_summary, 2-process pool",
            len(corpus),
            lambda: list(pool.map(_summarise_chunk, chunks)),
        )

    sample = corpus[: min(len(corpus), 1000)]
    timings = []
    for raw in sample:
        start = time.perf_counter()
        parse_full(raw)
        timings.append(time.perf_counter() - start)
    print(f"{'parse_full, median per message':<44} {statistics.median(timings) * 1000:10.3f} ms")
    if not args.no_baseline:
        _rate(
            "reference: email policy.default + get_body",
            len(sample),
            lambda: [_naive(r) for r in sample],
        )


if __name__ == "__main__":
    main()
