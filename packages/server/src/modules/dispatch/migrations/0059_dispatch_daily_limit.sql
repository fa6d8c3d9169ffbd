-- 每日上限: the most work of a kind a person is given in one day (e.g. 5 on-site visits), on top of the
-- work they may hold at once (capacity). Per person, else the tenant policy's default; '{}': no limit.
ALTER TABLE dispatch_profiles ADD COLUMN daily_limit jsonb NOT NULL DEFAULT '{}';
ALTER TABLE dispatch_policies ADD COLUMN default_daily_limit jsonb NOT NULL DEFAULT '{}';
