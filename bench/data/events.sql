-- Scaled data set for events-service (schema events), repeatable like agreements.sql: at scale 1, 200,000 events over
-- 2020–2029 in six zones, each with five registrations (1,000,000).
\set ON_ERROR_STOP on
SET search_path = events;
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SELECT greatest(50, (20000 * :scale)::int) AS orgs, greatest(100, (200000 * :scale)::int) AS events \gset

CREATE TEMP TABLE bench_index AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'events' AND tablename IN ('event', 'registration')
    AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_index LOOP EXECUTE 'DROP INDEX events.' || quote_ident(r.indexname); END LOOP;
END $$;

INSERT INTO event (id, code, kind, title, description, organizers, format, venue_name, venue_city, venue_country, join_url,
                   time_zone, starts_at, ends_at, status, cancellation_reason, reschedules, sequence, linked_agreements,
                   linked_programs, registration_opens_at, registration_closes_at, capacity, moderated, version,
                   created_at, updated_at, published_at)
SELECT md5('event' || n)::uuid, 'BENCH/E' || n,
       (ARRAY['SUMMIT','CONFERENCE','SEMINAR','WEBINAR','WEBINAR','WORKSHOP','WORKING_GROUP_MEETING'])[1 + n % 7],
       jsonb_build_object('en', 'Seminar on ' || w[1 + h % 32] || ' and ' || w[1 + (h / 32) % 32]), '{}'::jsonb,
       jsonb_build_array('org' || o || '.edu.' || lower(c)), 'HYBRID', 'Main hall', 'Capital', c,
       'https://meet.example.org/' || n, z, s, s + interval '2 hours',
       CASE WHEN s < now() THEN 'COMPLETED' ELSE 'PUBLISHED' END, NULL, '[]', 0, '[]', '[]', NULL, NULL, 100, false, 1,
       s - interval '60 days', s - interval '60 days', s - interval '59 days'
FROM generate_series(1, :events) n,
     LATERAL (SELECT hashtext('e' || n) & 2147483647 AS h) hh,
     LATERAL (SELECT 1 + h % :orgs AS o) oo,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + o % 14] AS c) cc,
     LATERAL (SELECT (ARRAY['Asia/Karachi','Europe/Minsk','Asia/Shanghai','Asia/Almaty','Asia/Tashkent','Europe/Moscow'])[1 + n % 6] AS z,
                     timestamptz '2020-01-01 06:00Z' + (h % 3650) * interval '1 day' + (n % 8) * interval '1 hour' AS s) t,
     LATERAL (SELECT ARRAY['academic','student','exchange','research','physics','energy','trade','culture','media','software',
                           'medicine','agriculture','water','climate','railways','logistics','tourism','heritage','languages','law',
                           'diplomacy','health','education','innovation','space','mining','textiles','banking','customs','youth',
                           'sport','archives'] AS w) ws
ON CONFLICT DO NOTHING;

-- Registrations of events that ended longer ago than the retention period (registry.retention.registrations, 180 days
-- by default) are stored as the retention job leaves them: without the person. Loaded holding it, they kept the job
-- erasing tens of thousands of people (each a transaction and an event on Kafka) through every measurement.
INSERT INTO registration (id, event_id, participant_key, name, email, organization, delegation_id, registered_by, status,
                          queued_at, checked_in_at, version, created_at, updated_at, personal_data_erased_at)
SELECT id, md5('event' || n)::uuid, coalesce('erased:' || erased_id, person), CASE WHEN erased THEN '' ELSE 'Person ' || r END,
       CASE WHEN erased THEN NULL ELSE person END, NULL, NULL, coalesce('erased:' || erased_id, person), 'CONFIRMED',
       timestamptz '2020-01-01' + r * interval '1 minute', NULL, 1, timestamptz '2020-01-01', timestamptz '2020-01-01',
       CASE WHEN erased THEN ends_at + interval '180 days' END
FROM generate_series(1, :events) n, generate_series(1, 5) r,
     LATERAL (SELECT md5('registration' || n || '/' || r)::uuid AS id, 'person' || r || '@example.org' AS person) p,
     LATERAL (SELECT ends_at FROM event WHERE event.id = md5('event' || n)::uuid) e,
     LATERAL (SELECT ends_at + interval '180 days' < now() AS erased) x,
     LATERAL (SELECT CASE WHEN erased THEN id::text END AS erased_id) xi
ON CONFLICT DO NOTHING;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;
-- Vacuum now, not during the measurements: autovacuum would otherwise wake up for the bulk insert and compete with them.
VACUUM (ANALYZE);
SELECT count(*) AS events FROM event;
