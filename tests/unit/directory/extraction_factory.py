"""Small extraction files in the national format, for the import tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

from mssclient.directory.extraction_format import CANONICAL_HEADER

INNER_NAME = "Extraction_Correspondance_MSSante_test.txt"


def row(
    kind: str = "PER",
    mailbox: str = "jean.dupont@medecin.mssante.fr",
    *,
    first: str = "Jean",
    last: str = "DUPONT",
    profession: str = "Médecin",
    skill: str = "Médecine générale",
    organisation: str = "",
    service: str = "",
    city: str = "Lille",
    postcode: str = "59000",
) -> list[str]:
    cells = [""] * len(CANONICAL_HEADER)
    values = {
        "Type de BAL": kind,
        "Adresse BAL": mailbox,
        "Identifiant PP": "10001234567" if kind == "PER" else "",
        "Service de rattachement": service,
        "Nom d'exercice": last,
        "Prénom d'exercice": first,
        "Libellé profession": profession,
        "Libellé savoir-faire": skill,
        "Raison sociale structure": organisation,
        "Numéro de voie": "12",
        "Libellé type de voie": "rue",
        "Libellé voie": "Nationale",
        "Code postal": postcode,
        "Libellé commune": city,
    }
    for name, value in values.items():
        cells[CANONICAL_HEADER.index(name)] = value
    return cells


def text_bytes(rows: list[list[str]], header: list[str] | None = None) -> bytes:
    lines = ["|".join(header or CANONICAL_HEADER)] + ["|".join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_text(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def write_zip(path: Path, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(INNER_NAME, data)
    return path


def many_rows(
    count: int, domain: str = "medecin.mssante.fr", last: str = "MARTIN"
) -> list[list[str]]:
    return [row(mailbox=f"p{n}@{domain}", last=last, first=f"Prénom{n}") for n in range(count)]
