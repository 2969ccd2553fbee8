-- Directories: the hospital's single-number call directory (a FHIR R4 Bundle kept offline),
-- favourites, the call log, and the national MSSanté directory for addressing mail.

-- The last good copy of each hospital directory, as fetched (raw bytes kept verbatim).
CREATE TABLE dir_hospital_snapshots (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL UNIQUE,
    raw_json        TEXT NOT NULL,
    etag            TEXT NOT NULL DEFAULT '',
    fetched_at      TEXT NOT NULL,              -- UTC ISO 8601: content last downloaded
    checked_at      TEXT NOT NULL,              -- UTC ISO 8601: last 200 or 304
    last_attempt_at TEXT NOT NULL DEFAULT '',
    last_error      TEXT NOT NULL DEFAULT ''    -- French, '' when the last attempt worked
);

-- One row per HealthcareService of a snapshot; search_text is accent- and case-folded
-- (name, keywords, synonyms) so other features can look a specialty up without parsing.
CREATE TABLE dir_specialties (
    snapshot_id     INTEGER NOT NULL REFERENCES dir_hospital_snapshots(id) ON DELETE CASCADE,
    specialty_id    TEXT NOT NULL,
    name            TEXT NOT NULL,
    menu_key        TEXT NOT NULL DEFAULT '',
    single_number   TEXT NOT NULL DEFAULT '',
    mailbox         TEXT NOT NULL DEFAULT '',   -- teleexpertise organisational mailbox
    answer_delay_h  INTEGER,
    search_text     TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, specialty_id)
);
CREATE INDEX dir_specialties_mailbox ON dir_specialties(mailbox);

CREATE TABLE dir_favorites (
    specialty_id    TEXT PRIMARY KEY,
    added_at        TEXT NOT NULL
);

-- Calls started from the directory; the note records the advice received by phone.
CREATE TABLE dir_call_log (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,              -- UTC ISO 8601
    specialty_id    TEXT NOT NULL,
    specialty_name  TEXT NOT NULL,
    dialled         TEXT NOT NULL,              -- what was dialled, e.g. tel: URI
    patient_ref     TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    noted_at        TEXT NOT NULL DEFAULT '',
    note_sent       INTEGER NOT NULL DEFAULT 0,
    note_sent_at    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dir_call_log_started ON dir_call_log(started_at);

-- The national MSSanté directory (Extraction_Correspondance_MSSante). A re-import fills
-- *_staging copies of these two tables, then swaps them in with one transaction.
CREATE TABLE national_entries (
    id                  INTEGER PRIMARY KEY,
    mailbox_type        TEXT NOT NULL,          -- PER, ORG, APP
    mailbox             TEXT NOT NULL,
    domain              TEXT NOT NULL,          -- lower-case part after '@'
    pp_id_type          TEXT NOT NULL DEFAULT '',
    pp_id               TEXT NOT NULL DEFAULT '',
    pp_national_id      TEXT NOT NULL DEFAULT '',
    structure_id        TEXT NOT NULL DEFAULT '',
    service             TEXT NOT NULL DEFAULT '',
    civility            TEXT NOT NULL DEFAULT '',
    last_name           TEXT NOT NULL DEFAULT '',
    first_name          TEXT NOT NULL DEFAULT '',
    profession          TEXT NOT NULL DEFAULT '',
    category            TEXT NOT NULL DEFAULT '',
    specialty           TEXT NOT NULL DEFAULT '',
    organisation        TEXT NOT NULL DEFAULT '',
    street              TEXT NOT NULL DEFAULT '',
    postcode            TEXT NOT NULL DEFAULT '',
    city                TEXT NOT NULL DEFAULT '',
    departement         TEXT NOT NULL DEFAULT ''
);
-- Organisational mailboxes of the configured hospital come first in autocomplete.
CREATE INDEX national_entries_domain ON national_entries(domain, mailbox_type);

-- Prefix search for recipient autocomplete; rowid = national_entries.id.
CREATE VIRTUAL TABLE national_fts USING fts5(
    name, profession, city, street, mailbox, kind,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE national_import_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    source_name     TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    row_count       INTEGER NOT NULL,
    rejected_count  INTEGER NOT NULL,
    repaired_count  INTEGER NOT NULL
);
