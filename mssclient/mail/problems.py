"""Problem codes the parser records, and how the reader explains them in French."""

from __future__ import annotations

from collections.abc import Iterable

#: Code -> short French explanation (shown after the banner's first sentence).
PROBLEM_DESCRIPTIONS = {
    "empty-message": "le message est vide",
    "no-headers": "l'en-tête du message est absent",
    "bad-header-line": "une ligne d'en-tête est invalide",
    "headers-too-large": "l'en-tête est trop volumineux et a été tronqué",
    "too-many-headers": "l'en-tête contient trop de champs",
    "header-too-long": "un champ d'en-tête trop long a été tronqué",
    "8bit-header": "l'en-tête contient des caractères non encodés",
    "bad-encoded-word": "un champ d'en-tête est mal encodé",
    "bad-charset": "un jeu de caractères est inconnu ou invalide",
    "nul-bytes": "le message contient des caractères nuls",
    "bad-date": "la date est illisible",
    "bad-address": "une adresse est illisible",
    "too-many-addresses": "la liste de destinataires est trop longue",
    "bad-content-type": "un type de contenu est invalide",
    "missing-boundary": "la structure MIME est incomplète (délimiteur absent)",
    "broken-boundary": "la structure MIME est cassée (délimiteur introuvable)",
    "missing-end-boundary": "le message semble tronqué (délimiteur de fin absent)",
    "too-deep": "la structure MIME est trop profonde",
    "too-many-parts": "le message contient trop de parties",
    "bad-base64": "une partie encodée en base64 est endommagée",
    "bad-transfer-encoding": "un encodage de transfert est inconnu ou invalide",
    "encoded-line-break": "un champ d'en-tête contient un retour à la ligne encodé (suspect)",
    "bare-cr-line-ends": "les fins de ligne sont d'un format ancien",
    "html-too-deep": "la partie HTML est trop imbriquée pour être affichée",
    "parser-failure": "une erreur interne de lecture est survenue",
}

BANNER = "Ce message est mal formé : il est affiché tel quel, l'original est conservé."


def describe_problems(codes: Iterable[str]) -> str:
    """The reader banner for these problem codes ("" when there is none)."""
    codes = list(dict.fromkeys(codes))
    if not codes:
        return ""
    details = [PROBLEM_DESCRIPTIONS.get(code, code) for code in codes]
    return f"{BANNER} Détail : {' ; '.join(details)}."
