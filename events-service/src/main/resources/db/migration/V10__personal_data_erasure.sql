-- Issue 24: a registrant's personal data (name, e-mail, and the key naming them: their token subject or e-mail) is
-- erased on request (DELETE /registrations/{id}/personal-data) or by the retention job a configurable time after
-- the event ended (registry.retention.registrations, default P180D). The registration stays, counted by status,
-- organization and event; this says when its person was erased, so the job skips it after.
ALTER TABLE registration ADD COLUMN personal_data_erased_at TIMESTAMPTZ;

-- The retention job's search: registrations still holding personal data, by event.
CREATE INDEX registration_personal_data_held ON registration (event_id) WHERE personal_data_erased_at IS NULL;
