-- Mail: accounts, folders, message metadata, raw bodies, full-text index, pending server
-- operations, outbox and drafts.
--
-- Raw RFC 5322 bytes live in mail_raw, never in mail_messages: list views and searches scan
-- the narrow metadata table, and a blob in each row would make SQLCipher decrypt a page per
-- message (measured 3-4x slower broad searches).

CREATE TABLE mail_accounts (
    id              INTEGER PRIMARY KEY,
    address         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name    TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT 'personal'
                    CHECK (kind IN ('personal', 'organisational')),
    login           TEXT NOT NULL,
    -- Organisational mailbox opened with a member's own login (SASL authorization id).
    authorization_identity TEXT NOT NULL DEFAULT '',
    imap_host       TEXT NOT NULL,
    imap_port       INTEGER NOT NULL,
    imap_security   TEXT NOT NULL CHECK (imap_security IN ('tls', 'starttls', 'plain')),
    smtp_host       TEXT NOT NULL,
    smtp_port       INTEGER NOT NULL,
    smtp_security   TEXT NOT NULL CHECK (smtp_security IN ('tls', 'starttls', 'plain')),
    trust_anchors   TEXT NOT NULL DEFAULT 'system'
                    CHECK (trust_anchors IN ('system', 'igc-sante', 'ca-file')),
    ca_file         TEXT NOT NULL DEFAULT '',
    auth_method     TEXT NOT NULL DEFAULT 'password',
    product_nil     TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
);

CREATE TABLE mail_folders (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,              -- the server's (decoded) folder name
    delimiter       TEXT NOT NULL DEFAULT '/',
    role            TEXT NOT NULL DEFAULT '',   -- inbox, sent, drafts, trash, junk, archive
    selectable      INTEGER NOT NULL DEFAULT 1,
    uidvalidity     INTEGER,
    uidnext         INTEGER,
    highestmodseq   INTEGER,
    last_sync_at    TEXT,
    UNIQUE (account_id, name)
);

CREATE TABLE mail_messages (
    id              INTEGER PRIMARY KEY,
    folder_id       INTEGER NOT NULL REFERENCES mail_folders(id) ON DELETE CASCADE,
    uidvalidity     INTEGER NOT NULL,
    uid             INTEGER NOT NULL,
    message_id      TEXT NOT NULL DEFAULT '',
    thread_key      TEXT NOT NULL DEFAULT '',   -- root Message-ID of the conversation
    subject         TEXT NOT NULL DEFAULT '',
    from_name       TEXT NOT NULL DEFAULT '',
    from_addr       TEXT NOT NULL DEFAULT '',
    to_addrs        TEXT NOT NULL DEFAULT '',   -- "a@x, b@y" for display and search
    cc_addrs        TEXT NOT NULL DEFAULT '',
    date_utc        INTEGER NOT NULL DEFAULT 0, -- epoch seconds; server arrival when no Date
    seen            INTEGER NOT NULL DEFAULT 0,
    flagged         INTEGER NOT NULL DEFAULT 0,
    answered        INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0,
    draft           INTEGER NOT NULL DEFAULT 0,
    keywords        TEXT NOT NULL DEFAULT '',   -- other flags, space separated
    size            INTEGER NOT NULL DEFAULT 0,
    has_attachments INTEGER NOT NULL DEFAULT 0,
    is_malformed    INTEGER NOT NULL DEFAULT 0,
    parse_problems  TEXT NOT NULL DEFAULT '',
    snippet         TEXT NOT NULL DEFAULT '',
    mss_headers     TEXT NOT NULL DEFAULT '',   -- JSON of MSSanté-specific headers
    smime           TEXT NOT NULL DEFAULT '',   -- '', 'signed' or 'encrypted'
    receipt_to      TEXT NOT NULL DEFAULT '',   -- Disposition-Notification-To, if asked
    UNIQUE (folder_id, uidvalidity, uid)
);
-- Keyset paging of a folder by date, newest first.
CREATE INDEX mail_messages_list ON mail_messages(folder_id, date_utc DESC, id DESC);
CREATE INDEX mail_messages_unread ON mail_messages(folder_id) WHERE seen = 0 AND deleted = 0;
CREATE INDEX mail_messages_msgid ON mail_messages(message_id);
CREATE INDEX mail_messages_thread ON mail_messages(thread_key);
-- Thread sizes for one page of the list: by folder first (56 ms -> 0.2 ms a page at 100k).
CREATE INDEX mail_messages_folder_thread ON mail_messages(folder_id, thread_key);
CREATE INDEX mail_messages_date ON mail_messages(date_utc);

-- Raw bytes, one row per message, fetched only to read or export a message.
CREATE TABLE mail_raw (
    message_id  INTEGER PRIMARY KEY REFERENCES mail_messages(id) ON DELETE CASCADE,
    raw         BLOB NOT NULL
);

-- Full-text index. Contentless (the text is already in mail_messages or derivable from
-- mail_raw); rowid = mail_messages.id. unicode61 with diacritics removed lets "medecin"
-- find "médecin". Snippets come from mail_messages.snippet plus highlighting in Python.
CREATE VIRTUAL TABLE mail_fts USING fts5(
    subject, sender, recipients, body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER mail_messages_fts_delete AFTER DELETE ON mail_messages
BEGIN
    DELETE FROM mail_fts WHERE rowid = old.id;
END;

-- Local changes waiting to reach the server (flags, moves, expunges), in order.
CREATE TABLE mail_pending_ops (
    id          INTEGER PRIMARY KEY,
    folder_id   INTEGER NOT NULL REFERENCES mail_folders(id) ON DELETE CASCADE,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('add_flags', 'remove_flags', 'move', 'expunge')),
    argument    TEXT NOT NULL DEFAULT '',       -- flags (space separated) or target folder
    created_at  TEXT NOT NULL
);
CREATE INDEX mail_pending_ops_folder ON mail_pending_ops(folder_id, id);

-- Messages waiting to be sent (or sent and waiting for their copy in Sent).
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
    raw             BLOB NOT NULL,
    envelope_from   TEXT NOT NULL,
    envelope_to     TEXT NOT NULL,              -- JSON list
    request_dsn     INTEGER NOT NULL DEFAULT 0,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0, -- epoch seconds
    last_error      TEXT NOT NULL DEFAULT '',   -- the server's own words
    last_error_fr   TEXT NOT NULL DEFAULT '',   -- a French summary for the user
    refused         TEXT NOT NULL DEFAULT '',   -- JSON {recipient: [code, words]}
    sent_copy_saved INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    sent_at         TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);

-- Drafts saved locally (encrypted); server copy tracked when one was appended.
CREATE TABLE mail_drafts (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
    subject         TEXT NOT NULL DEFAULT '',
    recipients      TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL DEFAULT '',   -- JSON of the composer's fields
    raw             BLOB,                       -- last built MIME, if any
    server_folder   TEXT NOT NULL DEFAULT '',
    server_uid      INTEGER,
    updated_at      TEXT NOT NULL
);
