-- Issue 15: scholarships are awarded only with the consent of an institution of the mobility. An institution applies
-- for a scholarship for its mobility; the application shows the mobility to the funder and lets the funder award it.
-- No personal data here: the mobility is named by id only.
CREATE TABLE scholarship_application (
    id              UUID          PRIMARY KEY,
    scholarship_id  UUID          NOT NULL REFERENCES scholarship (id),
    mobility_id     UUID          NOT NULL REFERENCES mobility (id),
    applied_by      VARCHAR(253)  NOT NULL,
    applied_at      TIMESTAMPTZ   NOT NULL,
    UNIQUE (scholarship_id, mobility_id)
);
CREATE INDEX scholarship_application_list ON scholarship_application (scholarship_id, applied_at, id);
