-- When the engineer checked in on site (the phone's 签到, the step's own time): a visit under way then
-- counts only what is left of its expected time on site, not the whole of it.
ALTER TABLE dispatch_assignments ADD COLUMN on_site_at timestamptz;
