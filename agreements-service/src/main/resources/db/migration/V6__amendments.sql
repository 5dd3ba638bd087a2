-- Amendments in force that changed an agreement, newest last.
ALTER TABLE agreement ADD COLUMN amended_by JSONB NOT NULL DEFAULT '[]';
