CREATE TABLE item (
    id         UUID PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
INSERT INTO item (id, name, created_at) VALUES ('5eed0000-0000-4000-8000-00000000ee01', 'peer', now());
