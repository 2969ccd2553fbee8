"""Clinical templates: the structured fields a request carries, per specialty."""

from __future__ import annotations

from dataclasses import dataclass

#: Version of the template definitions; part of each Questionnaire canonical URL.
TEMPLATE_VERSION = "1"


@dataclass(frozen=True)
class TemplateField:
    key: str  # the QuestionnaireResponse linkId
    label_fr: str
    kind: str = "text"  # text | attachments
    required: bool = False


@dataclass(frozen=True)
class ClinicalTemplate:
    id: str
    label_fr: str
    fields: tuple[TemplateField, ...]

    def field(self, key: str) -> TemplateField | None:
        return next((f for f in self.fields if f.key == key), None)


WOUND = ClinicalTemplate(
    "wound",
    "Plaie / dermatologie",
    (
        TemplateField("location", "Localisation", required=True),
        TemplateField("size", "Taille (cm)", required=True),
        TemplateField("duration", "Ancienneté", required=True),
        TemplateField("appearance", "Aspect (fond, bords, exsudat)"),
        TemplateField("current_care", "Soins en cours"),
        TemplateField("photos", "Photos", kind="attachments"),
    ),
)

GENERIC = ClinicalTemplate(
    "generic",
    "Contexte clinique",
    (
        TemplateField("history", "Antécédents utiles"),
        TemplateField("treatments", "Traitements en cours"),
        TemplateField("findings", "Examen clinique, résultats"),
        TemplateField("documents", "Documents joints", kind="attachments"),
    ),
)

TEMPLATES: dict[str, ClinicalTemplate] = {t.id: t for t in (WOUND, GENERIC)}


def template_for(template_id: str) -> ClinicalTemplate:
    """The template of that id, or the generic one for an id we do not know."""
    return TEMPLATES.get(template_id, GENERIC)
