-- S/MIME: the user's identities (private keys live only here, inside the encrypted store)
-- and correspondents' certificates (imported or collected from verified signatures).
CREATE TABLE smime_identities (
    id               INTEGER PRIMARY KEY,
    fingerprint      TEXT NOT NULL UNIQUE,      -- SHA-256 of the certificate, hex
    email            TEXT NOT NULL,             -- first address in the certificate, lower case
    display_name     TEXT NOT NULL,
    not_after        TEXT NOT NULL,             -- UTC, ISO 8601
    certificate_der  BLOB NOT NULL,
    private_key_der  BLOB NOT NULL,             -- PKCS#8, unencrypted: the store is the envelope
    chain_der        BLOB NOT NULL,             -- concatenated DER certificates
    imported_at      TEXT NOT NULL
);

CREATE TABLE smime_certificates (
    id               INTEGER PRIMARY KEY,
    fingerprint      TEXT NOT NULL UNIQUE,
    display_name     TEXT NOT NULL,
    not_after        TEXT NOT NULL,
    certificate_der  BLOB NOT NULL,
    source           TEXT NOT NULL CHECK (source IN ('imported', 'collected')),
    first_seen       TEXT NOT NULL,
    last_seen        TEXT NOT NULL
);

-- One row per address a certificate names, so that lookups by recipient are indexed.
CREATE TABLE smime_certificate_emails (
    certificate_id   INTEGER NOT NULL REFERENCES smime_certificates(id) ON DELETE CASCADE,
    email            TEXT NOT NULL,
    PRIMARY KEY (certificate_id, email)
);
CREATE INDEX smime_certificate_emails_email ON smime_certificate_emails(email);
