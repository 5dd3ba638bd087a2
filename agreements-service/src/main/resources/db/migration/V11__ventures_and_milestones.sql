-- Joint ventures (academic and economic) and the milestones of agreements' and ventures' implementation plans.
CREATE TABLE venture (
    id                   UUID          PRIMARY KEY,
    code                 VARCHAR(60)   NOT NULL UNIQUE,
    kind                 VARCHAR(40)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    names                JSONB         NOT NULL,
    description          JSONB         NOT NULL,
    partners             JSONB         NOT NULL,
    agreement_ids        JSONB         NOT NULL,
    fields               JSONB         NOT NULL,
    seat_country         VARCHAR(2),
    seat_city            VARCHAR(200),
    committed_amount     NUMERIC(20, 2),
    committed_currency   VARCHAR(3),
    disbursed_amount     NUMERIC(20, 2),
    disbursed_currency   VARCHAR(3),
    established_on       DATE,
    version              BIGINT        NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX venture_partners ON venture USING GIN (partners jsonb_path_ops);
CREATE INDEX venture_fields ON venture USING GIN (fields jsonb_path_ops);
CREATE INDEX venture_updated_at ON venture (updated_at);

-- A milestone belongs to one agreement or one venture (subject_type AGREEMENT or VENTURE); no foreign key, as the
-- subject is one of two tables.
CREATE TABLE milestone (
    id                        UUID          PRIMARY KEY,
    subject_type              VARCHAR(10)   NOT NULL,
    subject_id                UUID          NOT NULL,
    title                     JSONB         NOT NULL,
    responsible_organization  VARCHAR(253)  NOT NULL,
    due_on                    DATE          NOT NULL,
    status                    VARCHAR(10)   NOT NULL,
    evidence                  JSONB         NOT NULL,
    version                   BIGINT        NOT NULL,
    created_at                TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL
);
CREATE INDEX milestone_subject ON milestone (subject_type, subject_id, due_on, id);
