-- Issue 17: programmes follow their agreement in every state. A mobility accepted or under way when its programme's
-- agreement leaves force (suspended, terminated, expired) is flagged for its institutions' attention: why, and since
-- when. The flag stays through the mobility's later changes and is cleared when the agreement returns to force.
ALTER TABLE mobility
    ADD COLUMN attention_reason VARCHAR(30),
    ADD COLUMN attention_since  DATE,
    ADD CONSTRAINT mobility_attention_whole
        CHECK ((attention_reason IS NULL) = (attention_since IS NULL)),
    ADD CONSTRAINT mobility_attention_reason
        CHECK (attention_reason IN ('AGREEMENT_SUSPENDED', 'AGREEMENT_TERMINATED', 'AGREEMENT_EXPIRED',
                                    'AGREEMENT_NOT_IN_FORCE'));

-- GET /mobilities?attention=true pages through the flagged ones, oldest first.
CREATE INDEX mobility_attention ON mobility (created_at, id) WHERE attention_reason IS NOT NULL;

-- Mobilities already running under an agreement that is not in force were never flagged: flag them as the consumer
-- would have (a confidential agreement's status is not told), since the day this service learnt the agreement's
-- status. No event announces these: they predate the event types.
UPDATE mobility m
   SET attention_reason = CASE
           WHEN a.visibility = 'CONFIDENTIAL' THEN 'AGREEMENT_NOT_IN_FORCE'
           WHEN a.status = 'SUSPENDED' THEN 'AGREEMENT_SUSPENDED'
           WHEN a.status = 'TERMINATED' THEN 'AGREEMENT_TERMINATED'
           WHEN a.status = 'EXPIRED' THEN 'AGREEMENT_EXPIRED'
           ELSE 'AGREEMENT_NOT_IN_FORCE' END,
       attention_since = (a.updated_at AT TIME ZONE 'UTC')::date
  FROM program p
  JOIN agreement_projection a ON a.agreement_id = p.agreement_id
 WHERE p.id = m.program_id
   AND m.status IN ('ACCEPTED', 'IN_MOBILITY')
   AND a.status <> 'IN_FORCE';
