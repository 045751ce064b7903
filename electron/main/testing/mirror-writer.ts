import type { MirrorWriterScript } from '../sync/mirror-writer';

/** The mirror writer's TypeScript entry, loaded through tsx on its own thread (tests and benches; the hosts ship it built). */
export const mirrorWriterFromSource: MirrorWriterScript = {
  source: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('../sync/mirror-writer.worker.ts', import.meta.url).href)}); });`,
};
