-- The visit booked with the customer (预约上门, the field module's field.visit_booked): a visit booked for
-- later stays with its engineer when their shift ends, and counts in the load of its own day.
ALTER TABLE dispatch_assignments ADD COLUMN booked_start timestamptz;
ALTER TABLE dispatch_assignments ADD COLUMN booked_end timestamptz;
