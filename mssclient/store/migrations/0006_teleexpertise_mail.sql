-- Teleexpertise over mail: the professional identity each personal mailbox signs requests
-- and answers with, and which synced mails the teleexpertise reader has already looked at.

CREATE TABLE te_identities (
    address         TEXT PRIMARY KEY,               -- the personal MSSanté mailbox, lower case
    display_name    TEXT NOT NULL,
    profession      TEXT NOT NULL DEFAULT 'doctor',
    rpps            TEXT NOT NULL DEFAULT '',
    adeli           TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);

-- One row per synced mail read for a structured part (teleexpertise or not), so that a
-- sync only reads the new ones. outcome: applied, ignored (ours, or no structured part),
-- rejected (unreadable structured part), failed (readable but not applicable).
CREATE TABLE te_mail_seen (
    mail_message_id INTEGER PRIMARY KEY REFERENCES mail_messages(id) ON DELETE CASCADE,
    header_message_id TEXT NOT NULL DEFAULT '',
    request_uid     TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    seen_at         TEXT NOT NULL
);
CREATE INDEX te_mail_seen_outcome ON te_mail_seen(outcome);
