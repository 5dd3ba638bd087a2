-- Scaled change log for agreements-service (schema agreements, table change_log of platform migration V0_7), loaded
-- after agreements.sql. Repeatable: every value is a function of the row number. At scale 1: 10,000,000 entries over
-- five years, 70 % agreement, 20 % organization and 10 % framework events (2 % history-only entries without an event),
-- audience NULL for 95 % and the two parties for the rest, a 300-600-byte change each, 1.5 entries per transaction.
--
-- Transaction ids. The feed serves only entries whose txid lies below the oldest running transaction, so the entries
-- get explicit, increasing txids from 10,000 up, and the cluster's own transaction counter is then moved past the last
-- of them (one empty committed transaction per id, ~60,000 a second here). Generation runs once per data directory:
-- agreements.bench_generated remembers it, and everything up to that mark commits together.
\set ON_ERROR_STOP on
SET search_path = agreements;
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SELECT greatest(50, (20000 * :scale)::int) AS orgs, greatest(100, (1000000 * :scale)::int) AS agreements,
       greatest(5000, (10000000 * :scale)::bigint) AS changes \gset
SELECT 10000 AS first_txid, 10000 + (:changes * 2) / 3 AS last_txid \gset
SELECT to_regclass('bench_generated') IS NULL AS generate \gset

\if :generate
BEGIN;
CREATE TABLE bench_generated (data_set TEXT PRIMARY KEY, rows BIGINT NOT NULL, generated_at TIMESTAMPTZ NOT NULL);
CREATE TEMP TABLE bench_index AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE schemaname = 'agreements' AND tablename = 'change_log'
    AND indexname NOT IN (SELECT conname FROM pg_constraint);
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexname FROM bench_index LOOP EXECUTE 'DROP INDEX agreements.' || quote_ident(r.indexname); END LOOP;
END $$;

INSERT INTO change_log (txid, recorded_at, actor_subject, actor_organization, actor_role, operation, request_id,
                        record_type, record_id, record_version, event_id, event_type, change, tombstone, audience)
