-- The lineage of this service's database, as the relay last saw it. A restore from a backup (or a failover that lost
-- transactions) takes aggregate versions back; the relay notices that the database's identity (system identifier and
-- timeline, both moved by a restore or a promotion) differs from the newest row here, which came back with the backup,
-- and starts a new epoch. Every event carries its epoch (ce_aggregateepoch), and consumers order by (epoch, version), so
-- the restored producer's new events are never dropped as stale.
CREATE TABLE producer_epoch (
    epoch              BIGINT        PRIMARY KEY,
    system_identifier  VARCHAR(40)   NOT NULL,
    timeline           INTEGER       NOT NULL,
    began_at           TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- Consumers: the epoch of the newest applied version (0 for events published before epochs existed).
ALTER TABLE consumed_aggregate_version ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0;
