-- Regional frameworks named in the background article, loaded when registry.seed.enabled=true. Membership dates are
-- left unknown where the registry has not verified them. SCO's are its founding (Shanghai, 15 June 2001) and the
-- accessions decided at its summits (Astana 9 June 2017: India, Pakistan; New Delhi, online, 4 July 2023: Iran;
-- Astana 4 July 2024: Belarus). BRI has no membership: countries take part through cooperation documents with China;
-- only Pakistan's (CPEC, from 2013) is listed.
INSERT INTO framework (id, code, names, description, members, version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000f0001', 'CPEC', '{"en": "China–Pakistan Economic Corridor", "zh": "中巴经济走廊", "ur": "چین پاکستان اقتصادی راہداری"}',
  '{"en": "Flagship corridor of the Belt and Road Initiative."}',
  '[{"country": "CN", "since": null, "until": null}, {"country": "PK", "since": null, "until": null}]', 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0002', 'CAREC', '{"en": "Central Asia Regional Economic Cooperation"}', '{}',
  '[{"country": "AF", "since": null, "until": null}, {"country": "AZ", "since": null, "until": null}, {"country": "CN", "since": null, "until": null}, {"country": "GE", "since": null, "until": null}, {"country": "KZ", "since": null, "until": null}, {"country": "KG", "since": null, "until": null}, {"country": "MN", "since": null, "until": null}, {"country": "PK", "since": null, "until": null}, {"country": "TJ", "since": null, "until": null}, {"country": "TM", "since": null, "until": null}, {"country": "UZ", "since": null, "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0003', 'EAEU', '{"en": "Eurasian Economic Union", "ru": "Евразийский экономический союз"}', '{}',
  '[{"country": "AM", "since": "2015", "until": null}, {"country": "BY", "since": "2015", "until": null}, {"country": "KZ", "since": "2015", "until": null}, {"country": "KG", "since": "2015", "until": null}, {"country": "RU", "since": "2015", "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0004', 'TAPI', '{"en": "Turkmenistan–Afghanistan–Pakistan–India pipeline"}', '{}',
  '[{"country": "TM", "since": null, "until": null}, {"country": "AF", "since": null, "until": null}, {"country": "PK", "since": null, "until": null}, {"country": "IN", "since": null, "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0005', 'CASA-1000', '{"en": "Central Asia–South Asia electricity transmission project"}', '{}',
  '[{"country": "KG", "since": null, "until": null}, {"country": "TJ", "since": null, "until": null}, {"country": "AF", "since": null, "until": null}, {"country": "PK", "since": null, "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0006', 'QTTA', '{"en": "Quadrilateral Traffic in Transit Agreement"}', '{}',
  '[{"country": "CN", "since": null, "until": null}, {"country": "PK", "since": null, "until": null}, {"country": "KZ", "since": null, "until": null}, {"country": "KG", "since": null, "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0007', 'APTTA', '{"en": "Afghanistan–Pakistan Transit Trade Agreement"}', '{}',
  '[{"country": "AF", "since": null, "until": null}, {"country": "PK", "since": null, "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0008', 'SCO', '{"en": "Shanghai Cooperation Organisation", "zh": "上海合作组织", "ru": "Шанхайская организация сотрудничества"}',
  '{"en": "Intergovernmental organisation for security, economic and cultural cooperation, founded in Shanghai in 2001."}',
  '[{"country": "CN", "since": "2001-06-15", "until": null}, {"country": "KZ", "since": "2001-06-15", "until": null}, {"country": "KG", "since": "2001-06-15", "until": null}, {"country": "RU", "since": "2001-06-15", "until": null}, {"country": "TJ", "since": "2001-06-15", "until": null}, {"country": "UZ", "since": "2001-06-15", "until": null}, {"country": "IN", "since": "2017-06-09", "until": null}, {"country": "PK", "since": "2017-06-09", "until": null}, {"country": "IR", "since": "2023-07-04", "until": null}, {"country": "BY", "since": "2024-07-04", "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000f0009', 'BRI', '{"en": "Belt and Road Initiative", "zh": "一带一路"}',
  '{"en": "China''s initiative of 2013 for trade and infrastructure corridors (CPEC is its flagship). It has no membership: countries take part through cooperation documents with China, and only those the registry verified are listed."}',
  '[{"country": "CN", "since": "2013", "until": null}, {"country": "PK", "since": "2013", "until": null}]',
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;
