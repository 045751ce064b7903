import { AppError } from '../errors';

/**
 * better-sqlite3 is a native addon: it must be compiled for the runtime that loads it (Node for
 * tests and the web host, Electron for the station window). Electron's copy lives apart and is
 * passed as `nativeBinding` (docs/adr/0002-native-sqlite-two-runtimes.md), so nothing flip-flops.
 * When the wrong one loads anyway, say which runtime wanted what and how to rebuild.
 */
export function explainNativeLoadError(error: unknown, runtime: Readonly<NativeRuntime>): AppError | null {
  const message = error instanceof Error ? error.message : String(error);
  const compiledFor = /NODE_MODULE_VERSION (\d+)/.exec(message)?.[1];
  if (compiledFor !== undefined) {
    return new AppError(
      'DB_NATIVE_MODULE_MISMATCH',
      `better-sqlite3 was compiled for NODE_MODULE_VERSION ${compiledFor}, but ${runtime.name} needs ${runtime.modules}. ` +
        `Rebuild it with: ${runtime.rebuildCommand}`,
      { compiledFor: Number(compiledFor), required: Number(runtime.modules), rebuild: runtime.rebuildCommand },
    );
  }
  if (/Cannot find module|Could not locate the bindings file|ERR_DLOPEN_FAILED|No such file/i.test(message)) {
    return new AppError(
      'DB_NATIVE_MODULE_MISSING',
      `better-sqlite3's native module could not be loaded for ${runtime.name} (${message.split('\n')[0]}). ` + `Build it with: ${runtime.rebuildCommand}`,
      { rebuild: runtime.rebuildCommand },
    );
  }
  return null;
}

export type NativeRuntime = { readonly name: string; readonly modules: string; readonly rebuildCommand: string };

export function currentRuntime(): NativeRuntime {
  const electron = process.versions.electron;
  return electron
    ? { name: `Electron ${electron}`, modules: process.versions.modules, rebuildCommand: 'npm run native:electron' }
    : { name: `Node ${process.versions.node}`, modules: process.versions.modules, rebuildCommand: 'npm rebuild better-sqlite3' };
}
