import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, makePrivate } from '../platform/private-files';
import type { SecretStore } from '../platform/secrets';

/** What Electron's safeStorage offers (OS keychain / DPAPI / libsecret); injected so tests need no Electron. */
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
    describe: `Electron safeStorage (encrypted by the operating system) in ${dir}`,
    get: (name) => (existsSync(file(name)) ? safeStorage.decryptString(readFileSync(file(name))) : null),
    set: (name, value) => {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('the operating system offers no encryption for secrets (safeStorage)');
      ensurePrivateDir(dir);
      writeFileSync(file(name), safeStorage.encryptString(value), { mode: 0o600 });
      makePrivate(file(name));
    },
  };
}
