-- An outbox row the broker keeps refusing (its topic missing or denied by an ACL, a record too large) is parked after
-- registry.events.relay.park-after-attempts attempts, together with the later rows of the same aggregate so that its
-- events never leave out of order; every other aggregate keeps flowing. Operators list and release parked rows
-- (GET /api/v1/operations/outbox/parked, POST …/{id}/release).
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
CREATE INDEX outbox_event_parked ON outbox_event (aggregate_type, aggregate_id, position) WHERE parked_at IS NOT NULL;
CREATE INDEX outbox_event_aggregate ON outbox_event (aggregate_type, aggregate_id, position);
