-- Exchange programmes run under an agreement in force. Institutions and countries are copied at creation so search
-- and statistics need no join with the projections.
CREATE TABLE program (
    id                     UUID          PRIMARY KEY,
    code                   VARCHAR(64)   NOT NULL UNIQUE,
    kind                   VARCHAR(30)   NOT NULL,
    title                  JSONB         NOT NULL,
    agreement_id           UUID          NOT NULL,
    sending_institution    VARCHAR(253)  NOT NULL,
    sending_country        VARCHAR(2)    NOT NULL,
    receiving_institution  VARCHAR(253)  NOT NULL,
    receiving_country      VARCHAR(2)    NOT NULL,
    academic_years         JSONB         NOT NULL,
    duration_amount        INTEGER       NOT NULL CHECK (duration_amount > 0),
    duration_unit          VARCHAR(10)   NOT NULL,
    isced_codes            JSONB         NOT NULL,
    eqf_levels             JSONB         NOT NULL,
    language               VARCHAR(35),
    minimum_cefr           VARCHAR(2),
    applications_open_on   DATE,
    applications_close_on  DATE,
    status                 VARCHAR(20)   NOT NULL,
    suspended_from         VARCHAR(20),
    suspension_reason      VARCHAR(500),
    suspended_by_agreement BOOLEAN       NOT NULL DEFAULT false,
    version                BIGINT        NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL,
    CHECK (sending_institution <> receiving_institution)
);
CREATE INDEX program_agreement ON program (agreement_id, status);
CREATE INDEX program_updated ON program (updated_at);
CREATE INDEX program_sending ON program (sending_institution);
CREATE INDEX program_receiving ON program (receiving_institution);
CREATE INDEX program_isced ON program USING GIN (isced_codes jsonb_path_ops);
CREATE INDEX program_years ON program USING GIN (academic_years jsonb_path_ops);

-- Places per academic year and direction. `accepted` is the live count of places taken; it is changed only by a
-- conditional UPDATE (never read-modify-write), so concurrent acceptances cannot exceed `places`, and the CHECK below
-- makes the database refuse it even if code ever tried. `places` NULL means "not yet defined": no limit is enforced.
CREATE TABLE program_quota (
    program_id     UUID         NOT NULL REFERENCES program (id),
    academic_year  VARCHAR(9)   NOT NULL,
    direction      VARCHAR(30)  NOT NULL,
    places         INTEGER      CHECK (places IS NULL OR places >= 0),
    accepted       INTEGER      NOT NULL DEFAULT 0 CHECK (accepted >= 0),
    PRIMARY KEY (program_id, academic_year, direction),
    CHECK (places IS NULL OR accepted <= places)
);
