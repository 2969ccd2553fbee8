"""The columns of the public ``Extraction_Correspondance_MSSante`` file, found by header name.

The file is ``|``-separated UTF-8 with one header line. Columns are matched by their
(accent- and case-folded) names, not their position, so a reordered or extended file still
imports; the two columns without which a row is useless (mailbox type and address) are
required.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any

from mssclient.directory.errors import NationalImportError
from mssclient.directory.text import fold

#: The header we write in generated files (and the names as published, as far as known).
CANONICAL_HEADER = [
    "Type de BAL",
    "Adresse BAL",
    "Type d'identifiant PP",
    "Identifiant PP",
    "Identification nationale PP",
    "Type d'identifiant structure",
    "Identifiant structure",
    "Service de rattachement",
    "Civilité d'exercice",
    "Nom d'exercice",
    "Prénom d'exercice",
    "Code profession",
    "Libellé profession",
    "Code catégorie professionnelle",
    "Libellé catégorie professionnelle",
    "Code savoir-faire",
    "Libellé savoir-faire",
    "Raison sociale structure",
    "Complément destinataire",
    "Complément point géographique",
    "Numéro de voie",
    "Indice répétition voie",
    "Code type de voie",
    "Libellé type de voie",
    "Libellé voie",
    "Mention distribution",
    "Lieu-dit",
    "Code postal",
    "Libellé commune",
    "Code département",
    "Libellé département",
]

#: Our field -> accepted folded header names (first found wins).
_ALIASES: dict[str, tuple[str, ...]] = {
    "mailbox_type": ("type de bal", "type bal", "type de boite aux lettres"),
    "mailbox": ("adresse bal", "adresse mail", "adresse mssante", "bal"),
    "pp_id_type": ("type d identifiant pp", "type identifiant pp"),
    "pp_id": ("identifiant pp",),
    "pp_national_id": ("identification nationale pp", "identifiant national pp"),
    "structure_id": ("identifiant structure", "identification structure"),
    "service": ("service de rattachement", "service"),
    "civility": ("civilite d exercice", "civilite"),
    "last_name": ("nom d exercice", "nom"),
    "first_name": ("prenom d exercice", "prenom"),
    "profession": ("libelle profession", "profession"),
    "category": ("libelle categorie professionnelle", "categorie professionnelle"),
    "specialty": ("libelle savoir faire", "savoir faire", "libelle specialite"),
    "organisation": ("raison sociale structure", "raison sociale", "denomination structure"),
    "postcode": ("code postal",),
    "city": ("libelle commune", "commune"),
    "departement": ("libelle departement", "code departement", "departement"),
}

#: Address parts joined (in this order) into one street line.
_STREET_PARTS = (
    "complement destinataire",
    "complement point geographique",
    "numero de voie",
    "indice repetition voie",
    "libelle type de voie",
    "libelle voie",
    "lieu dit",
    "mention distribution",
)

FIELDS = tuple(_ALIASES)


@dataclass(frozen=True)
class ColumnMap:
    width: int
    positions: dict[str, int]
    street: tuple[int, ...]

    def get(self, cells: list[str], field: str) -> str:
        index = self.positions.get(field)
        return cells[index].strip() if index is not None else ""

    def pick(self, cells: list[str]) -> list[str]:
        """The values of ``FIELDS`` in that order (stripped, '' when the file lacks the
        column), then the street line, in one pass: the import calls this once per row.

        ``cells`` must have ``width`` items; an empty one is appended (where absent fields
        point), so pass a list the caller no longer needs as it is."""
        cells.append("")
        values = list(map(str.strip, self._getter(cells)))
        n = len(FIELDS)
        values[n:] = [" ".join(filter(None, values[n:]))]
        return values

    @cached_property
    def _getter(self) -> itemgetter[Any]:
        absent = self.width
        return itemgetter(*(self.positions.get(f, absent) for f in FIELDS), *self.street)


def map_columns(header: list[str]) -> ColumnMap:
    folded = [fold(name) for name in header]
    positions: dict[str, int] = {}
    for field, names in _ALIASES.items():
        for name in names:
            if name in folded:
                positions[field] = folded.index(name)
                break
    street = tuple(folded.index(part) for part in _STREET_PARTS if part in folded)
    missing = [f for f in ("mailbox_type", "mailbox") if f not in positions]
    if missing:
        raise NationalImportError(
            f"header lacks {missing}: {header[:40]}",
            user_message=(
                "Ce fichier n'est pas une extraction de l'annuaire MSSanté : les colonnes "
                "« Type de BAL » et « Adresse BAL » sont introuvables dans l'en-tête."
            ),
        )
    return ColumnMap(width=len(header), positions=positions, street=street)
