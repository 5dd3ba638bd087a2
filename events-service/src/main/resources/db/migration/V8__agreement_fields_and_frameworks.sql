-- The agreement's fields of cooperation and frameworks, from the agreement events' `fields` and `frameworks`
-- (registry.agreement.v1), so that lists and statistics can filter and group by them through the agreement.
-- Rows projected before this column existed start empty: this service never kept the values and must not read
-- agreements-service's database for them; the next event about the agreement (any change carries its whole state)
-- fills them. The seeded agreements get theirs from db/agreement-projection/seed.sql.
ALTER TABLE agreement_projection
    ADD COLUMN fields     JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN frameworks JSONB NOT NULL DEFAULT '[]';
