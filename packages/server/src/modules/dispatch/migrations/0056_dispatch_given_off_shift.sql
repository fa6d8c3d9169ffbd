-- Work given to someone already off shift (a supervisor's 强制派单, a ticket created with them as
-- assignee): the end of the shift they are not on does not hand it back; once they are seen on shift it
-- is like any other work (cleared), and the end of that shift hands it back if it has not started.
ALTER TABLE dispatch_assignments ADD COLUMN given_off_shift boolean NOT NULL DEFAULT false;
