-- Regional frameworks (CPEC, CAREC, EAEU, ...) and their member countries over time.
CREATE TABLE framework (
    id           UUID          PRIMARY KEY,
    code         VARCHAR(20)   NOT NULL UNIQUE,
    names        JSONB         NOT NULL,
    description  JSONB         NOT NULL,
    members      JSONB         NOT NULL,
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX framework_members ON framework USING GIN (members jsonb_path_ops);
