-- Issue 15: a code uniqueness check must not confirm that a programme under a confidential agreement exists. Codes are
-- now unique per agreement: whoever may create under an agreement may read it, and so every programme under it, so a
-- 409 tells the caller nothing it could not read. Lists ordered by code take the id as tiebreaker (index below).
ALTER TABLE program DROP CONSTRAINT program_code_key;
CREATE UNIQUE INDEX program_agreement_code ON program (agreement_id, code);
CREATE INDEX program_code_id ON program (code, id);
