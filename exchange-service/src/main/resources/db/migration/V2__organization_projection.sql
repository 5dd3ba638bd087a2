-- What this service knows about organizations, from agreements-service's organization events: enough to tell an
-- institution's country and whether a party is a state body (its institutions may then run programmes).
CREATE TABLE organization_projection (
    organization_id  UUID          PRIMARY KEY,
    code             VARCHAR(253)  NOT NULL UNIQUE,
    kind             VARCHAR(40)   NOT NULL,
    country          VARCHAR(2)    NOT NULL,
    version          BIGINT        NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);
