-- Platform table, present in every service's schema: responses of POST requests sent with an Idempotency-Key.
-- Written in the same transaction as the request's effect, so a key exists exactly when its effect does.
CREATE TABLE idempotency_record (
    scope         VARCHAR(400) NOT NULL,
    idem_key      VARCHAR(255) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    status        INTEGER,
    location      VARCHAR(2000),
    etag          VARCHAR(200),
    body          TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_created_at ON idempotency_record (created_at);
