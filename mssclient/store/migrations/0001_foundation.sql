-- Foundation: migration bookkeeping, profile metadata, append-only audit log.
CREATE TABLE schema_migrations (
    number      INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
);

CREATE TABLE app_meta (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Functional audit trail (MSSanté client reference ECO.4.1.x): who did what, when.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,          -- UTC, ISO 8601
    actor   TEXT NOT NULL,          -- the user or component acting
    action  TEXT NOT NULL,          -- dotted verb, e.g. "store.unlock", "mail.send"
    object  TEXT NOT NULL DEFAULT '',
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
