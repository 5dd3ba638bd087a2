-- Demo data for the local stack and tests, loaded when registry.seed.enabled=true (see SeedData).
-- Stable ids: the OpenAPI examples use them. Re-running inserts nothing that exists.
INSERT INTO organization (id, code, kind, names, country, parent_id, version, created_at, updated_at) VALUES
 ('5eed0000-0000-4000-8000-000000000001', 'qau.edu.pk', 'UNIVERSITY', '{"en": "Quaid-i-Azam University", "ur": "قائداعظم یونیورسٹی"}', 'PK', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000002', 'bsu.by', 'UNIVERSITY', '{"en": "Belarusian State University", "be": "Беларускі дзяржаўны ўніверсітэт", "ru": "Белорусский государственный университет"}', 'BY', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000003', 'comsats.edu.pk', 'UNIVERSITY', '{"en": "COMSATS University Islamabad"}', 'PK', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000004', 'bsuir.by', 'UNIVERSITY', '{"en": "Belarusian State University of Informatics and Radioelectronics", "ru": "Белорусский государственный университет информатики и радиоэлектроники"}', 'BY', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000005', 'most.gov.pk', 'MINISTRY_OR_AGENCY', '{"en": "Ministry of Science and Technology, Pakistan", "ur": "وزارت سائنس و ٹیکنالوجی"}', 'PK', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000006', 'gknt.gov.by', 'MINISTRY_OR_AGENCY', '{"en": "State Committee on Science and Technology of the Republic of Belarus", "ru": "Государственный комитет по науке и технологиям Республики Беларусь"}', 'BY', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000007', 'pu.edu.pk', 'UNIVERSITY', '{"en": "University of the Punjab"}', 'PK', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000008', 'cuc.edu.cn', 'UNIVERSITY', '{"en": "Communication University of China", "zh": "中国传媒大学"}', 'CN', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
 ('5eed0000-0000-4000-8000-000000000009', 'ncp.edu.pk', 'RESEARCH_CENTRE', '{"en": "National Centre for Physics, Islamabad"}', 'PK', NULL, 0, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')
ON CONFLICT (id) DO NOTHING;
