-- Scaled data set for agreements-service (schema agreements). Repeatable: every value is a function of the row number,
-- so the same scale always gives the same rows. Run by bench/run.sh with psql -v scale=1 (1,000,000 agreements among
-- 20,000 organizations of 14 countries). Secondary indexes are dropped during the load and rebuilt afterwards, exactly
-- as Flyway defined them.
\set ON_ERROR_STOP on
SET search_path = agreements;
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SELECT greatest(50, (20000 * :scale)::int) AS orgs, greatest(100, (1000000 * :scale)::int) AS agreements \gset

CREATE TEMP TABLE bench_index AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'agreements' AND tablename IN ('organization', 'agreement')
    AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_index LOOP EXECUTE 'DROP INDEX agreements.' || quote_ident(r.indexname); END LOOP;
END $$;

INSERT INTO organization (id, code, kind, names, country, parent_id, version, created_at, updated_at)
SELECT md5('org' || n)::uuid,
       'org' || n || '.edu.' || lower(c),
       (ARRAY['UNIVERSITY','UNIVERSITY','UNIVERSITY','RESEARCH_CENTRE','MINISTRY_OR_AGENCY','COMPANY'])[1 + n % 6],
       jsonb_build_object('en', 'Organization ' || n),
       c, NULL, 0, timestamptz '2015-01-01' + (n % 3650) * interval '1 day', timestamptz '2015-01-01' + (n % 3650) * interval '1 day'
FROM generate_series(1, :orgs) n,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + n % 14] AS c) country
ON CONFLICT DO NOTHING;

-- Two parties per agreement (both signed once the agreement is past its draft: the party and country filters count
-- only consenting parties), titles from a 64-word vocabulary (so full-text queries match a realistic share of rows),
-- 5 % confidential, statuses spread like a registry that has run for ten years.
INSERT INTO agreement (id, code, kind, status, visibility, title, summary, parties, fields, isced_codes, frameworks,
                       amends_id, entry_into_force, duration_months, expires_on, auto_renewal, ended_on, end_reason,
                       version, created_at, updated_at)
SELECT md5('agreement' || n)::uuid,
       'BENCH/' || n,
       (ARRAY['MEMORANDUM_OF_UNDERSTANDING','MEMORANDUM_OF_UNDERSTANDING','FRAMEWORK_AGREEMENT','SPECIFIC_AGREEMENT','PROTOCOL','JOINT_DECLARATION'])[1 + h1 % 6],
       st,
       CASE WHEN h2 % 20 = 0 THEN 'CONFIDENTIAL' ELSE 'PUBLIC' END,
       jsonb_build_object('en', 'Memorandum on ' || w[1 + h1 % 64] || ' and ' || w[1 + h2 % 64] || ' cooperation in ' || w[1 + h3 % 64]),
       '{}'::jsonb,
       jsonb_build_array(
         jsonb_build_object('organizationId', md5('org' || a)::text::uuid, 'organizationCode', 'org' || a || '.edu.' || lower(ca),
                            'country', ca, 'role', 'SIGNATORY',
                            'signature', CASE WHEN st = 'DRAFT' THEN NULL ELSE jsonb_build_object('date', '2015') END),
         jsonb_build_object('organizationId', md5('org' || b)::text::uuid, 'organizationCode', 'org' || b || '.edu.' || lower(cb),
                            'country', cb, 'role', 'SIGNATORY',
                            'signature', CASE WHEN st = 'DRAFT' THEN NULL ELSE jsonb_build_object('date', '2015') END)),
       jsonb_build_array(f[1 + h1 % 9], f[1 + h3 % 9]),
       jsonb_build_array(lpad((h2 % 1000)::text, 4, '0')),
       CASE h3 % 10 WHEN 0 THEN '["CPEC"]'::jsonb WHEN 1 THEN '["CAREC"]'::jsonb WHEN 2 THEN '["EAEU"]'::jsonb ELSE '[]'::jsonb END,
       NULL,
       CASE WHEN st IN ('DRAFT', 'SIGNED') THEN NULL ELSE date '2015-01-01' + (h1 % 4000) END,
       60,
       CASE WHEN st IN ('DRAFT', 'SIGNED') THEN NULL ELSE date '2020-01-01' + (h1 % 4000) END,
       false, NULL, NULL, 1,
       timestamptz '2015-01-01' + (n % 4000) * interval '1 day', timestamptz '2015-01-01' + (n % 4000) * interval '1 day' + (n % 86400) * interval '1 second'
FROM generate_series(1, :agreements) n,
     LATERAL (SELECT hashtext('a' || n) & 2147483647 AS h1, hashtext('b' || n) & 2147483647 AS h2,
                     hashtext('c' || n) & 2147483647 AS h3) h,
     LATERAL (SELECT 1 + h1 % :orgs AS a) pa,
     LATERAL (SELECT 1 + (a + h2 % (:orgs - 1)) % :orgs AS b) pb,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + a % 14] AS ca,
                     (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + b % 14] AS cb) c,
     LATERAL (SELECT (ARRAY['IN_FORCE','IN_FORCE','IN_FORCE','IN_FORCE','EXPIRED','EXPIRED','DRAFT','SIGNED','SUSPENDED','TERMINATED'])[1 + h3 % 10] AS st) s,
     LATERAL (SELECT ARRAY['SCIENCE_AND_TECHNOLOGY','TRADE','IMPORTS_AND_EXPORTS','INVESTMENT','HIGHER_EDUCATION','CULTURE','TOURISM','ENERGY','CONNECTIVITY_AND_INFRASTRUCTURE'] AS f) fs,
     LATERAL (SELECT ARRAY['academic','student','teacher','exchange','research','physics','chemistry','biology','medicine','pharmacy',
                           'agriculture','irrigation','textiles','energy','solar','hydropower','railways','roads','ports','logistics',
                           'trade','customs','investment','banking','tourism','heritage','culture','music','film','media',
                           'journalism','languages','translation','software','informatics','telecommunications','space','geology','mining','metallurgy',
                           'machinery','automotive','aviation','water','climate','ecology','forestry','fisheries','veterinary','food',
                           'standards','statistics','law','diplomacy','security','sport','youth','women','health','education',
                           'archives','libraries','museums','innovation'] AS w) ws
ON CONFLICT DO NOTHING;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;
-- Vacuum now, not during the measurements: autovacuum would otherwise wake up for the bulk insert and compete with them.
VACUUM (ANALYZE) organization;
VACUUM (ANALYZE) agreement;
SELECT count(*) AS agreements FROM agreement;
