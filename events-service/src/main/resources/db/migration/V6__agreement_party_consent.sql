-- One rule for consent in both consumers of agreement events (the projection is shared: agreements-events-client).
-- Each party in the agreement projection now records whether it consented to be named, as exchange-service has done
-- since its V6. Parties projected before this migration from events without the field get the value the producer's
-- schema gives such events: a signatory counts as consented when it signed, any other role as not consented (the rule
-- this service used to apply on every read).
UPDATE agreement_projection a
   SET parties = (
         SELECT jsonb_agg(
                  CASE WHEN p ? 'consented' THEN p
                       ELSE p || jsonb_build_object('consented', p ->> 'role' = 'SIGNATORY' AND coalesce((p ->> 'signed')::boolean, false))
                  END ORDER BY ordinality)
           FROM jsonb_array_elements(a.parties) WITH ORDINALITY AS e(p, ordinality))
 WHERE jsonb_typeof(a.parties) = 'array' AND jsonb_array_length(a.parties) > 0;
