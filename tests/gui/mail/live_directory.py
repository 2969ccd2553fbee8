"""Test data for recipient suggestions: a small national directory extraction and the
Annuaire Santé FHIR answer a real HTTPS server gives back (shared by the tests and the
screenshot)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mssclient.directory.annuaire_sante import AnnuaireSanteClient, AnnuaireSanteSettings
from mssclient.directory.national_import import import_extraction
from mssclient.store import Store
from tests.integration.directory.https_server import TestHttpsServer
from tests.unit.directory.extraction_factory import row, text_bytes, write_text

HOSPITAL = "ch-exemple.sandbox.mssante.fr"
ORG_MAILBOX = "durand-cardiologie@" + HOSPITAL
LOCAL_DOCTOR = "claire.durand@medecin.mssante.fr"
REMOTE_DOCTOR = "c.durand@chu-ailleurs.mssante.fr"
API_KEY = "cle-de-test"
MAILBOX_EXT = (
    "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/"
    "as-ext-mailbox-mss-metadata"
)


def import_directory(store: Store, folder: Path) -> None:
    """A cardiologist and the hospital's own cardiology mailbox, both named Durand."""
    rows = [
        row(mailbox=LOCAL_DOCTOR, first="Claire", last="DURAND", skill="Cardiologie"),
        row(
            kind="ORG",
            mailbox=ORG_MAILBOX,
            first="",
            last="",
            profession="",
            skill="",
            organisation="Centre hospitalier d'Exemple",
            service="Cardiologie Durand",
        ),
    ]
    extraction = write_text(folder / "extraction.txt", text_bytes(rows))
    import_extraction(store, extraction, datetime(2026, 11, 23, 9, 0, tzinfo=UTC))


def fhir_bundle() -> bytes:
    """The API's answer: the doctor known locally, and one the local copy lacks."""
    entries: list[dict[str, Any]] = []
    people = [(LOCAL_DOCTOR, "DURAND"), (REMOTE_DOCTOR, "DURAND-ROUX")]
    for n, (mailbox, family) in enumerate(people, start=1):
        telecom = {"system": "email", "value": mailbox, "extension": [{"url": MAILBOX_EXT}]}
        entries.append(
            {
                "resource": {
                    "resourceType": "PractitionerRole",
                    "id": f"r{n}",
                    "practitioner": {"reference": f"Practitioner/p{n}"},
                    "telecom": [telecom],
                }
            }
        )
        entries.append(
            {
                "resource": {
                    "resourceType": "Practitioner",
                    "id": f"p{n}",
                    "name": [{"family": family, "given": ["Claire"]}],
                }
            }
        )
    return json.dumps({"resourceType": "Bundle", "type": "searchset", "entry": entries}).encode()


def client_factory(
    server: TestHttpsServer, timeout: float = 2.0
) -> Callable[[], AnnuaireSanteClient]:
    """What the settings would give: a client of ``server`` (trusting its test CA)."""

    def make() -> AnnuaireSanteClient:
        settings = AnnuaireSanteSettings(
            base_url=server.url("/fhir/v2"), ca_file=server.ca_file, timeout=timeout
        )
        return AnnuaireSanteClient(settings, api_key=API_KEY)

    return make
