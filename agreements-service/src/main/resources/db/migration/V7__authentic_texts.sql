-- The languages whose texts are authentic, and references to the documents (URL, language, SHA-256 of the file).
ALTER TABLE agreement ADD COLUMN languages JSONB NOT NULL DEFAULT '[]';
ALTER TABLE agreement ADD COLUMN documents JSONB NOT NULL DEFAULT '[]';
CREATE INDEX agreement_entry_into_force ON agreement (entry_into_force);
