import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from './harness';

// `npm run bench` runs every bench/*.bench.ts; `npm run bench -- stock.` only names starting so.
// Each figure is one JSON line on stdout (docs/design.md §8); progress goes to stderr.

const prefix = process.argv[2] ?? '';
const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
for (const file of files) {
  const module = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { benches: readonly Bench[] };
  for (const bench of module.benches) {
    if (!bench.name.startsWith(prefix) && !prefix.startsWith(bench.name)) continue;
    process.stderr.write(`bench: ${bench.name}…\n`);
    for (const result of await bench.run()) {
      if (result.bench.startsWith(prefix)) process.stdout.write(`${JSON.stringify(result)}\n`);
    }
  }
}
