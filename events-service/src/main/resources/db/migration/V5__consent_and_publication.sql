-- Issue 15: naming is not binding, and drafts stay private unless published.
--
-- `organizers` now holds the organizers that consented (the creator's organization, every one a registrar named, and
-- each invited one once its partner accepted); `invited_organizers` those named but not yet consenting. Rows written
-- before this migration keep every organizer as consenting: they were accepted under the old rules and nothing records
-- who created them; an operator who doubts one can revise it.
ALTER TABLE event ADD COLUMN invited_organizers JSONB NOT NULL DEFAULT '[]';
CREATE INDEX event_invited_organizers ON event USING GIN (invited_organizers jsonb_path_ops);

-- When the event became public. Once set it stays set: a published event that is cancelled stays public, a draft that
-- is cancelled stays private. For old rows: published and completed events were published; a cancelled one was if
-- anyone registered for it (registration needs a published event). Other cancelled rows cannot be told apart from
-- quietly cancelled drafts, so they stay private (the safe side: a draft must never turn public).
ALTER TABLE event ADD COLUMN published_at TIMESTAMPTZ;
UPDATE event SET published_at = updated_at WHERE status IN ('PUBLISHED', 'COMPLETED');
UPDATE event e SET published_at = e.updated_at
 WHERE e.status = 'CANCELLED' AND EXISTS (SELECT 1 FROM registration r WHERE r.event_id = e.id);

-- Codes are unique among published events only. A create answered "taken" for a code some invisible draft held, which
-- confirmed that draft; published events are public, so a clash with one reveals nothing. Publishing a draft whose
-- code a published event holds is refused (409) to its organizers.
ALTER TABLE event DROP CONSTRAINT event_code_key;
CREATE UNIQUE INDEX event_published_code ON event (code) WHERE published_at IS NOT NULL;

-- Which institutions accepted a programme (exchange-service's `acceptedInstitutions`). For rows projected from events
-- written before that field, what exchange-service's schema says such an event means: both institutions of a programme
-- that had been opened (any status but PLANNED), neither of a planned one.
ALTER TABLE program_projection ADD COLUMN accepted_institutions JSONB;
UPDATE program_projection SET accepted_institutions = CASE WHEN status = 'PLANNED' THEN '[]'::jsonb ELSE institutions END;
