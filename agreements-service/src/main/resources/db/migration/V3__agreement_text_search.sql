-- Full-text search over titles and summaries in every language, plus the code. The 'simple' configuration does not
-- stem, so it treats Urdu, Russian, Belarusian and English alike (word-level matches); Chinese text, written without
-- spaces, matches only whole phrases. A GIN index keeps a query an index probe, not a table scan.
ALTER TABLE agreement ADD COLUMN search_text tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig,
        code || ' ' || jsonb_path_query_array(title, '$.*')::text || ' ' || jsonb_path_query_array(summary, '$.*')::text)
) STORED;
CREATE INDEX agreement_search_text ON agreement USING GIN (search_text);
CREATE INDEX agreement_updated_code ON agreement (updated_at DESC, code);
