"""Errors of the directory features, each with a French message for the user."""

from __future__ import annotations

from mssclient.errors import MssError


class DirectoryError(MssError):
    """Base class for directory problems."""

    user_message = "L'annuaire ne peut pas être utilisé."


class BundleError(DirectoryError):
    """The hospital directory file is not a usable FHIR Bundle; the message says why."""

    user_message = "Le fichier d'annuaire de l'hôpital n'est pas valide."


class RefreshError(DirectoryError):
    """The hospital directory could not be downloaded."""

    user_message = "L'annuaire de l'hôpital n'a pas pu être mis à jour."


class NationalImportError(DirectoryError):
    """The national extraction file cannot be imported (the previous directory is kept)."""

    user_message = (
        "Le fichier de l'annuaire national ne peut pas être importé. "
        "L'annuaire précédent est conservé."
    )


class ImportCancelledError(NationalImportError):
    """The user cancelled the import; the previous directory is kept."""

    user_message = "Import annulé : l'annuaire précédent est conservé."


class AnnuaireApiError(DirectoryError):
    """The Annuaire Santé FHIR API could not be queried."""

    user_message = "L'Annuaire Santé en ligne n'a pas pu être interrogé."
