"""Optional live lookup in the Annuaire Santé FHIR API (ANS), merged with the local directory.

``GET {base}/PractitionerRole?mailbox-mss:contains=<text>&_include=PractitionerRole:practitioner``
with the ``ESANTE-API-KEY`` header; pages are followed through ``Bundle.link[next]`` (only
on the same host, so the key never leaves for another server), with a page and size cap.
MSSanté addresses are the ``telecom`` entries of system ``email`` (the API marks them with a
mailbox extension; any email in an MSSanté domain is taken too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from mssclient.directory.autocomplete import Recipient
from mssclient.directory.errors import AnnuaireApiError
from mssclient.errors import MssError
from mssclient.security import keyring_access
from mssclient.security.tls import TrustAnchors, client_context

DEFAULT_BASE_URL = "https://gateway.api.esante.gouv.fr/fhir/v2"
API_KEY_SECRET = "annuaire-sante-api-key"  # noqa: S105 (a keyring entry name)
MAX_PAGE_BYTES = 4 * 1024 * 1024
#: What a live answer may put in the composer's address field: one plain address.
_ADDRESS = re.compile(r"^[a-z0-9._%+'-]{1,64}@[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){1,8}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class AnnuaireSanteSettings:
    base_url: str = DEFAULT_BASE_URL
    timeout: float = 10.0
    max_pages: int = 3
    ca_file: str | Path | None = None  # None: the system trust store


def api_key_from_keyring() -> str | None:
    try:
        return keyring_access.get_secret(API_KEY_SECRET)
    except MssError:
        return None


def live_client(
    enabled: bool, base_url: str = DEFAULT_BASE_URL, timeout: float = 3.0
) -> AnnuaireSanteClient | None:
    """The live lookup as configured: None when it is off or no API key is in the keyring
    (the composer then uses the local directory only)."""
    if not enabled:
        return None
    settings = AnnuaireSanteSettings(base_url=base_url or DEFAULT_BASE_URL, timeout=timeout)
    try:
        return AnnuaireSanteClient(settings)
    except AnnuaireApiError:
        return None


class AnnuaireSanteClient:
    def __init__(self, settings: AnnuaireSanteSettings, api_key: str | None = None) -> None:
        self._settings = settings
        key = api_key if api_key is not None else api_key_from_keyring()
        if not key:
            raise AnnuaireApiError(
                "no API key",
                user_message=(
                    "Aucune clé d'accès à l'Annuaire Santé n'est enregistrée : "
                    "la recherche en ligne est désactivée."
                ),
            )
        self._key = key

    def search_mailboxes(self, text: str, limit: int = 20) -> list[Recipient]:
        text = text.strip()
        if len(text) < 2:
            return []
        settings = self._settings
        if not settings.base_url.lower().startswith("https://"):
            raise AnnuaireApiError("base url not https")
        verify = (
            client_context(TrustAnchors.CA_FILE, settings.ca_file)
            if settings.ca_file
            else client_context(TrustAnchors.SYSTEM)
        )
        host = urlsplit(settings.base_url).netloc
        url: str | None = settings.base_url.rstrip("/") + "/PractitionerRole"
        params: dict[str, str] | None = {
            "mailbox-mss:contains": text,
            "_include": "PractitionerRole:practitioner",
            "_count": "50",
        }
        found: list[Recipient] = []
        seen: set[str] = set()
        headers = {"ESANTE-API-KEY": self._key, "Accept": "application/fhir+json"}
        with httpx.Client(verify=verify, timeout=httpx.Timeout(settings.timeout)) as client:
            for _ in range(settings.max_pages):
                if url is None:
                    break
                bundle = self._get(client, url, params, headers)
                params = None  # the next link carries its own query
                for recipient in recipients_from_bundle(bundle):
                    if recipient.mailbox not in seen:
                        seen.add(recipient.mailbox)
                        found.append(recipient)
                if len(found) >= limit:
                    break
                url = _next_link(bundle)
                if url is not None and urlsplit(url).netloc != host:
                    url = None  # never send the key to another host
        return found[:limit]

    def _get(
        self,
        client: httpx.Client,
        url: str,
        params: dict[str, str] | None,
        headers: dict[str, str],
    ) -> dict[str, Any]:
        try:
            with client.stream("GET", url, params=params, headers=headers) as response:
                if response.status_code in (401, 403):
                    raise AnnuaireApiError(
                        f"HTTP {response.status_code}",
                        user_message="L'Annuaire Santé a refusé la clé d'accès enregistrée.",
                    )
                if response.status_code != 200:
                    raise AnnuaireApiError(
                        f"HTTP {response.status_code}",
                        user_message=(
                            f"L'Annuaire Santé a répondu par une erreur ({response.status_code})."
                        ),
                    )
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_PAGE_BYTES:
                        raise AnnuaireApiError(
                            "page too large",
                            user_message="La réponse de l'Annuaire Santé est trop volumineuse.",
                        )
        except httpx.TimeoutException:
            raise AnnuaireApiError(
                "timeout", user_message="L'Annuaire Santé n'a pas répondu à temps."
            ) from None
        except httpx.TransportError as exc:
            raise AnnuaireApiError(
                f"transport: {exc}", user_message="L'Annuaire Santé est injoignable."
            ) from None
        try:
            document = json.loads(bytes(body))
        except (ValueError, RecursionError):
            raise AnnuaireApiError(
                "invalid JSON", user_message="L'Annuaire Santé a renvoyé une réponse illisible."
            ) from None
        if not isinstance(document, dict) or document.get("resourceType") != "Bundle":
            raise AnnuaireApiError(
                "not a Bundle", user_message="L'Annuaire Santé a renvoyé une réponse inattendue."
            )
        return document


def _next_link(bundle: dict[str, Any]) -> str | None:
    links = bundle.get("link")
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and link.get("relation") == "next":
            url = link.get("url")
            if isinstance(url, str) and url.startswith("https://"):
                return url
    return None


def _is_mailbox(contact: dict[str, Any]) -> bool:
    if contact.get("system") != "email" or not isinstance(contact.get("value"), str):
        return False
    extensions = contact.get("extension")
    marked = isinstance(extensions, list) and any(
        isinstance(e, dict) and "mailbox-mss" in str(e.get("url", "")).lower() for e in extensions
    )
    return marked or ".mssante.fr" in contact["value"].lower()


def _name(resource: dict[str, Any]) -> str:
    names = resource.get("name")
    if isinstance(names, str):
        return names
    for name in names if isinstance(names, list) else []:
        if not isinstance(name, dict):
            continue
        given = name.get("given")
        given_text = (
            " ".join(g for g in given if isinstance(g, str)) if isinstance(given, list) else ""
        )
        family = name.get("family") if isinstance(name.get("family"), str) else ""
        text = f"{given_text} {family}".strip() or str(name.get("text") or "")
        if text:
            return text
    return ""


def recipients_from_bundle(bundle: dict[str, Any]) -> list[Recipient]:
    """MSSanté addresses found in a search Bundle (defensive: bad entries are skipped)."""
    entries = bundle.get("entry")
    resources = [
        e["resource"]
        for e in (entries if isinstance(entries, list) else [])
        if isinstance(e, dict) and isinstance(e.get("resource"), dict)
    ]
    names = {
        f"{r.get('resourceType')}/{r.get('id')}": _name(r)
        for r in resources
        if r.get("resourceType") in ("Practitioner", "Organization")
    }
    found: list[Recipient] = []
    for resource in resources:
        telecom = resource.get("telecom")
        for contact in telecom if isinstance(telecom, list) else []:
            if not isinstance(contact, dict) or not _is_mailbox(contact):
                continue
            display = _name(resource)
            kind = (
                "ORG"
                if resource.get("resourceType") in ("Organization", "HealthcareService")
                else "PER"
            )
            if resource.get("resourceType") == "PractitionerRole":
                practitioner = resource.get("practitioner")
                if isinstance(practitioner, dict):
                    reference = str(practitioner.get("reference") or "")
                    display = names.get(reference) or str(practitioner.get("display") or "")
            mailbox = contact["value"].strip().lower()
            if not _ADDRESS.match(mailbox):
                continue  # not one plain address: never let it into a header
            found.append(
                Recipient(
                    mailbox=mailbox,
                    kind=kind,
                    display_name=_CONTROL.sub(" ", display).strip()[:MAX_NAME_CHARS],
                    source="annuaire-sante",
                )
            )
    return found
