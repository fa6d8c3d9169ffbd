-- Failed sign-ins, for throttling password guessing per email address (platform table, no tenant).
CREATE TABLE login_failures (
  email text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_email ON login_failures (email, at);
