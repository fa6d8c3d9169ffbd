-- Under row-level security PostgreSQL evaluates only LEAKPROOF operators before the policy, so the
-- GIN indexes on tickets.search (@@) and tickets.tags (@>) would never be used for the application
-- role. These built-in operators reveal nothing about rows in their errors; marking them LEAKPROOF
-- needs a superuser. Without one, search stays correct but scans instead of using the indexes.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ALTER FUNCTION pg_catalog.arraycontains(anyarray, anyarray) LEAKPROOF;
    ALTER FUNCTION pg_catalog.arrayoverlap(anyarray, anyarray) LEAKPROOF;
  ELSE
    RAISE NOTICE 'not a superuser: text and tag search will not use their GIN indexes under row-level security';
  END IF;
END $$;
