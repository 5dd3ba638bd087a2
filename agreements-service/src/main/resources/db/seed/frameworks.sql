-- Regional frameworks named in the background article, loaded when registry.seed.enabled=true. Membership dates are
-- left unknown where the registry has not verified them (SCO is not seeded until its membership dates are verified).
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
  0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;
