-- Recipient autocomplete only matches single words by prefix ("dupont"*, no phrases, no
-- column filters, no ranking), so the national FTS index need not record where each word
-- stands: detail = none makes the index about half as long to write during the national
-- import, and smaller. A re-import copies this definition for its staging table.
--
-- The index is contentless (it cannot be read back): rebuild it from national_entries
-- with the text the import writes (empty parts only leave spaces, which the tokenizer skips).
DROP TABLE national_fts;

CREATE VIRTUAL TABLE national_fts USING fts5(
    name, profession, city, street, mailbox, kind,
    content = '',
    detail = none,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO national_fts(rowid, name, profession, city, street, mailbox, kind)
SELECT
    id,
    first_name || ' ' || last_name || ' ' || organisation || ' ' || service,
    profession || ' ' || category || ' ' || specialty,
    city || ' ' || postcode || ' ' || departement,
    street,
    mailbox,
    CASE mailbox_type
        WHEN 'PER' THEN 'PER personnelle'
        WHEN 'ORG' THEN 'ORG organisationnelle'
        WHEN 'APP' THEN 'APP applicative'
        ELSE mailbox_type
    END
FROM national_entries;
