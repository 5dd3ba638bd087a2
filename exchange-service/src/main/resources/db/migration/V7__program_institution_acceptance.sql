-- Issue 15: naming an institution does not bind it. A programme records which of its two institutions accepted it; the
-- creator's own accepts by creating (a registrar's creation binds both), the other is invited until its partner accepts.
-- Only accepted institutions manage the programme, and it opens only once both accepted.
ALTER TABLE program
    ADD COLUMN sending_accepted   BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN receiving_accepted BOOLEAN NOT NULL DEFAULT false;

-- Programmes from before the rule: who created them was not recorded. Those that ever opened have run with both
-- institutions acting in them (nominating, accepting mobilities), so both count as accepted; those still planned (or
-- suspended while planned) wait for both institutions' acceptance like any new invitation.
UPDATE program
   SET sending_accepted = true, receiving_accepted = true
 WHERE status <> 'PLANNED' AND NOT (status = 'SUSPENDED' AND suspended_from = 'PLANNED');

-- The invariant behind "a programme runs only between institutions that agreed to it", kept by the database too.
ALTER TABLE program ADD CONSTRAINT program_open_needs_both_acceptances
    CHECK (status <> 'OPEN' OR (sending_accepted AND receiving_accepted));
