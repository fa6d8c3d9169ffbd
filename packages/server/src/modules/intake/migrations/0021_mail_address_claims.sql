-- Mail routing is across tenants: the SMTP listener routes a recipient to the email channel with that
-- exact address, else to the one holding its @domain. So no tenant may hold an address that overlaps
-- one of another tenant's email channels: the same address, or an @domain and an address in it (either
-- way round). Row-level security hides other tenants' channels from a tenant's session, so the check
-- is this deliberate cross-tenant function, which answers only "taken" (never whose).
--
-- It first takes a transaction lock on the domain: two tenants creating overlapping addresses at the
-- same moment are decided one after the other (the second one's check, a new statement after the
-- first committed, sees the first's channel). The caller inserts or updates in the same transaction.
CREATE OR REPLACE FUNCTION mail_address_taken(p_address text) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  a text := lower(trim(p_address));
  d text := substring(lower(trim(p_address)) from '@([^@]*)$');
BEGIN
  IF d IS NULL THEN
    RETURN false;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('gongdan:mail-domain:' || d));
  RETURN EXISTS (
    SELECT 1 FROM channels c
    WHERE c.kind = 'email' AND c.address IS NOT NULL
      AND c.tenant_id IS DISTINCT FROM current_tenant_id()
      AND substring(lower(c.address) from '@([^@]*)$') = d
      AND (lower(c.address) = a OR left(c.address, 1) = '@' OR left(a, 1) = '@')
  );
END $$;
REVOKE ALL ON FUNCTION mail_address_taken(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mail_address_taken(text) TO {{APP_ROLE}};

CREATE INDEX channels_mail_domain ON channels (substring(lower(address) from '@([^@]*)$')) WHERE kind = 'email' AND address IS NOT NULL;
