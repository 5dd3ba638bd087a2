-- Demo literature (issue 21; loaded when registry.seed.enabled=true, after db/seed/events.sql). Stable ids used by the
-- OpenAPI examples: publications ...0e2a0N. The joint ventures are those agreements-service seeds (db/seed/ventures.sql
-- there, ids ...0b000N), as this service would have heard of them from registry.venture.v1 (seeded without events).
-- The background article is publication ...0e2a01, published by the Communication University of China (cuc.edu.cn: the
-- article's Pakistan Research Center is not an organization of the directory, so its publisher is the university it
-- was established with). Authors are the bylines of published works.
INSERT INTO venture_projection (venture_id, code, name, status, version, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000b0001', 'PK-BY/JL/2022/PHOTONICS', '{"en": "Pakistan-Belarus Joint Laboratory of Photonics", "ru": "Пакистано-белорусская совместная лаборатория фотоники"}', 'OPERATING', 3, '2023-01-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0002', 'TM-AF-PK-IN/IP/2015/TAPI', '{"en": "Turkmenistan-Afghanistan-Pakistan-India gas pipeline (TAPI)"}', 'ESTABLISHED', 2, '2024-02-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000b0003', 'KG-TJ-AF-PK/IP/2016/CASA-1000', '{"en": "CASA-1000 electricity transmission project"}', 'ESTABLISHED', 2, '2024-06-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO publication (id, kind, title, abstract, authors, publisher, published_year, languages, doi, url,
                         linked_events, linked_agreements, linked_ventures, version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000e2a01', 'ARTICLE',
  'Enhancing Regional Engagements: Exploring Grounds for Joint Ventures between Pakistan and Belarus',
  '{"en": "Prospects of regional cooperation among the countries of the Eurasian region and Pakistan: connectivity, academic networks, awareness programs and joint ventures between Pakistan and Belarus.", "zh": "加强地区交往：探索巴基斯坦与白俄罗斯合资合作的基础"}',
  '[{"name": "Khalid Taimur Akram", "affiliation": "cuc.edu.cn"}]', 'cuc.edu.cn', 2021, '["en"]', NULL,
  'https://www.cuc.edu.cn/ics/pk-by-joint-ventures-2021',
  '[]', '["5eed0000-0000-4000-8000-0000000a0002"]', '["5eed0000-0000-4000-8000-0000000b0001"]', 0,
  '2021-09-08T00:00:00Z', '2021-09-08T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e2a02', 'PROCEEDINGS',
  'Proceedings of the Conference on Media and Connectivity along the China–Pakistan Economic Corridor',
  '{"en": "Papers of the Beijing conference of October 2026 on media and people-to-people contacts.", "zh": "中巴经济走廊媒体与互联互通会议论文集", "ur": "چین پاکستان اقتصادی راہداری پر میڈیا اور رابطہ کاری کانفرنس کی روداد"}',
  '[{"name": "Editorial board, Communication University of China", "affiliation": "cuc.edu.cn"}, {"name": "Department of Media Studies", "affiliation": "comsats.edu.pk"}]',
  'cuc.edu.cn', 2026, '["en", "zh"]', '10.5555/cuc.cpec.2026', NULL,
  '["5eed0000-0000-4000-8000-0000000e0a06"]', '[]', '[]', 0, '2026-11-15T00:00:00Z', '2026-11-15T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e2a03', 'AGREEMENT_COMMENTARY',
  'The Pakistan–Belarus memorandum on science and technology: what was promised and what was delivered',
  '{"en": "A commentary on the ministries'' memorandum and its implementation plan.", "ru": "Комментарий к меморандуму о научно-техническом сотрудничестве Пакистана и Беларуси.", "be": "Каментарый да мемарандума аб навукова-тэхнічным супрацоўніцтве."}',
  '[{"name": "Science policy unit", "affiliation": "most.gov.pk"}]', 'most.gov.pk', 2026, '["en", "ru"]', NULL,
  'https://www.most.gov.pk/publications/pk-by-st-mou-commentary',
  '[]', '["5eed0000-0000-4000-8000-0000000a0002"]', '["5eed0000-0000-4000-8000-0000000b0001"]', 0,
  '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO consumed_aggregate_version (aggregate_type, aggregate_id, version) VALUES
 ('venture', '5eed0000-0000-4000-8000-0000000b0001', 3),
 ('venture', '5eed0000-0000-4000-8000-0000000b0002', 2),
 ('venture', '5eed0000-0000-4000-8000-0000000b0003', 2)
ON CONFLICT DO NOTHING;
