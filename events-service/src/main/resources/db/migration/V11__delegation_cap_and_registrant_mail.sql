-- Issue 24, item 4: people registered by someone else are told, and stay in control.
--
-- An organizer may cap the seats all delegations of one organization take at an event together (null: no cap), so
-- that no partner fills an event with addresses it does not control.
ALTER TABLE event ADD COLUMN delegation_seat_cap INTEGER CHECK (delegation_seat_cap > 0);

-- A delegation member sees and cancels their own registration through a link mailed to them. The link carries a
-- random token; the registration keeps only its SHA-256 (hex), and the mail row below holds the token itself only until
-- the mail is sent. Erasure blanks the hash.
ALTER TABLE registration ADD COLUMN self_service_token_hash VARCHAR(64);

-- The mails still to send, written in the registration's transaction (so only committed registrations are mailed)
-- and sent after commit by the mail job, retried with growing delays. The token is here in clear only while the mail
-- is pending: the row is deleted once sent, or when the registration's personal data is erased, and a mail given up
-- on loses its token. `last_error` holds the class of the failure, never the SMTP reply (it may quote the address).
CREATE TABLE registrant_mail (
    registration_id  UUID          PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
    token            VARCHAR(64),
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    last_error       VARCHAR(200),
    created_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX registrant_mail_due ON registrant_mail (next_attempt_at);
