import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the centre token lives: never in the database, never in a log. */
export type SecretStore = {
  readonly get: (name: string) => string | null;
  readonly set: (name: string, value: string) => void;
};

/** Web host and tests: a file readable by this user only (0600, folder 0700). */
export function fileSecretStore(dataDir: string): SecretStore {
  const dir = join(dataDir, 'secrets');
  const file = (name: string): string => join(dir, name.replace(/[^a-z0-9-]/gi, '_'));
  return {
    get: (name) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : null),
    set: (name, value) => {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file(name), value, { mode: 0o600 });
      chmodSync(file(name), 0o600);
    },
  };
}

/** What Electron's safeStorage offers (OS keychain / DPAPI / libsecret); injected so this file needs no Electron. */
export type SafeStorage = {
  readonly isEncryptionAvailable: () => boolean;
  readonly encryptString: (plain: string) => Buffer;
  readonly decryptString: (encrypted: Buffer) => string;
};

/** Electron: the token encrypted by the OS before it touches the disk. */
export function safeStorageSecretStore(dataDir: string, safeStorage: SafeStorage): SecretStore {
  const dir = join(dataDir, 'secrets');
  const file = (name: string): string => join(dir, `${name.replace(/[^a-z0-9-]/gi, '_')}.enc`);
  return {
    get: (name) => (existsSync(file(name)) ? safeStorage.decryptString(readFileSync(file(name))) : null),
    set: (name, value) => {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the operating system offers no encryption for secrets (safeStorage)');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file(name), safeStorage.encryptString(value), { mode: 0o600 });
    },
  };
}
