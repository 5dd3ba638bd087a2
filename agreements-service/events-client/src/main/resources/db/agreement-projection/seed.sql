-- What a consumer of agreement events would have learnt about the agreements agreements-service seeds (seed data is
-- written directly, so no events announce it): loaded by each consuming service's registry.seed.scripts. Same ids,
-- codes, statuses and versions as agreements-service/src/main/resources/db/seed/agreements.sql (the five public ones the
-- consumers' own seeds and OpenAPI examples use: ...0a0006 is the agreement events-service's createEvent example links); later events about them apply on top. Each party carries `consented` as agreement
-- events state it: the signatories of the agreements in force or ended consented by signing; those of the draft have
-- not signed, so they have not consented yet. Fields and frameworks are the seed's too (all five are public, so
-- their events would carry them). Re-running changes nothing.
INSERT INTO agreement_projection (agreement_id, code, status, visibility, parties, fields, frameworks, version,
                                  updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000a0001', 'PK-BY/MOU/2026/HE-001', 'DRAFT', 'PUBLIC',
  '[{"organizationCode": "qau.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": false, "consented": false},
    {"organizationCode": "bsu.by", "country": "BY", "role": "SIGNATORY", "signed": false, "consented": false}]',
  '["HIGHER_EDUCATION", "SCIENCE_AND_TECHNOLOGY"]', '[]', 0, '2026-01-10T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0002', 'PK-BY/MOU/2021/ST-014', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "most.gov.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "gknt.gov.by", "country": "BY", "role": "SIGNATORY", "signed": true, "consented": true}]',
  '["SCIENCE_AND_TECHNOLOGY"]', '[]', 3, '2021-06-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0003', 'PK-BY/MOU/2019/TR-003', 'TERMINATED', 'PUBLIC',
  '[{"organizationCode": "pu.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "bsuir.by", "country": "BY", "role": "SIGNATORY", "signed": true, "consented": true}]',
  '["TRADE", "IMPORTS_AND_EXPORTS"]', '[]', 4, '2021-03-31T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0004', 'PK-CN/MOU/2023/CI-007', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "comsats.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "cuc.edu.cn", "country": "CN", "role": "SIGNATORY", "signed": true, "consented": true}]',
  '["CONNECTIVITY_AND_INFRASTRUCTURE", "HIGHER_EDUCATION"]', '["CPEC"]', 4, '2025-05-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0006', 'PK-BY/SA/2025/PH-002', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "qau.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "bsu.by", "country": "BY", "role": "SIGNATORY", "signed": true, "consented": true},
    {"organizationCode": "most.gov.pk", "country": "PK", "role": "OBSERVER", "signed": false, "consented": false}]',
  '["HIGHER_EDUCATION", "SCIENCE_AND_TECHNOLOGY"]', '[]', 3, '2025-03-01T00:00:00Z')
-- A database seeded before fields and frameworks were projected (V14 in exchange-service, V8 in events-service)
-- gets them here, as long as no event has moved the agreement on since (then that event's values stand).
ON CONFLICT (agreement_id) DO UPDATE SET fields = EXCLUDED.fields, frameworks = EXCLUDED.frameworks
    WHERE agreement_projection.version = EXCLUDED.version AND agreement_projection.fields = '[]';

INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version) VALUES
 ('agreement', '5eed0000-0000-4000-8000-0000000a0001', 0),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0002', 3),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0003', 4),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0004', 4),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0006', 3)
ON CONFLICT DO NOTHING;
