-- What exchange-service would have learnt from agreements-service's events about the organizations and agreements
-- agreements-service seeds (seed data is written directly, so no events announce it). Same ids and versions as
-- agreements-service/src/main/resources/db/seed; later events about them apply on top. Re-running inserts nothing.
-- Each party carries `consented` as agreement events state it: the signatories of the seeded agreements consented by
-- signing; those of the draft have not signed, so they have not consented yet.
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

INSERT INTO agreement_projection (agreement_id, code, status, visibility, parties, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000a0001', 'PK-BY/MOU/2026/HE-001', 'DRAFT', 'PUBLIC',
  '[{"organizationCode": "qau.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": false, "consented": false},
    {"organizationCode": "bsu.by", "country": "BY", "role": "SIGNATORY", "signed": false, "consented": false}]', 0, '2026-01-10T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0002', 'PK-BY/MOU/2021/ST-014', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "most.gov.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "gknt.gov.by", "country": "BY", "role": "SIGNATORY", "signed": true, "consented": true}]', 3, '2021-06-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0003', 'PK-BY/MOU/2019/TR-003', 'TERMINATED', 'PUBLIC',
  '[{"organizationCode": "pu.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "bsuir.by", "country": "BY", "role": "SIGNATORY", "signed": true, "consented": true}]', 4, '2021-03-31T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0004', 'PK-CN/MOU/2023/CI-007', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "comsats.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "cuc.edu.cn", "country": "CN", "role": "SIGNATORY", "signed": true, "consented": true}]', 3, '2023-08-01T00:00:00Z')
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
 ('agreement', '5eed0000-0000-4000-8000-0000000a0001', 0),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0002', 3),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0003', 4),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0004', 3)
ON CONFLICT DO NOTHING;
