-- A folder the server opens read-only: SELECT answered [READ-ONLY], as for a shared or
-- organisational mailbox where this login may only look up and read (IMAP ACL "lr").
-- The sync then opens it with EXAMINE and sends it none of the local changes: flag changes
-- stay on this computer, moves and deletions are refused. Cleared as soon as a SELECT
-- opens the folder read-write again (rights granted); the GUI may show it.
ALTER TABLE mail_folders ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;
