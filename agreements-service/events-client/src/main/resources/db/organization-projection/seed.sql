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
 ('5eed0000-0000-4000-8000-000000000009', 'ncp.edu.pk', 'RESEARCH_CENTRE', 'PK', 'ACTIVE', 0, '2024-01-01T00:00:00Z')
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
 ('organization', '5eed0000-0000-4000-8000-000000000009', 0)
ON CONFLICT DO NOTHING;
