-- Demo events from the background article (loaded when registry.seed.enabled=true). Stable ids used by the OpenAPI
-- examples: events ...0e0a0N, registrations ...0e0b0N. Times are stored in UTC; the zones are the hosts'.
-- The article's events were entered by the registrar, which binds every organizer it names and may link any agreement
-- or programme: all their organizers consented (`organizers`). The draft workshop ...0e0a05 of pu.edu.pk, about the
-- researcher-stay programme it accepted, invites bsuir.by, which has not accepted yet (`invited_organizers`): only those
-- two and registrars see it (the OpenAPI example of POST /events/{id}/acceptances, and of publishing a draft). The
-- CPEC media conference ...0e0a06 took place in October 2026 and has not been marked completed yet (the example of
-- POST /events/{id}/completion; the completion job, REGISTRY_EVENT_COMPLETION_EVERY, marks it once it runs). The
-- registration ...0e0b04 for the moderated signing ceremony awaits the organizers (the approval and decline examples).
INSERT INTO event (id, code, kind, title, description, organizers, format, venue_name, venue_city, venue_country, join_url,
                   time_zone, starts_at, ends_at, status, cancellation_reason, reschedules, sequence, linked_agreements,
                   linked_programs, registration_opens_at, registration_closes_at, capacity, moderated, version,
                   created_at, updated_at, published_at, invited_organizers) VALUES
 ('5eed0000-0000-4000-8000-0000000e0a01', 'PK-BY/WEBINAR/2027-02', 'WEBINAR',
  '{"en": "Pakistan–Belarus webinar on academic cooperation", "ru": "Пакистано-белорусский вебинар об академическом сотрудничестве", "ur": "پاکستان بیلاروس تعلیمی تعاون پر ویبینار"}',
  '{"en": "Researchers of both countries on joint physics projects and exchanges under the science and technology memorandum."}',
  '["ncp.edu.pk"]', 'ONLINE', NULL, NULL, NULL, 'https://meet.example.org/pk-by-academic-webinar',
  'Asia/Karachi', '2027-02-10T09:00:00Z', '2027-02-10T11:00:00Z', 'PUBLISHED', NULL, '[]', 0,
  '["5eed0000-0000-4000-8000-0000000a0002"]', '["5eed0000-0000-4000-8000-0000000b0001"]',
  '2026-11-01T00:00:00Z', NULL, 100, false, 1, '2026-10-20T00:00:00Z', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', '[]'),
 ('5eed0000-0000-4000-8000-0000000e0a02', 'CPEC/SEMINAR/2027-03', 'SEMINAR',
  '{"en": "Seminar on CPEC connectivity", "zh": "中巴经济走廊互联互通研讨会", "ur": "سی پیک رابطہ کاری پر سیمینار"}',
  '{"en": "Transport, digital and energy links along the China–Pakistan Economic Corridor."}',
  '["comsats.edu.pk"]', 'IN_PERSON', 'COMSATS University, Park Road', 'Islamabad', 'PK', NULL,
  'Asia/Karachi', '2027-03-15T05:00:00Z', '2027-03-15T11:00:00Z', 'PUBLISHED', NULL, '[]', 0,
  '["5eed0000-0000-4000-8000-0000000a0004"]', '["5eed0000-0000-4000-8000-0000000b0004"]',
  NULL, NULL, 60, false, 1, '2026-11-05T00:00:00Z', '2026-11-10T00:00:00Z', '2026-11-10T00:00:00Z', '[]'),
 ('5eed0000-0000-4000-8000-0000000e0a03', 'REGIONAL/SUMMIT/2027', 'SUMMIT',
  '{"en": "Regional summit on science and technology cooperation", "ru": "Региональный саммит по научно-техническому сотрудничеству", "be": "Рэгіянальны саміт па навукова-тэхнічным супрацоўніцтве"}',
  '{"en": "Ministerial delegations from Pakistan, Belarus and Central Asia."}',
  '["gknt.gov.by", "most.gov.pk"]', 'HYBRID', 'National Library of Belarus', 'Minsk', 'BY', 'https://meet.example.org/regional-summit-2027',
  'Europe/Minsk', '2027-05-20T07:00:00Z', '2027-05-21T15:00:00Z', 'PUBLISHED', NULL, '[]', 0,
  '["5eed0000-0000-4000-8000-0000000a0002"]', '[]',
  '2026-11-15T00:00:00Z', '2027-05-13T21:00:00Z', 200, false, 1, '2026-11-01T00:00:00Z', '2026-11-15T00:00:00Z', '2026-11-15T00:00:00Z', '[]'),
 ('5eed0000-0000-4000-8000-0000000e0a04', 'QAU-BSU/SIGNING/2027', 'SIGNING_CEREMONY',
  '{"en": "Signing of the memorandum on academic exchange between Quaid-i-Azam University and Belarusian State University"}',
  '{}',
  '["qau.edu.pk", "bsu.by"]', 'IN_PERSON', 'Quaid-i-Azam University, Senate Hall', 'Islamabad', 'PK', NULL,
  'Asia/Karachi', '2027-01-20T06:00:00Z', '2027-01-20T07:30:00Z', 'PUBLISHED', NULL, '[]', 0,
  '["5eed0000-0000-4000-8000-0000000a0001"]', '[]',
  NULL, NULL, 40, true, 1, '2026-11-20T00:00:00Z', '2026-11-21T00:00:00Z', '2026-11-21T00:00:00Z', '[]'),
 ('5eed0000-0000-4000-8000-0000000e0a05', 'PU-BSUIR/WORKSHOP/2027', 'WORKSHOP',
  '{"en": "Workshop on joint research in microelectronics (draft)"}',
  '{"en": "Planning the first research stays of the Punjab University – BSUIR programme."}',
  '["pu.edu.pk"]', 'ONLINE', NULL, NULL, NULL, 'https://meet.example.org/pu-bsuir-workshop',
  'Europe/Minsk', '2027-09-15T08:00:00Z', '2027-09-15T12:00:00Z', 'DRAFT', NULL, '[]', 0,
  '[]', '["5eed0000-0000-4000-8000-0000000b0003"]',
  NULL, NULL, 30, false, 0, '2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z', NULL, '["bsuir.by"]'),
 ('5eed0000-0000-4000-8000-0000000e0a06', 'CPEC/CONFERENCE/2026-10', 'CONFERENCE',
  '{"en": "Conference on media and connectivity along the China–Pakistan Economic Corridor", "zh": "中巴经济走廊媒体与互联互通会议"}',
  '{"en": "Researchers of the Communication University of China and COMSATS on media and people-to-people contacts."}',
  '["cuc.edu.cn", "comsats.edu.pk"]', 'IN_PERSON', 'Communication University of China', 'Beijing', 'CN', NULL,
  'Asia/Shanghai', '2026-10-20T01:00:00Z', '2026-10-20T09:00:00Z', 'PUBLISHED', NULL, '[]', 0,
  '[]', '[]',
  NULL, NULL, 120, false, 1, '2026-08-01T00:00:00Z', '2026-08-10T00:00:00Z', '2026-08-10T00:00:00Z', '[]')
ON CONFLICT DO NOTHING;

INSERT INTO event_session (id, event_id, title, starts_at, ends_at, room, speakers, topics, created_at) VALUES
 ('5eed0000-0000-4000-8000-0000000e0c01', '5eed0000-0000-4000-8000-0000000e0a01', '{"en": "Opening remarks"}',
  '2027-02-10T09:00:00Z', '2027-02-10T09:20:00Z', 'Main channel',
  '[{"name": "Director, National Centre for Physics", "affiliation": "ncp.edu.pk"}]', '["Science and technology memorandum"]', '2026-11-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0c02', '5eed0000-0000-4000-8000-0000000e0a01', '{"en": "Joint physics projects and teacher exchange"}',
  '2027-02-10T09:20:00Z', '2027-02-10T11:00:00Z', 'Main channel',
  '[{"name": "Head of the Physics Faculty", "affiliation": "Belarusian State University"}, {"name": "Chair, Department of Physics", "affiliation": "Quaid-i-Azam University"}]',
  '["Physics (ISCED 0533)", "Teacher exchange"]', '2026-11-01T00:00:00Z')
ON CONFLICT DO NOTHING;

INSERT INTO registration (id, event_id, participant_key, name, email, organization, delegation_id, registered_by, status,
                          queued_at, checked_in_at, version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-0000000e0b01', '5eed0000-0000-4000-8000-0000000e0a01', 'system@bsu.by@bsu.by', 'International Office, BSU',
  'international@example.org', 'bsu.by', NULL, 'system@bsu.by@bsu.by', 'CONFIRMED', '2026-11-02T08:00:00Z', NULL, 0, '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0b02', '5eed0000-0000-4000-8000-0000000e0a03', 'mailto:delegate.one@example.org', 'Head of delegation, MoST',
  'delegate.one@example.org', 'most.gov.pk', '5eed0000-0000-4000-8000-0000000e0d01', 'system@most.gov.pk@most.gov.pk', 'CONFIRMED', '2026-11-16T08:00:00Z', NULL, 0, '2026-11-16T08:00:00Z', '2026-11-16T08:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0b03', '5eed0000-0000-4000-8000-0000000e0a03', 'mailto:delegate.two@example.org', 'Adviser, MoST',
  'delegate.two@example.org', 'most.gov.pk', '5eed0000-0000-4000-8000-0000000e0d01', 'system@most.gov.pk@most.gov.pk', 'CONFIRMED', '2026-11-16T08:00:00.001Z', NULL, 0, '2026-11-16T08:00:00Z', '2026-11-16T08:00:00Z'),
 ('5eed0000-0000-4000-8000-0000000e0b04', '5eed0000-0000-4000-8000-0000000e0a04', 'mailto:physics.dean@example.org', 'Dean of the Faculty of Physics, BSU',
  'physics.dean@example.org', 'bsu.by', NULL, 'system@bsu.by@bsu.by', 'PENDING', '2026-11-22T09:00:00Z', NULL, 0, '2026-11-22T09:00:00Z', '2026-11-22T09:00:00Z')
ON CONFLICT DO NOTHING;
