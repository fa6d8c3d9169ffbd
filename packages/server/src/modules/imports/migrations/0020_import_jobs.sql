-- Import jobs: a file of historical tickets uploaded through the console (or the API) and imported in
-- the background, chunk by chunk, so that an embedded (PGlite) server can import while it serves. The
-- file itself is in the files store (storage_key); the row holds the progress committed after each
-- chunk, the first failed rows, and the lease of the one process working on the job.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  file_name text NOT NULL,
  file_size bigint NOT NULL,
  storage_key text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  total_rows integer NOT NULL,
  processed_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  exists_count integer NOT NULL DEFAULT 0,
  failed_count integer NOT NULL DEFAULT 0,
  -- the first failed rows: [{row, externalId, code, field, message}]
  errors jsonb NOT NULL DEFAULT '[]',
  -- who uploaded the file (type, id, name): the imported tickets' events name them
  actor jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  -- last progress or turn: jobs of several tenants take turns in this order
  updated_at timestamptz NOT NULL,
  -- one process works on a job at a time: it holds this until its turn ends (or the lease runs out)
  leased_until timestamptz,
  lease_owner text,
  -- chunks that failed one after the other (not rows refused by the import: errors of the process)
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX import_jobs_tenant ON import_jobs (tenant_id, created_at DESC);
CREATE INDEX import_jobs_pending ON import_jobs (updated_at) WHERE state IN ('queued', 'running');

ALTER TABLE import_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_jobs USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON import_jobs TO {{APP_ROLE}};
