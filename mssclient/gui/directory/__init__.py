"""The Annuaire view (the hospital's single-number directory, callable in one click) and
the national MSSanté directory import dialog."""

from mssclient.gui.directory.annuaire_view import AnnuaireView
from mssclient.gui.directory.national_import_dialog import NationalImportDialog

__all__ = ["AnnuaireView", "NationalImportDialog"]
