-- Issue 21: awareness programmes, campaigns or series of events on one theme for named audiences over a period of
-- days. Organizers consent as for events (`organizers` consented, `invited_organizers` not yet). A draft is private to
-- its organizers and registrars; `announced_at` is set once, when it becomes public for good. `events` are the
-- published events that joined it, in the order they joined.
CREATE TABLE awareness_programme (
    id                  UUID          PRIMARY KEY,
    code                VARCHAR(64)   NOT NULL,
    title               JSONB         NOT NULL,
    description         JSONB         NOT NULL,
    theme               VARCHAR(200)  NOT NULL,
    audiences           JSONB         NOT NULL,
    organizers          JSONB         NOT NULL,
    invited_organizers  JSONB         NOT NULL,
    starts_on           DATE          NOT NULL,
    ends_on             DATE          NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    announced_at        TIMESTAMPTZ,
    events              JSONB         NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    CHECK (ends_on >= starts_on)
);
-- Codes are unique among announced programmes only, as events' codes among published events: a draft confirms nothing.
CREATE UNIQUE INDEX awareness_programme_announced_code ON awareness_programme (code) WHERE announced_at IS NOT NULL;
CREATE INDEX awareness_programme_starts ON awareness_programme (starts_on, id);
CREATE INDEX awareness_programme_updated ON awareness_programme (updated_at);
CREATE INDEX awareness_programme_organizers ON awareness_programme USING GIN (organizers jsonb_path_ops);
CREATE INDEX awareness_programme_invited ON awareness_programme USING GIN (invited_organizers jsonb_path_ops);
CREATE INDEX awareness_programme_events ON awareness_programme USING GIN (events jsonb_path_ops);
