"""Names of our FHIR wire format ("mssclient-te/1"): URLs, code systems, status mapping.

Everything that is ours (not FHIR's, not a French national OID) lives under ``BASE`` and is
listed in docs/teleexpertise-format.md.
"""

from __future__ import annotations

from mssclient.teleexpertise.model import RequestStatus

FORMAT_VERSION = "mssclient-te/1"
FORMAT_MAJOR = "mssclient-te/1"
BASE = "https://mssclient.fr/fhir"

FORMAT_TAG_SYSTEM = f"{BASE}/CodeSystem/format"
KIND_TAG_SYSTEM = f"{BASE}/CodeSystem/te-message-kind"  # request | update
REQUEST_ID_SYSTEM = f"{BASE}/NamingSystem/te-request"
MESSAGE_ID_SYSTEM = f"{BASE}/NamingSystem/te-message"
STATUS_SYSTEM = f"{BASE}/CodeSystem/te-status"
ACTION_SYSTEM = f"{BASE}/CodeSystem/te-action"
SPECIALTY_SYSTEM = f"{BASE}/CodeSystem/specialty"
PROFESSION_SYSTEM = f"{BASE}/CodeSystem/profession"
URGENCY_SYSTEM = f"{BASE}/CodeSystem/te-urgency"
EXT_IDENTITY_STATUS = f"{BASE}/StructureDefinition/identity-status"
EXT_INS_TRANSMITTED = f"{BASE}/StructureDefinition/ins-transmitted"
EXT_BIRTH_PLACE = f"{BASE}/StructureDefinition/insee-birth-place"
EXT_SHA256 = f"{BASE}/StructureDefinition/attachment-sha256"  # hex; R4's hash is SHA-1
EXT_REDIRECT_TO = f"{BASE}/StructureDefinition/redirect-to-specialty"
QUESTIONNAIRE_BASE = f"{BASE}/Questionnaire"

ID_NAT_PS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1"  # idNat_PS: 8 + RPPS, 0 + ADELI
CONSENT_SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope"
LOINC = "http://loinc.org"
PATIENT_CONSENT_LOINC = "59284-0"

MEDIA_TYPE = "application/fhir+json"

#: FHIR Task.status shown to any FHIR reader; our exact status is Task.businessStatus.
TASK_STATUS: dict[RequestStatus, str] = {
    RequestStatus.DRAFT: "draft",
    RequestStatus.SENT: "requested",
    RequestStatus.RECEIVED: "received",
    RequestStatus.TAKEN: "accepted",
    RequestStatus.INFO_REQUESTED: "on-hold",
    RequestStatus.ANSWERED: "completed",
    RequestStatus.DECLINED: "rejected",
    RequestStatus.CLOSED: "completed",
}

#: When businessStatus is missing (another producer), the closest of ours.
STATUS_FROM_TASK: dict[str, RequestStatus] = {
    "draft": RequestStatus.DRAFT,
    "requested": RequestStatus.SENT,
    "received": RequestStatus.RECEIVED,
    "accepted": RequestStatus.TAKEN,
    "in-progress": RequestStatus.TAKEN,
    "on-hold": RequestStatus.INFO_REQUESTED,
    "completed": RequestStatus.ANSWERED,
    "rejected": RequestStatus.DECLINED,
    "cancelled": RequestStatus.CLOSED,
}
