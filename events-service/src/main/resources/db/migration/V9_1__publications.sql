-- Issue 21: the literature the cooperation produces. Publications are public records (no draft); authors are the
-- byline of a published work (name and, when in the directory, the affiliation's code), not personal data about
-- participants. `search` finds words in every script with the `simple` configuration (no stemming: Latin, Cyrillic and
-- Urdu alike); `search_text` is the same text for a case-insensitive substring match, which is how Chinese (written
-- without spaces, so one "word" per phrase) is found.
CREATE TABLE publication (
    id                 UUID          PRIMARY KEY,
    kind               VARCHAR(30)   NOT NULL,
    title              VARCHAR(500)  NOT NULL,
    abstract           JSONB         NOT NULL,
    authors            JSONB         NOT NULL,
    publisher          VARCHAR(253)  NOT NULL,
    published_year     INTEGER       NOT NULL,
    languages          JSONB         NOT NULL,
    doi                VARCHAR(300),
    url                VARCHAR(2000),
    linked_events      JSONB         NOT NULL,
    linked_agreements  JSONB         NOT NULL,
    linked_ventures    JSONB         NOT NULL,
    version            BIGINT        NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    CHECK (doi IS NOT NULL OR url IS NOT NULL)
);
ALTER TABLE publication ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    title || ' ' || jsonb_path_query_array(abstract, '$.*')::text || ' ' || jsonb_path_query_array(authors, '$[*].name')::text
) STORED;
-- A generated column may not read another one: the same text again.
ALTER TABLE publication ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple',
    title || ' ' || jsonb_path_query_array(abstract, '$.*')::text || ' ' || jsonb_path_query_array(authors, '$[*].name')::text
)) STORED;
CREATE INDEX publication_search ON publication USING GIN (search);
CREATE INDEX publication_year ON publication (published_year DESC, id);
CREATE INDEX publication_publisher ON publication (publisher);
CREATE INDEX publication_updated ON publication (updated_at);
CREATE INDEX publication_events ON publication USING GIN (linked_events jsonb_path_ops);
CREATE INDEX publication_agreements ON publication USING GIN (linked_agreements jsonb_path_ops);
CREATE INDEX publication_ventures ON publication USING GIN (linked_ventures jsonb_path_ops);

-- What events-service knows about agreements-service's joint ventures (registry.venture.v1): enough to validate a
-- publication's link and show the venture's live status.
CREATE TABLE venture_projection (
    venture_id  UUID          PRIMARY KEY,
    code        VARCHAR(64)   NOT NULL,
    name        JSONB         NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    version     BIGINT        NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL
);
