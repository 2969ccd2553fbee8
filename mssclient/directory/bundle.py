"""Parse the hospital directory (a FHIR R4 Bundle) defensively, with the standard library.

Anything malformed becomes a ``BundleError`` with a French message (whole file unusable)
or a warning on the result (one resource or field skipped). Never a crash, never a hang:
the input size is capped and deep nesting is caught.
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any

from mssclient.directory import profile
from mssclient.directory.errors import BundleError
from mssclient.directory.models import Closure, HospitalDirectory, OnCall, Specialty, TimeSlot

#: A hospital directory is a few hundred kilobytes; refuse anything far larger.
MAX_BUNDLE_BYTES = 5 * 1024 * 1024


def parse_bundle(raw: bytes | str) -> HospitalDirectory:
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleError(
            f"bundle too large: {len(data)} bytes",
            user_message=(
                f"Le fichier d'annuaire est trop volumineux ({len(data) // 1024} Ko, "
                f"maximum {MAX_BUNDLE_BYTES // 1024} Ko)."
            ),
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BundleError(
            f"not UTF-8: {exc}",
            user_message="Le fichier d'annuaire n'est pas encodé en UTF-8.",
        ) from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:
        raise BundleError(
            f"invalid JSON: {exc}",
            user_message="Le fichier d'annuaire n'est pas un JSON valide.",
        ) from None
    return _directory(document)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


def _directory(document: Any) -> HospitalDirectory:
    if not isinstance(document, dict):
        raise BundleError(
            "top level is not an object",
            user_message="Le fichier d'annuaire n'est pas une ressource FHIR (objet attendu).",
        )
    kind = document.get("resourceType")
    if kind != "Bundle":
        raise BundleError(
            f"resourceType is {kind!r}",
            user_message=(
                "Le fichier d'annuaire n'est pas un Bundle FHIR "
                f"(type de ressource : « {_short(kind)} »)."
            ),
        )
    entries = document.get("entry")
    if not isinstance(entries, list):
        raise BundleError(
            "Bundle.entry missing or not a list",
            user_message="Le Bundle de l'annuaire ne contient aucune entrée.",
        )
    warnings: list[str] = []
    resources: dict[str, list[dict[str, Any]]] = {}
    for index, entry in enumerate(entries, start=1):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            warnings.append(f"Entrée {index} ignorée : ressource absente ou sans type.")
            continue
        resources.setdefault(resource["resourceType"], []).append(resource)

    org = (resources.get("Organization") or [{}])[0]
    org_name = _str(org, "name") or "Établissement sans nom"
    org_single = _single_number(org.get("telecom"), fallback_first_phone=True)
    on_call = _on_call_by_service(resources.get("PractitionerRole", []), warnings)

    specialties: list[Specialty] = []
    seen: set[str] = set()
    for index, service in enumerate(resources.get("HealthcareService", []), start=1):
        specialty = _specialty(service, org_single, on_call, warnings, index)
        if specialty is None:
            continue
        if specialty.id in seen:
            warnings.append(f"Spécialité « {specialty.name} » en double : ignorée.")
            continue
        seen.add(specialty.id)
        specialties.append(specialty)
    if not specialties:
        raise BundleError(
            "no usable HealthcareService",
            user_message="L'annuaire de l'hôpital ne contient aucune spécialité utilisable.",
        )
    meta = document.get("meta")
    last_updated = _str(meta, "lastUpdated") if isinstance(meta, dict) else ""
    domain = next(
        (m.split("@", 1)[1].lower() for m in (s.teleexpertise_mailbox for s in specialties) if m),
        "",
    )
    return HospitalDirectory(
        organization_name=org_name,
        single_number=org_single,
        specialties=tuple(specialties),
        organization_mailbox_domain=domain,
        last_updated=last_updated,
        warnings=tuple(warnings),
    )


def _specialty(
    service: dict[str, Any],
    org_single: str,
    on_call: dict[str, list[OnCall]],
    warnings: list[str],
    index: int,
) -> Specialty | None:
    service_id = _str(service, "id")
    name = _str(service, "name")
    if not service_id or not name:
        warnings.append(f"Spécialité n° {index} ignorée : identifiant ou nom manquant.")
        return None
    telecom = service.get("telecom")
    single = _single_number(telecom, fallback_first_phone=False) or org_single
    direct: list[str] = []
    mailbox = ""
    booking = ""
    for contact in _dicts(telecom):
        system, value = _str(contact, "system"), _str(contact, "value")
        if not value:
            continue
        if system == "phone" and not _flag(contact, profile.SINGLE_NUMBER):
            direct.append(value)
        elif system == "email" and _flag(contact, profile.MSSANTE_MAILBOX) and not mailbox:
            mailbox = value.strip().lower() if "@" in value else ""
        elif system == "url" and not booking and value.startswith("https://"):
            booking = value
    hours = tuple(_slots(service.get("availableTime"), warnings, name))
    delay = _extension(service, profile.ANSWER_DELAY)
    delay_hours: int | None = None
    if isinstance(delay, dict) and "valueDuration" in delay:
        duration = delay["valueDuration"]
        amount = duration.get("value") if isinstance(duration, dict) else None
        if isinstance(amount, int | float) and not isinstance(amount, bool) and 0 <= amount < 10000:
            unit = _str(duration, "code") or _str(duration, "unit")
            delay_hours = int(amount * 24) if unit in ("d", "j") else int(amount)
        else:
            warnings.append(f"{name} : délai de réponse illisible, ignoré.")
    holidays = _ext_str(service, profile.PUBLIC_HOLIDAYS, "valueCode")
    audience = _ext_str(service, profile.AUDIENCE, "valueCode")
    menu_key = _ext_str(service, profile.MENU_KEY, "valueString")
    if menu_key and not (len(menu_key) <= 3 and all(c in "0123456789*#" for c in menu_key)):
        warnings.append(f"{name} : touche de menu « {_short(menu_key)} » invalide, ignorée.")
        menu_key = ""
    return Specialty(
        id=service_id,
        name=name,
        menu_key=menu_key,
        single_number=single,
        direct_lines=tuple(direct),
        hours=hours,
        hours_text=_str(service, "availabilityExceptions"),
        closures=tuple(_closures(service.get("notAvailable"), warnings, name)),
        closed_on_public_holidays=holidays != "open",
        teleexpertise_mailbox=mailbox,
        answer_delay_hours=delay_hours,
        booking_url=booking,
        keywords=tuple(_keywords(service)),
        on_call=tuple(on_call.get(service_id, [])),
        audience="infirmier" if audience == "infirmier" else "medecin",
        comment=_str(service, "comment"),
    )


def _on_call_by_service(
    roles: list[dict[str, Any]], warnings: list[str]
) -> dict[str, list[OnCall]]:
    found: dict[str, list[OnCall]] = {}
    for role in roles:
        codes = [
            _str(coding, "code")
            for concept in _dicts(role.get("code"))
            for coding in _dicts(concept.get("coding"))
        ]
        if profile.ON_CALL_CODE not in codes:
            continue
        practitioner = role.get("practitioner")
        name = _str(practitioner, "display") if isinstance(practitioner, dict) else ""
        if not name:
            warnings.append("Astreinte sans nom de médecin : ignorée.")
            continue
        period = role.get("period")
        phones = [
            _str(c, "value") for c in _dicts(role.get("telecom")) if _str(c, "system") == "phone"
        ]
        duty = OnCall(
            name=name,
            role=next((_str(c, "display") for c in _codings(role) if _str(c, "display")), ""),
            phone=next((p for p in phones if p), ""),
            slots=tuple(_slots(role.get("availableTime"), warnings, name)),
            period_start=_date(period, "start"),
            period_end=_date(period, "end"),
        )
        for service in _dicts(role.get("healthcareService")):
            reference = _str(service, "reference")
            if reference.startswith("HealthcareService/"):
                found.setdefault(reference.split("/", 1)[1], []).append(duty)
    return found


def _codings(role: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for concept in _dicts(role.get("code")) for c in _dicts(concept.get("coding"))]


def _slots(value: Any, warnings: list[str], owner: str) -> list[TimeSlot]:
    slots: list[TimeSlot] = []
    for item in _dicts(value):
        days = frozenset(
            profile.WEEKDAYS[d] for d in _list(item.get("daysOfWeek")) if d in profile.WEEKDAYS
        )
        if not days:
            warnings.append(f"{owner} : horaires sans jour, ignorés.")
            continue
        if item.get("allDay") is True:
            slots.append(TimeSlot(days=days, all_day=True))
            continue
        start = _time(item.get("availableStartTime"))
        end = _time(item.get("availableEndTime"))
        if start is None or end is None:
            warnings.append(f"{owner} : heures d'ouverture illisibles, ignorées.")
            continue
        slots.append(TimeSlot(days=days, start=start, end=end))
    return slots


def _closures(value: Any, warnings: list[str], owner: str) -> list[Closure]:
    closures: list[Closure] = []
    for item in _dicts(value):
        during = item.get("during")
        start = _date(during, "start")
        end = _date(during, "end") or start
        if start is None or end is None or end < start:
            warnings.append(f"{owner} : période de fermeture illisible, ignorée.")
            continue
        closures.append(Closure(_str(item, "description") or "Fermeture", start, end))
    return closures


def _keywords(service: dict[str, Any]) -> list[str]:
    words: list[str] = []
    for field_name in ("characteristic", "specialty", "type"):
        for concept in _dicts(service.get(field_name)):
            text = _str(concept, "text")
            if text:
                words.append(text)
            words.extend(
                _str(c, "display") for c in _dicts(concept.get("coding")) if _str(c, "display")
            )
    return list(dict.fromkeys(words))


def _single_number(telecom: Any, *, fallback_first_phone: bool) -> str:
    phones = [c for c in _dicts(telecom) if _str(c, "system") == "phone" and _str(c, "value")]
    for contact in phones:
        if _flag(contact, profile.SINGLE_NUMBER):
            return _str(contact, "value")
    if fallback_first_phone and phones:
        ranked = sorted(phones, key=_rank)
        return _str(ranked[0], "value")
    return ""


def _rank(contact: dict[str, Any]) -> int:
    rank = contact.get("rank")
    return rank if isinstance(rank, int) and not isinstance(rank, bool) else 99


def _extension(resource: dict[str, Any], url: str) -> dict[str, Any] | None:
    return next((e for e in _dicts(resource.get("extension")) if e.get("url") == url), None)


def _ext_str(resource: dict[str, Any], url: str, key: str) -> str:
    ext = _extension(resource, url)
    return _str(ext, key).strip() if ext else ""


def _flag(resource: dict[str, Any], url: str) -> bool:
    ext = _extension(resource, url)
    return bool(ext and ext.get("valueBoolean") is True)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(obj: Any, key: str) -> str:
    value = obj.get(key) if isinstance(obj, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _time(value: Any) -> time | None:
    if not isinstance(value, str):
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def _date(obj: Any, key: str) -> date | None:
    value = _str(obj, key)
    if len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"
