-- A day with a plan is planned again when any on-site job is assigned to the engineer (reason
-- 'assigned'), not only an urgent one; stops also carry the SLA deadline (slaDueAt, late) in their JSON.
ALTER TABLE route_plans DROP CONSTRAINT route_plans_reason_check;
ALTER TABLE route_plans ADD CONSTRAINT route_plans_reason_check CHECK (reason IN ('request', 'team', 'urgent', 'assigned'));
