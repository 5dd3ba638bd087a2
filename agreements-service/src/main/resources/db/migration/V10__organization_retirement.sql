-- Organizations are retired, never deleted: records in this and other services name them for good. A retired
-- organization stays readable and keeps its code, but nothing new may name it. Every existing row is active.
ALTER TABLE organization
    ADD COLUMN status     VARCHAR(20) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    ADD COLUMN retired_at TIMESTAMPTZ,
    ADD CONSTRAINT organization_retired_when CHECK ((status = 'RETIRED') = (retired_at IS NOT NULL));
CREATE INDEX organization_status_code ON organization (status, code);
