-- A registrar's override of the framework rule (an agreement names a framework only if every party's country was a
-- member of it): who, when, why, and which countries of which frameworks it let through. Null for every agreement the
-- rule admitted by itself.
ALTER TABLE agreement ADD COLUMN framework_override JSONB;
