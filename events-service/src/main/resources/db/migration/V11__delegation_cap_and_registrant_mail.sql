-- Issue 24, item 4: people registered by someone else are told, and stay in control.
--
-- An organizer may cap the seats all delegations of one organization take at an event together (null: no cap), so
-- that no partner fills an event with addresses it does not control.
ALTER TABLE event ADD COLUMN delegation_seat_cap INTEGER CHECK (delegation_seat_cap > 0);

-- A delegation member sees and cancels their own registration through a link mailed to them. The link carries a
-- random token; only its SHA-256 (hex) is kept here, so a copy of the database opens no registration. Erasure blanks it.
ALTER TABLE registration ADD COLUMN self_service_token_hash VARCHAR(64);

-- The mails still to send, written in the registration's transaction (so only committed registrations are mailed)
-- and sent after commit by the mail job, retried with growing delays. The token is here only until the mail is sent:
-- the row is deleted then, or when the registration's personal data is erased. `last_error` holds the SMTP failure
-- class and reply code, never the message (it may quote the address).
CREATE TABLE registrant_mail (
    registration_id  UUID          PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
    token            VARCHAR(64)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    last_error       VARCHAR(200),
    created_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX registrant_mail_due ON registrant_mail (next_attempt_at);
