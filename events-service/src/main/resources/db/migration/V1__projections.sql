-- What events-service knows about agreements and programmes, built only from their owners' events: enough to
-- validate links and to show a linked agreement's current status. `version` is the owner's version the copy reflects.
CREATE TABLE agreement_projection (
    agreement_id  UUID          PRIMARY KEY,
    code          VARCHAR(64)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    visibility    VARCHAR(20)   NOT NULL,
    parties       JSONB         NOT NULL,
    version       BIGINT        NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);

CREATE TABLE program_projection (
    program_id    UUID          PRIMARY KEY,
    code          VARCHAR(64)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    agreement_id  UUID          NOT NULL,
    institutions  JSONB         NOT NULL,
    version       BIGINT        NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL
);
