-- Drafts kept on the server too (IMAP Drafts folder, flag \Draft).
--
-- Each change to a draft's text bumps its version (a trigger, so that every writer counts);
-- server_version is the version whose copy sits on the server at (server_folder,
-- server_uidvalidity, server_uid). A draft with version <> server_version waits to be
-- uploaded (offline, or the server refused).
ALTER TABLE mail_drafts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE mail_drafts ADD COLUMN server_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mail_drafts ADD COLUMN server_uidvalidity INTEGER;

CREATE TRIGGER mail_drafts_new_version AFTER UPDATE OF subject, recipients, content, raw
ON mail_drafts
BEGIN
    UPDATE mail_drafts SET version = old.version + 1 WHERE id = new.id;
END;

-- Server copies of drafts deleted here (sent or discarded) that the server still holds.
-- No foreign key on the account: rows are written by the trigger below while an account's
-- drafts are being deleted with it; the worker skips accounts that no longer exist.
CREATE TABLE mail_draft_removals (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL,
    folder      TEXT NOT NULL,
    uidvalidity INTEGER,
    uid         INTEGER NOT NULL
);

CREATE TRIGGER mail_drafts_server_copy_left AFTER DELETE ON mail_drafts
WHEN old.server_uid IS NOT NULL
BEGIN
    INSERT INTO mail_draft_removals(account_id, folder, uidvalidity, uid)
    VALUES (old.account_id, old.server_folder, old.server_uidvalidity, old.server_uid);
END;
