-- What events-service knows about the directory of organizations, built only from agreements-service's organization
-- events: whether a code names an organization at all, and whether it was retired. New events, invitations,
-- acceptances and registrations may name only active ones; records that already name a retired one keep it.
-- Columns are the shared projection's (agreements-events-client OrganizationProjectionBase); nothing is ever deleted.
CREATE TABLE organization_projection (
    organization_id  UUID          PRIMARY KEY,
    code             VARCHAR(253)  NOT NULL UNIQUE,
    kind             VARCHAR(40)   NOT NULL,
    country          VARCHAR(2)    NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    version          BIGINT        NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);
