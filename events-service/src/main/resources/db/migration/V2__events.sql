-- Events (summits, webinars, seminars …). Instants are stored in UTC; `time_zone` is the IANA zone the event is
-- held in, used to show and accept local times. `sequence` is the iCalendar SEQUENCE: bumped on every change a
-- calendar client must notice (reschedule, cancellation, place or title), never reset.
CREATE TABLE event (
    id                       UUID          PRIMARY KEY,
    code                     VARCHAR(64)   NOT NULL UNIQUE,
    kind                     VARCHAR(30)   NOT NULL,
    title                    JSONB         NOT NULL,
    description              JSONB         NOT NULL,
    organizers               JSONB         NOT NULL,
    format                   VARCHAR(10)   NOT NULL,
    venue_name               VARCHAR(200),
    venue_city               VARCHAR(100),
    venue_country            VARCHAR(2),
    join_url                 VARCHAR(2000),
    time_zone                VARCHAR(64)   NOT NULL,
    starts_at                TIMESTAMPTZ   NOT NULL,
    ends_at                  TIMESTAMPTZ   NOT NULL,
    status                   VARCHAR(20)   NOT NULL,
    cancellation_reason      VARCHAR(1000),
    reschedules              JSONB         NOT NULL,
    sequence                 INTEGER       NOT NULL,
    linked_agreements        JSONB         NOT NULL,
    linked_programs          JSONB         NOT NULL,
    registration_opens_at    TIMESTAMPTZ,
    registration_closes_at   TIMESTAMPTZ,
    capacity                 INTEGER       CHECK (capacity IS NULL OR capacity > 0),
    moderated                BOOLEAN       NOT NULL,
    version                  BIGINT        NOT NULL,
    created_at               TIMESTAMPTZ   NOT NULL,
    updated_at               TIMESTAMPTZ   NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_starts ON event (starts_at, id);
CREATE INDEX event_updated ON event (updated_at);
CREATE INDEX event_organizers ON event USING GIN (organizers jsonb_path_ops);
CREATE INDEX event_agreements ON event USING GIN (linked_agreements jsonb_path_ops);
CREATE INDEX event_programs ON event USING GIN (linked_programs jsonb_path_ops);
CREATE INDEX event_country ON event (venue_country);
-- Text search over titles and descriptions in every language (the `simple` configuration treats every script alike).
ALTER TABLE event ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', jsonb_path_query_array(title, '$.*')::text || ' ' || jsonb_path_query_array(description, '$.*')::text)) STORED;
CREATE INDEX event_search ON event USING GIN (search);

-- The agenda: sessions inside the event's time, each with its room or channel, speakers and topics.
CREATE TABLE event_session (
    id          UUID          PRIMARY KEY,
    event_id    UUID          NOT NULL REFERENCES event (id),
    title       JSONB         NOT NULL,
    starts_at   TIMESTAMPTZ   NOT NULL,
    ends_at     TIMESTAMPTZ   NOT NULL,
    room        VARCHAR(200),
    speakers    JSONB         NOT NULL,
    topics      JSONB         NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX event_session_event ON event_session (event_id, starts_at);
