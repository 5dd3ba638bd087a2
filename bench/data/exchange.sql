-- Scaled data set for exchange-service (schema exchange), repeatable like agreements.sql: at scale 1, 50,000
-- programmes under the first 50,000 generated agreements, and 5,000,000 mobilities with their participants.
\set ON_ERROR_STOP on
SET search_path = exchange;
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SELECT greatest(50, (20000 * :scale)::int) AS orgs, greatest(20, (50000 * :scale)::int) AS programs,
       greatest(500, (5000000 * :scale)::int) AS mobilities \gset

CREATE TEMP TABLE bench_index AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'exchange' AND tablename IN ('agreement_projection', 'program', 'mobility', 'participant')
    AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_index LOOP EXECUTE 'DROP INDEX exchange.' || quote_ident(r.indexname); END LOOP;
END $$;

INSERT INTO organization_projection (organization_id, code, kind, country, version, updated_at)
SELECT md5('org' || n)::uuid, 'org' || n || '.edu.' || lower(c), 'UNIVERSITY', c, 0, now()
FROM generate_series(1, :orgs) n,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + n % 14] AS c) country
ON CONFLICT DO NOTHING;

-- Programme k runs between org k and org k+1 under generated agreement k (in force, public).
INSERT INTO agreement_projection (agreement_id, code, status, visibility, parties, version, updated_at)
SELECT md5('agreement' || k)::uuid, 'BENCH/' || k, 'IN_FORCE', 'PUBLIC',
       jsonb_build_array(jsonb_build_object('organizationCode', 'org' || a || '.edu.' || lower(ca), 'country', ca,
                                            'role', 'SIGNATORY', 'signed', true, 'consented', true),
                         jsonb_build_object('organizationCode', 'org' || b || '.edu.' || lower(cb), 'country', cb,
                                            'role', 'SIGNATORY', 'signed', true, 'consented', true)),
       1, now()
FROM generate_series(1, :programs) k,
     LATERAL (SELECT 1 + k % :orgs AS a, 1 + (k + 1) % :orgs AS b) p,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + a % 14] AS ca,
                     (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + b % 14] AS cb) c
ON CONFLICT DO NOTHING;

INSERT INTO program (id, code, kind, title, agreement_id, sending_institution, sending_country, receiving_institution,
                     receiving_country, academic_years, duration_amount, duration_unit, isced_codes, eqf_levels, language,
                     minimum_cefr, applications_open_on, applications_close_on, status, version, created_at, updated_at,
                     sending_accepted, receiving_accepted)
SELECT md5('program' || k)::uuid, 'BENCH/P' || k,
       (ARRAY['STUDENT_EXCHANGE','STUDENT_EXCHANGE','TEACHER_EXCHANGE','STAFF_TRAINING','RESEARCHER_STAY','JOINT_SUPERVISION'])[1 + k % 6],
       jsonb_build_object('en', 'Exchange programme ' || k), md5('agreement' || k)::uuid,
       'org' || a || '.edu.' || lower(ca), ca, 'org' || b || '.edu.' || lower(cb), cb,
       '["2025/2026", "2026/2027"]', 5, 'MONTHS', jsonb_build_array(lpad((k % 1000)::text, 4, '0')), '[6, 7]', 'en', 'B2',
       NULL, NULL, 'OPEN', 1, timestamptz '2024-01-01' + (k % 700) * interval '1 day', timestamptz '2024-01-01' + (k % 700) * interval '1 day',
       true, true
FROM generate_series(1, :programs) k,
     LATERAL (SELECT 1 + k % :orgs AS a, 1 + (k + 1) % :orgs AS b) p,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + a % 14] AS ca,
                     (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + b % 14] AS cb) c
ON CONFLICT DO NOTHING;

INSERT INTO program_quota (program_id, academic_year, direction, places, accepted)
SELECT md5('program' || k)::uuid, y, d, NULL, 0
FROM generate_series(1, :programs) k, unnest(ARRAY['2025/2026', '2026/2027']) y,
     unnest(ARRAY['SENDING_TO_RECEIVING', 'RECEIVING_TO_SENDING']) d
ON CONFLICT DO NOTHING;

INSERT INTO participant (id, given_name, family_name, email, created_at)
SELECT md5('participant' || n)::uuid, 'Given' || n, 'Family' || n, 'p' || n || '@example.org', timestamptz '2024-01-01'
FROM generate_series(1, :mobilities) n
ON CONFLICT DO NOTHING;

INSERT INTO mobility (id, program_id, program_kind, academic_year, direction, home_institution, home_country,
                      host_institution, host_country, participant_id, eqf_level, isced_code, planned_start, planned_end,
                      status, holds_place, version, created_at, updated_at)
SELECT md5('mobility' || n)::uuid, md5('program' || k)::uuid,
       (ARRAY['STUDENT_EXCHANGE','STUDENT_EXCHANGE','TEACHER_EXCHANGE','STAFF_TRAINING','RESEARCHER_STAY','JOINT_SUPERVISION'])[1 + k % 6],
       CASE WHEN n % 2 = 0 THEN '2025/2026' ELSE '2026/2027' END, 'SENDING_TO_RECEIVING',
       'org' || a || '.edu.' || lower(ca), ca, 'org' || b || '.edu.' || lower(cb), cb,
       md5('participant' || n)::uuid, 6, lpad((k % 1000)::text, 4, '0'), date '2026-02-01', date '2026-06-30',
       (ARRAY['NOMINATED','ACCEPTED','ACCEPTED','COMPLETED','REJECTED'])[1 + n % 5], false, 1,
       timestamptz '2024-01-01' + (n % 700) * interval '1 day' + (n % 86400) * interval '1 second',
       timestamptz '2024-01-01' + (n % 700) * interval '1 day' + (n % 86400) * interval '1 second'
FROM generate_series(1, :mobilities) n,
     LATERAL (SELECT 1 + (hashtext('m' || n) & 2147483647) % :programs AS k) pk,
     LATERAL (SELECT 1 + k % :orgs AS a, 1 + (k + 1) % :orgs AS b) p,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + a % 14] AS ca,
                     (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + b % 14] AS cb) c
ON CONFLICT DO NOTHING;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;
-- Vacuum now, not during the measurements: autovacuum would otherwise wake up for the bulk insert and compete with them.
VACUUM (ANALYZE);
SELECT count(*) AS mobilities FROM mobility;
