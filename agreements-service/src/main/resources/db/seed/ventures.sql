-- Demo joint ventures and implementation plans from the background article, loaded when registry.seed.enabled=true (see
-- SeedData), after the organizations and agreements they name. Stable ids: the OpenAPI examples use ...0b0001 (the
-- PK-BY joint laboratory of photonics, operating, its plan with one overdue milestone: the suspension and plan
-- examples), ...0b0002 (TAPI, established, India's ministry still invited: the operation example), ...0b0004
-- (suspended: the resumption and dissolution example) and ...0b0005 (proposed by cuc.edu.cn, qau.edu.pk and bsu.by
-- invited, version 0: the acceptance, establishment and revision example); ...0b0007 is the article's publisher, the
-- research centre jointly established by prccsf.org.pk and the Communication University of China. Milestones ...0c0001-4 are the laboratory's
-- plan, ...0c0011-16 the plan of the PK-BY memorandum on science and technology (...0a0002: two done, one missed, one
-- dropped, one overdue, one planned), ...0c0021-22 TAPI's. Re-running inserts nothing that exists.
INSERT INTO venture (id, code, kind, status, names, description, partners, agreement_ids, fields, seat_country, seat_city,
                     committed_amount, committed_currency, disbursed_amount, disbursed_currency, established_on,
                     version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000b0001', 'PK-BY/JL/2022/PHOTONICS', 'JOINT_LABORATORY', 'OPERATING',
  '{"en": "Pakistan-Belarus Joint Laboratory of Photonics", "ru": "Пакистано-белорусская совместная лаборатория фотоники", "ur": "پاک بیلاروس مشترکہ فوٹونکس لیبارٹری"}',
  '{"en": "Laser physics and photonics research at Quaid-i-Azam University, with Belarusian State University''s equipment and the National Centre for Physics."}',
  '[{"organizationCode": "qau.edu.pk", "country": "PK", "role": "FOUNDER", "equitySharePercent": null, "inKind": "Laboratory premises and doctoral researchers", "acceptedOn": "2022-06-01"}, {"organizationCode": "bsu.by", "country": "BY", "role": "FOUNDER", "equitySharePercent": null, "inKind": "Femtosecond laser equipment", "acceptedOn": "2022-06-01"}, {"organizationCode": "ncp.edu.pk", "country": "PK", "role": "MEMBER", "equitySharePercent": null, "inKind": "Beam time at the National Centre for Physics", "acceptedOn": "2022-07-01"}]',
  '["5eed0000-0000-4000-8000-0000000a0002"]', '["SCIENCE_AND_TECHNOLOGY"]', 'PK', 'Islamabad', 450000.00, 'USD', 310000.00, 'USD', '2022-09-01', 3, '2022-05-10T00:00:00Z', '2023-01-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0002', 'TM-AF-PK-IN/IP/2015/TAPI', 'INFRASTRUCTURE_PROJECT', 'ESTABLISHED',
  '{"en": "Turkmenistan-Afghanistan-Pakistan-India gas pipeline (TAPI)", "ru": "Газопровод Туркменистан — Афганистан — Пакистан — Индия (ТАПИ)"}',
  '{"en": "A 1,814 km natural gas pipeline from the Galkynysh field to Fazilka, sponsored by the four countries; India''s participation awaits its acceptance."}',
  '[{"organizationCode": "turkmengas.gov.tm", "country": "TM", "role": "SPONSOR", "equitySharePercent": 85, "inKind": null, "acceptedOn": "2015-12-13"}, {"organizationCode": "momp.gov.af", "country": "AF", "role": "SPONSOR", "equitySharePercent": 5, "inKind": null, "acceptedOn": "2015-12-13"}, {"organizationCode": "mpd.gov.pk", "country": "PK", "role": "SPONSOR", "equitySharePercent": 5, "inKind": null, "acceptedOn": "2015-12-13"}, {"organizationCode": "mopng.gov.in", "country": "IN", "role": "SPONSOR", "equitySharePercent": 5, "inKind": null, "acceptedOn": null}]',
  '[]', '["ENERGY", "CONNECTIVITY_AND_INFRASTRUCTURE"]', 'TM', 'Ashgabat', 10000000000.00, 'USD', NULL, NULL, '2015-12-13', 2, '2015-12-01T00:00:00Z', '2024-02-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0003', 'KG-TJ-AF-PK/IP/2016/CASA-1000', 'INFRASTRUCTURE_PROJECT', 'ESTABLISHED',
  '{"en": "CASA-1000 electricity transmission project", "ru": "Проект передачи электроэнергии CASA-1000"}',
  '{"en": "Summer hydropower surplus from Kyrgyzstan and Tajikistan carried to Afghanistan and Pakistan over a 1,300 km high-voltage line."}',
  '[{"organizationCode": "minenergo.gov.kg", "country": "KG", "role": "SPONSOR", "equitySharePercent": null, "inKind": "Summer surplus hydropower", "acceptedOn": "2016-05-12"}, {"organizationCode": "mewr.gov.tj", "country": "TJ", "role": "SPONSOR", "equitySharePercent": null, "inKind": "Summer surplus hydropower", "acceptedOn": "2016-05-12"}, {"organizationCode": "mew.gov.af", "country": "AF", "role": "SPONSOR", "equitySharePercent": null, "inKind": "Transit corridor", "acceptedOn": "2016-05-12"}, {"organizationCode": "power.gov.pk", "country": "PK", "role": "SPONSOR", "equitySharePercent": null, "inKind": "Converter station at Nowshera", "acceptedOn": "2016-05-12"}]',
  '[]', '["ENERGY", "CONNECTIVITY_AND_INFRASTRUCTURE"]', 'TJ', 'Dushanbe', 1200000000.00, 'USD', 780000000.00, 'USD', '2016-05-12', 2, '2016-05-01T00:00:00Z', '2024-06-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0004', 'PK-BY/JD/2023/SE', 'JOINT_DEGREE', 'SUSPENDED',
  '{"en": "Double master''s degree in software engineering", "ru": "Программа двойного магистерского диплома по программной инженерии"}',
  '{"en": "Suspended while the programme is re-accredited in Belarus."}',
  '[{"organizationCode": "pu.edu.pk", "country": "PK", "role": "FOUNDER", "equitySharePercent": null, "inKind": "Teaching of the first year", "acceptedOn": "2023-03-01"}, {"organizationCode": "bsuir.by", "country": "BY", "role": "FOUNDER", "equitySharePercent": null, "inKind": "Teaching of the second year", "acceptedOn": "2023-03-01"}]',
  '[]', '["HIGHER_EDUCATION"]', 'BY', 'Minsk', NULL, NULL, NULL, NULL, '2023-09-01', 3, '2023-02-15T00:00:00Z', '2026-02-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0005', 'CN-PK-BY/JRC/2026/ECS', 'JOINT_RESEARCH_CENTRE', 'PROPOSED',
  '{"en": "Centre for Eurasian Communication Studies", "zh": "欧亚传播研究中心"}',
  '{"en": "Proposed by the Communication University of China, publisher of the article on joint ventures between Pakistan and Belarus: research on communication and awareness in Eurasian cooperation."}',
  '[{"organizationCode": "cuc.edu.cn", "country": "CN", "role": "HOST", "equitySharePercent": null, "inKind": "Premises and staff in Beijing", "acceptedOn": "2026-10-15"}, {"organizationCode": "qau.edu.pk", "country": "PK", "role": "FOUNDER", "equitySharePercent": null, "inKind": null, "acceptedOn": null}, {"organizationCode": "bsu.by", "country": "BY", "role": "FOUNDER", "equitySharePercent": null, "inKind": null, "acceptedOn": null}]',
  '[]', '["CULTURE", "HIGHER_EDUCATION"]', 'CN', 'Beijing', NULL, NULL, NULL, NULL, NULL, 0, '2026-10-15T00:00:00Z', '2026-10-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0006', 'KZ-UZ-PK/AN/2025/CAUN', 'ACADEMIC_NETWORK', 'OPERATING',
  '{"en": "Central Asian University Network for Science Diplomacy", "ru": "Центральноазиатская университетская сеть научной дипломатии"}',
  '{"en": "Kazakh, Uzbek and Pakistani universities sharing doctoral courses and summer schools, sponsored by Kazakhstan''s ministry."}',
  '[{"organizationCode": "kaznu.kz", "country": "KZ", "role": "HOST", "equitySharePercent": null, "inKind": "Secretariat in Almaty", "acceptedOn": "2025-01-20"}, {"organizationCode": "nuu.uz", "country": "UZ", "role": "MEMBER", "equitySharePercent": null, "inKind": null, "acceptedOn": "2025-01-20"}, {"organizationCode": "qau.edu.pk", "country": "PK", "role": "MEMBER", "equitySharePercent": null, "inKind": null, "acceptedOn": "2025-02-01"}, {"organizationCode": "sci.gov.kz", "country": "KZ", "role": "SPONSOR", "equitySharePercent": null, "inKind": "Travel grants", "acceptedOn": "2025-01-20"}]',
  '[]', '["HIGHER_EDUCATION", "SCIENCE_AND_TECHNOLOGY"]', 'KZ', 'Almaty', 250000.00, 'USD', 120000.00, 'USD', '2025-02-01', 5, '2025-01-20T00:00:00Z', '2025-09-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0007', 'CN-PK/JRC/2021/CSF', 'JOINT_RESEARCH_CENTRE', 'OPERATING',
  '{"en": "Pakistan Research Center for a Community with Shared Future", "zh": "人类命运共同体研究院巴基斯坦研究中心"}',
  '{"en": "Jointly established with the Communication University of China; publisher of the article “Enhancing Regional Engagements: Exploring Grounds for Joint Ventures between Pakistan and Belarus” (8 September 2021)."}',
  '[{"organizationCode": "cuc.edu.cn", "country": "CN", "role": "FOUNDER", "equitySharePercent": null, "inKind": "Premises and faculty in Beijing", "acceptedOn": "2021-01-15"}, {"organizationCode": "prccsf.org.pk", "country": "PK", "role": "FOUNDER", "equitySharePercent": null, "inKind": "Research staff in Islamabad", "acceptedOn": "2021-01-15"}]',
  '[]', '["CULTURE", "HIGHER_EDUCATION"]', 'PK', 'Islamabad', NULL, NULL, NULL, NULL, NULL, 1, '2021-01-15T00:00:00Z', '2021-09-08T00:00:00Z')
ON CONFLICT (id) DO NOTHING;

INSERT INTO milestone (id, subject_type, subject_id, title, responsible_organization, due_on, status, evidence, version,
                       created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000c0001', 'VENTURE', '5eed0000-0000-4000-8000-0000000b0001', '{"en": "Laboratory equipped and commissioned"}', 'qau.edu.pk', '2022-12-31', 'DONE', '["https://qau.edu.pk/news/photonics-laboratory-commissioned"]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0002', 'VENTURE', '5eed0000-0000-4000-8000-0000000b0001', '{"en": "First joint paper published"}', 'bsu.by', '2023-12-31', 'DONE', '["https://bsu.by/news/photonics-joint-paper"]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0003', 'VENTURE', '5eed0000-0000-4000-8000-0000000b0001', '{"en": "Joint doctoral programme in photonics admits its first cohort"}', 'qau.edu.pk', '2027-09-01', 'PLANNED', '[]', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0004', 'VENTURE', '5eed0000-0000-4000-8000-0000000b0001', '{"en": "Second femtosecond laser installed"}', 'bsu.by', '2026-06-30', 'PLANNED', '[]', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0011', 'AGREEMENT', '5eed0000-0000-4000-8000-0000000a0002', '{"en": "Joint working group on science and technology holds its first session", "ru": "Первое заседание совместной рабочей группы по науке и технологиям"}', 'most.gov.pk', '2021-12-31', 'DONE', '["https://most.gov.pk/news/pk-by-joint-working-group-2021"]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0012', 'AGREEMENT', '5eed0000-0000-4000-8000-0000000a0002', '{"en": "Joint call for research proposals published"}', 'gknt.gov.by', '2022-06-30', 'DONE', '["https://gknt.gov.by/news/joint-call-pakistan-2022"]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0013', 'AGREEMENT', '5eed0000-0000-4000-8000-0000000a0002', '{"en": "Ten joint research projects funded"}', 'most.gov.pk', '2027-06-30', 'PLANNED', '[]', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0014', 'AGREEMENT', '5eed0000-0000-4000-8000-0000000a0002', '{"en": "Exchange of twenty scientists completed"}', 'gknt.gov.by', '2024-12-31', 'MISSED', '[]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0015', 'AGREEMENT', '5eed0000-0000-4000-8000-0000000a0002', '{"en": "Technology transfer office opened in Islamabad"}', 'most.gov.pk', '2026-03-31', 'PLANNED', '[]', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0016', 'AGREEMENT', '5eed0000-0000-4000-8000-0000000a0002', '{"en": "Joint science and technology exhibition in Minsk"}', 'gknt.gov.by', '2023-10-31', 'DROPPED', '[]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0021', 'VENTURE', '5eed0000-0000-4000-8000-0000000b0002', '{"en": "Turkmen section of the pipeline completed"}', 'turkmengas.gov.tm', '2019-12-31', 'DONE', '["https://www.turkmenistan.gov.tm/en/post/tapi-turkmen-section"]', 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000c0022', 'VENTURE', '5eed0000-0000-4000-8000-0000000b0002', '{"en": "Construction of the Afghan section reaches Herat"}', 'momp.gov.af', '2027-12-31', 'PLANNED', '[]', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;
