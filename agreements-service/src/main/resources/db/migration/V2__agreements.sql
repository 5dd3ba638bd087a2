-- Agreements. Parties, fields, ISCED codes and frameworks are JSON arrays searched by containment through GIN
-- indexes, so "agreements between PK and BY in science" is two index probes, not a join per party.
CREATE TABLE agreement (
    id                UUID          PRIMARY KEY,
    code              VARCHAR(64)   NOT NULL UNIQUE,
    kind              VARCHAR(40)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    visibility        VARCHAR(20)   NOT NULL,
    title             JSONB         NOT NULL,
    summary           JSONB         NOT NULL,
    parties           JSONB         NOT NULL,
    fields            JSONB         NOT NULL,
    isced_codes       JSONB         NOT NULL,
    frameworks        JSONB         NOT NULL,
    amends_id         UUID          REFERENCES agreement (id),
    entry_into_force  DATE,
    duration_months   INTEGER,
    expires_on        DATE,
    auto_renewal      BOOLEAN       NOT NULL,
    ended_on          DATE,
    end_reason        VARCHAR(1000),
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE INDEX agreement_parties ON agreement USING GIN (parties jsonb_path_ops);
CREATE INDEX agreement_fields ON agreement USING GIN (fields jsonb_path_ops);
CREATE INDEX agreement_isced ON agreement USING GIN (isced_codes jsonb_path_ops);
CREATE INDEX agreement_frameworks ON agreement USING GIN (frameworks jsonb_path_ops);
CREATE INDEX agreement_status_code ON agreement (status, code);
CREATE INDEX agreement_updated_at ON agreement (updated_at);
CREATE INDEX agreement_due_to_expire ON agreement (expires_on) WHERE status IN ('IN_FORCE', 'SUSPENDED');
