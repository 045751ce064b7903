// Builds better-sqlite3 for Electron's ABI into node_modules/.cache/quai-native, beside (not over)
// the Node build that tests and the web host load. See docs/adr/0002-native-sqlite-two-runtimes.md.
//
// Needs the network once per Electron version: node-gyp downloads Electron's headers from
// https://electronjs.org/headers. `npm start` and the packaging scripts run it; `npm test` never does.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const abi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
const arch = process.env.QUAI_NATIVE_ARCH ?? process.arch;
const cache = join(root, 'node_modules/.cache/quai-native');
const target = join(cache, `electron-abi${abi}-${arch}`, 'better_sqlite3.node');
const current = join(cache, 'current', 'better_sqlite3.node');

const log = (line) => process.stdout.write(`native:electron: ${line}\n`);

if (existsSync(target)) {
  log(`better-sqlite3 for Electron ${electronVersion} (ABI ${abi}, ${arch}) is up to date`);
} else {
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(cache, `src-electron-abi${abi}-${arch}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });

  // ~/.npmrc sets nodedir=/usr, which npm passes on as npm_config_nodedir: node-gyp would then use
  // Node's headers and "build for Electron" against Node's ABI without a word. Drop npm's settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const args = [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
  ];
  log(`building better-sqlite3 for Electron ${electronVersion} (ABI ${abi}, ${arch}); this downloads Electron's headers once`);
  const build = spawnSync(process.execPath, args, { cwd: work, env, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('native:electron: the build failed (network needed for Electron headers, and a C++ toolchain).\n');
    process.exit(1);
  }
  const built = join(work, 'build/Release/better_sqlite3.node');
  // Proof it is not a Node build: Node must refuse to load it, naming Electron's ABI.
  try {
    require(built);
    process.stderr.write(`native:electron: ${built} loads in Node ${process.version}: it was built for Node, not Electron.\n`);
    process.exit(1);
  } catch (error) {
    if (!String(error).includes(`NODE_MODULE_VERSION ${abi}`)) {
      process.stderr.write(`native:electron: unexpected load error, not ABI ${abi}: ${String(error)}\n`);
      process.exit(1);
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(built, target);
  log(`built ${target}`);
}
// The packaging step (electron-builder extraResources) takes the build for this machine's target.
mkdirSync(dirname(current), { recursive: true });
cpSync(target, current);
