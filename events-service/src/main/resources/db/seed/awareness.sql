-- Demo awareness programmes from the background article's "awareness programs" (issue 21; loaded when
-- registry.seed.enabled=true, after db/seed/events.sql). Stable ids used by the OpenAPI examples: programmes ...0e1a0N.
-- The announced 2027 series of ncp.edu.pk and most.gov.pk groups the article's webinar, CPEC seminar and regional
-- summit (entered by the registrar, which binds every organizer it names); the signing ceremony ...0e0a04 is in no
-- programme yet (the example of POST /awareness-programmes/{id}/events). The draft ...0e1a02 of cuc.edu.cn invites
-- comsats.edu.pk, which has not accepted yet (the examples of announcing and accepting).
INSERT INTO awareness_programme (id, code, title, description, theme, audiences, organizers, invited_organizers,
                                 starts_on, ends_on, status, announced_at, events, version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000e1a01', 'PK-BY/AWARENESS/2027',
  '{"en": "Pakistan–Belarus cooperation awareness series 2027", "ru": "Серия мероприятий о пакистано-белорусском сотрудничестве 2027", "ur": "پاکستان بیلاروس تعاون آگاہی سلسلہ 2027"}',
  '{"en": "A webinar, a seminar and a summit on what the cooperation of Pakistan, Belarus and Central Asia can produce: joint ventures, academic networks and connectivity."}',
  'Joint ventures, academic networks and connectivity', '["ACADEMICS", "OFFICIALS", "STUDENTS"]',
  '["ncp.edu.pk", "most.gov.pk"]', '[]', '2027-01-01', '2027-12-31', 'ANNOUNCED', '2026-11-20T00:00:00Z',
  '["5eed0000-0000-4000-8000-0000000e0a01", "5eed0000-0000-4000-8000-0000000e0a02", "5eed0000-0000-4000-8000-0000000e0a03"]',
  1, '2026-11-18T00:00:00Z', '2026-11-20T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e1a02', 'CUC-COMSATS/MEDIA/2027',
  '{"en": "Media and people-to-people contacts along CPEC (draft)", "zh": "中巴经济走廊媒体与民心相通宣传活动（草案）"}',
  '{"en": "Talks for students and journalists on media cooperation between China and Pakistan."}',
  'Media and people-to-people contacts', '["MEDIA", "STUDENTS"]',
  '["cuc.edu.cn"]', '["comsats.edu.pk"]', '2027-03-01', '2027-10-31', 'DRAFT', NULL,
  '["5eed0000-0000-4000-8000-0000000e0a06"]',
  0, '2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z')
ON CONFLICT DO NOTHING;
