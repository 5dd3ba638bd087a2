-- The longest event bounds how early an event that overlaps a period can start. A list filtered by `from` reads the
-- longest duration from this index (one entry) and range-scans event_starts from `from` minus it, instead of filtering
-- every event since the first one (measured at 200,000 events: 177 ms → 1 ms per page; bench/RESULTS.md).
CREATE INDEX event_duration ON event ((ends_at - starts_at));
