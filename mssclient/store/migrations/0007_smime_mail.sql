-- S/MIME in the mail pipeline: per-account sending policy and trust anchors for
-- signatures, what reading each received message found, and outbox protection.

-- Sign outgoing mail when the account's address has an identity (the user may turn it off).
ALTER TABLE mail_accounts ADD COLUMN smime_sign INTEGER NOT NULL DEFAULT 1;
-- Refuse to send unless every recipient has a certificate (the mail leaves encrypted).
ALTER TABLE mail_accounts ADD COLUMN smime_require_encryption INTEGER NOT NULL DEFAULT 0;
-- Anchors for correspondents' signatures: shipped IGC-Santé roots, system store, or a file.
ALTER TABLE mail_accounts ADD COLUMN smime_anchors TEXT NOT NULL DEFAULT 'igc-sante'
    CHECK (smime_anchors IN ('system', 'igc-sante', 'ca-file'));
ALTER TABLE mail_accounts ADD COLUMN smime_ca_file TEXT NOT NULL DEFAULT '';

-- One row per received S/MIME message: the verdict for the reader banner and, when layers
-- could be opened, the readable form (outer headers around the innermost content). The
-- original bytes stay untouched in mail_raw.
CREATE TABLE mail_smime (
    message_id  INTEGER PRIMARY KEY REFERENCES mail_messages(id) ON DELETE CASCADE,
    status      TEXT NOT NULL,                  -- security.smime.SmimeStatus value
    signer      TEXT NOT NULL DEFAULT '',       -- "Name <address>" of the signer, if any
    signer_fingerprint TEXT NOT NULL DEFAULT '',
    encrypted   INTEGER NOT NULL DEFAULT 0,
    algorithm   TEXT NOT NULL DEFAULT '',
    detail      TEXT NOT NULL DEFAULT '',       -- English, for diagnostics
    readable    BLOB,                           -- NULL when nothing could be opened
    checked_at  TEXT NOT NULL
);

-- How the outbox protected a message ('' while not yet decided; then a Protection value).
ALTER TABLE mail_outbox ADD COLUMN protection TEXT NOT NULL DEFAULT '';
