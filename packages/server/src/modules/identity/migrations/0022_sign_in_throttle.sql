-- Sign-in throttling (platform table, no tenant): failure counters per (account, address) pair, per
-- client address and per account, each with the time of its last counted attempt. The rules that
-- turn them into waits live in modules/identity/sign-in-throttle-rules.ts. They replace the per-email
-- failure log, whose lockout also locked out the right password.
DROP TABLE login_failures;
CREATE TABLE login_throttle (
  kind text NOT NULL CHECK (kind IN ('pair', 'address', 'account')),
  key text NOT NULL,
  failures integer NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX login_throttle_last_at ON login_throttle (last_at);
