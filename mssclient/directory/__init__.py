"""Directories: the hospital's single-number call directory and the national MSSanté one.

Qt-free. The hospital directory is a FHIR R4 Bundle (profile in
docs/hospital-directory-profile.md) parsed defensively into our own dataclasses; the
national directory is the public ``Extraction_Correspondance_MSSante`` file imported into
the encrypted store for recipient autocomplete.
"""
