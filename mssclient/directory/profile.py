"""Identifiers of our hospital-directory FHIR profile (docs/hospital-directory-profile.md)."""

from __future__ import annotations

EXTENSION_BASE = "https://mssclient.fr/fhir/StructureDefinition/"

#: HealthcareService: the voice-menu key to press after dialling the single number.
MENU_KEY = EXTENSION_BASE + "menu-key"
#: HealthcareService: expected teleexpertise answer delay (valueDuration, unit "h").
ANSWER_DELAY = EXTENSION_BASE + "answer-delay"
#: HealthcareService: "closed" or "open" on French public holidays (valueCode).
PUBLIC_HOLIDAYS = EXTENSION_BASE + "public-holidays"
#: HealthcareService: who the line is for, "medecin" or "infirmier" (valueCode).
AUDIENCE = EXTENSION_BASE + "audience"
#: ContactPoint (email): the address is an MSSanté mailbox (valueBoolean).
MSSANTE_MAILBOX = EXTENSION_BASE + "mssante-mailbox"
#: ContactPoint (phone): this is the single number (valueBoolean).
SINGLE_NUMBER = EXTENSION_BASE + "single-number"

#: PractitionerRole.code for a senior doctor on call.
ROLE_SYSTEM = "https://mssclient.fr/fhir/CodeSystem/directory-role"
ON_CALL_CODE = "on-call"

WEEKDAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}
