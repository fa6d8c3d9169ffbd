-- Part of 0023_resolution_requirements (split by owning module; a database that applied 0023_resolution_requirements.sql has applied it).
-- Resolving a ticket needs what a service team needs: a resolution note (解决说明) on the ticket, and per
-- ticket type which of the note, a category and an assignee are required before 已解决 (all by default;
-- tickets without a type ask for all three). Channels and automations resolving on their own are not held
-- to them (see tickets/resolve-rules.ts).
ALTER TABLE tickets ADD COLUMN resolution text;
