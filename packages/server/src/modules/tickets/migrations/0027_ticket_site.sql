-- Where a field ticket's work is (上门地址): a point and an address, for dispatch (travel from the engineer's
-- position, the dispatch map). Both coordinates or neither.
ALTER TABLE tickets ADD COLUMN site_lat double precision CHECK (site_lat BETWEEN -90 AND 90);
ALTER TABLE tickets ADD COLUMN site_lng double precision CHECK (site_lng BETWEEN -180 AND 180);
ALTER TABLE tickets ADD COLUMN site_address text;
ALTER TABLE tickets ADD CONSTRAINT tickets_site_complete CHECK ((site_lat IS NULL) = (site_lng IS NULL));
