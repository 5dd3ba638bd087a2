-- This service's own copy of what it needs to know about agreements, built only from agreements-service's events
-- (never from its database). `version` is the agreement's version the copy reflects.
CREATE TABLE agreement_projection (
    agreement_id  UUID          PRIMARY KEY,
    code          VARCHAR(64)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    visibility    VARCHAR(20)   NOT NULL,
    parties       JSONB         NOT NULL,
    version       BIGINT        NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX agreement_projection_parties ON agreement_projection USING GIN (parties jsonb_path_ops);
