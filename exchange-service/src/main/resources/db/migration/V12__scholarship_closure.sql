-- Issue 18: a scholarship's funder may close it; a closed scholarship takes no more applications or awards (the
-- awards made stay). Open scholarships have no closed_at.
ALTER TABLE scholarship ADD COLUMN closed_at TIMESTAMPTZ;
