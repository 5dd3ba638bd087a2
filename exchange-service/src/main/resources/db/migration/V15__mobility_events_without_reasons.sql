-- Issue 24: mobility events no longer carry the rejection's or cancellation's reason, free text written about the
-- participant. The copies already made go too: in the change log (history and change feed: the one update the
-- append-only trigger lets through, platform V0_9), in events not yet relayed, and in webhook deliveries. The reason
-- stays in mobility.status_reason, for the mobility's institutions, until the participant's data is erased.
SELECT set_config('registry.change_log_erasure', 'on', true);
UPDATE change_log
   SET change = (change::jsonb - 'reason')::text
 WHERE record_type = 'mobility'
   AND event_type IS NOT NULL
   AND jsonb_typeof(change::jsonb) = 'object'
   AND change::jsonb ? 'reason';
SELECT set_config('registry.change_log_erasure', 'off', true);

UPDATE outbox_event
   SET payload = (payload::jsonb - 'reason')::text
 WHERE aggregate_type = 'mobility'
   AND jsonb_typeof(payload::jsonb) = 'object'
   AND payload::jsonb ? 'reason';

UPDATE webhook_delivery
   SET body = (body::jsonb #- '{data,reason}')::text
 WHERE record_type = 'mobility'
   AND jsonb_typeof(body::jsonb -> 'data') = 'object'
   AND body::jsonb -> 'data' ? 'reason';
