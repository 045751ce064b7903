import { join } from 'node:path';

/**
 * Where the Electron build of better-sqlite3 lives (docs/adr/0002-native-sqlite-two-runtimes.md):
 * packaged apps carry it in resources/native; a checkout has it in the cache that
 * `npm run native:electron` fills. node_modules keeps the Node build for tests and the web host.
 */
export function electronNativeBinding(options: {
  readonly packaged: boolean;
  readonly resourcesPath: string;
  readonly appPath: string;
  readonly modules: string;
  readonly arch: string;
}): string {
  if (options.packaged) return join(options.resourcesPath, 'native', 'better_sqlite3.node');
  return join(options.appPath, 'node_modules', '.cache', 'quai-native', nativeCacheName(options.modules, options.arch), 'better_sqlite3.node');
}

/** The folder electron/tools/native-electron.mjs writes (a plain .mjs script: it cannot import this). */
const nativeCacheName = (modules: string, arch: string): string => `electron-abi${modules}-${arch}`;
