-- Registrations. Seats are accounted under a lock on the event's row (see RegistrationDesk), so the number of
-- CONFIRMED rows never exceeds the event's capacity; `queued_at` orders the waiting list (first come, first promoted;
-- the lock serialises registrations, so their instants are distinct).
-- `participant_key` identifies the person within the event: the token subject for self-registration, the e-mail for
-- delegation members; one active registration per person and event.
CREATE TABLE registration (
    id                UUID          PRIMARY KEY,
    event_id          UUID          NOT NULL REFERENCES event (id),
    participant_key   VARCHAR(320)  NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    email             VARCHAR(320),
    organization      VARCHAR(253),
    delegation_id     UUID,
    registered_by     VARCHAR(320)  NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    queued_at         TIMESTAMPTZ   NOT NULL,
    checked_in_at     TIMESTAMPTZ,
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX registration_active_person ON registration (event_id, participant_key)
    WHERE status IN ('PENDING', 'CONFIRMED', 'WAITLISTED');
CREATE INDEX registration_event_status ON registration (event_id, status, queued_at);
CREATE INDEX registration_delegation ON registration (delegation_id);
