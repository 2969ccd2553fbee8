-- Every word of the national FTS index, sorted, so that autocomplete can turn a typed
-- prefix longer than the FTS prefix indexes ("medeci") into the few words it stands for
-- ("medecin" OR "medecine"): FTS5 then reads those lists lazily and stops at the LIMIT,
-- where a plain prefix query first merges every matching list in full (tens of ms on the
-- 535,000-row directory). A re-import rebuilds it from the new index (national_import.py).
-- The index is also merged into one segment, as a re-import now leaves it: a word of an
-- expanded prefix is then one seek instead of one per batch the import wrote.
INSERT INTO national_fts(national_fts) VALUES ('optimize');

CREATE TABLE national_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE VIRTUAL TABLE temp.national_fts_words USING fts5vocab(main, national_fts, row);
INSERT INTO national_terms(term) SELECT term FROM temp.national_fts_words;
DROP TABLE temp.national_fts_words;
