import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, makePrivate } from './private-files';

/** Where the centre token lives: never in the database, never in a log. */
export type SecretStore = {
  /** Said in the start-up log: which store keeps the station's secrets, and where. */
  readonly describe: string;
  readonly get: (name: string) => string | null;
  readonly set: (name: string, value: string) => void;
};

/**
 * Web host and tests: a file readable by this user only (0600, folder 0700). Not encrypted: the
 * host that chooses it says so in its start-up log (issue #8: no silent plaintext fallback).
 */
export function fileSecretStore(dataDir: string): SecretStore {
  const dir = join(dataDir, 'secrets');
  const file = (name: string): string => join(dir, name.replace(/[^a-z0-9-]/gi, '_'));
  return {
    describe: `plain file readable by this user only (0600) in ${dir}`,
    get: (name) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : null),
    set: (name, value) => {
      ensurePrivateDir(dir);
      writeFileSync(file(name), value, { mode: 0o600 });
      makePrivate(file(name));
    },
  };
}
