-- Patients (INS identity) and teleexpertise requests: the request itself, its attachments'
-- metadata (the bytes stay in the mail store), and its status history.

CREATE TABLE patients (
    id                  INTEGER PRIMARY KEY,
    birth_name          TEXT NOT NULL,
    birth_first_names   TEXT NOT NULL,              -- space separated, in birth-record order
    first_given_name    TEXT NOT NULL,
    birth_date          TEXT NOT NULL,              -- ISO 8601 date
    sex                 TEXT NOT NULL CHECK (sex IN ('M', 'F', 'I')),
    birth_place_code    TEXT NOT NULL DEFAULT '',   -- INSEE code, '' when unknown
    ins_matricule       TEXT,                       -- 15 characters, NULL when no INS
    ins_oid             TEXT,
    identity_status     TEXT NOT NULL DEFAULT 'provisional'
                        CHECK (identity_status IN
                               ('provisional', 'retrieved', 'validated', 'qualified')),
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK ((ins_matricule IS NULL) = (ins_oid IS NULL))
);
CREATE UNIQUE INDEX patients_ins ON patients(ins_matricule, ins_oid)
    WHERE ins_matricule IS NOT NULL;
CREATE INDEX patients_name ON patients(birth_name, first_given_name);

CREATE TABLE te_requests (
    id                  INTEGER PRIMARY KEY,
    request_uid         TEXT NOT NULL UNIQUE,       -- shared by both sides (FHIR identifier)
    direction           TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
    patient_id          INTEGER REFERENCES patients(id) ON DELETE RESTRICT,
    specialty_id        TEXT NOT NULL,
    specialty_label     TEXT NOT NULL DEFAULT '',
    mailbox             TEXT NOT NULL,              -- the department's organisational mailbox
    status              TEXT NOT NULL
                        CHECK (status IN ('draft', 'sent', 'received', 'taken',
                                          'info_requested', 'answered', 'declined', 'closed')),
    requester_id        TEXT NOT NULL DEFAULT '',   -- idNat_PS (8 + RPPS or 0 + ADELI)
    requester_name      TEXT NOT NULL DEFAULT '',
    requester_profession TEXT NOT NULL DEFAULT '',
    assignee_id         TEXT NOT NULL DEFAULT '',
    assignee_name       TEXT NOT NULL DEFAULT '',
    thread_message_id   TEXT NOT NULL DEFAULT '',   -- Message-ID of the first request mail
    content_json        TEXT NOT NULL DEFAULT '{}', -- question, clinical fields, consent ...
    latest_task_json    TEXT NOT NULL DEFAULT '',   -- FHIR Task as last sent or received
    flags               TEXT NOT NULL DEFAULT '',   -- space separated, e.g. fhir-malformed
    created_at          TEXT NOT NULL,
    sent_at             TEXT,
    updated_at          TEXT NOT NULL,
    answered_at         TEXT,
    closed_at           TEXT
);
CREATE INDEX te_requests_status ON te_requests(direction, status, sent_at);
CREATE INDEX te_requests_patient ON te_requests(patient_id, sent_at);
CREATE INDEX te_requests_thread ON te_requests(thread_message_id);
CREATE INDEX te_requests_specialty ON te_requests(specialty_id);

CREATE TABLE te_attachments (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES te_requests(id) ON DELETE CASCADE,
    content_id      TEXT NOT NULL,
    filename        TEXT NOT NULL,
    media_type      TEXT NOT NULL,
    size            INTEGER NOT NULL DEFAULT 0,
    sha256          TEXT NOT NULL DEFAULT '',
    title           TEXT NOT NULL DEFAULT '',
    message_id      TEXT NOT NULL DEFAULT '',       -- the mail that carried it
    added_at        TEXT NOT NULL,
    UNIQUE (request_id, content_id)
);

-- Status history, append-only like the audit log.
CREATE TABLE te_events (
    id              INTEGER PRIMARY KEY,
    request_id      INTEGER NOT NULL REFERENCES te_requests(id) ON DELETE CASCADE,
    at              TEXT NOT NULL,
    actor_id        TEXT NOT NULL DEFAULT '',
    actor_name      TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    from_status     TEXT NOT NULL DEFAULT '',
    to_status       TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    message_id      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX te_events_request ON te_events(request_id, id);

CREATE TRIGGER te_events_no_update BEFORE UPDATE ON te_events
BEGIN
    SELECT RAISE(ABORT, 'teleexpertise history is append-only');
END;
