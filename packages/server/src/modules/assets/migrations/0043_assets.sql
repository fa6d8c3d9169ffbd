-- Assets for field service (设备): product line, where the asset is (address and WGS-84 position),
-- installation date, warranty end, a parent (a building → its lifts; cycles refused by the module),
-- and the unguessable token its QR label carries to the portal (扫码报修), so the label names no
-- internal id and strangers cannot walk the serials.
ALTER TABLE assets ADD COLUMN product_line text;
ALTER TABLE assets ADD COLUMN address text;
ALTER TABLE assets ADD COLUMN lat double precision CHECK (lat BETWEEN -90 AND 90);
ALTER TABLE assets ADD COLUMN lng double precision CHECK (lng BETWEEN -180 AND 180);
ALTER TABLE assets ADD CONSTRAINT assets_position_complete CHECK ((lat IS NULL) = (lng IS NULL));
ALTER TABLE assets ADD COLUMN installed_on date;
ALTER TABLE assets ADD COLUMN warranty_end date;
ALTER TABLE assets ADD COLUMN parent_id uuid REFERENCES assets(id) ON DELETE SET NULL;
ALTER TABLE assets ADD CONSTRAINT assets_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id);
-- 122 random bits (gen_random_uuid draws from the strong random source); new rows get one by default
ALTER TABLE assets ADD COLUMN qr_token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX assets_qr_token ON assets (tenant_id, qr_token);
CREATE INDEX assets_parent ON assets (tenant_id, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX assets_organization ON assets (tenant_id, organization_id) WHERE organization_id IS NOT NULL;
