-- Demo programmes, mobilities and a scholarship under the seeded agreements (loaded when registry.seed.enabled=true).
-- Stable ids used by the OpenAPI examples: programmes ...0b000N, mobilities ...0c000N, scholarships ...0d000N,
-- participants ...0e000N. The universities run programmes under the ministries' memorandum PK-BY/MOU/2021/ST-014:
-- they belong to its party states. Quota counters match the seeded mobilities that hold a place. The open programmes
-- were accepted by both institutions (a programme opens only then); the planned researcher stay ...0b0003 was created by
-- pu.edu.pk and bsuir.by has not accepted it yet (the OpenAPI example of POST /programs/{id}/acceptances). The summer
-- school ...0b0005 took its applications and is closed (the examples of reopening and completing a programme); the staff
-- training ...0b0006 was suspended by its institutions while they agree on next year's quotas (the resumption example).
-- Mobility ...0c0002 is accepted and about to start, ...0c0006 is under way (the start and completion examples).
INSERT INTO program (id, code, kind, title, agreement_id, sending_institution, sending_country, receiving_institution,
                     receiving_country, sending_accepted, receiving_accepted, academic_years, duration_amount, duration_unit,
                     isced_codes, eqf_levels, language, minimum_cefr, applications_open_on, applications_close_on, status,
                     version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000b0001', 'QAU-BSU/TEACH/2025', 'TEACHER_EXCHANGE',
  '{"en": "Teacher exchange in physics between Quaid-i-Azam University and Belarusian State University", "ru": "Обмен преподавателями физики"}',
  '5eed0000-0000-4000-8000-0000000a0002', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', true, true, '["2025/2026", "2026/2027"]', 14, 'DAYS',
  '["0533"]', '[]', 'en', 'B2', NULL, NULL, 'OPEN', 1, '2025-06-01T00:00:00Z', '2025-06-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0002', 'QAU-BSU/STUD/2026', 'STUDENT_EXCHANGE',
  '{"en": "Student exchange in software development", "ur": "سافٹ ویئر ڈویلپمنٹ میں طلبہ کا تبادلہ"}',
  '5eed0000-0000-4000-8000-0000000a0002', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', true, true, '["2026/2027"]', 5, 'MONTHS',
  '["0613"]', '[6, 7]', 'en', 'B2', '2026-03-01', '2027-05-31', 'OPEN', 1, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0003', 'PU-BSUIR/RES/2027', 'RESEARCHER_STAY',
  '{"en": "Researcher stays in electronics and automation"}',
  '5eed0000-0000-4000-8000-0000000a0002', 'pu.edu.pk', 'PK', 'bsuir.by', 'BY', true, false, '["2027/2028"]', 3, 'MONTHS',
  '["0714"]', '[8]', NULL, NULL, NULL, NULL, 'PLANNED', 0, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0004', 'COMSATS-CUC/PHD/2026', 'JOINT_SUPERVISION',
  '{"en": "Joint supervision of doctoral candidates in media and connectivity studies under CPEC", "zh": "中巴经济走廊媒体与互联互通研究博士联合培养"}',
  '5eed0000-0000-4000-8000-0000000a0004', 'comsats.edu.pk', 'PK', 'cuc.edu.cn', 'CN', true, true, '["2026/2027", "2027/2028"]', 6, 'MONTHS',
  '["0321"]', '[8]', 'zh', 'B1', NULL, NULL, 'OPEN', 1, '2026-01-15T00:00:00Z', '2026-02-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0005', 'QAU-BSU/SUMMER/2026', 'STUDENT_EXCHANGE',
  '{"en": "Summer school in mathematics at Belarusian State University", "ru": "Летняя школа по математике"}',
  '5eed0000-0000-4000-8000-0000000a0002', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', true, true, '["2025/2026"]', 21, 'DAYS',
  '["0541"]', '[6]', 'en', 'B1', '2026-02-01', '2026-04-30', 'CLOSED', 2, '2026-01-20T00:00:00Z', '2026-05-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0006', 'COMSATS-CUC/STAFF/2026', 'STAFF_TRAINING',
  '{"en": "Staff training in media production", "zh": "媒体制作人员培训"}',
  '5eed0000-0000-4000-8000-0000000a0004', 'comsats.edu.pk', 'PK', 'cuc.edu.cn', 'CN', true, true, '["2026/2027"]', 10, 'DAYS',
  '["0321"]', '[]', 'en', 'B1', NULL, NULL, 'SUSPENDED', 2, '2026-03-01T00:00:00Z', '2026-09-15T00:00:00Z')
