-- Ticket intelligence: per tenant and target (category, team, priority) the trained text model with
-- its measured quality; the tenant's settings (confidence threshold, auto-apply, cold-start keyword
-- rules); agents' corrections, the training signal applied to the next predictions before the next
-- retraining. A ticket's analysis is computed when asked, not stored.
CREATE TABLE intelligence_models (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target text NOT NULL CHECK (target IN ('category', 'team', 'priority')),
  trained_at timestamptz NOT NULL,
  examples integer NOT NULL,
  held_out integer NOT NULL,
  accuracy double precision,
  macro_f1 double precision,
  classes jsonb NOT NULL,
  confusion jsonb NOT NULL,
  model bytea NOT NULL,
  -- softmax temperature fitted on the held-back tickets: confidences that mean what they say
  temperature double precision NOT NULL DEFAULT 5,
  -- the last correction already part of the training data
  feedback_upto bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, target)
);

CREATE TABLE intelligence_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  threshold double precision NOT NULL DEFAULT 0.5,
  auto_apply boolean NOT NULL DEFAULT true,
  rules jsonb NOT NULL DEFAULT '[]',
  -- one process trains a tenant at a time: it holds this until it is done (or the lease runs out)
  training_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intelligence_feedback (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  target text NOT NULL,
  value text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX intelligence_feedback_tenant ON intelligence_feedback (tenant_id, id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['intelligence_models', 'intelligence_settings', 'intelligence_feedback'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
GRANT USAGE ON SEQUENCE intelligence_feedback_id_seq TO {{APP_ROLE}};
