-- Ids of applied events are pruned after registry.events.consumer.processed-retention (ProcessedEventsPruning): the
-- hourly delete finds the old ones by this index instead of scanning the table.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
