"""Teleexpertise: requests to a hospital specialty, carried as structured secure mail.

Wire format: docs/teleexpertise-format.md. Entry points:

- ``model``: ``TeleexpertiseRequest``, ``Practitioner``, ``Specialty``, ``Consent``,
  ``ClinicalForm``, ``AttachmentRef``, ``ExpertAnswer``, ``RequestStatus``, ``Role``
- ``state``: ``Action``, ``next_status``, ``allowed_actions``, ``apply_action``,
  ``time_waited``, ``is_overdue``
- ``updates``: ``TeleexpertiseUpdate``, ``update_for``, ``ParsedTeleexpertiseUpdate``,
  ``PayloadRejected``
- ``mail_parts``: ``request_to_mail_parts``, ``update_to_mail_parts``,
  ``mail_parts_to_update``; ``mail_draft``: the same as ``mssclient.mail.compose.Draft``
- ``repository.TeleexpertiseRepository``: requests, attachment metadata, status history
- ``specialties`` (from the hospital directory), ``photos.clean_photo``, ``billing``,
  ``stats``, ``report.report_content`` (what the PDF says)
"""
