"""Benchmark: import a generated 535,000-row national MSSanté extraction.

Generates a deterministic, realistic file (French names, cities, professions; zipped like
the published one), imports it into a fresh encrypted store through
``mssclient.directory.national_import.import_extraction``, and prints the time and peak
memory. Targets: < 30 s, < 300 MB.

    .venv/bin/python bench/directory_import.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from multiprocessing import active_children
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mssclient.directory.extraction_format import CANONICAL_HEADER
from mssclient.directory.national_import import import_extraction
from mssclient.store import Store

ROWS = 535_000
HOSPITAL_DOMAIN = "ch-exemple.sandbox.mssante.fr"

LAST = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martinez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Leclercq",
    "Guillaume",
    "Lecomte",
    "Lopez",
    "Jean",
    "Dupuy",
    "Guillot",
    "Hubert",
    "Berger",
    "Carpentier",
    "Sanchez",
    "Dupuis",
    "Moulin",
    "Louis",
    "Deschamps",
    "Huet",
    "Vasseur",
    "Perez",
    "Boucher",
    "Fleury",
    "Royer",
    "Klein",
    "Jacquet",
    "Adam",
    "Paris",
    "Poirier",
    "Marty",
    "Aubry",
    "Guyot",
    "Carré",
    "Charles",
    "Renault",
    "Charpentier",
    "Ménard",
    "Maillard",
    "Baron",
    "Bertin",
    "Bailly",
    "Hervé",
    "Schneider",
    "Fernandez",
    "Le",
    "Gall",
    "Collet",
    "Léger",
    "Bouvier",
    "Julien",
    "Prévost",
    "Millet",
    "Perrot",
    "Daniel",
    "Le",
    "Roux",
    "Cousin",
    "Germain",
    "Breton",
    "Besson",
    "Langlois",
    "Rémy",
    "Le",
    "Goff",
    "Pelletier",
    "Lévêque",
    "Perrier",
    "Leblanc",
    "Barré",
    "Lebrun",
    "Marchal",
    "Weber",
    "Mallet",
    "Hamon",
    "Boulanger",
    "Jacob",
    "Monnier",
    "Michaud",
    "Rodriguez",
    "Guichard",
    "Gillet",
    "Étienne",
    "Grondin",
    "Poulain",
    "Tessier",
    "Chevallier",
    "Collin",
    "Chauvin",
    "Da",
    "Silva",
    "Bouchet",
    "Gay",
    "Lemaître",
    "Bénard",
    "Maréchal",
    "Humbert",
    "Reynaud",
    "Antoine",
    "Hoarau",
    "Perret",
    "Barthélemy",
    "Cordier",
    "Pichon",
    "Lejeune",
    "Gilbert",
    "Lamy",
    "Delaunay",
    "Pasquier",
    "Carlier",
    "Laporte",
]
FIRST = [
    "Marie",
    "Jean",
    "Pierre",
    "Michel",
    "Philippe",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Françoise",
    "Anne",
    "Christine",
    "Nicolas",
    "Julien",
    "Sophie",
    "Céline",
    "Thomas",
    "Camille",
    "Antoine",
    "Claire",
    "Hélène",
    "Élodie",
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Lucas",
    "Hugo",
    "Louis",
    "Gabriel",
    "Arthur",
    "Juliette",
    "Émilie",
    "Aurélie",
    "Stéphane",
    "Frédéric",
    "Laurent",
    "Olivier",
    "Sébastien",
    "Guillaume",
    "Mathieu",
    "Benoît",
    "Jérôme",
    "Amélie",
    "Agnès",
    "Valérie",
    "Sandrine",
    "Karine",
    "Nadia",
    "Karim",
    "Mehdi",
    "Yasmine",
    "Ophélie",
    "Noémie",
    "Gaëlle",
    "Loïc",
    "Maëlle",
    "Anaïs",
    "Clément",
    "Adèle",
    "Joséphine",
    "Raphaël",
    "Théo",
    "Zoé",
    "Léon",
    "Rémi",
    "Hervé",
    "Josiane",
]
CITIES = [
    ("Paris", "75011"),
    ("Marseille", "13005"),
    ("Lyon", "69003"),
    ("Toulouse", "31000"),
    ("Nice", "06000"),
    ("Nantes", "44000"),
    ("Montpellier", "34000"),
    ("Strasbourg", "67000"),
    ("Bordeaux", "33000"),
    ("Lille", "59000"),
    ("Rennes", "35000"),
    ("Reims", "51100"),
    ("Saint-Étienne", "42000"),
    ("Le Havre", "76600"),
    ("Toulon", "83000"),
    ("Grenoble", "38000"),
    ("Dijon", "21000"),
    ("Angers", "49000"),
    ("Nîmes", "30000"),
    ("Villeurbanne", "69100"),
    ("Clermont-Ferrand", "63000"),
    ("Le Mans", "72000"),
    ("Aix-en-Provence", "13100"),
    ("Brest", "29200"),
    ("Tours", "37000"),
    ("Amiens", "80000"),
    ("Limoges", "87000"),
    ("Annecy", "74000"),
    ("Perpignan", "66000"),
    ("Metz", "57000"),
    ("Besançon", "25000"),
    ("Orléans", "45000"),
    ("Rouen", "76000"),
    ("Mulhouse", "68100"),
    ("Caen", "14000"),
    ("Nancy", "54000"),
    ("Arras", "62000"),
    ("Lens", "62300"),
    ("Béthune", "62400"),
    ("Boulogne-sur-Mer", "62200"),
    ("Calais", "62100"),
    ("Saint-Omer", "62500"),
    ("Dunkerque", "59140"),
    ("Valenciennes", "59300"),
    ("Pau", "64000"),
    ("Bayonne", "64100"),
    ("La Rochelle", "17000"),
    ("Poitiers", "86000"),
    ("Avignon", "84000"),
    ("Saint-Denis", "97400"),
    ("Fort-de-France", "97200"),
    ("Ajaccio", "20000"),
    ("Quimper", "29000"),
    ("Vannes", "56000"),
    ("Chartres", "28000"),
    ("Troyes", "10000"),
    ("Colmar", "68000"),
    ("Valence", "26000"),
    ("Albi", "81000"),
    ("Évreux", "27000"),
]
STREET_TYPES = ["rue", "avenue", "boulevard", "place", "chemin", "allée", "impasse", "route"]
STREET_NAMES = [
    "de la République",
    "Victor Hugo",
    "Jean Jaurès",
    "Pasteur",
    "de la Gare",
    "du Général de Gaulle",
    "des Lilas",
    "Émile Zola",
    "Gambetta",
    "de Verdun",
    "Carnot",
    "du Château",
    "des Écoles",
    "Saint-Martin",
    "de l'Église",
    "Anatole France",
    "des Tilleuls",
    "du Moulin",
    "de Paris",
    "Foch",
]
# code, label, category, savoir-faire options, mailbox domain, weight
PROFESSIONS = [
    (
        "10",
        "Médecin",
        "Civil",
        [
            "Médecine générale",
            "Cardiologie et maladies vasculaires",
            "Dermatologie et vénéréologie",
            "Pédiatrie",
            "Psychiatrie",
            "Radio-diagnostic",
            "Gynécologie-obstétrique",
            "Anesthésie-réanimation",
            "Gériatrie",
            "Pneumologie",
            "Neurologie",
            "Rhumatologie",
            "Ophtalmologie",
            "Endocrinologie et métabolisme",
        ],
        "medecin.mssante.fr",
        40,
    ),
    (
        "60",
        "Infirmier",
        "Civil",
        ["", "Infirmier de bloc opératoire", "Puéricultrice"],
        "infirmier.mssante.fr",
        30,
    ),
    ("21", "Pharmacien", "Civil", ["", "Pharmacie hospitalière"], "pharmacien.mssante.fr", 10),
    ("70", "Masseur-kinésithérapeute", "Civil", [""], "kine.mssante.fr", 8),
    ("50", "Sage-femme", "Civil", [""], "sagefemme.mssante.fr", 4),
    (
        "40",
        "Chirurgien-dentiste",
        "Civil",
        ["", "Orthopédie dento-faciale"],
        "chirurgiendentiste.mssante.fr",
        8,
    ),
]
ORG_KINDS = [
    "Centre hospitalier",
    "Clinique",
    "Laboratoire de biologie médicale",
    "Pharmacie",
    "Centre de santé",
    "Maison de santé pluriprofessionnelle",
    "EHPAD",
    "Cabinet médical",
    "Service de soins infirmiers à domicile",
]
SERVICES = [
    "Cardiologie",
    "Urgences",
    "Pédiatrie",
    "Secrétariat médical",
    "Dermatologie",
    "Gériatrie",
    "Neurologie",
    "Pneumologie",
    "Oncologie",
    "Radiologie",
    "Maternité",
    "Bureau des entrées",
    "Pharmacie à usage intérieur",
    "Laboratoire",
    "Chirurgie",
]


def _ascii(text: str) -> str:
    import unicodedata

    bare = unicodedata.normalize("NFKD", text)
    return "".join(c for c in bare if c.isalnum() and ord(c) < 128).lower()


def generate_rows(count: int, seed: int = 20261122) -> Iterator[list[str]]:
    rng = random.Random(seed)
    weights = [p[5] for p in PROFESSIONS]
    for n in range(count):
        city, postcode = rng.choice(CITIES)
        dept = postcode[:3] if postcode.startswith("97") else postcode[:2]
        street = [
            "",
            "",
            str(rng.randint(1, 180)),
            rng.choice(["", "", "", "bis"]),
            "",
            rng.choice(STREET_TYPES),
            rng.choice(STREET_NAMES),
            "",
            "",
        ]
        draw = rng.random()
        if n % 10_000 < 5:  # a few hundred mailboxes of the demo hospital
            service = SERVICES[n % len(SERVICES)]
            yield [
                "ORG",
                f"{_ascii(service)}.{n}@{HOSPITAL_DOMAIN}",
                "",
                "",
                "",
                "1",
                "629999999",
                service,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Centre hospitalier d'Exemple",
                *street,
                "62000",
                "Exemple-sur-Mer",
                dept,
                "Pas-de-Calais",
            ]
        elif draw < 0.70:
            code, label, category, skills, domain, _ = rng.choices(PROFESSIONS, weights)[0]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            rpps = f"10{n:09d}"
            skill = rng.choice(skills)
            yield [
                "PER",
                f"{_ascii(first)}.{_ascii(last)}.{n}@{domain}",
                "8",
                rpps,
                "8" + rpps,
                "",
                "",
                "",
                rng.choice(["M", "MME", "DR"]),
                last.upper(),
                first,
                code,
                label,
                "C",
                category,
                "",
                skill,
                "",
                *street,
                postcode,
                city,
                dept,
                "",
            ]
        elif draw < 0.98:
            kind = rng.choice(ORG_KINDS)
            org = f"{kind} {rng.choice(LAST)}" if rng.random() < 0.5 else f"{kind} de {city}"
            service = rng.choice(SERVICES) if kind in ("Centre hospitalier", "Clinique") else ""
            finess = f"{dept[:2]}{rng.randint(0, 9999999):07d}"
            yield [
                "ORG",
                f"{_ascii(service or 'contact')}.{n}@{_ascii(org)[:20]}.mssante.fr",
                "",
                "",
                "",
                "1",
                finess,
                service,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                org,
                *street,
                postcode,
                city,
                dept,
                "",
            ]
        else:
            yield [
                "APP",
                f"dmp.{n}@app.mssante.fr",
                "",
                "",
                "",
                "1",
                f"{dept[:2]}{n:07d}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Logiciel de gestion de cabinet",
                *street,
                postcode,
                city,
                dept,
                "",
            ]


def write_extraction_zip(path: Path, count: int) -> Path:
    inner = "Extraction_Correspondance_MSSante_202611220000.txt"
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open(inner, "w") as out,
    ):
        out.write(("|".join(CANONICAL_HEADER) + "\n").encode("utf-8"))
        buffer: list[str] = []
        for row in generate_rows(count):
            buffer.append("|".join(row))
            if len(buffer) >= 10_000:
                out.write(("\n".join(buffer) + "\n").encode("utf-8"))
                buffer.clear()
        if buffer:
            out.write(("\n".join(buffer) + "\n").encode("utf-8"))
    return path


def _peak_kib(pid: int | None) -> int:
    """VmHWM of a live process (Linux), 0 when unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def open_bench_store(directory: Path) -> Store:
    return Store.open(directory / "bench.db", bytes(range(32)), key_known_good=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--keep", type=Path, help="keep the store and zip in this directory")
    args = parser.parse_args()
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="mss-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    zip_path = workdir / "Extraction_Correspondance_MSSante.zip"
    started = time.perf_counter()
    write_extraction_zip(zip_path, args.rows)
    print(
        f"generated {args.rows} rows in {time.perf_counter() - started:.1f} s "
        f"({zip_path.stat().st_size / 1e6:.1f} MB zipped)"
    )
    store = open_bench_store(workdir)
    helper_kib = [0]

    def sample_helper(_: object) -> None:
        helper_kib[0] = max(helper_kib[0], *(_peak_kib(c.pid) for c in active_children()), 0)

    try:
        started = time.perf_counter()
        report = import_extraction(store, zip_path, datetime.now(UTC), progress=sample_helper)
        elapsed = time.perf_counter() - started
    finally:
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    helper_mb = helper_kib[0] / 1024
    print(f"imported {report.imported} rows ({report.rejected} rejected) in {elapsed:.1f} s")
    print(f"peak RSS of this process (generation included): {peak_mb:.0f} MB")
    print(f"peak RSS of the reading helper process (sampled per batch): {helper_mb:.0f} MB")
    print(f"store size: {(workdir / 'bench.db').stat().st_size / 1e6:.0f} MB")
    within = elapsed < 30 and peak_mb < 300 and helper_mb < 300
    print(f"targets: < 30 s, < 300 MB -> {'OK' if within else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
