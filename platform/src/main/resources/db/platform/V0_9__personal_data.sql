-- Issue 24: personal data is minimised and erasable everywhere, platform tables included.
--
-- Idempotency records replay the first response of a retried POST, and a response may hold personal data (a
-- nominee's name and e-mail). Bodies are now sealed at rest (AES-GCM, registry.idempotency.encryption-key) in
-- sealed_body; the clear bodies stored so far are dropped: their keys still replay the status, Location and ETag
-- (the effect is not repeated), without the body. Erasure deletes the keys whose response mentions the person.
ALTER TABLE idempotency_record DROP COLUMN body;
ALTER TABLE idempotency_record ADD COLUMN sealed_body BYTEA;

-- The change log stays append-only, with one exception beside pruning: erasure removes erased fields from the
-- entries of the records it erases (set_config('registry.change_log_erasure', 'on', true) for its own statement),
-- so that no history entry keeps a value the person had erased.
CREATE OR REPLACE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('registry.change_log_pruning', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('registry.change_log_erasure', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'change_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
