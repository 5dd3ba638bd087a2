-- Platform tables, present in every service's schema: webhooks. A partner (or registrar) subscribes a URL to event
-- types; every announced change it may see becomes a delivery in the writing transaction (one INSERT … SELECT, no
-- call out of the process), and the dispatcher sends deliveries after commit, signed as Standard Webhooks says.

-- Who wants which events where. `secret` signs the deliveries (HMAC-SHA256); it is shown to the owner once, at
-- creation. `event_types` are exact types, families (`registry.agreement.*`) or `*`. A PAUSED subscription (its
-- receiver kept failing) still collects deliveries, sent once it is resumed; a DISABLED one (its receiver answered
-- 410 Gone) collects nothing.
CREATE TABLE webhook_subscription (
    id                  UUID          PRIMARY KEY,
    -- The partner organisation that owns it; NULL for a registrar's (registrar = true), which sees every record.
    owner_organization  VARCHAR(253),
    owner_subject       VARCHAR(300)  NOT NULL,
    registrar           BOOLEAN       NOT NULL,
    url                 VARCHAR(2000) NOT NULL,
    event_types         TEXT[]        NOT NULL,
    description         VARCHAR(500),
    secret              VARCHAR(100)  NOT NULL,
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'DISABLED')),
    status_reason       VARCHAR(2000),
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CHECK (registrar OR owner_organization IS NOT NULL)
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner_organization, created_at, id);
CREATE INDEX webhook_subscription_live ON webhook_subscription (status) WHERE status <> 'DISABLED';

-- One event for one subscription. `message_id` is the CloudEvent id (the `webhook-id` header): the same for every
-- subscription and every attempt, so a receiver deduplicates with it. `body` is the CloudEvent as sent. Deliveries of
-- one (subscription, record) leave in `position` order: only the oldest PENDING one (the head) is sent, the rest wait.
-- `claimed_until` is the lease of the dispatcher sending it: a dispatcher that dies leaves a lease that expires, and
-- the delivery is sent again (at least once).
CREATE TABLE webhook_delivery (
    id                  UUID          PRIMARY KEY,
    position            BIGINT        GENERATED ALWAYS AS IDENTITY,
    subscription_id     UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id          UUID          NOT NULL,
    event_type          VARCHAR(200)  NOT NULL,
    record_type         VARCHAR(100)  NOT NULL,
    record_id           VARCHAR(200)  NOT NULL,
    body                TEXT          NOT NULL,
    status              VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'CANCELLED')),
    attempts            INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ   NOT NULL,
    claimed_until       TIMESTAMPTZ,
    -- When the current run of failures began (NULL once delivered): what a paused subscription's reason names.
    failing_since       TIMESTAMPTZ,
    last_attempt_at     TIMESTAMPTZ,
    last_status_code    INTEGER,
    last_error          VARCHAR(2000),
    last_latency_ms     INTEGER,
    delivered_at        TIMESTAMPTZ,
    created_at          TIMESTAMPTZ   NOT NULL
);
-- The due heads: pending deliveries by due time (the dispatcher's claim).
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at, position) WHERE status = 'PENDING';
-- Per-record order: is there an older pending delivery of the same record for the same subscription?
CREATE INDEX webhook_delivery_record ON webhook_delivery (subscription_id, record_type, record_id, position)
    WHERE status = 'PENDING';
-- The delivery log of a subscription, newest first, and the retention pruning.
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, position);
CREATE INDEX webhook_delivery_created_at ON webhook_delivery (created_at) WHERE status <> 'PENDING';

-- Every attempt, with what the receiver answered (or why no answer came): the delivery log's detail.
CREATE TABLE webhook_attempt (
    id                  BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id         UUID          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at        TIMESTAMPTZ   NOT NULL,
    status_code         INTEGER,
    latency_ms          INTEGER,
    error               VARCHAR(2000)
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id);
CREATE INDEX webhook_attempt_attempted_at ON webhook_attempt (attempted_at);

-- Wakes the dispatchers at commit (NOTIFY is delivered only when the inserting transaction commits), so a delivery
-- leaves within milliseconds instead of waiting for the next poll. The fan-out runs on every announced change, most
-- of which match no subscription: only a statement that inserted a row notifies.
CREATE FUNCTION webhook_delivery_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inserted) THEN
        PERFORM pg_notify('webhooks_' || TG_TABLE_SCHEMA, '');
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER webhook_delivery_inserted AFTER INSERT ON webhook_delivery
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION webhook_delivery_notify();
