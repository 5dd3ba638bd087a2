-- What exchange-service would have learnt from agreements-service's events about the organizations agreements-service
-- seeds (seed data is written directly, so no events announce it). Same ids and versions as
-- agreements-service/src/main/resources/db/seed; later events about them apply on top. Re-running inserts nothing.
-- The seeded agreements' projection is shared with events-service: db/agreement-projection/seed.sql (events-client).
INSERT INTO organization_projection (organization_id, code, kind, country, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-000000000001', 'qau.edu.pk', 'UNIVERSITY', 'PK', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000002', 'bsu.by', 'UNIVERSITY', 'BY', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000003', 'comsats.edu.pk', 'UNIVERSITY', 'PK', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000004', 'bsuir.by', 'UNIVERSITY', 'BY', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000005', 'most.gov.pk', 'MINISTRY_OR_AGENCY', 'PK', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000006', 'gknt.gov.by', 'MINISTRY_OR_AGENCY', 'BY', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000007', 'pu.edu.pk', 'UNIVERSITY', 'PK', 0, '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000008', 'cuc.edu.cn', 'UNIVERSITY', 'CN', 0, '2024-01-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version) VALUES
 ('organization', '5eed0000-0000-4000-8000-000000000001', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000002', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000003', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000004', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000005', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000006', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000007', 0),
 ('organization', '5eed0000-0000-4000-8000-000000000008', 0)
ON CONFLICT DO NOTHING;
