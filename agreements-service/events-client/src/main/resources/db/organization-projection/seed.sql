-- What a consumer of organization events would have learnt about the directory agreements-service seeds (seed data is
-- written directly, so no events announce it): loaded by each consuming service's registry.seed.scripts. Same ids,
-- codes, kinds, countries and versions as agreements-service/src/main/resources/db/seed/organizations.sql; later events
-- about them apply on top. Re-running inserts nothing.
INSERT INTO organization_projection (organization_id, code, kind, country, status, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-000000000001', 'qau.edu.pk', 'UNIVERSITY', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000002', 'bsu.by', 'UNIVERSITY', 'BY', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000003', 'comsats.edu.pk', 'UNIVERSITY', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000004', 'bsuir.by', 'UNIVERSITY', 'BY', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000005', 'most.gov.pk', 'MINISTRY_OR_AGENCY', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000006', 'gknt.gov.by', 'MINISTRY_OR_AGENCY', 'BY', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000007', 'pu.edu.pk', 'UNIVERSITY', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000008', 'cuc.edu.cn', 'UNIVERSITY', 'CN', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000009', 'ncp.edu.pk', 'RESEARCH_CENTRE', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000010', 'mpd.gov.pk', 'MINISTRY_OR_AGENCY', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000011', 'power.gov.pk', 'MINISTRY_OR_AGENCY', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000012', 'turkmengas.gov.tm', 'COMPANY', 'TM', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000013', 'momp.gov.af', 'MINISTRY_OR_AGENCY', 'AF', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000014', 'mew.gov.af', 'MINISTRY_OR_AGENCY', 'AF', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000015', 'mopng.gov.in', 'MINISTRY_OR_AGENCY', 'IN', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000016', 'minenergo.gov.kg', 'MINISTRY_OR_AGENCY', 'KG', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000017', 'mewr.gov.tj', 'MINISTRY_OR_AGENCY', 'TJ', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000018', 'kaznu.kz', 'UNIVERSITY', 'KZ', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000019', 'nuu.uz', 'UNIVERSITY', 'UZ', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-00000000001a', 'sci.gov.kz', 'MINISTRY_OR_AGENCY', 'KZ', 'ACTIVE', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-00000000001b', 'prccsf.org.pk', 'RESEARCH_CENTRE', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version) VALUES
 ('organization', '5eed0000-0000-4000-8000-000000000001', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000002', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000003', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000004', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000005', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000006', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000007', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000008', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000009', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000010', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000011', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000012', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000013', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000014', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000015', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000016', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000017', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000018', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000019', 0),
 ('organization', '5eed0000-0000-4000-8000-00000000001a', 0),
 ('organization', '5eed0000-0000-4000-8000-00000000001b', 0)
ON CONFLICT DO NOTHING;
