-- A code is unique among public agreements only. A confidential agreement's code may repeat one held elsewhere: a
-- create must not answer "taken" for a code the caller cannot see, or the answer would confirm that a confidential
-- agreement with that code exists. The id stays the identity; lists order by code and id.
ALTER TABLE agreement DROP CONSTRAINT agreement_code_key;
CREATE UNIQUE INDEX agreement_public_code ON agreement (code) WHERE visibility = 'PUBLIC';
CREATE INDEX agreement_code_id ON agreement (code, id);
-- Keyset pagination gains the id as last key: the indexes that serve the status filter and the UPDATED order follow.
DROP INDEX agreement_status_code;
CREATE INDEX agreement_status_code_id ON agreement (status, code, id);
DROP INDEX agreement_updated_code;
CREATE INDEX agreement_updated_code_id ON agreement (updated_at DESC, code DESC, id DESC);
