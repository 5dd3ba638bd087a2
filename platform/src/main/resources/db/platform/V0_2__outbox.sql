-- Platform table, present in every service's schema: domain events written in the same transaction as the state
-- change that caused them. The relay publishes rows to Kafka and deletes each one only after the broker acknowledged
-- it, so a committed change always yields its event and a rolled-back change never does.
CREATE TABLE outbox_event (
    id                 UUID          PRIMARY KEY,
    position           BIGSERIAL     NOT NULL,
    topic              VARCHAR(249)  NOT NULL,
    aggregate_type     VARCHAR(100)  NOT NULL,
    aggregate_id       VARCHAR(200)  NOT NULL,
    aggregate_version  BIGINT        NOT NULL,
    event_type         VARCHAR(200)  NOT NULL,
    payload            TEXT          NOT NULL,
    occurred_at        TIMESTAMPTZ   NOT NULL,
    trace_parent       VARCHAR(100),
    attempts           INTEGER       NOT NULL DEFAULT 0,
    last_error         VARCHAR(2000)
);
CREATE INDEX outbox_event_position ON outbox_event (position);

-- Wakes the relay at commit (NOTIFY is delivered only when the inserting transaction commits), so events leave
-- within milliseconds instead of waiting for the next poll.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_' || TG_TABLE_SCHEMA, '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- Consumers record each applied event id here in the same transaction as its effect: a redelivery changes nothing.
CREATE TABLE processed_event (
    consumer     VARCHAR(200)  NOT NULL,
    event_id     VARCHAR(200)  NOT NULL,
    processed_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
