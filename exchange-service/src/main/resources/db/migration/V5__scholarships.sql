-- Scholarships and their awards. `awarded` is changed only by a conditional UPDATE, like programme places, and the
-- CHECK makes over-awarding impossible at the database too.
CREATE TABLE scholarship (
    id                     UUID           PRIMARY KEY,
    code                   VARCHAR(64)    NOT NULL UNIQUE,
    title                  JSONB          NOT NULL,
    funder                 VARCHAR(253)   NOT NULL,
    amount                 NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    currency               VARCHAR(3)     NOT NULL,
    awards                 INTEGER        NOT NULL CHECK (awards > 0),
    awarded                INTEGER        NOT NULL DEFAULT 0 CHECK (awarded >= 0),
    eligible_eqf_levels    JSONB          NOT NULL,
    eligible_isced_codes   JSONB          NOT NULL,
    eligible_directions    JSONB          NOT NULL,
    version                BIGINT         NOT NULL,
    created_at             TIMESTAMPTZ    NOT NULL,
    updated_at             TIMESTAMPTZ    NOT NULL,
    CHECK (awarded <= awards)
);
CREATE INDEX scholarship_funder ON scholarship (funder);

CREATE TABLE scholarship_award (
    id              UUID         PRIMARY KEY,
    scholarship_id  UUID         NOT NULL REFERENCES scholarship (id),
    mobility_id     UUID         NOT NULL REFERENCES mobility (id),
    participant_id  UUID         NOT NULL,
    awarded_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (scholarship_id, mobility_id)
);
CREATE INDEX scholarship_award_list ON scholarship_award (scholarship_id, awarded_at, id);
