-- Every state an agreement has been in, immutable once written: the canonical JSON of its terms and status, and the
-- SHA-256 of that JSON, which parties quote to approve exactly that text (stored as proof in agreement_approval).
CREATE TABLE agreement_version (
    agreement_id  UUID          NOT NULL REFERENCES agreement (id),
    number        BIGINT        NOT NULL,
    change        VARCHAR(40)   NOT NULL,
    snapshot      TEXT          NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (agreement_id, number)
);

CREATE TABLE agreement_approval (
    agreement_id       UUID          NOT NULL REFERENCES agreement (id),
    organization_code  VARCHAR(253)  NOT NULL,
    version_number     BIGINT        NOT NULL,
    sha256             VARCHAR(64)   NOT NULL,
    approved_by        VARCHAR(400)  NOT NULL,
    approved_at        TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (agreement_id, organization_code, version_number)
);

-- No update or delete may change history.
CREATE FUNCTION forbid_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'agreement history is immutable';
END;
$$;
CREATE TRIGGER agreement_version_immutable BEFORE UPDATE OR DELETE ON agreement_version
    FOR EACH ROW EXECUTE FUNCTION forbid_history_change();
CREATE TRIGGER agreement_approval_immutable BEFORE UPDATE OR DELETE ON agreement_approval
    FOR EACH ROW EXECUTE FUNCTION forbid_history_change();

-- Approvals also live on the agreement row, so approving is a change like any other: it gets a version and an event.
ALTER TABLE agreement ADD COLUMN approvals JSONB NOT NULL DEFAULT '[]';
