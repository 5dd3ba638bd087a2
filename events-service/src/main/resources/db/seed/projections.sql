-- What events-service would have learnt from exchange-service's seed (written without events): the six seeded
-- programmes at their seeded versions, with who accepted them (the open, closed and suspended programmes both
-- institutions, the planned researcher stay only pu.edu.pk so far). The seeded agreements come first, from the projection shared with
-- exchange-service: db/agreement-projection/seed.sql (events-client). Re-running inserts nothing.
INSERT INTO program_projection (program_id, code, status, agreement_id, institutions, accepted_institutions, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000b0001', 'QAU-BSU/TEACH/2025', 'OPEN', '5eed0000-0000-4000-8000-0000000a0002', '["qau.edu.pk", "bsu.by"]', '["qau.edu.pk", "bsu.by"]', 1, '2025-06-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0002', 'QAU-BSU/STUD/2026', 'OPEN', '5eed0000-0000-4000-8000-0000000a0002', '["qau.edu.pk", "bsu.by"]', '["qau.edu.pk", "bsu.by"]', 1, '2026-03-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0003', 'PU-BSUIR/RES/2027', 'PLANNED', '5eed0000-0000-4000-8000-0000000a0002', '["pu.edu.pk", "bsuir.by"]', '["pu.edu.pk"]', 0, '2026-10-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0004', 'COMSATS-CUC/PHD/2026', 'OPEN', '5eed0000-0000-4000-8000-0000000a0004', '["comsats.edu.pk", "cuc.edu.cn"]', '["comsats.edu.pk", "cuc.edu.cn"]', 1, '2026-02-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0005', 'QAU-BSU/SUMMER/2026', 'CLOSED', '5eed0000-0000-4000-8000-0000000a0002', '["qau.edu.pk", "bsu.by"]', '["qau.edu.pk", "bsu.by"]', 2, '2026-05-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0006', 'COMSATS-CUC/STAFF/2026', 'SUSPENDED', '5eed0000-0000-4000-8000-0000000a0004', '["comsats.edu.pk", "cuc.edu.cn"]', '["comsats.edu.pk", "cuc.edu.cn"]', 2, '2026-09-15T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version) VALUES
 ('program', '5eed0000-0000-4000-8000-0000000b0001', 1),
 ('program', '5eed0000-0000-4000-8000-0000000b0002', 1),
 ('program', '5eed0000-0000-4000-8000-0000000b0003', 0),
 ('program', '5eed0000-0000-4000-8000-0000000b0004', 1),
 ('program', '5eed0000-0000-4000-8000-0000000b0005', 2),
 ('program', '5eed0000-0000-4000-8000-0000000b0006', 2)
ON CONFLICT DO NOTHING;
