-- Issue 15: naming is not binding. Each party in the agreement projection now records whether it consented to be named
-- (agreements-service's events say so in `consented`; a signatory by signing, any other role by its own acceptance).
-- Only consenting parties cover institutions. Parties projected before this migration came from events without the
-- field, so they get the value the producer's contract gives such events: a signatory counts as consented when it
-- signed, any other role as not consented.
UPDATE agreement_projection a
   SET parties = (
         SELECT jsonb_agg(
                  CASE WHEN p ? 'consented' THEN p
                       ELSE p || jsonb_build_object('consented', p ->> 'role' = 'SIGNATORY' AND coalesce((p ->> 'signed')::boolean, false))
                  END ORDER BY ordinality)
           FROM jsonb_array_elements(a.parties) WITH ORDINALITY AS e(p, ordinality))
 WHERE jsonb_typeof(a.parties) = 'array' AND jsonb_array_length(a.parties) > 0;
