-- Organizations are retired, never deleted (issue 17): a retired copy stays so that records naming it keep resolving,
-- and its status refuses new ones. Every copy kept so far is active (a removed organization's copy was deleted). The
-- projection always writes the status; the default stays for rows written directly, such as bench/data/exchange.sql.
ALTER TABLE organization_projection ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'ACTIVE';