SELECT (:first_txid + (n * 2) / 3)::text::xid8,
       at,
       CASE WHEN registrar THEN 'registrar' || (h1 % 7) || '@registry.local' ELSE 'partner' || (h1 % 50) || '@' || code_a END,
       CASE WHEN registrar THEN NULL ELSE code_a END,
       CASE WHEN registrar THEN 'registrar' ELSE 'partner' END,
       op,
       md5('request' || n)::uuid::text,
       family,
       record_id,
       1 + h2 % 9,
       CASE WHEN history THEN NULL ELSE md5('change' || n)::uuid END,
       CASE WHEN history THEN NULL ELSE 'registry.' || family || '.' || kind || '.v1' END,
       CASE family
         WHEN 'agreement' THEN format(
           '{"agreementId":"%s","code":"BENCH/%s","kind":"%s","status":"%s","visibility":"%s","title":{"en":"Memorandum on %s and %s cooperation"},'
           '"parties":[{"organizationCode":"%s","country":"%s","role":"SIGNATORY"},{"organizationCode":"%s","country":"%s","role":"SIGNATORY"}],'
           '"fields":["%s"],"frameworks":[%s],"version":%s,"occurredAt":"%s"}',
           record_id, k, (ARRAY['MEMORANDUM_OF_UNDERSTANDING','FRAMEWORK_AGREEMENT','SPECIFIC_AGREEMENT','PROTOCOL'])[1 + h3 % 4],
           (ARRAY['DRAFT','SIGNED','IN_FORCE','IN_FORCE','SUSPENDED','EXPIRED'])[1 + h2 % 6],
           CASE WHEN confidential THEN 'CONFIDENTIAL' ELSE 'PUBLIC' END,
           w[1 + h1 % 16], w[1 + h3 % 16], code_a, ca, code_b, cb,
           (ARRAY['TRADE','ENERGY','HIGHER_EDUCATION','CULTURE','TOURISM','CONNECTIVITY_AND_INFRASTRUCTURE'])[1 + h2 % 6],
           CASE WHEN h3 % 3 = 0 THEN '"CPEC"' ELSE '' END, 1 + h2 % 9, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
         WHEN 'organization' THEN format(
           '{"organizationId":"%s","code":"%s","kind":"UNIVERSITY","names":{"en":"Organization %s","ru":"Организация %s","zh":"机构 %s"},'
           '"country":"%s","parentId":null,"website":"https://www.%s/","address":{"city":"City %s","street":"%s Avenue %s"},"version":%s}',
           record_id, code_a, a, a, a, ca, code_a, h3 % 400, w[1 + h1 % 16], h2 % 300, 1 + h2 % 9)
         ELSE format(
           '{"frameworkId":"%s","code":"FRAMEWORK-%s","names":{"en":"Cooperation framework %s on %s and %s"},"countries":["%s","%s"],'
           '"description":"Umbrella framework for %s, %s and %s projects between the parties","version":%s}',
           record_id, k, k, w[1 + h1 % 16], w[1 + h3 % 16], ca, cb, w[1 + h2 % 16], w[1 + h1 % 16], w[1 + h3 % 16], 1 + h2 % 9)
       END,
       kind IN ('retired', 'removed', 'withdrawn'),
       CASE WHEN history THEN '{}'::text[] WHEN confidential THEN ARRAY[code_a, code_b] END
FROM generate_series(1, :changes) n,
     LATERAL (SELECT hashtext('ch' || n) & 2147483647 AS h1, hashtext('ci' || n) & 2147483647 AS h2,
                     hashtext('cj' || n) & 2147483647 AS h3,
                     timestamptz '2021-12-01' + (n * (157000000.0 / :changes)) * interval '1 second' AS at) h,
     LATERAL (SELECT CASE WHEN h1 % 10 < 7 THEN 'agreement' WHEN h1 % 10 < 9 THEN 'organization' ELSE 'framework' END AS family,
                     h2 % 50 = 0 AS history, h3 % 20 = 0 AS confidential, h2 % 4 = 0 AS registrar) f,
     LATERAL (SELECT 1 + h2 % CASE family WHEN 'agreement' THEN :agreements WHEN 'organization' THEN :orgs ELSE 500 END AS k) r,
     LATERAL (SELECT 1 + h3 % :orgs AS a, 1 + (h1::bigint + h3) % :orgs AS b) p,
     LATERAL (SELECT (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + a % 14] AS ca,
                     (ARRAY['PK','BY','CN','KZ','UZ','KG','TJ','TM','RU','IR','TR','AZ','MN','AF'])[1 + b % 14] AS cb) c,
     LATERAL (SELECT 'org' || a || '.edu.' || lower(ca) AS code_a, 'org' || b || '.edu.' || lower(cb) AS code_b,
                     md5(family || k)::uuid::text AS record_id) codes,
     LATERAL (SELECT CASE family
                       WHEN 'agreement' THEN (ARRAY['drafted','updated','updated','party-accepted','party-signed','signed',
                                                    'party-ratified','approved','entered-into-force','amended','renewed',
                                                    'suspended','resumed','expired','terminated','withdrawn'])[1 + h3 % 16]
                       WHEN 'organization' THEN (ARRAY['registered','updated','updated','updated','updated','updated',
                                                       'updated','updated','retired','removed'])[1 + h3 % 10]
                       ELSE (ARRAY['registered','updated','updated','updated','removed'])[1 + h3 % 5] END AS kind) e,
     LATERAL (SELECT CASE family
                       WHEN 'agreement' THEN CASE kind WHEN 'drafted' THEN 'draftAgreement' WHEN 'party-signed' THEN 'signAgreement'
                                                       WHEN 'signed' THEN 'signAgreement' WHEN 'approved' THEN 'approveAgreementVersion'
                                                       WHEN 'suspended' THEN 'suspendAgreement' WHEN 'terminated' THEN 'terminateAgreement'
                                                       WHEN 'expired' THEN 'expireAgreements' ELSE 'reviseAgreement' END
                       WHEN 'organization' THEN CASE kind WHEN 'registered' THEN 'registerOrganization'
                                                          WHEN 'retired' THEN 'retireOrganization' ELSE 'updateOrganization' END
                       ELSE CASE kind WHEN 'registered' THEN 'registerFramework' WHEN 'removed' THEN 'removeFramework'
                                      ELSE 'updateFramework' END END AS op) o,
     LATERAL (SELECT ARRAY['solar','railways','logistics','hydropower','irrigation','trade','customs','tourism',
                           'heritage','software','medicine','agriculture','water','climate','education','energy'] AS w) ws;

DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT indexdef FROM bench_index LOOP EXECUTE r.indexdef; END LOOP;
END $$;
INSERT INTO bench_generated VALUES ('change_log', :changes, now());
COMMIT;
VACUUM (ANALYZE) change_log;
\endif

-- Move the cluster's transaction counter past the generated ids (nothing to do once it is): each pass of the loop is
-- one committed transaction that took an id.
SELECT set_config('bench.last_txid', :'last_txid', false);
DO $$ BEGIN
  WHILE pg_current_xact_id() <= current_setting('bench.last_txid')::xid8 LOOP
    COMMIT;
  END LOOP;
END $$;
SELECT rows AS change_log_rows FROM bench_generated WHERE data_set = 'change_log';
