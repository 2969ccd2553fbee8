"""Validate our Bundles with fhir.resources (tests only).

fhir.resources 8 ships R5 at its root and R4B in ``fhir.resources.R4B``; there is no
separate R4 package. R4B changed none of the resources we use (Bundle, Task,
ServiceRequest, Patient, Practitioner, QuestionnaireResponse, Consent, Communication,
DocumentReference) in ways our content touches, so R4B is the closest available check.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B import get_fhir_model_class


def validate_bundle(bundle: dict[str, Any]) -> Any:
    """Validate the Bundle and, one by one, every resource in it; return the Bundle model."""
    model = get_fhir_model_class("Bundle").model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    return model


def resources_of(bundle: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type
    ]
