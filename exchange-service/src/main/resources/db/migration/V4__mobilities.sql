-- Personal data lives only here, apart from mobilities, so it can be erased on request without touching the record
-- of the mobility (which keeps the pseudonymous id). Events never carry anything from this table.
CREATE TABLE participant (
    id           UUID          PRIMARY KEY,
    given_name   VARCHAR(200)  NOT NULL,
    family_name  VARCHAR(200)  NOT NULL,
    email        VARCHAR(320),
    created_at   TIMESTAMPTZ   NOT NULL
);

-- One participant's move under a programme. Home/host institution, countries and the programme's kind are copied so
-- statistics group without joins. participant_id has no foreign key on purpose: erasure deletes the participant row.
CREATE TABLE mobility (
    id                UUID          PRIMARY KEY,
    program_id        UUID          NOT NULL REFERENCES program (id),
    program_kind      VARCHAR(30)   NOT NULL,
    academic_year     VARCHAR(9)    NOT NULL,
    direction         VARCHAR(30)   NOT NULL,
    home_institution  VARCHAR(253)  NOT NULL,
    home_country      VARCHAR(2)    NOT NULL,
    host_institution  VARCHAR(253)  NOT NULL,
    host_country      VARCHAR(2)    NOT NULL,
    participant_id    UUID          NOT NULL,
    eqf_level         INTEGER,
    isced_code        VARCHAR(4),
    planned_start     DATE          NOT NULL,
    planned_end       DATE          NOT NULL,
    actual_start      DATE,
    actual_end        DATE,
    status            VARCHAR(20)   NOT NULL,
    status_reason     VARCHAR(500),
    recognized        BOOLEAN,
    ects_credits      INTEGER,
    holds_place       BOOLEAN       NOT NULL DEFAULT false,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    CHECK (planned_end >= planned_start)
);
CREATE INDEX mobility_program ON mobility (program_id, academic_year, direction, status);
CREATE INDEX mobility_participant ON mobility (participant_id);
CREATE INDEX mobility_created ON mobility (created_at, id);
CREATE INDEX mobility_home ON mobility (home_institution);
CREATE INDEX mobility_host ON mobility (host_institution);
