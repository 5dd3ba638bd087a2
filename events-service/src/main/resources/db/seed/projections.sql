-- What events-service would have learnt from the seeds of agreements-service and exchange-service (written without
-- events): the four seeded agreements and four programmes at their seeded versions, with who consented (the signatories
-- of the memoranda in force signed; the open programmes were accepted by both institutions, the planned researcher stay
-- only by pu.edu.pk so far). Re-running inserts nothing.
INSERT INTO agreement_projection (agreement_id, code, status, visibility, parties, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000a0001', 'PK-BY/MOU/2026/HE-001', 'DRAFT', 'PUBLIC',
  '[{"organizationCode": "qau.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": false},
    {"organizationCode": "bsu.by", "country": "BY", "role": "SIGNATORY", "signed": false}]', 0, '2026-01-10T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0002', 'PK-BY/MOU/2021/ST-014', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "most.gov.pk", "country": "PK", "role": "SIGNATORY", "signed": true},
    {"organizationCode": "gknt.gov.by", "country": "BY", "role": "SIGNATORY", "signed": true}]', 3, '2021-06-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0003', 'PK-BY/MOU/2019/TR-003', 'TERMINATED', 'PUBLIC',
  '[{"organizationCode": "pu.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true},
    {"organizationCode": "bsuir.by", "country": "BY", "role": "SIGNATORY", "signed": true}]', 4, '2021-03-31T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000a0004', 'PK-CN/MOU/2023/CI-007', 'IN_FORCE', 'PUBLIC',
  '[{"organizationCode": "comsats.edu.pk", "country": "PK", "role": "SIGNATORY", "signed": true},
    {"organizationCode": "cuc.edu.cn", "country": "CN", "role": "SIGNATORY", "signed": true}]', 3, '2023-08-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO program_projection (program_id, code, status, agreement_id, institutions, accepted_institutions, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000b0001', 'QAU-BSU/TEACH/2025', 'OPEN', '5eed0000-0000-4000-8000-0000000a0002', '["qau.edu.pk", "bsu.by"]', '["qau.edu.pk", "bsu.by"]', 1, '2025-06-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0002', 'QAU-BSU/STUD/2026', 'OPEN', '5eed0000-0000-4000-8000-0000000a0002', '["qau.edu.pk", "bsu.by"]', '["qau.edu.pk", "bsu.by"]', 1, '2026-03-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0003', 'PU-BSUIR/RES/2027', 'PLANNED', '5eed0000-0000-4000-8000-0000000a0002', '["pu.edu.pk", "bsuir.by"]', '["pu.edu.pk"]', 0, '2026-10-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0004', 'COMSATS-CUC/PHD/2026', 'OPEN', '5eed0000-0000-4000-8000-0000000a0004', '["comsats.edu.pk", "cuc.edu.cn"]', '["comsats.edu.pk", "cuc.edu.cn"]', 1, '2026-02-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version) VALUES
 ('agreement', '5eed0000-0000-4000-8000-0000000a0001', 0),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0002', 3),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0003', 4),
 ('agreement', '5eed0000-0000-4000-8000-0000000a0004', 3),
 ('program', '5eed0000-0000-4000-8000-0000000b0001', 1),
 ('program', '5eed0000-0000-4000-8000-0000000b0002', 1),
 ('program', '5eed0000-0000-4000-8000-0000000b0003', 0),
 ('program', '5eed0000-0000-4000-8000-0000000b0004', 1)
ON CONFLICT DO NOTHING;
