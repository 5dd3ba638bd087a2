-- Platform table, present in every service's schema: who changed which record, when, and how. Every write appends an
-- entry in its own transaction (an announced event's entry is written beside its outbox row), so the log and the data
-- never disagree. Entries are never changed: the trigger below refuses UPDATE and TRUNCATE always, and DELETE unless
-- the retention pruning asked for it in its own transaction (set_config('registry.change_log_pruning', 'on', true)).
-- It guards against mistakes and tools, not against the service's own database role, which could drop the trigger:
-- an operator who needs that guarantee revokes DDL from the role after migration.
--
-- Order. `position` is taken at insert, so a transaction that began earlier may commit a lower position after a
-- reader saw a higher one. The change feed therefore orders by (txid, position) and only serves entries whose
-- transaction id lies below the oldest transaction still running (pg_snapshot_xmin): no entry can ever appear before
-- a cursor a partner already holds. History (one record's entries) orders by position alone: writes to one record are
-- serialised by its row lock.
CREATE TABLE change_log (
    position            BIGINT        GENERATED ALWAYS AS IDENTITY,
    txid                XID8          NOT NULL DEFAULT pg_current_xact_id(),
    recorded_at         TIMESTAMPTZ   NOT NULL,
    actor_subject       VARCHAR(300)  NOT NULL,
    actor_organization  VARCHAR(253),
    actor_role          VARCHAR(20)   NOT NULL,
    operation           VARCHAR(120)  NOT NULL,
    request_id          VARCHAR(100),
    record_type         VARCHAR(100)  NOT NULL,
    record_id           VARCHAR(200)  NOT NULL,
    record_version      BIGINT        NOT NULL,
    -- The announced event (its CloudEvent id and type) when the write announced one; NULL for a write that changes
    -- no published state (its entry is then in the history only, never in the feed or a webhook).
    event_id            UUID,
    event_type          VARCHAR(200),
    -- The event's payload, or a field diff for a write without an event.
    change              TEXT          NOT NULL,
    -- A deletion, retirement or erasure: the record is gone (or frozen) for whoever followed it.
    tombstone           BOOLEAN       NOT NULL DEFAULT false,
    -- Who may see the entry in the feed: NULL for everyone, else the organisations (registrars see everything).
    audience            TEXT[],
    PRIMARY KEY (position),
    CONSTRAINT change_log_event_whole CHECK ((event_id IS NULL) = (event_type IS NULL))
);
CREATE INDEX change_log_feed ON change_log (txid, position) WHERE event_type IS NOT NULL;
CREATE INDEX change_log_record ON change_log (record_type, record_id, position);
CREATE INDEX change_log_recorded_at ON change_log (recorded_at);

CREATE FUNCTION change_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('registry.change_log_pruning', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'change_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- Per statement, so that even a statement matching no row is refused (and the pruning's deletes cost one check).
CREATE TRIGGER change_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_append_only();
