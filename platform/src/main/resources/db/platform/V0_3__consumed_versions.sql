-- Platform table, present in every service's schema: the newest version of each other-service aggregate this service
-- has applied. Lets a projection ignore stale events that arrive late, and notice gaps.
CREATE TABLE consumed_aggregate_version (
    aggregate_type  VARCHAR(100)  NOT NULL,
    aggregate_id    VARCHAR(200)  NOT NULL,
    version         BIGINT        NOT NULL,
    applied_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_type, aggregate_id)
);
