"""Talking to mail servers: accounts, IMAP sync, IDLE, SMTP submission, outbox. Qt-free.

Map of the public API (the GUI runs these off its thread and turns the plain callbacks
into Qt signals):

- ``accounts``: ``Account``, ``ServerSettings``, ``Security``, ``AccountKind``,
  ``save_account/load_accounts/load_account/delete_account``, ``set_password/get_password``
  (OS keyring), the ``Authenticator`` seam and ``PasswordAuth`` (PLAIN/LOGIN, optional
  SASL authorization identity for organisational mailboxes).
- ``autoconfig.discover(address, verify=...)``: Thunderbird-style autoconfiguration.
- ``imap_connection.connect_imap(account, auth)``: a verified, logged-in ``IMAPClient``.
- ``imap_sync.MailSync``: folder list, per-folder sync (resumable), flags both ways,
  move/delete/archive, progress and cancel.
- ``idle.IdleWatcher``: IMAP IDLE on the inbox in its own thread, with reconnection.
- ``smtp_send.submit``: one submission with DSN when offered; ``SendFailure`` keeps the
  server's words and a French summary.
- ``outbox.Outbox``: queue, retries with backoff, copy to Sent.
- ``server_drafts``: drafts copied to the server's Drafts folder, replaced and removed.
- ``worker.AccountWorker``: all of the above for one account on one thread (start/stop,
  commands, events from ``events``).
"""
