-- The directory of parties: states, ministries, universities, research centres, international organisations.
CREATE TABLE organization (
    id           UUID          PRIMARY KEY,
    code         VARCHAR(253)  NOT NULL UNIQUE,
    kind         VARCHAR(40)   NOT NULL,
    names        JSONB         NOT NULL,
    country      VARCHAR(2)    NOT NULL,
    parent_id    UUID          REFERENCES organization (id),
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX organization_country_code ON organization (country, code);
CREATE INDEX organization_kind_code ON organization (kind, code);
CREATE INDEX organization_parent ON organization (parent_id);
