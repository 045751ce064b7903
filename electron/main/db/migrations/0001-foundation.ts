import type { Migration } from '../../../platform/db/migration';

export const migration0001 = {
  version: 1,
  name: 'foundation: site, people, settings, audit',
  up: /* sql */ `
    CREATE TABLE site (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      -- A demo / training site: generated data, marked DEMO on every screen.
      demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE app_user (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      badge TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('picker', 'receiver', 'shift_lead', 'admin')),
      -- scrypt$N$r$p$salt$hash (base64): self-describing so the cost can rise later.
      pin_hash TEXT NOT NULL,
      locale TEXT NOT NULL CHECK (locale IN ('fr', 'en', 'zh-CN')),
      disabled_at INTEGER,
      locked_until INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE pin_failure (
      id INTEGER PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES app_user (id),
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX pin_failure_by_user ON pin_failure (user_id, at);

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      user_id INTEGER REFERENCES app_user (id),
      action TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
      target TEXT,
      detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX audit_by_outcome ON audit (outcome, id);

    -- Append-only: what happened stays as it was recorded (DOMAIN: every action attributed).
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `,
} satisfies Migration;