ON CONFLICT DO NOTHING;

UPDATE program SET suspended_from = 'OPEN',
                   suspension_reason = 'Paused while the institutions agree on the 2026/2027 quotas'
 WHERE id = '5eed0000-0000-4000-8000-0000000b0006' AND status = 'SUSPENDED' AND suspended_from IS NULL;

INSERT INTO program_quota (program_id, academic_year, direction, places, accepted) VALUES
 ('5eed0000-0000-4000-8000-0000000b0001', '2025/2026', 'SENDING_TO_RECEIVING', 2, 1),
 ('5eed0000-0000-4000-8000-0000000b0001', '2025/2026', 'RECEIVING_TO_SENDING', 2, 0),
 ('5eed0000-0000-4000-8000-0000000b0001', '2026/2027', 'SENDING_TO_RECEIVING', 3, 0),
 ('5eed0000-0000-4000-8000-0000000b0001', '2026/2027', 'RECEIVING_TO_SENDING', 3, 0),
 ('5eed0000-0000-4000-8000-0000000b0002', '2026/2027', 'SENDING_TO_RECEIVING', 5, 3),
 ('5eed0000-0000-4000-8000-0000000b0002', '2026/2027', 'RECEIVING_TO_SENDING', NULL, 0),
 ('5eed0000-0000-4000-8000-0000000b0003', '2027/2028', 'SENDING_TO_RECEIVING', 2, 0),
 ('5eed0000-0000-4000-8000-0000000b0004', '2026/2027', 'SENDING_TO_RECEIVING', 2, 0),
 ('5eed0000-0000-4000-8000-0000000b0004', '2027/2028', 'SENDING_TO_RECEIVING', 2, 0),
 ('5eed0000-0000-4000-8000-0000000b0005', '2025/2026', 'SENDING_TO_RECEIVING', 10, 0),
 ('5eed0000-0000-4000-8000-0000000b0006', '2026/2027', 'SENDING_TO_RECEIVING', 4, 0)
ON CONFLICT DO NOTHING;

