-- The asset (设备) a ticket is about: its history lists the ticket; alarm, preventive and portal
-- (扫码报修) tickets carry it. Removing the asset keeps the ticket.
ALTER TABLE tickets ADD COLUMN asset_id uuid REFERENCES assets(id) ON DELETE SET NULL;
CREATE INDEX tickets_asset ON tickets (tenant_id, asset_id, created_at DESC) WHERE asset_id IS NOT NULL;