INSERT INTO participant (id, given_name, family_name, email, created_at) VALUES
 ('5eed0000-0000-4000-8000-0000000e0001', 'Ayesha', 'Khan', 'ayesha.khan@example.org', '2026-04-02T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0002', 'Bilal', 'Ahmed', 'bilal.ahmed@example.org', '2026-04-03T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0003', 'Farhan', 'Qureshi', NULL, '2025-09-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0004', 'Sana', 'Malik', 'sana.malik@example.org', '2026-04-05T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0005', 'Usman', 'Raza', 'usman.raza@example.org', '2026-04-06T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0006', 'Hamza', 'Iqbal', 'hamza.iqbal@example.org', '2026-04-04T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO mobility (id, program_id, program_kind, academic_year, direction, home_institution, home_country,
                      host_institution, host_country, participant_id, eqf_level, isced_code, planned_start, planned_end,
                      actual_start, actual_end, status, status_reason, recognized, ects_credits, holds_place, version,
                      created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000c0001', '5eed0000-0000-4000-8000-0000000b0002', 'STUDENT_EXCHANGE', '2026/2027',
  'SENDING_TO_RECEIVING', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', '5eed0000-0000-4000-8000-0000000e0001', 6, '0613',
  '2027-02-01', '2027-06-30', NULL, NULL, 'NOMINATED', NULL, NULL, NULL, false, 0, '2026-04-02T00:00:00Z', '2026-04-02T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0002', '5eed0000-0000-4000-8000-0000000b0002', 'STUDENT_EXCHANGE', '2026/2027',
  'SENDING_TO_RECEIVING', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', '5eed0000-0000-4000-8000-0000000e0002', 7, '0613',
  '2026-09-01', '2027-01-31', NULL, NULL, 'ACCEPTED', NULL, NULL, NULL, true, 1, '2026-04-03T00:00:00Z', '2026-05-10T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0003', '5eed0000-0000-4000-8000-0000000b0001', 'TEACHER_EXCHANGE', '2025/2026',
  'SENDING_TO_RECEIVING', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', '5eed0000-0000-4000-8000-0000000e0003', NULL, '0533',
  '2025-11-03', '2025-11-16', '2025-11-03', '2025-11-16', 'COMPLETED', NULL, true, NULL, true, 3, '2025-09-01T00:00:00Z', '2025-11-20T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0004', '5eed0000-0000-4000-8000-0000000b0002', 'STUDENT_EXCHANGE', '2026/2027',
  'SENDING_TO_RECEIVING', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', '5eed0000-0000-4000-8000-0000000e0004', 6, '0613',
  '2026-09-01', '2027-01-31', NULL, NULL, 'REJECTED', 'Language requirement (B2) not met', NULL, NULL, false, 1, '2026-04-05T00:00:00Z', '2026-05-10T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0005', '5eed0000-0000-4000-8000-0000000b0002', 'STUDENT_EXCHANGE', '2026/2027',
  'SENDING_TO_RECEIVING', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', '5eed0000-0000-4000-8000-0000000e0005', 7, '0613',
  '2026-09-01', '2027-01-31', NULL, NULL, 'ACCEPTED', NULL, NULL, NULL, true, 1, '2026-04-06T00:00:00Z', '2026-05-12T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0006', '5eed0000-0000-4000-8000-0000000b0002', 'STUDENT_EXCHANGE', '2026/2027',
  'SENDING_TO_RECEIVING', 'qau.edu.pk', 'PK', 'bsu.by', 'BY', '5eed0000-0000-4000-8000-0000000e0006', 6, '0613',
  '2026-09-01', '2027-01-31', '2026-09-01', NULL, 'IN_MOBILITY', NULL, NULL, NULL, true, 2, '2026-04-04T00:00:00Z', '2026-09-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO scholarship (id, code, title, funder, amount, currency, awards, awarded, eligible_eqf_levels,
                         eligible_isced_codes, eligible_directions, version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000d0001', 'MOST/PK-BY/2026',
  '{"en": "Ministry of Science and Technology scholarship for graduate study in Belarus"}', 'most.gov.pk', 450000.00, 'PKR',
  10, 1, '[7, 8]', '[]', '[{"from": "PK", "to": "BY"}]', 0, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z')
ON CONFLICT DO NOTHING;

-- The Ministry of Science and Technology is no institution of these mobilities: it awards only to mobilities whose
-- institution applied. qau.edu.pk applied for ...0c0002 (awarded below); ...0c0005 (accepted, eligible) has not applied
-- yet: the OpenAPI examples apply for it, then award it.
INSERT INTO scholarship_application (id, scholarship_id, mobility_id, applied_by, applied_at) VALUES
 ('5eed0000-0000-4000-8000-0000000d2001', '5eed0000-0000-4000-8000-0000000d0001', '5eed0000-0000-4000-8000-0000000c0002',
  'qau.edu.pk', '2026-05-11T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO scholarship_award (id, scholarship_id, mobility_id, participant_id, awarded_at) VALUES
 ('5eed0000-0000-4000-8000-0000000d1001', '5eed0000-0000-4000-8000-0000000d0001', '5eed0000-0000-4000-8000-0000000c0002',
  '5eed0000-0000-4000-8000-0000000e0002', '2026-05-15T00:00:00Z')
ON CONFLICT DO NOTHING;

-- Re-running the seed over an older copy may add a mobility that holds a place; the counters stay the truth: the
-- places taken are the seeded programmes' mobilities that hold one.
UPDATE program_quota q
   SET accepted = (SELECT count(*) FROM mobility m
                    WHERE m.program_id = q.program_id AND m.academic_year = q.academic_year AND m.direction = q.direction
                      AND m.holds_place)
 WHERE q.program_id IN ('5eed0000-0000-4000-8000-0000000b0001', '5eed0000-0000-4000-8000-0000000b0002',
                        '5eed0000-0000-4000-8000-0000000b0003', '5eed0000-0000-4000-8000-0000000b0004',
                        '5eed0000-0000-4000-8000-0000000b0005', '5eed0000-0000-4000-8000-0000000b0006');
